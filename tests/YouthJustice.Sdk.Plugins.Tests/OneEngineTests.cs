using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.National;
using static YouthJustice.Sdk.Plugins.Tests.Data;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Plugins.Tests;

/// <summary>Plugins and national indicators share one engine and one composition.</summary>
public class OneEngineTests
{
    [Theory]
    [MemberData(nameof(Plugins))]
    public void Every_plugin_result_is_rated_against_comparators_as_national_results_are(string pluginId)
    {
        var registry = LoadedPlugins.Registry;
        var testCase = registry.TestCases.First(c => c.PluginId == pluginId && !c.Case.ExpectedResults.IsDefaultOrEmpty).Case;
        var ids = registry.Indicators.Where(i => registry.OwnerOf(i.Definition.Id) == pluginId && i.Definition.Direction != Direction.Neutral)
            .Select(i => i.Definition.Id).ToList();
        var plain = registry.Compute(IndicatorContext.For(testCase.Input), testCase.Query, ids).Results.Where(r => r.Breakdown.IsTotal && r.Value is not null).ToList();
        Assert.NotEmpty(plain);
        // A comparator just above each value: lower-is-better results are green, higher-is-better red.
        var comparators = plain.Select(r => new ComparatorValue(r.IndicatorId, "family-group", r.Period, r.Value!.Value + 100m)).ToList();

        var rated = registry.Compute(new IndicatorContext(testCase.Input, comparators), testCase.Query, ids).Results
            .Where(r => r.Breakdown.IsTotal && r.Value is not null).ToList();

        Assert.All(rated, r =>
        {
            var direction = registry.Indicators.Single(i => i.Definition.Id == r.IndicatorId).Definition.Direction;
            Assert.Equal(direction == Direction.LowerIsBetter ? RagRating.Green : RagRating.Red, r.Rag);
            Assert.Equal("family-group", Assert.Single(r.Comparisons).Comparator);
        });
    }

    public static TheoryData<string> Plugins() => [.. PluginFolders.RealIds];

    [Fact]
    public void Computing_reports_progress_once_for_each_indicator_as_it_finishes()
    {
        var registry = LoadedPlugins.Registry;
        var testCase = registry.TestCases[0].Case;
        var told = new List<ComputeProgress>();

        registry.Compute(IndicatorContext.For(testCase.Input), testCase.Query, progress: new Collect(told));

        // Indicators computed at once finish in any order: each is told once, and the count told only goes up.
        Assert.Equal(registry.Indicators.Select(i => i.Definition.Id).Order(StringComparer.Ordinal), told.Select(p => p.IndicatorId).Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, registry.Indicators.Count), told.Select(p => p.Done));
        Assert.All(told, p => Assert.Equal(registry.Indicators.Count, p.Total));
    }

    [Fact]
    public void Computing_on_one_thread_reports_progress_in_registry_order()
    {
        var registry = new YouthJusticeRegistry(LoadedPlugins.Catalog, []) { MaxDegreeOfParallelism = 1 };
        var testCase = registry.TestCases[0].Case;
        var told = new List<ComputeProgress>();

        registry.Compute(IndicatorContext.For(testCase.Input), testCase.Query, progress: new Collect(told));

        Assert.Equal(registry.Indicators.Select(i => i.Definition.Id), told.Select(p => p.IndicatorId));
        Assert.Equal(Enumerable.Range(1, registry.Indicators.Count), told.Select(p => p.Done));
    }

    private sealed class Collect(List<ComputeProgress> told) : IProgress<ComputeProgress>
    {
        public void Report(ComputeProgress value) => told.Add(value);
    }

    [Fact]
    public void A_report_section_reads_the_hosts_run_instead_of_computing_again()
    {
        var registry = LoadedPlugins.Registry;
        var testCase = registry.TestCases.First(c => c.PluginId == "coventry-diversion").Case;
        var context = IndicatorContext.For(testCase.Input);
        var computed = registry.Compute(context, testCase.Query);
        // A run no computation could give: every numerator raised by 1,000. A section that reads the host's run shows these.
        var run = computed with { Results = [.. computed.Results.Select(r => r with { Numerator = r.Numerator + 1000m })] };

        var sections = registry.BuildReportSections(context, testCase.Query, run);

        var coventry = sections.Sections.Single(s => s.Id.StartsWith("coventry-diversion.", StringComparison.Ordinal));
        var figures = coventry.Figures().ToList();
        Assert.NotEmpty(figures);
        Assert.All(figures, f => Assert.True(f.Numerator >= 1000m, $"{f.Id}: {f.Numerator} was computed again"));
    }

    [Fact]
    public void A_host_indicator_in_a_plugins_namespace_or_with_an_invalid_id_is_refused_by_the_composition()
    {
        var catalog = PluginCatalog.LoadFrom(PluginFolders.Real);

        var prefix = Assert.Throws<InvalidOperationException>(() =>
            YouthJusticeComposition.Compose(catalog, [new NamedIndicator("coventry-diversion.referrals-again")]));
        Assert.Contains("coventry-diversion", prefix.Message, StringComparison.Ordinal);
        var invalid = Assert.Throws<InvalidOperationException>(() => YouthJusticeComposition.Compose(catalog, [new NamedIndicator("Not An Id")]));
        Assert.Contains("'Not An Id'", invalid.Message, StringComparison.Ordinal);
        Assert.False(YouthJusticeComposition.IsValidIndicatorId("fte_rate"));
        Assert.True(YouthJusticeComposition.IsValidIndicatorId(NationalIndicatorIds.FteRate));
    }

    private sealed class NamedIndicator(string id) : IIndicator
    {
        public IndicatorDefinition Definition { get; } = new()
        {
            Id = id,
            Name = id,
            Unit = "children",
            Source = SourceCitation.ProjectDecision("A test indicator", "It exists only to test the composition."),
        };

        public IReadOnlyList<IndicatorResult> Compute(IndicatorContext context, IndicatorQuery query) => [];
    }
}
