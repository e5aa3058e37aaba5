using NodaTime;
using System.Collections.Immutable;
using System.Globalization;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Kpis;

/// <summary>
/// KPI 9, serious violence: proven offences in the <c>offenceGroups</c> (default drugs, robbery, violence against the
/// person) with a gravity score of at least <c>minimumGravity</c> (default 5), committed by a child aged <c>minAge</c>-<c>maxAge</c>
/// (default 10-17) on the offence date, whose first substantive outcome (youth caution, youth conditional caution or
/// court disposal) falls in the period. Each offence counts once, in the period of its first substantive outcome.
/// The value is the count per the definition's multiplier (default 10,000) of the area's population aged
/// <c>minAge</c>-<c>maxAge</c>; <see cref="IndicatorResult.Numerator"/> is the count.
/// Results: the total, then <c>offence-group=violence-against-the-person|robbery|drugs</c> (each over the same population).
/// </summary>
/// <remarks>
/// <para>The population is the ONS mid-year estimate for the year the period starts in (2021/22 → mid-2021; the
/// <c>populationYearRule</c> parameter, default <c>PeriodStartYear</c>, can choose the year it ends in); when that year is
/// missing, the latest earlier year is used and the result's note says so; with no estimate the value is undefined.
/// All-persons rows (no sex, no ethnicity) are used where present, otherwise the rows by sex are summed.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class SeriousViolenceIndicator : KeyPerformanceIndicator
{
    /// <summary>The breakdown dimension of the offence groups.</summary>
    public const string OffenceGroupDimension = "offence-group";

    /// <summary>Creates the indicator with <paramref name="definition"/>, or the built-in <see cref="KeyPerformanceIndicators.SeriousViolence"/>.</summary>
    /// <exception cref="ArgumentException">The definition is for another indicator.</exception>
    public SeriousViolenceIndicator(IndicatorDefinition? definition = null)
        : base(definition ?? KeyPerformanceIndicators.SeriousViolence, KeyPerformanceIndicators.SeriousViolenceId)
    {
    }

    /// <summary>The breakdown value of an offence group, e.g. <c>violence-against-the-person</c>.</summary>
    public static string OffenceGroupValue(OffenceGroup group) => group switch
    {
        OffenceGroup.ViolenceAgainstThePerson => "violence-against-the-person",
        OffenceGroup.Robbery => "robbery",
        OffenceGroup.Burglary => "burglary",
        OffenceGroup.Theft => "theft",
        OffenceGroup.CriminalDamage => "criminal-damage",
        OffenceGroup.Drugs => "drugs",
        OffenceGroup.PossessionOfWeapons => "possession-of-weapons",
        OffenceGroup.Motoring => "motoring",
        OffenceGroup.Sexual => "sexual",
        OffenceGroup.PublicOrder => "public-order",
        _ => "other",
    };

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var groups = Definition.GetList(KeyPerformanceIndicators.OffenceGroupsParameter)
            .Select(s => Enum.TryParse<OffenceGroup>(s, ignoreCase: true, out var v) && Enum.IsDefined(v) ? v : throw new FormatException($"'{s}' is not an OffenceGroup."))
            .Distinct().ToList();
        var minGravity = Definition.GetInt(KeyPerformanceIndicators.MinimumGravityParameter);
        var minAge = Definition.GetInt(KeyPerformanceIndicators.MinAgeParameter);
        var maxAge = Definition.GetInt(KeyPerformanceIndicators.MaxAgeParameter);
        var yearRule = Definition.HasParameter(KeyPerformanceIndicators.PopulationYearRuleParameter)
            ? Definition.GetEnum<National.PopulationYearRule>(KeyPerformanceIndicators.PopulationYearRuleParameter)
            : National.PopulationYearRule.PeriodStartYear;
        var leapDay = KpiEngine.LeapDayRule(Definition);
        var dataset = context.Dataset;
        // The proven offences by area and the populations by area depend only on the dataset and the parameters, so they
        // are worked out once per dataset and shared (a report asks again for the trend's earlier periods).
        var (countedByArea, populationsByArea) = KpiLookups.For(dataset).Prepared(
            (nameof(SeriousViolenceIndicator), string.Join(",", groups), minGravity, minAge, maxAge, leapDay),
            () => Prepare(dataset, groups, minGravity, minAge, maxAge, leapDay));
        BreakdownKey[] layout = [BreakdownKey.Total, .. groups.Select(g => new BreakdownKey(OffenceGroupDimension, OffenceGroupValue(g)))];
        var results = new List<IndicatorResult>();
        foreach (var period in query.Periods)
        {
            foreach (var area in KpiEngine.ResolveAreas(dataset, query))
            {
                var inCell = countedByArea.TryGetValue(area, out var ofArea) ? ofArea.Where(c => period.Contains(c.Date)).ToList() : [];
                var wanted = yearRule == National.PopulationYearRule.PeriodEndYear ? period.End.Year : period.Start.Year;
                var (population, year) = Population(populationsByArea.TryGetValue(area, out var rowsOfArea) ? rowsOfArea : [], wanted, minAge, maxAge);
                foreach (var key in layout)
                {
                    var ids = inCell.Where(c => key.IsTotal || OffenceGroupValue(c.Group) == key.Value).Select(c => c.Id).Order(StringComparer.Ordinal).ToImmutableArray();
                    var result = IndicatorResultBuilder.Ratio(Definition, area, period, ids.Length, population, IntervalMethod.PoissonExact, key);
                    if (population is null)
                    {
                        result = result with { Value = null, Interval = null, Note = "No population estimate for the area: the count is given, the rate is undefined." };
                    }
                    else if (year != wanted)
                    {
                        result = result with { Note = string.Create(CultureInfo.InvariantCulture, $"Population: mid-{year} estimate (mid-{wanted} not available).") };
                    }
                    if (period.End > context.AsOf)
                    {
                        result = result with { Provisional = true };
                    }
                    if (query.CollectEvidence)
                    {
                        result = result with { Evidence = new ResultEvidence(ids, [], "offence", "population-estimate") };
                    }
                    results.Add(result);
                }
            }
        }
        return results;
    }

    private static Tuple<Dictionary<string, List<(string Id, string Area, LocalDate Date, OffenceGroup Group)>>, Dictionary<string, List<PopulationEstimate>>> Prepare(
        Dataset dataset, List<OffenceGroup> groups, int minGravity, int minAge, int maxAge, National.LeapDayBirthdayRule leapDay)
    {
        var children = KpiEngine.ChildrenById(dataset);
        // The first substantive outcome date of every offence.
        var firstProven = new Dictionary<string, LocalDate>(StringComparer.Ordinal);
        foreach (var outcome in dataset.Outcomes)
        {
            if (!outcome.Type.IsSubstantive || outcome.OffenceIds.IsDefault)
            {
                continue;
            }
            foreach (var id in outcome.OffenceIds)
            {
                if (!firstProven.TryGetValue(id, out var date) || outcome.OutcomeDate < date)
                {
                    firstProven[id] = outcome.OutcomeDate;
                }
            }
        }

        var counted = new List<(string Id, string Area, LocalDate Date, OffenceGroup Group)>();
        foreach (var offence in FirstOfEachId.Of(dataset.Offences, static o => o.Id))
        {
            if (offence.Gravity < minGravity || !groups.Contains(offence.Group)
                || !firstProven.TryGetValue(offence.Id, out var proven)
                || !children.TryGetValue(offence.ChildId, out var child))
            {
                continue;
            }
            var age = Engine.DateArithmetic.Age(child.DateOfBirth, offence.CommittedOn, leapDay);
            if (age >= minAge && age <= maxAge)
            {
                counted.Add((offence.Id, child.HomeAreaCode, proven, offence.Group));
            }
        }

        // Grouped by area once (not a scan of every offence and population row per area and period).
        var countedByArea = counted.GroupBy(c => c.Area, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var populationsByArea = dataset.Populations.GroupBy(p => p.AreaCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return Tuple.Create(countedByArea, populationsByArea);
    }

    private static (decimal? Population, int Year) Population(List<PopulationEstimate> ofArea, int wanted, int minAge, int maxAge)
    {
        var rows = ofArea
            .Where(p => p.Age >= minAge && p.Age <= maxAge && p.EthnicityGroup is null && p.Year <= wanted)
            .ToList();
        if (rows.Count == 0)
        {
            return (null, 0);
        }
        var year = rows.Max(p => p.Year);
        var ofYear = rows.Where(p => p.Year == year).ToList();
        var allPersons = ofYear.Where(p => p.Sex is null).ToList();
        var total = allPersons.Count > 0 ? allPersons.Sum(p => (decimal)p.Count) : ofYear.Sum(p => (decimal)p.Count);
        return (total, year);
    }
}
