using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.National;

/// <summary>
/// First time entrants (FTE): children aged 10-17 resident in the area whose first ever statutory outcome (youth
/// caution, youth conditional caution or court disposal) fell in the period; as a count or a rate per 100,000 of the
/// area's 10-17 population.
/// </summary>
/// <remarks>
/// <para>Counting rules: a child is an FTE once in a lifetime, in the period of their first ever qualifying outcome
/// (an earlier qualifying outcome, in any period, means they are not an FTE later); informal outcomes (community
/// resolutions, outcome 22/21) and no-further-action never qualify; the child must be in the age range on the date the
/// <see cref="AgeRule"/> selects; the area is the child's home area.</para>
/// <para>Breakdowns: <c>sex</c>, <c>age-band</c> (10-14, 15-17) and <c>ethnicity-group</c>; rates use the matching
/// population slice (by-sex rows, ages of the band, rows with the ethnicity group set).</para>
/// <para>Evidence: the numerator lists child ids; the denominator is a population estimate (no records).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class FirstTimeEntrantsIndicator : NationalIndicator
{
    private readonly string[] _qualifying;
    private readonly AgeRule _ageRule;
    private readonly PopulationYearRule _yearRule;
    private readonly CountOrRate _measure;

    /// <summary>Creates the indicator from a definition (see <see cref="NationalIndicators.FirstTimeEntrantsRate"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">A required parameter is missing.</exception>
    /// <exception cref="FormatException">A parameter cannot be read.</exception>
    public FirstTimeEntrantsIndicator(IndicatorDefinition definition)
        : base(definition)
    {
        _qualifying = [.. definition.GetList(NationalParameters.QualifyingOutcomeTypes)];
        _ageRule = Enum(definition, NationalParameters.AgeRule, AgeRule.AgeAtOutcome);
        _yearRule = Enum(definition, NationalParameters.PopulationYearRule, PopulationYearRule.PeriodStartYear);
        _measure = Enum(definition, NationalParameters.Measure, CountOrRate.Rate);
    }

    private readonly record struct Entrant(int Child, int Outcome, int Age);

    private protected override void ComputePeriod(PeriodRequest request, List<IndicatorResult> sink)
    {
        var ix = request.Index;
        var qualifies = ix.TypeMask(_qualifying);
        var perArea = request.PerArea<Entrant>();
        for (var c = 0; c < ix.ChildCount; c++)
        {
            var slot = request.SlotOfChild(c);
            if (slot < 0)
            {
                continue;
            }
            // Outcomes are sorted by (date, id): the first qualifying one is the child's first ever.
            for (var o = ix.ChildOutcomeStart[c]; o < ix.ChildOutcomeStart[c + 1]; o++)
            {
                if (!qualifies[ix.OutcomeType[o]])
                {
                    continue;
                }
                var day = ix.OutcomeDate[o];
                if (day >= request.Start && day <= request.End)
                {
                    var ageDay = _ageRule == AgeRule.AgeAtOffence && ix.OutcomeEarliestOffence[o] != DatasetIndex.NoDay
                        ? ix.OutcomeEarliestOffence[o]
                        : day;
                    var age = ix.AgeOn(c, ageDay, LeapDayRule);
                    if (InAgeRange(age))
                    {
                        perArea[slot].Add(new Entrant(c, o, age));
                    }
                }
                break;
            }
        }

        for (var slot = 0; slot < request.AreaCount; slot++)
        {
            EmitPopulationBased(request, slot, perArea[slot], e => e.Child, e => e.Age, _measure, _yearRule,
                list => list.Count,
                list => Evidence(list.Select(e => ix.ChildIds[e.Child]), [], "child", "population"),
                sink);
        }
    }
}
