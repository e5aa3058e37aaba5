using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Hosting;

/// <summary>Results of computing indicators, and the indicators that threw.</summary>
/// <param name="Results">The results, indicator by indicator in registry order.</param>
/// <param name="Errors">One <see cref="PluginErrorKind.ThrowsWhileComputing"/> error per indicator that threw.</param>
public sealed record IndicatorRun(ImmutableArray<IndicatorResult> Results, ImmutableArray<PluginError> Errors);

/// <summary>How far a computation has got: <paramref name="Done"/> of <paramref name="Total"/> indicators, the last one <paramref name="IndicatorId"/>.</summary>
/// <param name="Done">Indicators computed so far.</param>
/// <param name="Total">Indicators to compute.</param>
/// <param name="IndicatorId">The indicator just computed.</param>
public readonly record struct ComputeProgress(int Done, int Total, string IndicatorId);

/// <summary>Report sections built, and the sections that threw.</summary>
/// <param name="Sections">The sections, in registry order.</param>
/// <param name="Errors">One error per section that threw.</param>
public sealed record ReportRun(ImmutableArray<Reporting.ReportSection> Sections, ImmutableArray<PluginError> Errors);

/// <summary>Findings of the plugins' validation rules and pathways, and the rules that threw.</summary>
/// <param name="Findings">The findings.</param>
/// <param name="Errors">One error per rule that threw.</param>
public sealed record ValidationRun(ImmutableArray<ValidationFinding> Findings, ImmutableArray<PluginError> Errors);

/// <summary>A plugin's test case, with the plugin that ships it.</summary>
/// <param name="PluginId">The plugin.</param>
/// <param name="Case">The case.</param>
public sealed record RegisteredTestCase(string PluginId, PluginTestCase Case)
{
    /// <summary>"plugin: case name" (how test runners show it).</summary>
    public override string ToString() => $"{PluginId}: {Case.Name}";
}

/// <summary>
/// The SDK composed with its plugins: the vocabulary, every indicator (national and plugin, with declared overrides
/// applied), eligibility and validation rules, pathways, report sections and test cases. What a host asks for.
/// </summary>
/// <remarks>
/// <para>A component that throws is reported by name (plugin and component) with <see cref="PluginErrorKind.ThrowsWhileComputing"/>;
/// under <see cref="PluginFailurePolicy.FailFast"/> the run then throws a <see cref="PluginFailureException"/>, otherwise
/// the other components' output is returned with the error beside it.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public interface IYouthJusticeRegistry
{
    /// <summary>The composition the registry runs: what was loaded, checked and composed, once.</summary>
    YouthJusticeComposition Composition { get; }

    /// <summary>The failure policy.</summary>
    PluginFailurePolicy Policy { get; }

    /// <summary>Which plugins are in use, what each added, and every load or composition error.</summary>
    PluginLoadReport LoadReport { get; }

    /// <summary>National and plugin outcome types and programmes.</summary>
    DomainVocabulary Vocabulary { get; }

    /// <summary>Every indicator, national first then each plugin's, with declared overrides applied.</summary>
    IReadOnlyList<IIndicator> Indicators { get; }

    /// <summary>Programme pathways.</summary>
    IReadOnlyList<ProgrammePathway> Pathways { get; }

    /// <summary>Eligibility rules.</summary>
    IReadOnlyList<IEligibilityRule> EligibilityRules { get; }

    /// <summary>Validation rules.</summary>
    IReadOnlyList<IValidationRule> ValidationRules { get; }

    /// <summary>Report sections.</summary>
    IReadOnlyList<IReportSection> ReportSections { get; }

    /// <summary>Every plugin's test cases.</summary>
    IReadOnlyList<RegisteredTestCase> TestCases { get; }

    /// <summary>The plugin that registered an indicator, rule or section, or <see langword="null"/> for a national one or an unknown id.</summary>
    string? OwnerOf(string componentId);

    /// <summary>Computes indicators (all, or those in <paramref name="indicatorIds"/>).</summary>
    /// <exception cref="PluginFailureException">An indicator threw and the policy is fail-fast.</exception>
    /// <exception cref="KeyNotFoundException">An id in <paramref name="indicatorIds"/> is not registered.</exception>
    /// <param name="context">The data.</param>
    /// <param name="query">What to compute.</param>
    /// <param name="indicatorIds">The indicators to compute, or <see langword="null"/> for all.</param>
    /// <param name="progress">Told on the calling thread after each indicator, in the order they finish (indicators may be
    /// computed on several threads at once); <see langword="null"/> tells nothing.</param>
    IndicatorRun Compute(IndicatorContext context, IndicatorQuery query, IEnumerable<string>? indicatorIds = null, IProgress<ComputeProgress>? progress = null);

    /// <summary>Builds every report section from its plugin's results: those in <paramref name="computed"/> (the host's
    /// run for the same query) when it holds the breakdowns the section shows, else computed here, once per plugin.</summary>
    /// <exception cref="PluginFailureException">A section or an indicator threw and the policy is fail-fast.</exception>
    ReportRun BuildReportSections(IndicatorContext context, IndicatorQuery query, IndicatorRun? computed = null);

    /// <summary>The services a plugin added (with the host's behind them), or <see langword="null"/> for an unknown plugin.
    /// A plugin's services are never added to the host's container.</summary>
    IServiceProvider? ServicesOf(string pluginId);

    /// <summary>Runs every validation rule and checks every episode of a programme with a pathway against it. A pathway
    /// finding names the step at fault as <see cref="RecordKinds.PathwayEvent"/> <c>episode-id#n</c>.</summary>
    /// <exception cref="PluginFailureException">A rule threw and the policy is fail-fast.</exception>
    ValidationRun Validate(Dataset dataset);

    /// <summary>Applies one eligibility rule.</summary>
    /// <exception cref="KeyNotFoundException">No rule has that id.</exception>
    /// <exception cref="PluginFailureException">The rule threw (under either policy: there is no other answer to give).</exception>
    EligibilityDecision Decide(string ruleId, Child child, EligibilityContext context);
}

/// <summary>The default <see cref="IYouthJusticeRegistry"/>: runs what a <see cref="YouthJusticeComposition"/> composed.</summary>
public sealed partial class YouthJusticeRegistry : IYouthJusticeRegistry
{
    private readonly IServiceProvider? _services;
    private readonly ILogger _logger;

    /// <summary>A registry over a composition.</summary>
    /// <param name="composition">The composed SDK and plugins.</param>
    /// <param name="services">The host's services, given to national and host components through their contexts.</param>
    /// <param name="logger">Where to log compute timings; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="composition"/> is null.</exception>
    public YouthJusticeRegistry(YouthJusticeComposition composition, IServiceProvider? services = null, ILogger<YouthJusticeRegistry>? logger = null)
    {
        Composition = composition ?? throw new ArgumentNullException(nameof(composition));
        _services = services;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Composes the host's indicators with the catalog's plugins (<see cref="YouthJusticeComposition.Compose"/>).</summary>
    /// <param name="catalog">The loaded plugins.</param>
    /// <param name="nationalIndicators">The host's indicators (an indicator given twice, same type and definition, counts once).</param>
    /// <param name="policy">What to do when a plugin is faulty.</param>
    /// <param name="services">Services given to indicators and rules through their contexts, if any.</param>
    /// <exception cref="PluginFailureException">A plugin clashes or has an invalid override, under fail-fast.</exception>
    /// <exception cref="InvalidOperationException">The host's indicators are inconsistent (see <see cref="YouthJusticeComposition.Compose"/>).</exception>
    public YouthJusticeRegistry(IPluginCatalog catalog, IEnumerable<IIndicator> nationalIndicators, PluginFailurePolicy policy = PluginFailurePolicy.FailFast, IServiceProvider? services = null)
        : this(YouthJusticeComposition.Compose(catalog, nationalIndicators, policy, services), services)
    {
    }

    /// <inheritdoc />
    public YouthJusticeComposition Composition { get; }

    /// <inheritdoc />
    public PluginFailurePolicy Policy => Composition.Policy;

    /// <summary>How many indicators <see cref="Compute"/> computes at once: 0 (the default) for one per processor, 1 for
    /// one after another on the calling thread.</summary>
    /// <remarks>Whatever the degree, a run's results and errors are in the indicators' order and the same as computing
    /// them one at a time; indicators (a plugin's too) must therefore be safe to compute at the same time as others over
    /// the same dataset, which computing from the context and the query alone, without shared mutable state, is.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative number.</exception>
    public int MaxDegreeOfParallelism
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxDegreeOfParallelism must be 0 (one per processor) or more.");
    }

    /// <inheritdoc />
    public PluginLoadReport LoadReport => Composition.LoadReport;

    /// <inheritdoc />
    public DomainVocabulary Vocabulary => Composition.Vocabulary;

    /// <inheritdoc />
    public IReadOnlyList<IIndicator> Indicators => Composition.Indicators;

    /// <inheritdoc />
    public IReadOnlyList<ProgrammePathway> Pathways => Composition.Pathways;

    /// <inheritdoc />
    public IReadOnlyList<IEligibilityRule> EligibilityRules => Composition.EligibilityRules;

    /// <inheritdoc />
    public IReadOnlyList<IValidationRule> ValidationRules => Composition.ValidationRules;

    /// <inheritdoc />
    public IReadOnlyList<IReportSection> ReportSections => Composition.ReportSections;

    /// <inheritdoc />
    public IReadOnlyList<RegisteredTestCase> TestCases => Composition.TestCases;

    /// <inheritdoc />
    public string? OwnerOf(string componentId) => Composition.OwnerOf(componentId);

    /// <inheritdoc />
    public IServiceProvider? ServicesOf(string pluginId) => Composition.ServicesOf(pluginId);

    /// <inheritdoc />
    public IndicatorRun Compute(IndicatorContext context, IndicatorQuery query, IEnumerable<string>? indicatorIds = null, IProgress<ComputeProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(query);
        IReadOnlyList<IIndicator> selected = Indicators;
        if (indicatorIds is not null)
        {
            var byId = Indicators.ToDictionary(i => i.Definition.Id, StringComparer.Ordinal);
            selected = [.. indicatorIds.Select(id => byId.TryGetValue(id, out var i) ? i : throw new KeyNotFoundException($"No indicator '{id}' is registered."))];
        }
        CheckTables(context.Dataset, selected);
        var started = Stopwatch.GetTimestamp();
        var computed = new ComputedIndicator[selected.Count];
        var workers = Math.Min(EffectiveParallelism, selected.Count);
        if (workers <= 1)
        {
            for (var i = 0; i < selected.Count; i++)
            {
                computed[i] = ComputeOne(selected[i], context, query);
                progress?.Report(new ComputeProgress(i + 1, selected.Count, selected[i].Definition.Id));
            }
        }
        else
        {
            ComputeConcurrently(selected, context, query, computed, workers, progress);
        }
        // Results and errors in the indicators' order, whatever order they finished in: a run is the same at any degree of
        // parallelism.
        var results = ImmutableArray.CreateBuilder<IndicatorResult>(computed.Sum(c => c.Results.Count));
        var errors = new List<PluginError>();
        foreach (var one in computed)
        {
            results.AddRange(one.Results);
            if (one.Error is { } error)
            {
                errors.Add(error);
            }
        }
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogMessages.RunComputed(_logger, selected.Count, results.Count, errors.Count, milliseconds);
        }
        return new IndicatorRun(results.ToImmutable(), Conclude(errors));
    }

    /// <inheritdoc />
    public ReportRun BuildReportSections(IndicatorContext context, IndicatorQuery query, IndicatorRun? computed = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(query);
        if (context.Dataset.TablesNotRead.Count > 0 && ReportSections.Count > 0)
        {
            // A section may read the dataset itself, and none says which tables it reads.
            throw new InvalidOperationException(
                $"The report sections cannot be built from a dataset imported without the tables {string.Join(", ", context.Dataset.TablesNotRead)} "
                + "(ImportOptions.Tables): a section may read any table. Import every table to build them.");
        }
        var sections = ImmutableArray.CreateBuilder<Reporting.ReportSection>();
        var errors = new List<PluginError>();
        var queryBreakdowns = query.Breakdowns.IsDefault ? [] : query.Breakdowns;
        // Each plugin's indicators are computed at most once per set of breakdowns, and not at all when the host's own
        // run already holds them.
        var runs = new Dictionary<string, IReadOnlyList<IndicatorResult>>(StringComparer.Ordinal);
        foreach (var section in ReportSections)
        {
            var owner = OwnerOf(section.Id);
            var wanted = section.Breakdowns.IsDefault ? [] : section.Breakdowns;
            try
            {
                IReadOnlyList<IndicatorResult> results;
                if (computed is not null && wanted.All(b => queryBreakdowns.Contains(b, StringComparer.OrdinalIgnoreCase)))
                {
                    results = [.. computed.Results.Where(r => OwnerOf(r.IndicatorId) == owner)];
                }
                else
                {
                    var key = owner + "|" + string.Join(",", wanted);
                    if (!runs.TryGetValue(key, out var run))
                    {
                        var ids = Indicators.Where(i => OwnerOf(i.Definition.Id) == owner).Select(i => i.Definition.Id).ToList();
                        runs[key] = run = Compute(context, query with { Breakdowns = wanted }, ids).Results;
                    }
                    results = run;
                }
                sections.Add(section.Build(ContextFor(section.Id, context), query, results) with { Owner = owner });
            }
#pragma warning disable CA1031 // As for indicators: a failing section is reported, the rest are built.
            catch (Exception ex) when (ex is not PluginFailureException)
#pragma warning restore CA1031
            {
                errors.Add(Threw("report section", section.Id, ex));
            }
        }
        return new ReportRun(sections.ToImmutable(), Conclude(errors));
    }

    /// <inheritdoc />
    public ValidationRun Validate(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var findings = ImmutableArray.CreateBuilder<ValidationFinding>();
        var errors = new List<PluginError>();
        foreach (var rule in ValidationRules)
        {
            try
            {
                findings.AddRange(rule.Validate(dataset));
            }
#pragma warning disable CA1031 // As for indicators.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                errors.Add(Threw("validation rule", rule.Id, ex));
            }
        }
        if (Pathways.Count > 0)
        {
            var pathways = Pathways.ToDictionary(p => p.ProgrammeCode, StringComparer.OrdinalIgnoreCase);
            var eventsByEpisode = dataset.PathwayEvents.GroupBy(e => e.EpisodeId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var episode in dataset.Episodes)
            {
                if (pathways.TryGetValue(episode.Programme.Code, out var pathway) && eventsByEpisode.TryGetValue(episode.Id, out var events))
                {
                    var ruleId = $"{OwnerOf(pathway) ?? PluginError.CoreId}.pathway.{pathway.ProgrammeCode}";
                    findings.AddRange(pathway.Validate(episode.Id, events).Select(i =>
                        new ValidationFinding(ruleId, RecordKinds.PathwayEvent, RecordKinds.PathwayEventId(i.EpisodeId, StepOrdinal(events, i)), "State",
                            $"{i.Date:uuuu-MM-dd} {i.State}: {i.Message}")));
                }
            }
        }
        return new ValidationRun(findings.ToImmutable(), Conclude(errors));
    }

    /// <inheritdoc />
    public EligibilityDecision Decide(string ruleId, Child child, EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(context);
        var rule = EligibilityRules.FirstOrDefault(r => r.Id == ruleId) ?? throw new KeyNotFoundException($"No eligibility rule '{ruleId}' is registered.");
        try
        {
            var services = OwnerOf(ruleId) is { } owner ? ServicesOf(owner) : context.Services ?? _services;
            return rule.Decide(child, services is null ? context : context with { Services = services });
        }
#pragma warning disable CA1031 // Rethrown below as a named plugin failure.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            throw new PluginFailureException([Threw("eligibility rule", ruleId, ex)]);
        }
    }

    /// <summary>Throws, naming the first indicator and the tables it lacks, when the dataset was imported without a table
    /// one of the indicators reads: computed, it would count the empty list as "nothing recorded".</summary>
    private void CheckTables(Dataset dataset, IEnumerable<IIndicator> indicators)
    {
        if (dataset.TablesNotRead.Count == 0)
        {
            return;
        }
        var lacking = indicators.Select(i => (i.Definition.Id, Reads: IndicatorTables.Of(this, i)))
            .Select(p => (p.Id, p.Reads, Tables: IndicatorTables.Lacking(dataset, p.Reads)))
            .Where(p => p.Tables.Count > 0).ToList();
        if (lacking.Count > 0)
        {
            var (id, reads, tables) = lacking[0];
            var says = reads is null ? " (it does not say which tables it reads, so it is taken to read every one)" : "";
            throw new InvalidOperationException(
                $"The indicator '{id}' reads the tables {string.Join(", ", tables)}{says}, which this dataset was imported without (ImportOptions.Tables)"
                + (lacking.Count > 1 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"; so do {lacking.Count - 1} more of the indicators asked for") : "")
                + ". Import those tables, or compute only indicators that read the tables imported (YouthJusticeRegistryExtensions.TablesRead).");
        }
    }

    /// <summary>The position, among its episode's events in dataset order, of the step a pathway issue is about.</summary>
    private static int StepOrdinal(List<PathwayEvent> events, PathwayIssue issue) =>
        Math.Max(0, events.FindIndex(e => e.Date == issue.Date && string.Equals(e.State, issue.State, StringComparison.Ordinal)));

    private string? OwnerOf(ProgrammePathway pathway) =>
        LoadReport.Loaded.FirstOrDefault(p => p.Adds.PathwayProgrammeCodes.Contains(pathway.ProgrammeCode))?.Id;

    /// <summary>The context a component computes in: a plugin's component gets its plugin's services (with the host's
    /// behind them); the host's own components get the context's services, or the host's.</summary>
    private int EffectiveParallelism => MaxDegreeOfParallelism > 0 ? MaxDegreeOfParallelism : Environment.ProcessorCount;

    /// <summary>One indicator's results (comparators and RAG applied) or the error it threw.</summary>
    private readonly record struct ComputedIndicator(List<IndicatorResult> Results, PluginError? Error);

    private ComputedIndicator ComputeOne(IIndicator indicator, IndicatorContext context, IndicatorQuery query)
    {
        var id = indicator.Definition.Id;
        var one = Stopwatch.GetTimestamp();
        var results = new List<IndicatorResult>();
        PluginError? error = null;
        try
        {
            // Comparators and RAG ratings are applied here, once, to every indicator's results: national, KPI and plugin.
            foreach (var result in indicator.Compute(ContextFor(id, context), query))
            {
                results.Add(IndicatorResultBuilder.Compare(result, indicator.Definition, context.Comparators));
            }
        }
#pragma warning disable CA1031 // One indicator failing must not stop the others: it is reported by name.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // What it returned before it threw stays, as when indicators were only ever computed one at a time.
            error = Threw("indicator", id, ex);
        }
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var milliseconds = Stopwatch.GetElapsedTime(one).TotalMilliseconds;
            LogMessages.IndicatorComputed(_logger, id, milliseconds);
        }
        return new ComputedIndicator(results, error);
    }

    /// <summary>Computes the indicators on <paramref name="workers"/> pool threads, each taking the next indicator not yet
    /// taken; the calling thread only waits and tells <paramref name="progress"/>, so a host's progress display never
    /// sees another thread.</summary>
    private void ComputeConcurrently(IReadOnlyList<IIndicator> selected, IndicatorContext context, IndicatorQuery query,
        ComputedIndicator[] computed, int workers, IProgress<ComputeProgress>? progress)
    {
        // The national indicators share one index of the dataset, built when the first of them asks; built then, it held
        // every worker that reached a national indicator until it was done (at national scale most of a second with a core
        // idle). So when it is not built yet one worker builds it first while the others start on the indicators that do
        // not read it, and those that do are taken last. Only the order of the work changes: results stay in the
        // indicators' order.
        var order = Enumerable.Range(0, selected.Count).ToArray();
        var buildIndex = !DatasetIndex.IsBuilt(context.Dataset) && selected.Any(i => i is National.NationalIndicator);
        if (buildIndex)
        {
            order = [.. order.Where(i => selected[i] is not National.NationalIndicator), .. order.Where(i => selected[i] is National.NationalIndicator)];
        }
        var indexClaimed = 0;
        var next = -1;
        var running = workers;
        using var finished = new BlockingCollection<int>();
        using var stop = new CancellationTokenSource();
        var tasks = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            tasks[w] = Task.Run(() =>
            {
                try
                {
                    if (buildIndex && Interlocked.Exchange(ref indexClaimed, 1) == 0)
                    {
                        BuildIndex(context.Dataset);
                    }
                    int n;
                    while (!stop.IsCancellationRequested && (n = Interlocked.Increment(ref next)) < selected.Count)
                    {
                        var i = order[n];
                        computed[i] = ComputeOne(selected[i], context, query);
                        finished.Add(i);
                    }
                }
                finally
                {
                    if (Interlocked.Decrement(ref running) == 0)
                    {
                        finished.CompleteAdding();
                    }
                }
            });
        }
        try
        {
            var done = 0;
            foreach (var i in finished.GetConsumingEnumerable())
            {
                progress?.Report(new ComputeProgress(++done, selected.Count, selected[i].Definition.Id));
            }
        }
        finally
        {
            // A progress callback that throws stops the run: no indicator is started after it, and none is left running.
            stop.Cancel();
            Task.WaitAll(tasks);
        }
    }

    private static void BuildIndex(Dataset dataset)
    {
        try
        {
            DatasetIndex.For(dataset);
        }
#pragma warning disable CA1031 // A dataset the index refuses is reported by each indicator that reads it, as before.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private IndicatorContext ContextFor(string componentId, IndicatorContext context)
    {
        var services = OwnerOf(componentId) is { } owner ? ServicesOf(owner) : context.Services ?? _services;
        return services is null || ReferenceEquals(services, context.Services) ? context : context with { Services = services };
    }

    private PluginError Threw(string kind, string id, Exception ex)
    {
        var owner = OwnerOf(id);
        var who = owner is null ? $"National {kind} '{id}'" : $"Plugin '{owner}': {kind} '{id}'";
        return new PluginError(owner ?? PluginError.CoreId, PluginErrorKind.ThrowsWhileComputing,
            $"{who} threw while computing: {ex.GetType().Name}: {ex.Message}", ex, id);
    }

    private ImmutableArray<PluginError> Conclude(List<PluginError> errors)
    {
        if (errors.Count > 0 && Policy == PluginFailurePolicy.FailFast)
        {
            throw new PluginFailureException(errors);
        }
        return [.. errors];
    }

    private static partial class LogMessages
    {
        [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Indicator {IndicatorId} computed in {Milliseconds:F1} ms")]
        internal static partial void IndicatorComputed(ILogger logger, string indicatorId, double milliseconds);

        [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Computed {Indicators} indicators: {Results} results, {Errors} errors, in {Milliseconds:F0} ms")]
        internal static partial void RunComputed(ILogger logger, int indicators, int results, int errors, double milliseconds);
    }
}
