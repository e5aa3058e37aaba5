using System.Collections.Immutable;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Hosting;

/// <summary>The plugins a host has loaded and the report of loading them.</summary>
public interface IPluginCatalog
{
    /// <summary>The plugins that loaded cleanly, in load order.</summary>
    IReadOnlyList<LoadedPlugin> Plugins { get; }

    /// <summary>What loading did: the plugins loaded and every error.</summary>
    PluginLoadReport Report { get; }
}

/// <summary>
/// Loads plugins (from folders through an <see cref="IPluginLoader"/>, or in process) and runs their registration, which
/// checks each plugin on its own (<see cref="LoadedPlugin"/>). It does not compose them: checking plugins against the
/// national vocabulary, the host's indicators and each other happens once, in <see cref="YouthJusticeComposition"/>.
/// </summary>
/// <remarks>Adding plugins is not thread-safe; once a host has finished adding, reading is.</remarks>
public sealed class PluginCatalog : IPluginCatalog
{
    private readonly List<LoadedPlugin> _plugins = [];
    private readonly List<PluginError> _errors = [];

    /// <summary>Creates an empty catalog.</summary>
    /// <param name="policy">What to do when a plugin fails to load or register: fail-fast throws at once.</param>
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

    /// <summary>The plugins that loaded and registered cleanly, in load order (not yet checked against each other).</summary>
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
        foreach (var attempt in Loader.LoadAll(pluginsDirectory, SdkVersion))
        {
            var error = attempt.Error ?? Register(attempt.EntryPoint!, attempt.Manifest!, attempt.Directory);
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
            ? Register(plugin, manifest, null)
            : new PluginError(manifest.Id, PluginErrorKind.IncompatibleVersion,
                $"Plugin '{manifest.Id}' {manifest.Version} supports SDK versions {manifest.SdkVersion}, but this is SDK {SdkVersion.ToString(3)}.");
        Conclude(error is null ? [] : [error]);
        return error;
    }

    private List<PluginError> Conclude(List<PluginError> errors)
    {
        _errors.AddRange(errors);
        if (errors.Count > 0 && Policy == PluginFailurePolicy.FailFast)
        {
            throw new PluginFailureException(errors);
        }
        return errors;
    }

    private PluginError? Register(IYouthJusticePlugin entryPoint, PluginManifest manifest, string? directory)
    {
        HostSettings.TryGetValue(manifest.Id, out var hostSettings);
        var (plugin, error) = PluginRegistration.Register(entryPoint, manifest, directory, hostSettings);
        if (plugin is not null)
        {
            _plugins.Add(plugin);
        }
        return error;
    }
}
