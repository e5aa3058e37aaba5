using YouthJustice.Sdk.Domain;

namespace YouthJustice.Sdk.Synthetic;

/// <summary>
/// Relative shares of the ethnicity reporting groups in a population. The shares are weights: they need not sum to 1
/// and are normalised when used.
/// </summary>
/// <param name="WhiteBritish">Weight of <see cref="EthnicityGroup.WhiteBritish"/>.</param>
/// <param name="WhiteOther">Weight of <see cref="EthnicityGroup.WhiteOther"/>.</param>
/// <param name="Mixed">Weight of <see cref="EthnicityGroup.Mixed"/>.</param>
/// <param name="Asian">Weight of <see cref="EthnicityGroup.Asian"/>.</param>
/// <param name="Black">Weight of <see cref="EthnicityGroup.Black"/>.</param>
/// <param name="Other">Weight of <see cref="EthnicityGroup.Other"/>.</param>
/// <param name="NotKnown">Weight of <see cref="EthnicityGroup.NotKnown"/> (refused or not obtained). Population estimates
/// never have this group; school census counts and case records do.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record EthnicityMix(double WhiteBritish, double WhiteOther, double Mixed, double Asian, double Black, double Other, double NotKnown = 0)
{
    /// <summary>The weight of one group.</summary>
    public double WeightOf(EthnicityGroup group) => group switch
    {
        EthnicityGroup.WhiteBritish => WhiteBritish,
        EthnicityGroup.WhiteOther => WhiteOther,
        EthnicityGroup.Mixed => Mixed,
        EthnicityGroup.Asian => Asian,
        EthnicityGroup.Black => Black,
        EthnicityGroup.Other => Other,
        EthnicityGroup.NotKnown => NotKnown,
        _ => 0,
    };

    /// <summary>The sum of every weight.</summary>
    public double Total => WhiteBritish + WhiteOther + Mixed + Asian + Black + Other + NotKnown;

    internal void Validate(string paramName)
    {
        foreach (var group in SyntheticTables.Groups)
        {
            var w = WeightOf(group);
            if (!(w >= 0) || double.IsInfinity(w))
            {
                throw new ArgumentException($"The ethnicity weight of {group} must be a finite number zero or above; it was {w}.", paramName);
            }
        }
        if (WhiteBritish + WhiteOther + Mixed + Asian + Black + Other <= 0)
        {
            throw new ArgumentException("An ethnicity mix needs a positive weight for at least one known group.", paramName);
        }
    }
}
