using System.Collections.Immutable;
using YouthJustice.Sdk.Domain;

namespace YouthJustice.Sdk.Plugins;

/// <summary>The plugins a host has loaded and the report of loading them.</summary>
public interface IPluginCatalog
{
    /// <summary>The plugins that loaded cleanly, in load order.</summary>
    IReadOnlyList<LoadedPlugin> Plugins { get; }

    /// <summary>What loading did: the plugins loaded and every error.</summary>
    PluginLoadReport Report { get; }
}

/// <summary>
/// Loads plugins (from folders through an <see cref="IPluginLoader"/>, or in process), runs their registration and checks
/// each against the national vocabulary and the plugins already loaded.
/// </summary>
/// <remarks>Adding plugins is not thread-safe; once a host has finished adding, reading is.</remarks>
public sealed class PluginCatalog : IPluginCatalog
{
    private readonly List<LoadedPlugin> _plugins = [];
    private readonly List<PluginError> _errors = [];
    private readonly HashSet<string> _indicatorIds = new(StringComparer.Ordinal);
    private DomainVocabulary _vocabulary = DomainVocabulary.National;

    /// <summary>Creates an empty catalog.</summary>
    /// <param name="policy">What to do when a plugin is faulty.</param>
    /// <param name="loader">The loader for plugin folders; <see cref="McMasterPluginLoader"/> when <see langword="null"/>.</param>
    public PluginCatalog(PluginFailurePolicy policy = PluginFailurePolicy.FailFast, IPluginLoader? loader = null)
    {
        Policy = policy;
        Loader = loader ?? new McMasterPluginLoader();
    }

    /// <summary>The failure policy.</summary>
    public PluginFailurePolicy Policy { get; }

    /// <summary>The loader used for plugin folders.</summary>
    public IPluginLoader Loader { get; }

    /// <summary>The SDK version plugins are checked against; the running SDK's by default.</summary>
    public Version SdkVersion { get; init; } = McMasterPluginLoader.RunningSdkVersion;

    /// <inheritdoc />
    public IReadOnlyList<LoadedPlugin> Plugins => _plugins;

    /// <inheritdoc />
    public PluginLoadReport Report => new(Policy, [.. _plugins.Select(p => p.Info)], [.. _errors]);

    /// <summary>Host-supplied settings laid over each plugin's manifest settings, by plugin id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> HostSettings { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Loads every plugin under <paramref name="pluginsDirectory"/> into a new catalog.</summary>
    /// <exception cref="PluginFailureException">A plugin is faulty and <paramref name="policy"/> is <see cref="PluginFailurePolicy.FailFast"/>.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static PluginCatalog LoadFrom(string pluginsDirectory, PluginFailurePolicy policy = PluginFailurePolicy.FailFast, IPluginLoader? loader = null)
    {
        var catalog = new PluginCatalog(policy, loader);
        catalog.AddDirectory(pluginsDirectory);
        return catalog;
    }

    /// <summary>Loads every plugin under <paramref name="pluginsDirectory"/>.</summary>
    /// <returns>The errors this call found (also in <see cref="Report"/>).</returns>
    /// <exception cref="PluginFailureException">A plugin is faulty and the policy is <see cref="PluginFailurePolicy.FailFast"/>.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public IReadOnlyList<PluginError> AddDirectory(string pluginsDirectory)
    {
        ArgumentNullException.ThrowIfNull(pluginsDirectory);
        var errors = new List<PluginError>();
        var attempts = Loader.LoadAll(pluginsDirectory, SdkVersion).ToList();
        // Two folders claiming one id: neither loads (folder order must not pick a winner), and the error names both.
        var claimed = attempts.Where(a => a.Error is null && a.Manifest is not null)
            .GroupBy(a => a.Manifest!.Id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Directory).ToList(), StringComparer.Ordinal);
        foreach (var (id, folders) in claimed)
        {
            errors.Add(new PluginError(id, PluginErrorKind.DuplicatePluginId,
                $"Plugin id '{id}' is claimed by {folders.Count} folders: {string.Join(", ", folders.Select(f => $"'{f}'"))}; none of them was loaded. Remove or rename all but one."));
        }
        foreach (var attempt in attempts)
        {
            if (attempt.Error is null && attempt.Manifest is not null && claimed.ContainsKey(attempt.Manifest.Id))
            {
                continue;
            }
            var error = attempt.Error ?? Accept(attempt.EntryPoint!, attempt.Manifest!, attempt.Directory);
            if (error is not null)
            {
                errors.Add(error);
            }
        }
        return Conclude(errors);
    }

    /// <summary>Adds a plugin in process (without loading it from disk): for a plugin's own tests, or a host that links a plugin.</summary>
    /// <returns>The error, if the plugin is faulty (also in <see cref="Report"/>).</returns>
    /// <exception cref="PluginFailureException">The plugin is faulty and the policy is <see cref="PluginFailurePolicy.FailFast"/>.</exception>
    public PluginError? AddPlugin(IYouthJusticePlugin plugin, PluginManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        ArgumentNullException.ThrowIfNull(manifest);
        var error = manifest.SdkVersion.Includes(SdkVersion)
            ? Accept(plugin, manifest, null)
            : new PluginError(manifest.Id, PluginErrorKind.IncompatibleVersion,
                $"Plugin '{manifest.Id}' {manifest.Version} supports SDK versions {manifest.SdkVersion}, but this is SDK {SdkVersion.ToString(3)}.");
        Conclude(error is null ? [] : [error]);
        return error;
    }

    /// <summary>Whether a plugin with this id has loaded.</summary>
    public bool Contains(string pluginId) => _plugins.Exists(p => p.Id == pluginId);

    private List<PluginError> Conclude(List<PluginError> errors)
    {
        _errors.AddRange(errors);
        if (errors.Count > 0 && Policy == PluginFailurePolicy.FailFast)
        {
            throw new PluginFailureException(errors);
        }
        return errors;
    }

    private PluginError? Accept(IYouthJusticePlugin entryPoint, PluginManifest manifest, string? directory)
    {
        var id = manifest.Id;
        if (Contains(id))
        {
            return new PluginError(id, PluginErrorKind.DuplicatePluginId,
                $"Plugin '{id}' from '{directory ?? "in process"}' has the same id as a plugin already loaded.");
        }
        HostSettings.TryGetValue(id, out var hostSettings);
        var (plugin, error) = PluginRegistration.Register(entryPoint, manifest, directory, hostSettings);
        if (error is not null)
        {
            return error;
        }
        var vocabulary = _vocabulary;
        foreach (var programme in plugin!.Programmes)
        {
            foreach (var key in programme.Aliases.Prepend(programme.Code))
            {
                if (vocabulary.TryGetProgramme(key, out var existing))
                {
                    return new PluginError(id, PluginErrorKind.DuplicateProgrammeId,
                        $"Plugin '{id}' registered programme code or alias '{key}', which is already used by programme {existing.Code}" +
                        (existing.IsLocal ? " of another plugin." : " of the national vocabulary."), ComponentId: key);
                }
            }
            vocabulary = vocabulary.WithProgramme(programme);
        }
        foreach (var type in plugin.OutcomeTypes)
        {
            if (vocabulary.TryGetOutcomeType(type.Code, out _))
            {
                return new PluginError(id, PluginErrorKind.DuplicateOutcomeType,
                    $"Plugin '{id}' registered outcome type '{type.Code}', which is already defined.", ComponentId: type.Code);
            }
            vocabulary = vocabulary.WithOutcomeType(type);
        }
        var clash = plugin.Indicators.Select(i => i.Definition.Id).FirstOrDefault(_indicatorIds.Contains);
        if (clash is not null)
        {
            return new PluginError(id, PluginErrorKind.DuplicateIndicatorId,
                $"Plugin '{id}' registered indicator '{clash}', which another plugin already registered.", ComponentId: clash);
        }
        _vocabulary = vocabulary;
        _indicatorIds.UnionWith(plugin.Indicators.Select(i => i.Definition.Id));
        _plugins.Add(plugin);
        return null;
    }

    /// <summary>The national vocabulary plus every loaded plugin's programmes and outcome types.</summary>
    public DomainVocabulary Vocabulary => _vocabulary;

}
