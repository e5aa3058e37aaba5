using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using YouthJustice.Sdk.Disclosure;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Reporting;
using YouthJustice.Sdk.Reports;
using YouthJustice.Sdk.Synthetic;

namespace YouthJustice.Sdk.Plugins.Tests;

/// <summary>
/// The published report, built from generated datasets with the real plugins, in every format
/// <see cref="OfficeReportRenderers.All"/> holds (every format the SDK ships, text and binary, so a renderer added there is covered too): no count between 1 and the
/// threshold is shown unsuppressed, nor any value, interval, change or rating derived from one, in national and plugin
/// sections alike; secondary suppression holds over every table; and no format's output depends on a withheld count.
/// </summary>
public class PublishedReportProperties
{
    private static readonly DisclosurePolicy Policy = DisclosurePolicy.Default;

    /// <summary>The years 2019/20 to 2022/23: the headline's latest, previous and trend periods are all in the query,
    /// so every figure of the report comes from the one run.</summary>
    private static readonly ImmutableArray<ReportingPeriod> Years = [.. Enumerable.Range(2019, 4).Select(ReportingPeriod.FinancialYear)];

    public sealed record GeneratedCase(int Seed, AreaProfile Area, double Scale, string[] Breakdowns)
    {
        public override string ToString() => $"seed {Seed}, {Area.Code}, scale {Scale}, breakdowns [{string.Join(",", Breakdowns)}]";
    }

    private static Arbitrary<GeneratedCase> Cases() =>
        (from seed in Gen.Choose(1, 100_000)
         from area in Gen.Elements(AreaProfile.Coventry, AreaProfile.Leicester, AreaProfile.Warwickshire)
         from scale in Gen.Elements(0.05, 0.1, 0.3)
         from sex in Gen.Elements(true, false)
         select new GeneratedCase(seed, area, scale, sex ? ["route", "sex"] : ["route"])).ToArbitrary();

    private static (Domain.Dataset Dataset, IndicatorContext Context, ReportRequest Request) Setup(GeneratedCase c)
    {
        var registry = LoadedPlugins.Registry;
        var dataset = SyntheticDatasetGenerator.Generate(SyntheticOptions.SingleAuthority(c.Seed, c.Area) with
        {
            Scale = c.Scale,
            Programmes = LocalProgrammeModel.FromRegistry(registry),
        });
        ComparatorValue[] comparators =
        [
            new("fte-rate", "family-group", null, 150m), new("fte-rate", "england-and-wales", null, 140m),
            new("reoffending-binary", "region", null, 30m), new("custody-rate", "family-group", null, 0.2m),
        ];
        var request = new ReportRequest
        {
            Query = new IndicatorQuery(Years, [c.Area.Code], [.. c.Breakdowns]),
            TrendPeriods = 4,
            Targets = [new ReportTarget("fte-rate", null, null, 150m), new ReportTarget("reoffending-binary", null, null, 30m)],
        };
        return (dataset, new IndicatorContext(dataset, comparators), request);
    }

    private static Report Build(IndicatorContext context, ReportRequest request, Func<IndicatorResult, IndicatorResult> change)
    {
        var registry = LoadedPlugins.Registry;
        var computed = registry.Compute(context, request.Query);
        var run = computed with { Results = [.. computed.Results.Select(change)] };
        return ReportBuilder.Build(registry, context, request, run, registry.BuildReportSections(context, request.Query, run));
    }

    /// <summary>Every count between 1 and the threshold replaced by another in that range (and its value with it): the
    /// policy withholds both alike, so a published output that differs has shown a withheld count.</summary>
    private static IndicatorResult Scramble(IndicatorResult r)
    {
        if (r.Numerator < 1m || r.Numerator > Policy.Threshold || r.Numerator != decimal.Truncate(r.Numerator))
        {
            return r;
        }
        var other = (r.Numerator % Policy.Threshold) + 1m;
        return r with
        {
            Numerator = other,
            Value = r.Denominator is { } d ? (d == 0m ? null : other / d * r.Multiplier) : other * r.Multiplier,
            Interval = r.Interval is { } ci ? ci with { Lower = ci.Lower / 2m, Upper = ci.Upper * 2m } : null,
        };
    }

    private static byte[] Render(IReportRenderer renderer, Report report)
    {
        using var stream = new MemoryStream();
        renderer.Render(report, stream);
        return stream.ToArray();
    }

    private static bool Small(decimal? count) => count is { } n && n >= 1m && n <= Policy.Threshold;

    [Property(MaxTest = 10)]
    public Property No_published_figure_shows_a_small_count_or_anything_derived_from_one() =>
        Prop.ForAll(Cases(), c =>
        {
            var (_, context, request) = Setup(c);
            var published = Policy.Apply(Build(context, request, r => r));
            var figures = published.Figures();
            Assert.Contains(figures, f => f.Disclosure.Numerator == SuppressionState.Primary);
            Assert.Contains(published.Sections.Where(s => s.Kind == ReportSectionKind.Plugin), s => s.Figures().Any());
            foreach (var f in figures)
            {
                Assert.False(Small(f.Numerator), $"{c}: {f.Id} shows numerator {f.Numerator}");
                Assert.False(f.HasDenominator && Small(f.Denominator), $"{c}: {f.Id} shows denominator {f.Denominator}");
                if (f.Disclosure.Numerator != SuppressionState.None || f.Disclosure.Denominator != SuppressionState.None)
                {
                    Assert.Null(f.Value);
                    Assert.Null(f.IntervalLower);
                    Assert.Null(f.IntervalUpper);
                    Assert.All(f.Comparisons, x => Assert.Null(x.Difference));
                    Assert.All(f.Comparisons, x => Assert.Null(x.Rag));
                    Assert.Null(f.Target?.Difference);
                }
            }
            // Every change shown from a withheld value is withheld too.
            foreach (var cell in published.Sections.SelectMany(s => s.Tables()).SelectMany(t => t.Rows).SelectMany(r => r).OfType<ChangeCell>())
            {
                if (cell.Previous.Value is null || cell.Latest.Value is null)
                {
                    Assert.Null(cell.Change.Difference);
                }
            }
            return true;
        });

    [Property(MaxTest = 10)]
    public Property Secondary_suppression_holds_across_every_table_of_the_published_report() =>
        Prop.ForAll(Cases(), c =>
        {
            var (_, context, request) = Setup(c);
            var published = Policy.Apply(Build(context, request, r => r));
            var groups = published.Figures().GroupBy(f => (f.Methodology, f.AreaCode, f.Period, f.CohortPeriod));
            foreach (var group in groups)
            {
                var total = group.FirstOrDefault(f => f.Breakdown.IsTotal);
                if (total is null)
                {
                    continue;
                }
                foreach (var dimension in group.Where(f => !f.Breakdown.IsTotal && !Policy.NonAdditiveDimensions.Contains(f.Breakdown.Dimension))
                    .GroupBy(f => f.Breakdown.Dimension))
                {
                    // The cells add up to the total: exactly one withheld entry could be worked out from the others.
                    var unknowns = dimension.Count(f => f.Disclosure.Numerator != SuppressionState.None)
                        + (total.Disclosure.Numerator != SuppressionState.None ? 1 : 0);
                    Assert.True(unknowns != 1, $"{c}: {total.Id} by {dimension.Key} has one withheld numerator");
                }
            }
            return true;
        });

    [Property(MaxTest = 8)]
    public Property No_format_of_the_published_report_depends_on_a_withheld_count() =>
        Prop.ForAll(Cases(), c =>
        {
            var (_, context, request) = Setup(c);
            var asComputed = Policy.Apply(Build(context, request, r => r));
            var scrambled = Policy.Apply(Build(context, request, Scramble));
            Assert.Equal(["table", "json", "csv", "xlsx", "parquet"], OfficeReportRenderers.All.Select(r => r.Format));
            foreach (var renderer in OfficeReportRenderers.All)
            {
                var a = Render(renderer, asComputed);
                var b = Render(renderer, scrambled);
                Assert.True(a.AsSpan().SequenceEqual(b), $"{c}: the {renderer.Format} output changes with the withheld counts");
            }
            return true;
        });

    [Fact]
    public void The_scrambling_changes_what_an_internal_report_shows_in_every_format()
    {
        // The property above could not fail if scrambling changed nothing: internally, every format shows the counts.
        var (_, context, request) = Setup(new GeneratedCase(2023, AreaProfile.Coventry, 0.1, ["route"]));
        var asComputed = Build(context, request, r => r);
        var scrambled = Build(context, request, Scramble);
        foreach (var renderer in OfficeReportRenderers.All)
        {
            Assert.False(Render(renderer, asComputed).AsSpan().SequenceEqual(Render(renderer, scrambled)), renderer.Format);
        }
    }
}
