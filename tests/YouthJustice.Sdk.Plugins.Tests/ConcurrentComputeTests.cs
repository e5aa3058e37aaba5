using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Synthetic;

namespace YouthJustice.Sdk.Plugins.Tests;

/// <summary>
/// Indicators computed on several threads at once (the default) give the run that computing them one after another gives:
/// every national indicator, KPI, local measure and the three plugins' indicators, over a multi-area dataset, with
/// evidence. Each run gets its own copy of the dataset, so the shared lookups (the index, the authority views, the
/// groupings) are built during the concurrent run, not left over from the sequential one.
/// </summary>
public class ConcurrentComputeTests
{
    private static IYouthJusticeRegistry Registry(int degree, PluginFailurePolicy policy = PluginFailurePolicy.FailFast) => new ServiceCollection()
        .AddYouthJustice(o =>
        {
            o.PluginsDirectory = PluginFolders.Real;
            o.MaxDegreeOfParallelism = degree;
            o.FailurePolicy = policy;
        })
        .BuildServiceProvider()
        .GetRequiredService<IYouthJusticeRegistry>();

    private static Domain.Dataset Generate(IYouthJusticeRegistry registry) =>
        SyntheticDatasetGenerator.Generate(SyntheticOptions.National(2023, 5, scale: 0.3) with
        {
            Programmes = LocalProgrammeModel.FromRegistry(registry),
        });

    private static readonly IndicatorQuery Query = new(
        [ReportingPeriod.FinancialYear(2021), ReportingPeriod.FinancialYear(2022)], [], [], CollectEvidence: true);

    [Fact]
    public void Computing_indicators_at_once_gives_the_same_run_as_one_after_another()
    {
        var sequential = Registry(1);
        var concurrent = Registry(4);

        var one = sequential.Compute(IndicatorContext.For(Generate(sequential)), Query);
        var many = concurrent.Compute(IndicatorContext.For(Generate(concurrent)), Query);

        Assert.Empty(one.Errors);
        Assert.Empty(many.Errors);
        Assert.True(one.Results.Length > 1000, $"only {one.Results.Length} results");
        // National indicators, KPIs, local measures and every plugin's indicators all took part.
        var owners = one.Results.Select(r => sequential.OwnerOf(r.IndicatorId) ?? "national").ToHashSet(StringComparer.Ordinal);
        Assert.Equal(["coventry-diversion", "leicester-early-intervention", "national", "warwickshire-ecm"], owners.Order(StringComparer.Ordinal));
        Assert.Contains(one.Results, r => r.IndicatorId.StartsWith("yjb-kpi-", StringComparison.Ordinal));
        Assert.Contains(one.Results, r => r.IndicatorId == "caseload-per-practitioner");
        // Serialised, so evidence lists and intervals are compared by value, result by result and in order.
        var options = YouthJusticeJson.CreateOptions();
        Assert.Equal(one.Results.Select(r => JsonSerializer.Serialize(r, options)), many.Results.Select(r => JsonSerializer.Serialize(r, options)));
    }

    [Fact]
    public void Progress_is_told_once_per_indicator_on_the_calling_thread()
    {
        var registry = Registry(4);
        var dataset = Generate(registry);
        var caller = Environment.CurrentManagedThreadId;
        var told = new List<(ComputeProgress Progress, int Thread)>();

        registry.Compute(IndicatorContext.For(dataset), Query with { CollectEvidence = false },
            progress: new Inline<ComputeProgress>(p => told.Add((p, Environment.CurrentManagedThreadId))));

        Assert.All(told, t => Assert.Equal(caller, t.Thread));
        Assert.Equal(Enumerable.Range(1, registry.Indicators.Count), told.Select(t => t.Progress.Done));
        Assert.All(told, t => Assert.Equal(registry.Indicators.Count, t.Progress.Total));
        Assert.Equal(registry.Indicators.Select(i => i.Definition.Id).Order(StringComparer.Ordinal),
            told.Select(t => t.Progress.IndicatorId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_progress_callback_that_throws_stops_the_run_and_leaves_nothing_running()
    {
        var registry = Registry(4);
        var dataset = Generate(registry);

        var thrown = Assert.Throws<InvalidOperationException>(() => registry.Compute(IndicatorContext.For(dataset), Query,
            progress: new Inline<ComputeProgress>(p => throw new InvalidOperationException("cancelled by the host at " + p.Done))));

        Assert.Equal("cancelled by the host at 1", thrown.Message);
    }

    [Fact]
    public void A_dataset_the_index_refuses_gives_the_same_errors_at_once_as_one_after_another()
    {
        // The index of the national indicators is built ahead by one worker in a concurrent run; a dataset it refuses (two
        // children with one id) must still fail exactly the indicators that read it, each with its own error.
        var sequential = Registry(1, PluginFailurePolicy.ContinueWithoutFaultyPlugins);
        var concurrent = Registry(4, PluginFailurePolicy.ContinueWithoutFaultyPlugins);
        Domain.Dataset Broken(IYouthJusticeRegistry registry)
        {
            var dataset = Generate(registry);
            return dataset with { Children = [.. dataset.Children, dataset.Children[0]] };
        }

        var one = sequential.Compute(IndicatorContext.For(Broken(sequential)), Query with { CollectEvidence = false });
        var many = concurrent.Compute(IndicatorContext.For(Broken(concurrent)), Query with { CollectEvidence = false });

        Assert.NotEmpty(one.Errors);
        Assert.Contains(one.Errors, e => e.ComponentId == "fte-rate" && e.Message.Contains("two children with id", StringComparison.Ordinal));
        Assert.Equal(one.Errors.Select(e => (e.ComponentId, e.Message)), many.Errors.Select(e => (e.ComponentId, e.Message)));
        Assert.Equal(one.Results.Length, many.Results.Length);
    }

    [Fact]
    public void A_negative_degree_of_parallelism_is_refused()
    {
        var registry = (YouthJusticeRegistry)Registry(1);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new YouthJusticeRegistry(registry.Composition) { MaxDegreeOfParallelism = -1 });

        Assert.Contains("MaxDegreeOfParallelism", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Reports on the thread that reports (unlike <see cref="Progress{T}"/>, which posts to a context).</summary>
    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
