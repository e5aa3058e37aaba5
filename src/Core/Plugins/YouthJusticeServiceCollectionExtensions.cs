using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Indicators.National;
using YouthJustice.Sdk.Kpis;
using YouthJustice.Sdk.Plugins;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers YouthJustice.Sdk and its plugins in a service collection.</summary>
public static class YouthJusticeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SDK: loads the plugins the options name (now, so their services join the container), and registers
    /// <see cref="IYouthJusticeRegistry"/> (the built-in national indicators and YJB KPIs unless
    /// <see cref="YouthJusticeOptions.IncludeNationalIndicators"/> is off, indicators from the container and <see cref="YouthJusticeOptions.Indicators"/>,
    /// plus the plugins, overrides applied), <see cref="IPluginCatalog"/>, <see cref="PluginLoadReport"/> and the
    /// composed <see cref="DomainVocabulary"/>.
    /// </summary>
    /// <remarks>
    /// <para>Safe to call more than once: services are added with <c>TryAdd</c>, a plugins folder or in-process plugin
    /// already loaded is not loaded again, and an indicator given twice (same type and definition) counts once.
    /// Plugins load with the failure policy and loader of the first call; the registry uses the policy the options
    /// finally hold.</para>
    /// <para>Add national indicators with <c>services.TryAddEnumerable(ServiceDescriptor.Singleton&lt;IIndicator, T&gt;())</c>
    /// or through <see cref="YouthJusticeOptions.Indicators"/>.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="PluginFailureException">A plugin is faulty and the policy is fail-fast.</exception>
    /// <exception cref="DirectoryNotFoundException">The plugins folder does not exist.</exception>
    public static IServiceCollection AddYouthJustice(this IServiceCollection services, Action<YouthJusticeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new YouthJusticeOptions();
        configure?.Invoke(options);

        var state = services.FirstOrDefault(d => d.ServiceType == typeof(YouthJusticeState))?.ImplementationInstance as YouthJusticeState;
        if (state is null)
        {
            state = new YouthJusticeState(options);
            services.AddSingleton(state);
        }
        state.Load(options, services);

        services.AddOptions();
        if (configure is not null)
        {
            services.Configure(configure);
        }
        services.TryAddSingleton<IPluginCatalog>(state.Catalog);
        services.TryAddSingleton<IYouthJusticeRegistry>(sp =>
        {
            var resolved = sp.GetRequiredService<IOptions<YouthJusticeOptions>>().Value;
            var national = resolved.IncludeNationalIndicators
                ? NationalIndicators.CreateAll().Concat(KeyPerformanceIndicators.CreateAll())
                : [];
            return new YouthJusticeRegistry(state.Catalog, national.Concat(sp.GetServices<IIndicator>()).Concat(resolved.Indicators), resolved.FailurePolicy, sp);
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<IYouthJusticeRegistry>().LoadReport);
        services.TryAddSingleton(sp => sp.GetRequiredService<IYouthJusticeRegistry>().Vocabulary);
        return services;
    }

    /// <summary>What AddYouthJustice has loaded so far, kept in the collection so a second call can see it.</summary>
    private sealed class YouthJusticeState
    {
        private readonly HashSet<string> _directories = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IDictionary<string, string>> _settings = new(StringComparer.Ordinal);

        internal YouthJusticeState(YouthJusticeOptions first)
        {
            Catalog = new PluginCatalog(first.FailurePolicy, first.PluginLoader)
            {
                HostSettings = new SettingsView(_settings),
            };
        }

        internal PluginCatalog Catalog { get; }

        internal void Load(YouthJusticeOptions options, IServiceCollection services)
        {
            foreach (var (id, settings) in options.PluginSettings)
            {
                _settings[id] = settings;
            }
            var before = Catalog.Plugins.Count;
            if (options.PluginsDirectory is { } directory && _directories.Add(Path.GetFullPath(directory)))
            {
                Catalog.AddDirectory(directory);
            }
            foreach (var (plugin, manifest) in options.Plugins)
            {
                if (!Catalog.Contains(manifest.Id))
                {
                    Catalog.AddPlugin(plugin, manifest);
                }
            }
            // Only plugins that loaded cleanly reach the container.
            foreach (var loaded in Catalog.Plugins.Skip(before))
            {
                foreach (var descriptor in loaded.Services)
                {
                    services.Add(descriptor);
                }
            }
        }
    }

    private sealed class SettingsView(Dictionary<string, IDictionary<string, string>> settings) : IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>
    {
        public IReadOnlyDictionary<string, string> this[string key] => settings[key].AsReadOnly();
        public IEnumerable<string> Keys => settings.Keys;
        public IEnumerable<IReadOnlyDictionary<string, string>> Values => settings.Values.Select(v => (IReadOnlyDictionary<string, string>)v.AsReadOnly());
        public int Count => settings.Count;
        public bool ContainsKey(string key) => settings.ContainsKey(key);
        public IEnumerator<KeyValuePair<string, IReadOnlyDictionary<string, string>>> GetEnumerator() =>
            settings.Select(p => KeyValuePair.Create(p.Key, (IReadOnlyDictionary<string, string>)p.Value.AsReadOnly())).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out IReadOnlyDictionary<string, string> value)
        {
            var found = settings.TryGetValue(key, out var v);
            value = found ? v!.AsReadOnly() : null;
            return found;
        }
    }
}
