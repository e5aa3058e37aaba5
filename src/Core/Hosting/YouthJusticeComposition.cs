using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Hosting;

/// <summary>
/// The SDK composed with its plugins, once: every indicator (the host's — national, KPIs and any it adds — then each
/// plugin's, with declared overrides applied), the vocabulary, pathways, rules, report sections and test cases, and the
/// report of what was loaded and what was rejected and why. The registry, the importer's vocabulary and the hosts all read
/// this one value.
/// </summary>
/// <remarks>
/// <para>Every check of a plugin against anything else happens here, in one pass: plugin ids (two plugins claiming one id
/// are both rejected, and the error names both folders), programme codes and outcome types against the national
/// vocabulary and earlier plugins, indicator ids against the host's and other plugins', and declared overrides. Every
/// indicator, however it arrives, passes the same id check (<see cref="IsValidIndicatorId"/>); a host indicator may not
/// use a loaded plugin's id prefix.</para>
/// <para>A rejected plugin leaves nothing behind: its services never reach the host's container. A plugin's services
/// live in a provider of its own (<see cref="ServicesOf"/>) that falls back to the host's, and its components receive
/// that provider as <see cref="IndicatorContext.Services"/>.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed partial class YouthJusticeComposition : IPluginCatalog
{
    private readonly ImmutableDictionary<string, string> _owners;
    private readonly ImmutableDictionary<string, Lazy<IServiceProvider>> _pluginServices;

    private YouthJusticeComposition(
        PluginFailurePolicy policy, PluginLoadReport report, DomainVocabulary vocabulary, ImmutableArray<LoadedPlugin> plugins,
        ImmutableArray<IIndicator> indicators, ImmutableDictionary<string, string> owners, IServiceProvider? hostServices)
    {
        Policy = policy;
        LoadReport = report;
        Vocabulary = vocabulary;
        Plugins = plugins;
        Indicators = indicators;
        _owners = owners;
        Pathways = [.. plugins.SelectMany(p => p.Pathways)];
        EligibilityRules = [.. plugins.SelectMany(p => p.EligibilityRules)];
        ValidationRules = [.. plugins.SelectMany(p => p.ValidationRules)];
        ReportSections = [.. plugins.SelectMany(p => p.ReportSections)];
        TestCases = [.. plugins.SelectMany(p => p.TestCases.SelectMany(t => t.Cases).Select(c => new RegisteredTestCase(p.Id, c)))];
        _pluginServices = plugins.ToImmutableDictionary(
            p => p.Id,
            p => new Lazy<IServiceProvider>(() => new PluginServiceProvider(p.Services, hostServices)),
            StringComparer.Ordinal);
    }

    /// <summary>The failure policy the composition applied.</summary>
    public PluginFailurePolicy Policy { get; }

    /// <summary>Which plugins are in use, what each added, and every load and composition error.</summary>
    public PluginLoadReport LoadReport { get; }

    /// <summary>National and plugin outcome types and programmes.</summary>
    public DomainVocabulary Vocabulary { get; }

    /// <summary>The plugins in use, in load order.</summary>
    public ImmutableArray<LoadedPlugin> Plugins { get; }

    IReadOnlyList<LoadedPlugin> IPluginCatalog.Plugins => Plugins;

    PluginLoadReport IPluginCatalog.Report => LoadReport;

    /// <summary>Every indicator: the host's first (in the order given), then each plugin's, with declared overrides applied.</summary>
    public ImmutableArray<IIndicator> Indicators { get; }

    /// <summary>Programme pathways.</summary>
    public ImmutableArray<ProgrammePathway> Pathways { get; }

    /// <summary>Eligibility rules.</summary>
    public ImmutableArray<IEligibilityRule> EligibilityRules { get; }

    /// <summary>Validation rules.</summary>
    public ImmutableArray<IValidationRule> ValidationRules { get; }

    /// <summary>Report sections.</summary>
    public ImmutableArray<IReportSection> ReportSections { get; }

    /// <summary>Every plugin's test cases.</summary>
    public ImmutableArray<RegisteredTestCase> TestCases { get; }

    /// <summary>The plugin that registered an indicator, rule, section or pathway (by programme code), or <see langword="null"/>
    /// for the host's own or an unknown id.</summary>
    public string? OwnerOf(string componentId) => componentId is null ? null : _owners.GetValueOrDefault(componentId);

    /// <summary>The services a plugin added, with the host's behind them; <see langword="null"/> for an unknown plugin.</summary>
    public IServiceProvider? ServicesOf(string pluginId) =>
        pluginId is not null && _pluginServices.TryGetValue(pluginId, out var services) ? services.Value : null;

    /// <summary>Whether <paramref name="id"/> is a valid indicator id: lower-case letters and digits in words joined by
    /// <c>-</c>, with <c>.</c> after a plugin's id (e.g. <c>fte-rate</c>, <c>coventry-diversion.referrals</c>).</summary>
    public static bool IsValidIndicatorId(string? id) => id is not null && IndicatorIdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9]+(?:[-.][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IndicatorIdPattern();

    /// <summary>Composes the host's indicators with the catalog's plugins.</summary>
    /// <param name="catalog">The plugins loaded (and registered, each checked on its own).</param>
    /// <param name="hostIndicators">The host's indicators: national, KPIs and any others (one given twice, same type and
    /// definition, counts once).</param>
    /// <param name="policy">What to do when a plugin is faulty: fail-fast throws every error found, load errors included.</param>
    /// <param name="hostServices">The host's services, behind each plugin's own.</param>
    /// <param name="logger">Where to log load decisions; none when <see langword="null"/>.</param>
    /// <exception cref="PluginFailureException">A plugin is faulty and the policy is fail-fast.</exception>
    /// <exception cref="InvalidOperationException">The host's own indicators are inconsistent: an invalid id, two different
    /// indicators with one id, or an id in a loaded plugin's namespace.</exception>
    public static YouthJusticeComposition Compose(IPluginCatalog catalog, IEnumerable<IIndicator> hostIndicators,
        PluginFailurePolicy policy = PluginFailurePolicy.FailFast, IServiceProvider? hostServices = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(hostIndicators);
        logger ??= NullLogger.Instance;
        var errors = new List<PluginError>(catalog.Report.Errors);
        var host = HostIndicators(hostIndicators);
        var hostIds = host.Select(i => i.Definition.Id).ToHashSet(StringComparer.Ordinal);

        // Plugin ids: two plugins claiming one id are both rejected, so neither wins by the order folders sort in.
        var plugins = new List<LoadedPlugin>();
        foreach (var group in catalog.Plugins.GroupBy(p => p.Id, StringComparer.Ordinal))
        {
            var claimants = group.ToList();
            if (claimants.Count == 1)
            {
                plugins.Add(claimants[0]);
                continue;
            }
            var where = string.Join(" and ", claimants.Select(p => $"'{p.Directory ?? "in process"}'"));
            errors.Add(new PluginError(group.Key, PluginErrorKind.DuplicatePluginId,
                $"Plugin id '{group.Key}' is claimed by {claimants.Count} plugins, from {where}: neither is loaded. Remove one, or give it an id of its own."));
        }

        var prefixClash = host.FirstOrDefault(i => plugins.Exists(p => i.Definition.Id.StartsWith(p.Id + ".", StringComparison.Ordinal)));
        if (prefixClash is not null)
        {
            throw new InvalidOperationException(
                $"The host's indicator '{prefixClash.Definition.Id}' uses the id prefix of plugin '{prefixClash.Definition.Id.Split('.')[0]}'; ids with a plugin's prefix belong to that plugin.");
        }

        // Each plugin against the vocabulary and the indicators composed so far, in load order.
        var vocabulary = DomainVocabulary.National;
        var pluginIndicatorIds = new HashSet<string>(StringComparer.Ordinal);
        var accepted = new List<LoadedPlugin>();
        foreach (var plugin in plugins)
        {
            var (next, error) = Accept(plugin, vocabulary, hostIds, pluginIndicatorIds);
            if (error is not null)
            {
                errors.Add(error);
                continue;
            }
            vocabulary = next;
            pluginIndicatorIds.UnionWith(plugin.Indicators.Select(i => i.Definition.Id));
            accepted.Add(plugin);
        }

        // Overrides are checked against what is left; dropping a plugin can orphan another's override, so repeat until stable.
        Dictionary<string, List<DefinitionOverride>> overridesById;
        while (true)
        {
            var byId = host.Concat(accepted.SelectMany(p => p.Indicators)).ToDictionary(i => i.Definition.Id, StringComparer.Ordinal);
            overridesById = new(StringComparer.Ordinal);
            var faulty = new List<(LoadedPlugin Plugin, PluginError Error)>();
            foreach (var plugin in accepted)
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
            foreach (var (plugin, error) in OverrideConflicts(accepted, overridesById))
            {
                if (!faulty.Exists(f => f.Plugin == plugin))
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
                accepted.Remove(plugin);
            }
            vocabulary = accepted.Aggregate(DomainVocabulary.National, (v, p) => Accept(p, v, hostIds, []).Vocabulary);
        }

        var indicators = host.Concat(accepted.SelectMany(p => p.Indicators))
            .Select(i => overridesById.TryGetValue(i.Definition.Id, out var list) ? ApplyOverrides(i, list) : i)
            .ToImmutableArray();
        var owners = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var plugin in accepted)
        {
            foreach (var id in plugin.Indicators.Select(i => i.Definition.Id)
                         .Concat(plugin.EligibilityRules.Select(r => r.Id))
                         .Concat(plugin.ValidationRules.Select(r => r.Id))
                         .Concat(plugin.ReportSections.Select(s => s.Id))
                         .Concat(plugin.Pathways.Select(p => p.ProgrammeCode)))
            {
                owners[id] = plugin.Id;
            }
        }

        var report = new PluginLoadReport(policy, [.. accepted.Select(p => p.Info)], [.. errors]);
        foreach (var plugin in accepted)
        {
            var contributions = plugin.Contributions.ToString();
            LogMessages.PluginLoaded(logger, plugin.Id, plugin.Manifest.Version, plugin.Manifest.AuthorityCode, plugin.Directory ?? "in process", contributions);
        }
        foreach (var error in errors)
        {
            LogMessages.PluginRejected(logger, error.PluginId, error.Kind, error.Message);
        }
        if (errors.Count > 0 && policy == PluginFailurePolicy.FailFast)
        {
            throw new PluginFailureException(errors);
        }
        return new YouthJusticeComposition(policy, report, vocabulary, [.. accepted], indicators, owners.ToImmutable(), hostServices);
    }

    private static List<IIndicator> HostIndicators(IEnumerable<IIndicator> indicators)
    {
        var host = new List<IIndicator>();
        foreach (var indicator in indicators)
        {
            var id = indicator.Definition.Id;
            if (!IsValidIndicatorId(id))
            {
                throw new InvalidOperationException($"The host's indicator '{id}' ({indicator.GetType().Name}) has an invalid id: " +
                    "use lower-case letters and digits in words joined by '-' (and '.' after a plugin's id).");
            }
            var same = host.Find(n => n.Definition.Id == id);
            if (same is null)
            {
                host.Add(indicator);
            }
            else if (same.GetType() != indicator.GetType() || !same.Definition.Equals(indicator.Definition))
            {
                throw new InvalidOperationException($"Two different indicators given by the host have the id '{id}'.");
            }
        }
        return host;
    }

    private static (DomainVocabulary Vocabulary, PluginError? Error) Accept(
        LoadedPlugin plugin, DomainVocabulary vocabulary, HashSet<string> hostIds, HashSet<string> pluginIndicatorIds)
    {
        var id = plugin.Id;
        foreach (var programme in plugin.Programmes)
        {
            foreach (var key in programme.Aliases.Prepend(programme.Code))
            {
                if (vocabulary.TryGetProgramme(key, out var existing))
                {
                    return (vocabulary, new PluginError(id, PluginErrorKind.DuplicateProgrammeId,
                        $"Plugin '{id}' registered programme code or alias '{key}', which is already used by programme {existing.Code}" +
                        (existing.IsLocal ? " of another plugin." : " of the national vocabulary."), ComponentId: key));
                }
            }
            vocabulary = vocabulary.WithProgramme(programme);
        }
        foreach (var type in plugin.OutcomeTypes)
        {
            if (vocabulary.TryGetOutcomeType(type.Code, out _))
            {
                return (vocabulary, new PluginError(id, PluginErrorKind.DuplicateOutcomeType,
                    $"Plugin '{id}' registered outcome type '{type.Code}', which is already defined.", ComponentId: type.Code));
            }
            vocabulary = vocabulary.WithOutcomeType(type);
        }
        foreach (var indicatorId in plugin.Indicators.Select(i => i.Definition.Id))
        {
            if (hostIds.Contains(indicatorId) || pluginIndicatorIds.Contains(indicatorId))
            {
                var whose = hostIds.Contains(indicatorId) ? "which is a national indicator or one the host registered" : "which another plugin already registered";
                return (vocabulary, new PluginError(id, PluginErrorKind.DuplicateIndicatorId,
                    $"Plugin '{id}' registered indicator '{indicatorId}', {whose}.", ComponentId: indicatorId));
            }
        }
        return (vocabulary, null);
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
            // The indicator reads its parameters when it is built: a value it cannot use is the override's fault.
            overridable.WithDefinition(o.ApplyTo(target.Definition));
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

    /// <summary>An overridden indicator: computes with the changed definition and names the overrides in every result.</summary>
    /// <remarks>The override names come first, in label order, followed by whatever the indicator itself lists (a
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

    /// <summary>A plugin's own services, with the host's behind them.</summary>
    private sealed class PluginServiceProvider : IServiceProvider
    {
        private readonly ServiceProvider _own;
        private readonly IServiceProvider? _host;

        internal PluginServiceProvider(ImmutableArray<ServiceDescriptor> descriptors, IServiceProvider? host)
        {
            IServiceCollection collection = new ServiceCollection();
            foreach (var d in descriptors)
            {
                collection.Add(d);
            }
            _own = collection.BuildServiceProvider();
            _host = host;
        }

        public object? GetService(Type serviceType) => _own.GetService(serviceType) ?? _host?.GetService(serviceType);
    }

    private static partial class LogMessages
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Plugin {PluginId} {Version} for {Authority} loaded from {Directory}: {Contributions}")]
        internal static partial void PluginLoaded(ILogger logger, string pluginId, string version, string authority, string directory, string contributions);

        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Plugin {PluginId} rejected ({Kind}): {Reason}")]
        internal static partial void PluginRejected(ILogger logger, string pluginId, PluginErrorKind kind, string reason);
    }
}
