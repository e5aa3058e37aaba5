using System.Collections.Immutable;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Plugins;

/// <summary>Results of computing indicators, and the indicators that threw.</summary>
/// <param name="Results">The results, indicator by indicator in registry order.</param>
/// <param name="Errors">One <see cref="PluginErrorKind.ThrowsWhileComputing"/> error per indicator that threw.</param>
public sealed record IndicatorRun(ImmutableArray<IndicatorResult> Results, ImmutableArray<PluginError> Errors);

/// <summary>Report sections built, and the sections that threw.</summary>
/// <param name="Sections">The sections, in registry order.</param>
/// <param name="Errors">One error per section that threw.</param>
public sealed record ReportRun(ImmutableArray<ReportSectionOutput> Sections, ImmutableArray<PluginError> Errors);

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
    IndicatorRun Compute(IndicatorContext context, IndicatorQuery query, IEnumerable<string>? indicatorIds = null);

    /// <summary>Builds every report section.</summary>
    /// <exception cref="PluginFailureException">A section threw and the policy is fail-fast.</exception>
    ReportRun BuildReportSections(IndicatorContext context, IndicatorQuery query);

    /// <summary>Runs every validation rule and checks every episode of a programme with a pathway against it. A pathway
    /// finding names the step at fault as <see cref="RecordKinds.PathwayEvent"/> <c>episode-id#n</c>.</summary>
    /// <exception cref="PluginFailureException">A rule threw and the policy is fail-fast.</exception>
    ValidationRun Validate(Dataset dataset);

    /// <summary>Applies one eligibility rule.</summary>
    /// <exception cref="KeyNotFoundException">No rule has that id.</exception>
    /// <exception cref="PluginFailureException">The rule threw (under either policy: there is no other answer to give).</exception>
    EligibilityDecision Decide(string ruleId, Child child, EligibilityContext context);
}

/// <summary>The default <see cref="IYouthJusticeRegistry"/>.</summary>
public sealed class YouthJusticeRegistry : IYouthJusticeRegistry
{
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);
    private readonly IServiceProvider? _services;

    /// <summary>Composes the national indicators with the catalog's plugins.</summary>
    /// <param name="catalog">The loaded plugins.</param>
    /// <param name="nationalIndicators">The national indicators (an indicator given twice, same type and definition, counts once).</param>
    /// <param name="policy">What to do when a plugin is faulty.</param>
    /// <param name="services">Services given to indicators and rules through their contexts, if any.</param>
    /// <exception cref="PluginFailureException">A plugin clashes with a national indicator or has an invalid override, under fail-fast.</exception>
    /// <exception cref="InvalidOperationException">Two different national indicators share an id.</exception>
    public YouthJusticeRegistry(IPluginCatalog catalog, IEnumerable<IIndicator> nationalIndicators, PluginFailurePolicy policy = PluginFailurePolicy.FailFast, IServiceProvider? services = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(nationalIndicators);
        Policy = policy;
        _services = services;

        var national = new List<IIndicator>();
        foreach (var indicator in nationalIndicators)
        {
            var same = national.Find(n => n.Definition.Id == indicator.Definition.Id);
            if (same is null)
            {
                national.Add(indicator);
            }
            else if (same.GetType() != indicator.GetType() || !same.Definition.Equals(indicator.Definition))
            {
                throw new InvalidOperationException($"Two different national indicators have the id '{indicator.Definition.Id}'.");
            }
        }

        var plugins = catalog.Plugins.ToList();
        var errors = new List<PluginError>();
        var nationalIds = national.Select(n => n.Definition.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var plugin in plugins.ToList())
        {
            var clash = plugin.Indicators.Select(i => i.Definition.Id).FirstOrDefault(nationalIds.Contains);
            if (clash is not null)
            {
                errors.Add(new PluginError(plugin.Id, PluginErrorKind.DuplicateIndicatorId,
                    $"Plugin '{plugin.Id}' registered indicator '{clash}', which is a national indicator.", ComponentId: clash));
                plugins.Remove(plugin);
            }
        }

        // Overrides are checked against what is left; dropping a plugin can orphan another's override, so repeat until stable.
        Dictionary<string, IIndicator> byId;
        Dictionary<string, List<DefinitionOverride>> overridesById;
        while (true)
        {
            byId = national.Concat(plugins.SelectMany(p => p.Indicators)).ToDictionary(i => i.Definition.Id, StringComparer.Ordinal);
            overridesById = new Dictionary<string, List<DefinitionOverride>>(StringComparer.Ordinal);
            var faulty = new List<(LoadedPlugin, PluginError)>();
            foreach (var plugin in plugins)
            {
                foreach (var o in plugin.Overrides)
                {
                    var error = CheckOverride(plugin, o.WithDeclaredBy(plugin.Id), byId, overridesById);
                    if (error is not null)
                    {
                        faulty.Add((plugin, error));
                        break;
                    }
                }
            }
            foreach (var (plugin, error) in OverrideConflicts(plugins, overridesById))
            {
                if (!faulty.Exists(f => f.Item1 == plugin))
                {
                    faulty.Add((plugin, error));
                }
            }
            if (faulty.Count == 0)
            {
                break;
            }
            foreach (var (plugin, error) in faulty)
            {
                errors.Add(error);
                plugins.Remove(plugin);
            }
        }

        var indicators = new List<IIndicator>();
        foreach (var indicator in national.Concat(plugins.SelectMany(p => p.Indicators)))
        {
            var id = indicator.Definition.Id;
            indicators.Add(overridesById.TryGetValue(id, out var list) ? ApplyOverrides(indicator, list) : indicator);
        }
        foreach (var plugin in plugins)
        {
            foreach (var id in plugin.Indicators.Select(i => i.Definition.Id)
                         .Concat(plugin.EligibilityRules.Select(r => r.Id))
                         .Concat(plugin.ValidationRules.Select(r => r.Id))
                         .Concat(plugin.ReportSections.Select(s => s.Id)))
            {
                _owners[id] = plugin.Id;
            }
        }

        Indicators = indicators;
        var vocabulary = DomainVocabulary.National;
        foreach (var plugin in plugins)
        {
            vocabulary = plugin.Programmes.Aggregate(vocabulary, (v, p) => v.WithProgramme(p));
            vocabulary = plugin.OutcomeTypes.Aggregate(vocabulary, (v, t) => v.WithOutcomeType(t));
        }
        Vocabulary = vocabulary;
        Pathways = [.. plugins.SelectMany(p => p.Pathways)];
        EligibilityRules = [.. plugins.SelectMany(p => p.EligibilityRules)];
        ValidationRules = [.. plugins.SelectMany(p => p.ValidationRules)];
        ReportSections = [.. plugins.SelectMany(p => p.ReportSections)];
        TestCases = [.. plugins.SelectMany(p => p.TestCases.SelectMany(t => t.Cases).Select(c => new RegisteredTestCase(p.Id, c)))];
        var kept = plugins.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var report = catalog.Report;
        LoadReport = report with
        {
            Policy = policy,
            Loaded = [.. report.Loaded.Where(l => kept.Contains(l.Id))],
            Errors = report.Errors.AddRange(errors),
        };
        if (errors.Count > 0 && policy == PluginFailurePolicy.FailFast)
        {
            throw new PluginFailureException(errors);
        }
    }

    private static PluginError? CheckOverride(LoadedPlugin plugin, DefinitionOverride o, Dictionary<string, IIndicator> byId,
        Dictionary<string, List<DefinitionOverride>> overridesById)
    {
        string Fail(string reason) => $"Plugin '{plugin.Id}' declared override '{o.Name}' of indicator '{o.IndicatorId}', but {reason}.";
        if (!byId.TryGetValue(o.IndicatorId, out var target))
        {
            return new PluginError(plugin.Id, PluginErrorKind.InvalidOverride, Fail("no such indicator is registered"), ComponentId: o.Name);
        }
        if (target is not IOverridableIndicator overridable)
        {
            return new PluginError(plugin.Id, PluginErrorKind.InvalidOverride, Fail("that indicator does not implement IOverridableIndicator"), ComponentId: o.Name);
        }
        if (o.Parameters.Keys.FirstOrDefault(k => !target.Definition.HasParameter(k)) is { } unknown)
        {
            return new PluginError(plugin.Id, PluginErrorKind.InvalidOverride, Fail($"the indicator has no parameter '{unknown}'"), ComponentId: o.Name);
        }
        try
        {
            var changed = o.ApplyTo(target.Definition);
            // The indicator reads its parameters when it is built: a value it cannot use is the override's fault.
            overridable.WithDefinition(changed);
        }
#pragma warning disable CA1031 // An override is plugin code: whatever it throws is reported against the plugin.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new PluginError(plugin.Id, PluginErrorKind.InvalidOverride, Fail($"applying it threw {ex.GetType().Name}: {ex.Message}"), ex, o.Name);
        }
        if (!overridesById.TryGetValue(o.IndicatorId, out var list))
        {
            overridesById[o.IndicatorId] = list = [];
        }
        list.Add(o);
        return null;
    }

    /// <summary>Every pair of accepted overrides that change the same field (or share a label) of one indicator, as an
    /// error of each declaring plugin: neither wins, so the outcome never depends on the order plugins load in.</summary>
    private static IEnumerable<(LoadedPlugin Plugin, PluginError Error)> OverrideConflicts(
        List<LoadedPlugin> plugins, Dictionary<string, List<DefinitionOverride>> overridesById)
    {
        foreach (var list in overridesById.Values)
        {
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (a, b) = (list[i], list[j]);
                    var fields = a.ConflictingFields(b);
                    if (fields.Count == 0 && a.Label != b.Label)
                    {
                        continue;
                    }
                    var what = fields.Count > 0 ? string.Join(", ", fields) : "the same override name";
                    foreach (var (mine, theirs) in new[] { (a, b), (b, a) })
                    {
                        if (plugins.Find(p => p.Id == mine.DeclaredBy) is { } plugin)
                        {
                            yield return (plugin, new PluginError(plugin.Id, PluginErrorKind.InvalidOverride,
                                $"Plugin '{plugin.Id}' declared override '{mine.Name}' of indicator '{mine.IndicatorId}', but override '{theirs.Label}' " +
                                $"also changes {what}: two overrides of the same field conflict, whatever order they are applied in.", ComponentId: mine.Name));
                        }
                    }
                }
            }
        }
    }

    private static OverriddenIndicator ApplyOverrides(IIndicator indicator, List<DefinitionOverride> overrides)
    {
        var ordered = overrides.OrderBy(o => o.Label, StringComparer.Ordinal).ToList();
        var definition = ordered.Aggregate(indicator.Definition, (d, o) => o.ApplyTo(d));
        return new OverriddenIndicator(((IOverridableIndicator)indicator).WithDefinition(definition), [.. ordered.Select(o => o.Name)]);
    }

    /// <inheritdoc />
    public PluginFailurePolicy Policy { get; }

    /// <inheritdoc />
    public PluginLoadReport LoadReport { get; }

    /// <inheritdoc />
    public DomainVocabulary Vocabulary { get; }

    /// <inheritdoc />
    public IReadOnlyList<IIndicator> Indicators { get; }

    /// <inheritdoc />
    public IReadOnlyList<ProgrammePathway> Pathways { get; }

    /// <inheritdoc />
    public IReadOnlyList<IEligibilityRule> EligibilityRules { get; }

    /// <inheritdoc />
    public IReadOnlyList<IValidationRule> ValidationRules { get; }

    /// <inheritdoc />
    public IReadOnlyList<IReportSection> ReportSections { get; }

    /// <inheritdoc />
    public IReadOnlyList<RegisteredTestCase> TestCases { get; }

    /// <inheritdoc />
    public string? OwnerOf(string componentId) => _owners.GetValueOrDefault(componentId);

    /// <inheritdoc />
    public IndicatorRun Compute(IndicatorContext context, IndicatorQuery query, IEnumerable<string>? indicatorIds = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(query);
        var selected = Indicators;
        if (indicatorIds is not null)
        {
            var byId = Indicators.ToDictionary(i => i.Definition.Id, StringComparer.Ordinal);
            selected = [.. indicatorIds.Select(id => byId.TryGetValue(id, out var i) ? i : throw new KeyNotFoundException($"No indicator '{id}' is registered."))];
        }
        context = WithServices(context);
        var results = ImmutableArray.CreateBuilder<IndicatorResult>();
        var errors = new List<PluginError>();
        foreach (var indicator in selected)
        {
            var id = indicator.Definition.Id;
            try
            {
                results.AddRange(indicator.Compute(context, query));
            }
#pragma warning disable CA1031 // One indicator failing must not stop the others: it is reported by name.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                errors.Add(Threw("indicator", id, ex));
            }
        }
        return new IndicatorRun(results.ToImmutable(), Conclude(errors));
    }

    /// <inheritdoc />
    public ReportRun BuildReportSections(IndicatorContext context, IndicatorQuery query)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(query);
        context = WithServices(context);
        var sections = ImmutableArray.CreateBuilder<ReportSectionOutput>();
        var errors = new List<PluginError>();
        foreach (var section in ReportSections)
        {
            try
            {
                sections.Add(section.Build(context, query));
            }
#pragma warning disable CA1031 // As for indicators: a failing section is reported, the rest are built.
            catch (Exception ex)
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
            return rule.Decide(child, context.Services is null && _services is not null ? context with { Services = _services } : context);
        }
#pragma warning disable CA1031 // Rethrown below as a named plugin failure.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            throw new PluginFailureException([Threw("eligibility rule", ruleId, ex)]);
        }
    }

    /// <summary>The position, among its episode's events in dataset order, of the step a pathway issue is about.</summary>
    private static int StepOrdinal(List<PathwayEvent> events, PathwayIssue issue) =>
        Math.Max(0, events.FindIndex(e => e.Date == issue.Date && string.Equals(e.State, issue.State, StringComparison.Ordinal)));

    private string? OwnerOf(ProgrammePathway pathway) =>
        LoadReport.Loaded.FirstOrDefault(p => p.Adds.PathwayProgrammeCodes.Contains(pathway.ProgrammeCode))?.Id;

    private IndicatorContext WithServices(IndicatorContext context) =>
        context.Services is null && _services is not null ? context with { Services = _services } : context;

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

    /// <summary>An overridden indicator: computes with the changed definition and names the overrides in every result.</summary>
    /// <remarks>The override names come first, in label order (plugin id, then name), followed by whatever the indicator itself lists (a
    /// national indicator lists each parameter that differs from the national definition, e.g.
    /// <c>waitingPeriodMonths=3 (national: 0)</c>); an entry is listed once.</remarks>
    private sealed class OverriddenIndicator(IIndicator inner, ImmutableArray<string> names) : IIndicator
    {
        public IndicatorDefinition Definition => inner.Definition;

        public IReadOnlyList<IndicatorResult> Compute(IndicatorContext context, IndicatorQuery query) =>
            [.. inner.Compute(context, query).Select(r => r with
            {
                AppliedOverrides = [.. names.Concat(r.AppliedOverrides.IsDefault ? [] : r.AppliedOverrides).Distinct(StringComparer.Ordinal)],
            })];
    }
}
