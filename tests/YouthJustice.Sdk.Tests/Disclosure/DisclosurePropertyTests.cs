using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using YouthJustice.Sdk.Disclosure;
using YouthJustice.Sdk.Indicators;
using static YouthJustice.Sdk.Tests.Disclosure.DisclosureTestData;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Tests.Disclosure;

public class DisclosurePropertyTests
{
    private static Gen<int[]> Row() => Gen.Choose(1, 6).SelectMany(n => Gen.Choose(0, 20).ArrayOf(n));

    private static Gen<int[][]> Grid() =>
        Gen.Choose(1, 4).SelectMany(r => Gen.Choose(1, 4).SelectMany(c => Gen.Choose(0, 15).ArrayOf(c).ArrayOf(r)));

    private static DisclosurePolicy PolicyFor(bool suppressZeros, bool protectSum) =>
        DisclosurePolicy.Default with { SuppressZeros = suppressZeros, ProtectSuppressedSum = protectSum };

    /// <summary>The stated rule: with the margin published, zero or at least two cells are suppressed.</summary>
    private static bool Safe(IReadOnlyList<PublishedResult> published, IEnumerable<string> cells, string margin)
    {
        var byKey = published.ToDictionary(p => p.Breakdown.ToString());
        var suppressedCells = cells.Count(c => byKey[c].Numerator.IsSuppressed);
        var marginSuppressed = byKey[margin].Numerator.IsSuppressed;
        // With the margin published, total minus the published cells gives the suppressed cells' sum: it must cover 0 or 2+ cells.
        return marginSuppressed || suppressedCells != 1;
    }

    /// <summary>The stronger rule the policy keeps: never exactly one unknown among the cells and the margin.</summary>
    private static bool NoSingleUnknown(IReadOnlyList<PublishedResult> published, IEnumerable<string> cells, string margin)
    {
        var byKey = published.ToDictionary(p => p.Breakdown.ToString());
        var unknowns = cells.Count(c => byKey[c].Numerator.IsSuppressed) + (byKey[margin].Numerator.IsSuppressed ? 1 : 0);
        return unknowns != 1;
    }

    [Property(MaxTest = 200)]
    public Property A_suppressed_cell_can_never_be_recovered_from_its_row_and_total() =>
        Prop.ForAll(Row().ToArbitrary(), ArbMap.Default.ArbFor<bool>(), ArbMap.Default.ArbFor<bool>(), (counts, zeros, protectSum) =>
        {
            var results = new List<IndicatorResult> { Plain("total", counts.Sum()) };
            results.AddRange(counts.Select((c, i) => Plain($"g=c{i}", c)));
            var published = PolicyFor(zeros, protectSum).Apply(results);
            var cells = counts.Select((_, i) => $"g=c{i}").ToList();
            return Safe(published, cells, "total") && NoSingleUnknown(published, cells, "total");
        });

    [Property(MaxTest = 200)]
    public Property Two_way_tables_leave_no_row_column_or_total_with_a_single_unknown() =>
        Prop.ForAll(Grid().ToArbitrary(), ArbMap.Default.ArbFor<bool>(), (grid, zeros) =>
        {
            var rows = grid.Length;
            var cols = grid[0].Length;
            string Cell(int i, int j) => $"a+b=r{i}+c{j}";
            var results = new List<IndicatorResult> { Plain("total", grid.Sum(r => r.Sum())) };
            results.AddRange(Enumerable.Range(0, rows).Select(i => Plain($"a=r{i}", grid[i].Sum())));
            results.AddRange(Enumerable.Range(0, cols).Select(j => Plain($"b=c{j}", grid.Sum(r => r[j]))));
            results.AddRange(Enumerable.Range(0, rows).SelectMany(i => Enumerable.Range(0, cols).Select(j => Plain(Cell(i, j), grid[i][j]))));
            var published = PolicyFor(zeros, protectSum: false).Apply(results);

            var tables = new List<(IEnumerable<string> Cells, string Margin)>
            {
                (Enumerable.Range(0, rows).Select(i => $"a=r{i}"), "total"),
                (Enumerable.Range(0, cols).Select(j => $"b=c{j}"), "total"),
                (Enumerable.Range(0, rows).SelectMany(i => Enumerable.Range(0, cols).Select(j => Cell(i, j))), "total"),
            };
            tables.AddRange(Enumerable.Range(0, rows).Select(i => (Enumerable.Range(0, cols).Select(j => Cell(i, j)), $"a=r{i}")));
            tables.AddRange(Enumerable.Range(0, cols).Select(j => (Enumerable.Range(0, rows).Select(i => Cell(i, j)), $"b=c{j}")));
            return tables.All(t => NoSingleUnknown(published, t.Cells, t.Margin));
        });

    [Property(MaxTest = 200)]
    public Property Every_small_count_is_suppressed_and_takes_its_value_with_it() =>
        Prop.ForAll(Row().ToArbitrary(), ArbMap.Default.ArbFor<bool>(), (counts, zeros) =>
        {
            var results = counts.Select((c, i) => Ratio($"g=c{i}", c, 40)).Prepend(Ratio("total", counts.Sum(), 40 * counts.Length)).ToList();
            var published = PolicyFor(zeros, protectSum: false).Apply(results);
            return results.Zip(published).All(p =>
                (!(p.First.Numerator is > 0m and <= 5m) || p.Second.Numerator.IsSuppressed)
                && (!(zeros && p.First.Numerator == 0m) || p.Second.Numerator.IsSuppressed)
                && (!p.Second.Numerator.IsSuppressed || (p.Second.Value.IsSuppressed && p.Second.Interval.IsSuppressed)));
        });

    [Property(MaxTest = 200)]
    public Property Rounded_counts_are_multiples_of_the_base_within_half_a_base_and_values_use_unrounded_counts() =>
        Prop.ForAll(Gen.Choose(6, 500).SelectMany(n => Gen.Choose(6, 500).Select(d => (n, d))).ToArbitrary(), Gen.Elements(5, 10).ToArbitrary(), (pair, step) =>
        {
            var (numerator, extra) = pair;
            var denominator = numerator + extra;
            var published = (DisclosurePolicy.Default with { RoundTo = step, SecondarySuppression = false })
                .Apply([Ratio("total", numerator, denominator)], definitions: [Percent])[0];
            var shown = decimal.Parse(published.Numerator.Display, System.Globalization.CultureInfo.InvariantCulture);
            var expectedValue = DisplayRounding.Round(100m * numerator / denominator, 1).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
            return shown % step == 0 && Math.Abs(shown - numerator) <= step / 2m && published.Value.Display == expectedValue;
        });

    [Property(MaxTest = 200)]
    public Property The_outcome_does_not_depend_on_the_order_of_the_results() =>
        Prop.ForAll(Row().ToArbitrary(), counts =>
        {
            var results = new List<IndicatorResult> { Plain("total", counts.Sum()) };
            results.AddRange(counts.Select((c, i) => Plain($"g=c{i}", c)));
            var forward = DisclosurePolicy.Default.Apply(results).ToDictionary(p => p.Breakdown.ToString(), p => p.Numerator.Display);
            var backward = DisclosurePolicy.Default.Apply([.. Enumerable.Reverse(results)]).ToDictionary(p => p.Breakdown.ToString(), p => p.Numerator.Display);
            return forward.All(kv => backward[kv.Key] == kv.Value);
        });
}

public class DisclosureOfKpiOutputTests
{
    private static readonly YouthJustice.Sdk.Domain.SupervisionSetting[] Settings =
        [YouthJustice.Sdk.Domain.SupervisionSetting.Community, YouthJustice.Sdk.Domain.SupervisionSetting.ReleasedFromCustody];

    /// <summary>Random KPI 1 caseloads: each child has start and end observations with random setting and suitability.</summary>
    private static Gen<YouthJustice.Sdk.Domain.Dataset> Caseloads() =>
        Gen.Choose(1, 40).SelectMany(n => Gen.Choose(0, 15).ArrayOf(n).Select(seeds =>
        {
            var children = seeds.Select((_, i) => Kpis.KpiTestData.Child($"C{i}")).ToList();
            var observations = seeds.SelectMany((s, i) => new[]
            {
                Kpis.KpiTestData.Obs($"S{i}", $"C{i}", null, YouthJustice.Sdk.Domain.ObservationPoint.InterventionStart, Settings[s & 1], accommodation: (s & 2) != 0),
                Kpis.KpiTestData.Obs($"E{i}", $"C{i}", null, YouthJustice.Sdk.Domain.ObservationPoint.InterventionEnd, Settings[s & 1], accommodation: (s & 4) != 0 || (s & 8) != 0),
            });
            return Kpis.KpiTestData.Dataset(children, [], observations);
        }));

    [Property(MaxTest = 200)]
    public Property Published_kpi_tables_never_leave_a_single_suppressed_entry_in_any_row_column_or_total() =>
        Prop.ForAll(Caseloads().ToArbitrary(), data =>
        {
            var results = Kpis.KpiTestData.Compute(new YouthJustice.Sdk.Kpis.SuitableAccommodationIndicator(), data);
            var published = DisclosurePolicy.Default.Apply(results).ToDictionary(p => p.Breakdown.ToString());
            bool Ok(string margin, string[] cells, Func<PublishedResult, PublishedFigure> figure) =>
                cells.Count(c => figure(published[c]).IsSuppressed) + (figure(published[margin]).IsSuppressed ? 1 : 0) != 1;
            var tables = new (string Margin, string[] Cells)[]
            {
                ("total", ["point=start", "point=end"]),
                ("total", ["setting=community", "setting=released-from-custody"]),
                ("total", ["point+setting=start+community", "point+setting=start+released-from-custody", "point+setting=end+community", "point+setting=end+released-from-custody"]),
                ("point=start", ["point+setting=start+community", "point+setting=start+released-from-custody"]),
                ("point=end", ["point+setting=end+community", "point+setting=end+released-from-custody"]),
                ("setting=community", ["point+setting=start+community", "point+setting=end+community"]),
                ("setting=released-from-custody", ["point+setting=start+released-from-custody", "point+setting=end+released-from-custody"]),
            };
            return tables.All(t => Ok(t.Margin, t.Cells, p => p.Numerator) && Ok(t.Margin, t.Cells, p => p.Denominator))
                && published.Values.All(p => !(p.Numerator.IsSuppressed || p.Denominator.IsSuppressed) || p.Value.IsSuppressed);
        });
}
