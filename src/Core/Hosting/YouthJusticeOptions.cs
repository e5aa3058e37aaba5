using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Hosting;

/// <summary>Options for <c>services.AddYouthJustice(…)</c>.</summary>
/// <remarks>A plain options object (the options pattern): the same instance is available as <c>IOptions&lt;YouthJusticeOptions&gt;</c>.</remarks>
public sealed class YouthJusticeOptions
{
    /// <summary>A folder of plugins to load (one subfolder per plugin), or <see langword="null"/> for none.</summary>
    public string? PluginsDirectory { get; set; }

    /// <summary>What to do when a plugin is faulty. Fail-fast by default.</summary>
    public PluginFailurePolicy FailurePolicy { get; set; } = PluginFailurePolicy.FailFast;

    /// <summary>Whether to compose the built-in national indicators and YJB key performance indicators (the default).
    /// Turn it off to compose only the indicators given here, in the container and by plugins.</summary>
    public bool IncludeNationalIndicators { get; set; } = true;

    /// <summary>How many indicators a run computes at once: 0 (the default) for one per processor, 1 for one after another
    /// on the calling thread (see <see cref="YouthJusticeRegistry.MaxDegreeOfParallelism"/>).</summary>
    public int MaxDegreeOfParallelism { get; set; }

    /// <summary>Indicators to compose besides the national set and those registered in the container as <see cref="IIndicator"/>.</summary>
    public IList<IIndicator> Indicators { get; } = [];

    /// <summary>Plugins to add in process, without loading them from disk.</summary>
    public IList<(IYouthJusticePlugin Plugin, PluginManifest Manifest)> Plugins { get; } = [];

    /// <summary>Settings laid over a plugin's manifest settings, by plugin id then setting name.</summary>
    public IDictionary<string, IDictionary<string, string>> PluginSettings { get; } = new Dictionary<string, IDictionary<string, string>>(StringComparer.Ordinal);

    /// <summary>The loader for plugin folders; <see cref="McMasterPluginLoader"/> when <see langword="null"/>.</summary>
    public IPluginLoader? PluginLoader { get; set; }

    /// <summary>Adds a plugin in process.</summary>
    /// <returns>These options, for chaining.</returns>
    public YouthJusticeOptions AddPlugin(IYouthJusticePlugin plugin, PluginManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        ArgumentNullException.ThrowIfNull(manifest);
        Plugins.Add((plugin, manifest));
        return this;
    }

    /// <summary>Sets one plugin setting, laid over the plugin's manifest.</summary>
    /// <returns>These options, for chaining.</returns>
    public YouthJusticeOptions SetPluginSetting(string pluginId, string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!PluginSettings.TryGetValue(pluginId, out var settings))
        {
            PluginSettings[pluginId] = settings = new Dictionary<string, string>(StringComparer.Ordinal);
        }
        settings[name] = value;
        return this;
    }
}
