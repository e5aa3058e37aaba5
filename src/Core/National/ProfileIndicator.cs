using System.Globalization;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.National;

/// <summary>
/// Outcome and offence profiles for children aged 10-17 (at the outcome) resident in the area, in the period:
/// outcomes by type (<see cref="ProfileKind.OutcomeType"/>), proven offences by group and by gravity
/// (<see cref="ProfileKind.Offence"/>), and the share of court and out-of-court outcomes given at court
/// (<see cref="ProfileKind.CourtShare"/>). Values are percentages; every row carries its count (numerator) and base
/// (denominator).
/// </summary>
/// <remarks>
/// <para><b>Outcome profile</b>: every outcome dated in the period (substantive or not, including no further action,
/// remands and breaches). The <c>outcome-type</c> breakdown is always given (ladder order); <c>outcome-category</c>,
/// <c>substantive</c>, <c>sex</c>, <c>age-band</c> and <c>ethnicity-group</c> on request. The total is 100% of the count.</para>
/// <para><b>Offence profile</b>: offences disposed of by a proving outcome (caution or conviction) dated in the period,
/// each offence once. The <c>offence-group</c> and <c>gravity</c> breakdowns are always given.</para>
/// <para><b>Court share</b>: court outcomes / (court + out-of-court outcomes, informal included), with Wilson intervals.
/// Breakdowns <c>sex</c>, <c>age-band</c>, <c>ethnicity-group</c>.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ProfileIndicator : NationalIndicator
{
    private readonly ProfileKind _profile;
    private readonly string[] _provingTypes;

    /// <summary>Creates the indicator from a definition (see <see cref="NationalIndicators.OutcomeProfile"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">A required parameter is missing.</exception>
    /// <exception cref="FormatException">A parameter cannot be read.</exception>
    public ProfileIndicator(IndicatorDefinition definition)
        : base(definition)
    {
        _profile = Enum(definition, NationalParameters.Profile, ProfileKind.OutcomeType);
        _provingTypes = _profile == ProfileKind.Offence ? [.. definition.GetList(NationalParameters.ProvingOutcomeTypes)] : [];
    }

    private readonly record struct Unit(int Child, int Outcome, int Offence, int Age, bool Counts);

    private protected override void ComputePeriod(PeriodRequest request, List<IndicatorResult> sink)
    {
        var ix = request.Index;
        var proving = ix.TypeMask(_provingTypes);
        var perArea = request.PerArea<Unit>();
        var seen = new List<int>();
        for (var c = 0; c < ix.ChildCount; c++)
        {
            var slot = request.SlotOfChild(c);
            if (slot < 0)
            {
                continue;
            }
            seen.Clear();
            for (var o = ix.ChildOutcomeStart[c]; o < ix.ChildOutcomeStart[c + 1]; o++)
            {
                var day = ix.OutcomeDate[o];
                if (day < request.Start || day > request.End)
                {
                    continue;
                }
                var age = ix.AgeOn(c, day, LeapDayRule);
                if (!InAgeRange(age))
                {
                    continue;
                }
                var type = ix.Types[ix.OutcomeType[o]];
                switch (_profile)
                {
                    case ProfileKind.OutcomeType:
                        perArea[slot].Add(new Unit(c, o, -1, age, true));
                        break;
                    case ProfileKind.CourtShare when type.IsCourt || type.IsOutOfCourt:
                        perArea[slot].Add(new Unit(c, o, -1, age, type.IsCourt));
                        break;
                    case ProfileKind.Offence when proving[ix.OutcomeType[o]]:
                        foreach (var f in ix.OffencesOf(o))
                        {
                            if (!seen.Contains(f))
                            {
                                seen.Add(f);
                                perArea[slot].Add(new Unit(c, o, f, age, true));
                            }
                        }
                        break;
                    default:
                        break;
                }
            }
        }

        for (var slot = 0; slot < request.AreaCount; slot++)
        {
            var units = perArea[slot];
            sink.Add(Make(request, slot, units, units, BreakdownKey.Total));
            var dimensions = _profile switch
            {
                ProfileKind.OutcomeType => request.Breakdowns.Contains(Dimensions.OutcomeType) ? request.Breakdowns : [Dimensions.OutcomeType, .. request.Breakdowns],
                ProfileKind.Offence => [.. new[] { Dimensions.OffenceGroup, Dimensions.Gravity }.Union(request.Breakdowns, StringComparer.Ordinal)],
                _ => request.Breakdowns,
            };
            foreach (var dimension in dimensions)
            {
                foreach (var (key, group) in Dimensions.Group(dimension, units, u => Key(ix, u, dimension)))
                {
                    // A profile row is a share of the whole; a court-share row is the court share within the group.
                    sink.Add(Make(request, slot, group, _profile == ProfileKind.CourtShare ? group : units, key));
                }
            }
        }
    }

    private (int Order, string Label)? Key(Engine.DatasetIndex ix, Unit u, string dimension)
    {
        var type = ix.Types[ix.OutcomeType[u.Outcome]];
        return dimension switch
        {
            Dimensions.Sex => ((int)ix.ChildSex[u.Child], ix.ChildSex[u.Child].ToString()),
            Dimensions.EthnicityGroup => ((int)ix.ChildEthnicity[u.Child], ix.ChildEthnicity[u.Child].ToString()),
            Dimensions.AgeBand => Dimensions.AgeBandOf(u.Age) is var b and >= 0 ? (b, Dimensions.AgeBands[b]) : null,
            Dimensions.OutcomeType when _profile != ProfileKind.Offence => (Dimensions.TypeOrder(type, ix.OutcomeType[u.Outcome]), type.Code),
            Dimensions.OutcomeCategory when _profile != ProfileKind.Offence => ((int)type.Category, type.Category.ToString()),
            Dimensions.Substantive when _profile != ProfileKind.Offence => type.IsSubstantive ? (0, "substantive") : (1, "non-substantive"),
            Dimensions.OffenceGroup when u.Offence >= 0 => ((int)ix.OffenceGroups[u.Offence], ix.OffenceGroups[u.Offence].ToString()),
            Dimensions.Gravity when u.Offence >= 0 => (ix.OffenceGravity[u.Offence], ix.OffenceGravity[u.Offence].ToString(CultureInfo.InvariantCulture)),
            _ => null,
        };
    }

    private IndicatorResult Make(PeriodRequest request, int slot, List<Unit> units, List<Unit> baseUnits, BreakdownKey key)
    {
        var numerator = units.Count(u => u.Counts);
        var result = Result(request, slot, numerator, baseUnits.Count, IntervalMethod.Wilson, key);
        if (!request.CollectEvidence)
        {
            return result;
        }
        var ix = request.Index;
        return _profile == ProfileKind.Offence
            ? result with { Evidence = Evidence(units.Select(u => ix.OffenceIds[u.Offence]), baseUnits.Select(u => ix.OffenceIds[u.Offence]), "offence", "offence") }
            : result with
            {
                Evidence = Evidence(
                    units.Where(u => u.Counts).Select(u => ix.OutcomeIds[u.Outcome]),
                    baseUnits.Select(u => ix.OutcomeIds[u.Outcome]),
                    "outcome", "outcome"),
            };
    }
}
