using System.Collections.Concurrent;
using System.Collections.Immutable;
using YouthJustice.Sdk.Disclosure;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Samples.Web.Store;

namespace YouthJustice.Sdk.Samples.Web.Sdk;

/// <summary>What one computation was asked for.</summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="Areas">The areas.</param>
/// <param name="Periods">The periods.</param>
/// <param name="Breakdowns">The breakdowns besides those the indicators give by default.</param>
public sealed record ReportRequest(string DatasetId, ImmutableArray<string> Areas, ImmutableArray<ReportingPeriod> Periods, ImmutableArray<string> Breakdowns)
{
    /// <summary>A key for the cache.</summary>
    public string Key => $"{DatasetId}|{string.Join(",", Areas)}|{string.Join(",", Periods)}|{string.Join(",", Breakdowns)}";
}

/// <summary>The SDK's output for one request: the results, the plugins' sections, and the errors that left things out.</summary>
/// <param name="Request">The request.</param>
/// <param name="Dataset">The dataset.</param>
/// <param name="Results">Every result, unsuppressed (never shown to an anonymous caller as such).</param>
/// <param name="Sections">The plugins' board sections.</param>
/// <param name="Errors">Plugin errors.</param>
/// <param name="RunId">The report run's id in the store.</param>
public sealed record ComputedReport(ReportRequest Request, LoadedDataset Dataset, ImmutableArray<IndicatorResult> Results, ImmutableArray<ReportSectionOutput> Sections,
    ImmutableArray<PluginError> Errors, long RunId);

/// <summary>Composes the SDK's compute for the web: one registry, results cached per request, each computation recorded
/// as a report run with the definitions' versions it used. It computes nothing itself.</summary>
public sealed class ReportService(IYouthJusticeRegistry registry, WebStore store, IServiceProvider services)
{
    private const int MaxCached = 256;
    private readonly ConcurrentDictionary<string, Lazy<ComputedReport>> _cache = new(StringComparer.Ordinal);

    /// <summary>The registry.</summary>
    public IYouthJusticeRegistry Registry => registry;

    /// <summary>The definitions of every indicator, by id.</summary>
    public IReadOnlyList<IndicatorDefinition> Definitions => [.. registry.Indicators.Select(i => i.Definition)];

    /// <summary>Computes (or returns the cached computation of) <paramref name="request"/> over <paramref name="dataset"/>.</summary>
    public ComputedReport Compute(LoadedDataset dataset, ReportRequest request)
    {
        if (_cache.Count > MaxCached)
        {
            _cache.Clear();
        }
        return _cache.GetOrAdd(request.Key, _ => new Lazy<ComputedReport>(() => Run(dataset, request))).Value;
    }

    private ComputedReport Run(LoadedDataset dataset, ReportRequest request)
    {
        var query = new IndicatorQuery(request.Periods, request.Areas, request.Breakdowns);
        var context = Context(dataset);
        var run = registry.Compute(context, query);
        var sections = registry.BuildReportSections(context, query, run);
        var definitions = string.Join(",", run.Results.Select(r => r.Methodology.ToString()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var id = store.AddReportRun(request.DatasetId, string.Join(",", request.Areas), string.Join(",", request.Periods), string.Join(",", request.Breakdowns), definitions, run.Results.Length);
        return new ComputedReport(request, dataset, run.Results, sections.Sections, [.. run.Errors, .. sections.Errors, .. registry.LoadReport.Errors], id);
    }

    /// <summary>The context for <paramref name="dataset"/>: its data and the store's targets and comparators.</summary>
    public IndicatorContext Context(LoadedDataset dataset)
    {
        var known = registry.Indicators.Select(i => i.Definition.Id).ToHashSet(StringComparer.Ordinal);
        var comparators = store.Comparators()
            .Where(c => known.Contains(c.IndicatorId))
            .Select(c => new ComparatorValue(c.IndicatorId, c.Comparator, c.Period.Length == 0 ? null : ReportingPeriod.Parse(c.Period), c.Value))
            .ToList();
        return new IndicatorContext(dataset.Dataset, comparators, services);
    }

    /// <summary>Applies the disclosure policy (publication) or shows everything (internal), one published result per result.</summary>
    public IReadOnlyList<PublishedResult> Disclose(ComputedReport report, DisclosureMode mode) =>
        DisclosurePolicy.Default.Apply(report.Results, mode, Definitions);

    /// <summary>Drops the cached computations (after comparators change).</summary>
    public void Invalidate() => _cache.Clear();
}
