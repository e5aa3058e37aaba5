using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Kpis;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Engine;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers YouthJustice.Sdk and its plugins in a service collection.</summary>
public static class YouthJusticeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SDK: <see cref="YouthJusticeComposition"/> (the national indicators and YJB KPIs unless
    /// <see cref="YouthJusticeOptions.IncludeNationalIndicators"/> is off, the indicators in the container and in
    /// <see cref="YouthJusticeOptions.Indicators"/>, and the plugins the options name), and what reads it:
    /// <see cref="IYouthJusticeRegistry"/>, <see cref="IPluginCatalog"/>, <see cref="PluginLoadReport"/> and the composed
    /// <see cref="DomainVocabulary"/>.
    /// </summary>
    /// <remarks>
    /// <para>Nothing is loaded when this is called: the plugins are loaded, checked and composed once, when the composition
    /// is first resolved, from the options as they finally stand (<c>IOptions&lt;YouthJusticeOptions&gt;</c>). Under
    /// <see cref="PluginFailurePolicy.FailFast"/> a faulty plugin makes that first resolution throw a
    /// <see cref="PluginFailureException"/> (and every later one the same exception, without loading again).</para>
    /// <para>Safe to call more than once: services are added with <c>TryAdd</c> and each call adds only its configure
    /// action; an in-process plugin given twice (same id and type) and an indicator given twice (same type and definition)
    /// count once.</para>
    /// <para>A plugin's own services never join this container: they are reached through
    /// <see cref="IYouthJusticeRegistry.ServicesOf"/> and the contexts its components are given.</para>
    /// <para>Load decisions and compute timings are logged through <see cref="ILogger{TCategoryName}"/> when the container
    /// has logging.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddYouthJustice(this IServiceCollection services, Action<YouthJusticeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        if (configure is not null)
        {
            services.Configure(configure);
        }
        services.TryAddSingleton<CompositionHolder>();
        services.TryAddSingleton(sp => sp.GetRequiredService<CompositionHolder>().Composition);
        services.TryAddSingleton<IPluginCatalog>(sp => sp.GetRequiredService<YouthJusticeComposition>());
        services.TryAddSingleton<IYouthJusticeRegistry>(sp => new YouthJusticeRegistry(
            sp.GetRequiredService<YouthJusticeComposition>(), sp, sp.GetService<ILogger<YouthJusticeRegistry>>())
        {
            MaxDegreeOfParallelism = sp.GetRequiredService<IOptions<YouthJusticeOptions>>().Value.MaxDegreeOfParallelism,
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<YouthJusticeComposition>().LoadReport);
        services.TryAddSingleton(sp => sp.GetRequiredService<YouthJusticeComposition>().Vocabulary);
        return services;
    }

    /// <summary>Composes once, on first use; a failure is kept and thrown again rather than loading again.</summary>
    private sealed class CompositionHolder(IServiceProvider services, IOptions<YouthJusticeOptions> options)
    {
        private readonly Lazy<YouthJusticeComposition> _composition = new(() => Compose(services, options.Value), LazyThreadSafetyMode.ExecutionAndPublication);

        internal YouthJusticeComposition Composition => _composition.Value;

        private static YouthJusticeComposition Compose(IServiceProvider services, YouthJusticeOptions options)
        {
            var logger = services.GetService<ILogger<YouthJusticeComposition>>();
            var catalog = new PluginCatalog(PluginFailurePolicy.ContinueWithoutFaultyPlugins, options.PluginLoader)
            {
                HostSettings = options.PluginSettings.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)p.Value.AsReadOnly(), StringComparer.Ordinal),
            };
            if (options.PluginsDirectory is { } directory)
            {
                catalog.AddDirectory(directory);
            }
            var inProcess = new HashSet<(string, Type)>();
            foreach (var (plugin, manifest) in options.Plugins)
            {
                if (inProcess.Add((manifest.Id, plugin.GetType())))
                {
                    catalog.AddPlugin(plugin, manifest);
                }
            }
            var national = options.IncludeNationalIndicators
                ? NationalIndicators.CreateAll().Concat(KeyPerformanceIndicators.CreateAll())
                    .Concat(YouthJustice.Sdk.PlanMeasures.LocalMeasures.CreateAll())
                    .Concat(YouthJustice.Sdk.Plans.PlanIndicators.CreateAll())
                : [];
            var host = national.Concat(services.GetServices<IIndicator>()).Concat(options.Indicators);
            return YouthJusticeComposition.Compose(catalog, host, options.FailurePolicy, services, logger);
        }
    }
}
