using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Indicators;
namespace YouthJustice.Sdk.National;

/// <summary>
/// Custody and remand: custodial sentences given in the period to children aged 10-17 (at sentence) resident in the
/// area, as a count or per 1,000 of the 10-17 population (each sentence counts, not each child); remand episodes
/// (each remand once) and distinct children remanded, as counts or per 1,000.
/// </summary>
/// <remarks>
/// <para>A remand episode is in a period when it began in it (<see cref="RemandEpisodeRule.StartedInPeriod"/>, the
/// default) or, revised, when it was in force on any day of it. The child's age is taken at the outcome date (for a
/// remand, the date it began).</para>
/// <para>Breakdowns: <c>sex</c>, <c>age-band</c>, <c>ethnicity-group</c>. Evidence: outcome ids (sentences, episodes)
/// or child ids (children remanded). Immutable and thread-safe.</para>
/// </remarks>
public sealed class CustodyIndicator : NationalIndicator
{
    private readonly CustodyMeasure _measure;
    private readonly CountOrRate _countOrRate;
    private readonly string[] _types;
    private readonly RemandEpisodeRule _remandRule;
    private readonly PopulationYearRule _yearRule;

    /// <summary>Creates the indicator from a definition (see <see cref="NationalIndicators.CustodyRate"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">A required parameter is missing.</exception>
    /// <exception cref="FormatException">A parameter cannot be read.</exception>
    public CustodyIndicator(IndicatorDefinition definition)
        : base(definition)
    {
        _measure = Enum(definition, NationalParameters.Measure, CustodyMeasure.CustodialSentences);
        _countOrRate = definition.Multiplier == 1m ? CountOrRate.Count : CountOrRate.Rate;
        _types = [.. definition.GetList(_measure == CustodyMeasure.CustodialSentences ? NationalParameters.CustodialOutcomeTypes : NationalParameters.RemandOutcomeTypes)];
        _remandRule = Enum(definition, NationalParameters.RemandEpisodeRule, RemandEpisodeRule.StartedInPeriod);
        _yearRule = Enum(definition, NationalParameters.PopulationYearRule, PopulationYearRule.PeriodStartYear);
    }

    private readonly record struct Unit(int Child, int Outcome, int Age);

    private protected override void ComputePeriod(PeriodRequest request, List<IndicatorResult> sink)
    {
        var ix = request.Index;
        var mask = ix.TypeMask(_types);
        var perArea = request.PerArea<Unit>();
        var overlapping = _measure != CustodyMeasure.CustodialSentences && _remandRule == RemandEpisodeRule.OverlappingPeriod;
        for (var c = 0; c < ix.ChildCount; c++)
        {
            var slot = request.SlotOfChild(c);
            if (slot < 0)
            {
                continue;
            }
            for (var o = ix.ChildOutcomeStart[c]; o < ix.ChildOutcomeStart[c + 1]; o++)
            {
                if (!mask[ix.OutcomeType[o]])
                {
                    continue;
                }
                var day = ix.OutcomeDate[o];
                var inPeriod = overlapping
                    ? day <= request.End && ix.OutcomeEnd[o] >= request.Start
                    : day >= request.Start && day <= request.End;
                if (!inPeriod)
                {
                    continue;
                }
                var age = ix.AgeOn(c, day, LeapDayRule);
                if (InAgeRange(age))
                {
                    perArea[slot].Add(new Unit(c, o, age));
                }
            }
        }
        for (var slot = 0; slot < request.AreaCount; slot++)
        {
            if (_measure == CustodyMeasure.RemandChildren)
            {
                EmitPopulationBased(request, slot, perArea[slot], u => u.Child, u => u.Age, _countOrRate, _yearRule,
                    list => list.Select(u => u.Child).Distinct().Count(),
                    list => Evidence(list.Select(u => ix.ChildIds[u.Child]).Distinct(StringComparer.Ordinal), [], "child", "population"),
                    sink);
            }
            else
            {
                EmitPopulationBased(request, slot, perArea[slot], u => u.Child, u => u.Age, _countOrRate, _yearRule,
                    list => list.Count,
                    list => Evidence(list.Select(u => ix.OutcomeIds[u.Outcome]), [], "outcome", "population"),
                    sink);
            }
        }
    }
}
