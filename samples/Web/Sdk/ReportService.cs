using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using YouthJustice.Sdk.Disclosure;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Reports;
using YouthJustice.Sdk.Samples.Web.Store;

namespace YouthJustice.Sdk.Samples.Web.Sdk;

/// <summary>What one computation was asked for.</summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="Areas">The areas.</param>
/// <param name="Periods">The periods; the latest is the headline's (the SDK's report adds the previous period and the trend).</param>
/// <param name="Breakdowns">The breakdowns besides those the indicators give by default.</param>
public sealed record WebReportRequest(string DatasetId, ImmutableArray<string> Areas, ImmutableArray<ReportingPeriod> Periods, ImmutableArray<string> Breakdowns)
{
    /// <summary>A key for the cache.</summary>
    public string Key => $"{DatasetId}|{string.Join(",", Areas)}|{string.Join(",", Periods)}|{string.Join(",", Breakdowns)}";
}

/// <summary>The SDK's report for one request: as computed (for analysts) and with the disclosure policy applied (for anyone).</summary>
/// <param name="Request">The request.</param>
/// <param name="Dataset">The dataset.</param>
/// <param name="Internal">The report with every figure (never shown to an anonymous caller).</param>
/// <param name="Published">The report through <see cref="DisclosurePolicy.Apply(Report)"/>.</param>
/// <param name="RunId">The report run's id in the store.</param>
public sealed record ComputedReport(WebReportRequest Request, LoadedDataset Dataset, Report Internal, Report Published, long RunId)
{
    /// <summary>The report for <paramref name="mode"/>.</summary>
    public Report For(DisclosureMode mode) => mode == DisclosureMode.Publication ? Published : Internal;
}

/// <summary>Composes the SDK's report for the web: one registry, reports built by the SDK's <see cref="ReportBuilder"/> and
/// published through its disclosure policy, cached per request, each recorded as a report run with the definitions'
/// versions it used. It computes nothing itself.</summary>
public sealed class ReportService(IYouthJusticeRegistry registry, WebStore store, IServiceProvider services)
{
    private const int MaxCached = 256;
    private readonly ConcurrentDictionary<string, Lazy<ComputedReport>> _cache = new(StringComparer.Ordinal);

    /// <summary>The registry.</summary>
    public IYouthJusticeRegistry Registry => registry;

    /// <summary>The definitions of every indicator.</summary>
    public IReadOnlyList<IndicatorDefinition> Definitions => [.. registry.Indicators.Select(i => i.Definition)];

    /// <summary>The ids of every indicator.</summary>
    public IReadOnlySet<string> IndicatorIds => registry.Indicators.Select(i => i.Definition.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>Builds (or returns the cached build of) <paramref name="request"/> over <paramref name="dataset"/>.</summary>
    public ComputedReport Compute(LoadedDataset dataset, WebReportRequest request)
    {
        if (_cache.Count > MaxCached)
        {
            _cache.Clear();
        }
        return _cache.GetOrAdd(request.Key, _ => new Lazy<ComputedReport>(() => Run(dataset, request))).Value;
    }

    private ComputedReport Run(LoadedDataset dataset, WebReportRequest request)
    {
        var query = new IndicatorQuery(request.Periods, request.Areas, request.Breakdowns);
        var context = Context(dataset);
        var run = registry.Compute(context, query);
        var sections = registry.BuildReportSections(context, query, run);
        var names = dataset.Dataset.Areas.GroupBy(a => a.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var report = ReportBuilder.Build(registry, context, new ReportRequest
        {
            Query = query,
            Title = "YouthJustice.Sdk board report",
            Dataset = dataset.Label,
            About = [new("records", string.Create(CultureInfo.InvariantCulture,
                $"read {dataset.Report.TotalRead} = accepted {dataset.Report.TotalAccepted} + rejected {dataset.Report.TotalRejected}"))],
            AreaNames = names,
            Targets = ReportInputs.ReadTargets(store, IndicatorIds),
            TrendPeriods = 6,
        }, run, sections);
        var definitions = string.Join(",", run.Results.Select(r => r.Methodology.ToString()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var id = store.AddReportRun(request.DatasetId, string.Join(",", request.Areas), string.Join(",", request.Periods), string.Join(",", request.Breakdowns), definitions, run.Results.Length);
        return new ComputedReport(request, dataset, report, DisclosurePolicy.Default.Apply(report), id);
    }

    /// <summary>The context for <paramref name="dataset"/>: its data and the store's comparators.</summary>
    public IndicatorContext Context(LoadedDataset dataset) =>
        new(dataset.Dataset, ReportInputs.ReadComparators(store, IndicatorIds), services);

    /// <summary>Drops the cached reports (after comparators or targets change).</summary>
    public void Invalidate() => _cache.Clear();
}
