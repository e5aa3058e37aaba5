using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Tests.Indicators;

/// <summary>Invariants over small random case-level datasets.</summary>
public class IndicatorPropertyTests
{
    private static readonly IReadOnlyList<IIndicator> All = NationalIndicators.CreateAll();
    private static readonly string[] Areas = [Cases.Coventry, Cases.Leicester];
    private static readonly string[] Breakdowns = ["sex", "age-band", "ethnicity-group", "outcome-type", "offence-group"];
    private static readonly ReportingPeriod[] Periods = [ReportingPeriod.FinancialYear(2019), ReportingPeriod.FinancialQuarter(2020, 2)];

    /// <summary>A dataset size (0-12 children) and a seed that fixes everything else.</summary>
    private static Arbitrary<(int Children, int Seed)> Datasets() =>
        Gen.Choose(0, 12).SelectMany(n => Gen.Choose(0, 1_000_000).Select(seed => (n, seed))).ToArbitrary();

    private static Dataset Generate(int children, int seed)
    {
        var random = new Random(seed);
        var types = OutcomeTypes.National;
        var cases = new Cases().WithArea(Cases.Coventry).WithArea(Cases.Leicester);
        foreach (var area in Areas)
        {
            for (var year = 2018; year <= 2022; year++)
            {
                foreach (var group in Enum.GetValues<EthnicityGroup>().Where(g => g != EthnicityGroup.NotKnown))
                {
                    for (var age = 10; age <= 17; age++)
                    {
                        cases.PopulationRow(new PopulationEstimate(area, year, age, null, group, 100 + random.Next(400)));
                    }
                }
            }
        }
        for (var c = 0; c < children; c++)
        {
            var child = cases.Child(
                new LocalDate(2000, 1, 1).PlusDays(random.Next(3650)),
                (Sex)random.Next(4),
                EthnicityCategory.All[random.Next(EthnicityCategory.All.Count)],
                Areas[random.Next(2)]);
            var offences = random.Next(5);
            for (var f = 0; f < offences; f++)
            {
                var committed = new LocalDate(2018, 1, 1).PlusDays(random.Next(1460));
                var type = types[random.Next(types.Count)];
                if (type.Category == OutcomeCategory.Remand)
                {
                    cases.Outcome(child, committed.PlusDays(random.Next(30)), type, [], endDate: committed.PlusDays(30 + random.Next(60)));
                    continue;
                }
                var offence = cases.Offence(child, committed, (OffenceGroup)random.Next(11), 1 + random.Next(8));
                if (random.Next(7) == 0)
                {
                    continue; // an offence with no outcome yet
                }
                var ids = random.Next(4) == 0 ? new[] { offence, cases.Offence(child, committed.PlusDays(random.Next(20)), OffenceGroup.Other, 2) } : [offence];
                LocalDate? release = type.IsCustodial && random.Next(5) > 0 ? committed.PlusDays(60 + random.Next(300)) : null;
                cases.Outcome(child, committed.PlusDays(random.Next(300)), type, ids, resentenced: random.Next(2) == 0, releaseDate: release);
            }
        }
        return cases.Build(new LocalDate(2023, 6, 30));
    }

    private static IReadOnlyList<IndicatorResult> Compute(Dataset data, IEnumerable<IIndicator>? indicators = null) =>
        NationalIndicators.ComputeAll(IndicatorContext.For(data), new IndicatorQuery([.. Periods], [.. Areas], [.. Breakdowns], CollectEvidence: true), indicators ?? All);

    private static string Canonical(IndicatorResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Methodology}|{r.AreaCode}|{r.Period}|{r.Breakdown}|{r.Value}|{r.Numerator}|{r.Denominator}|{r.Multiplier}|{r.Interval?.Lower}|{r.Interval?.Upper}|{r.Provisional}|{r.CohortPeriod}|{r.Note}|{string.Join(",", r.Evidence?.NumeratorIds ?? [])}|{string.Join(",", r.Evidence?.DenominatorIds ?? [])}");

    private static string[] Canonical(Dataset data) => [.. Compute(data).Select(Canonical)];

    private static List<T> Shuffle<T>(IReadOnlyList<T> items, Random random)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    [Fact]
    public void The_generator_makes_datasets_where_the_properties_bite()
    {
        // Guards against vacuous properties: some generated datasets have reoffenders and first time entrants.
        var results = Enumerable.Range(0, 15).SelectMany(seed => Compute(Generate(12, seed))).ToList();

        Assert.Contains(results, r => r.IndicatorId == NationalIndicatorIds.ReoffendingBinary && r.Breakdown.IsTotal && r.Numerator > 0);
        Assert.Contains(results, r => r.IndicatorId == NationalIndicatorIds.TrackerPerReoffender && r.Breakdown.IsTotal && r.Value > 1m);
        Assert.Contains(results, r => r.IndicatorId == NationalIndicatorIds.FteCount && r.Breakdown.IsTotal && r.Numerator > 0);
        Assert.Contains(results, r => r.IndicatorId == NationalIndicatorIds.CustodyCount && r.Breakdown.IsTotal && r.Numerator > 0);
    }

    [Property(MaxTest = 100)]
    public Property Reoffending_rates_are_bounded_and_consistent_with_each_other() =>
        Prop.ForAll(Datasets(), spec =>
        {
            var data = Generate(spec.Children, spec.Seed);
            foreach (var (binaryId, frequencyId, perReoffenderId) in new[]
            {
                (NationalIndicatorIds.ReoffendingBinary, NationalIndicatorIds.ReoffendingFrequency, NationalIndicatorIds.ReoffendingPerReoffender),
                (NationalIndicatorIds.TrackerBinary, NationalIndicatorIds.TrackerFrequency, NationalIndicatorIds.TrackerPerReoffender),
            })
            {
                var measures = new[] { binaryId, frequencyId, perReoffenderId }
                    .Select(id => Compute(data, [NationalIndicators.Create(NationalIndicators.Get(id))])).ToArray();
                if (measures[0].Count != measures[1].Count || measures[0].Count != measures[2].Count)
                {
                    return false;
                }
                for (var i = 0; i < measures[0].Count; i++)
                {
                    var (binary, frequency, perReoffender) = (measures[0][i], measures[1][i], measures[2][i]);
                    if (binary.Value is not { } b)
                    {
                        continue; // an empty cohort
                    }
                    var proportion = b / 100m;
                    if (proportion < 0m || proportion > 1m || frequency.Value < proportion)
                    {
                        return false;
                    }
                    if (binary.Numerator > 0 && perReoffender.Value < 1m)
                    {
                        return false;
                    }
                }
            }
            return true;
        });

    [Property(MaxTest = 100)]
    public Property Results_do_not_depend_on_record_order() =>
        Prop.ForAll(Datasets(), spec =>
        {
            var data = Generate(spec.Children, spec.Seed);
            var random = new Random(spec.Seed + 1);
            var shuffled = data with
            {
                Children = Shuffle(data.Children, random),
                Offences = Shuffle(data.Offences, random),
                Outcomes = Shuffle(data.Outcomes, random),
                Populations = Shuffle(data.Populations, random),
                Areas = Shuffle(data.Areas, random),
            };
            return Canonical(data).SequenceEqual(Canonical(shuffled));
        });

    [Property(MaxTest = 100)]
    public Property Results_do_not_depend_on_culture() =>
        Prop.ForAll(Datasets(), spec =>
        {
            var data = Generate(spec.Children, spec.Seed);
            var expected = Canonical(data);
            return new[] { "tr-TR", "ar-SA" }.All(culture =>
                expected.SequenceEqual(Under(culture, null, () => Compute(data with { })).Select(Canonical)));
        });

    // Re-reading the zone database is slow, so fewer cases; the code reads no clock or zone at all.
    [Property(MaxTest = 20)]
    public Property Results_do_not_depend_on_time_zone() =>
        Prop.ForAll(Datasets(), spec =>
        {
            var data = Generate(spec.Children, spec.Seed);
            var expected = Canonical(data);
            return new[] { "Pacific/Kiritimati", "America/St_Johns" }.All(zone =>
                expected.SequenceEqual(Under(null, zone, () => Compute(data with { })).Select(Canonical)));
        });

    [Property(MaxTest = 100)]
    public Property Adding_a_child_who_never_offends_changes_no_numerator() =>
        Prop.ForAll(Datasets(), spec =>
        {
            var data = Generate(spec.Children, spec.Seed);
            var bystander = new Child("ZZ-NEVER-OFFENDS", new LocalDate(2005, 3, 1), Sex.Female, EthnicityCategory.AsianIndian, Areas[spec.Seed % 2]);
            var before = Numerators(Compute(data));
            var after = Numerators(Compute(data with { Children = [.. data.Children, bystander] }));
            return before.Keys.Union(after.Keys).All(k => before.GetValueOrDefault(k) == after.GetValueOrDefault(k));
        });

    private static Dictionary<string, decimal> Numerators(IReadOnlyList<IndicatorResult> results) =>
        results.ToDictionary(r => $"{r.Methodology}|{r.AreaCode}|{r.Period}|{r.Breakdown}", r => r.Numerator, StringComparer.Ordinal);

    private static IReadOnlyList<IndicatorResult> Under(string? culture, string? zone, Func<IReadOnlyList<IndicatorResult>> compute)
    {
        var (oldCulture, oldUi, oldZone) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, Environment.GetEnvironmentVariable("TZ"));
        try
        {
            if (culture is not null)
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            }
            if (zone is not null)
            {
                Environment.SetEnvironmentVariable("TZ", zone);
                TimeZoneInfo.ClearCachedData();
            }
            return compute();
        }
        finally
        {
            CultureInfo.CurrentCulture = oldCulture;
            CultureInfo.CurrentUICulture = oldUi;
            if (zone is not null)
            {
                Environment.SetEnvironmentVariable("TZ", oldZone);
                TimeZoneInfo.ClearCachedData();
            }
        }
    }
}
