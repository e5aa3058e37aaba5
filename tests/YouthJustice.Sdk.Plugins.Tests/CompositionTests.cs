using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Kpis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using static YouthJustice.Sdk.Plugins.Tests.Data;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Plugins.Tests;

public class CompositionTests
{
    private static readonly Dataset Children = new()
    {
        AsOf = D(2023, 3, 31),
        Children = [Child("A", D(2012, 1, 1)), Child("B", D(2010, 6, 1)), Child("C", D(2008, 1, 1))],
    };

    [Fact]
    public void A_declared_override_changes_the_national_definition_and_is_named_in_every_result()
    {
        var services = new ServiceCollection();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IIndicator, ChildrenAgedIndicator>());
        services.AddYouthJustice(o => o.PluginsDirectory = PluginFolders.With("local-override"));
        var registry = services.BuildServiceProvider().GetRequiredService<IYouthJusticeRegistry>();

        var result = registry.Compute(IndicatorContext.For(Children), Year(2022), ["test.children-aged"]).Results.Single();

        Assert.Equal(["local-minimum-age-12"], result.AppliedOverrides.ToArray());
        Assert.Equal(new MethodologyRef("test.children-aged", 1, "local-override/local-minimum-age-12"), result.Methodology);
        Assert.Equal(2m, result.Numerator);
        Assert.Contains("local-minimum-age-12 → test.children-aged", registry.LoadReport.Loaded.Single(p => p.Id == "local-override").Adds.OverrideNames);
        // The plugins' own indicators are untouched by it.
        Assert.All(registry.Compute(IndicatorContext.For(Children), Year(2022)).Results.Where(r => r.IndicatorId != "test.children-aged"),
            r => Assert.Empty(r.AppliedOverrides));
    }

    [Fact]
    public void Without_the_override_the_national_definition_applies_unchanged()
    {
        var registry = new YouthJusticeRegistry(LoadedPlugins.Catalog, [new ChildrenAgedIndicator()]);

        var result = registry.Compute(IndicatorContext.For(Children), Year(2022), ["test.children-aged"]).Results.Single();

        Assert.Empty(result.AppliedOverrides);
        Assert.Equal(3m, result.Numerator);
    }

    [Fact]
    public void An_override_of_an_indicator_that_is_not_there_is_an_error_of_the_plugin_that_declared_it()
    {
        var catalog = PluginCatalog.LoadFrom(PluginFolders.With("local-override"));

        var ex = Assert.Throws<PluginFailureException>(() => new YouthJusticeRegistry(catalog, []));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(("local-override", PluginErrorKind.InvalidOverride), (error.PluginId, error.Kind));
        Assert.Contains("no such indicator is registered", error.Message, StringComparison.Ordinal);

        var tolerant = new YouthJusticeRegistry(catalog, [], PluginFailurePolicy.ContinueWithoutFaultyPlugins);
        Assert.Equal(PluginFolders.RealIds, tolerant.LoadReport.Loaded.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.Equal(PluginErrorKind.InvalidOverride, Assert.Single(tolerant.LoadReport.Errors).Kind);
    }

    [Fact]
    public void AddYouthJustice_is_safe_to_call_twice()
    {
        var folder = PluginFolders.With();
        var national = new ChildrenAgedIndicator();
        var once = new ServiceCollection();
        once.AddYouthJustice(o => { o.PluginsDirectory = folder; o.Indicators.Add(national); });
        var twice = new ServiceCollection();
        twice.AddYouthJustice(o => { o.PluginsDirectory = folder; o.Indicators.Add(national); });
        twice.AddYouthJustice(o => { o.PluginsDirectory = folder; o.Indicators.Add(new ChildrenAgedIndicator()); });

        // The second call adds only its own configure action; nothing else is registered twice.
        Assert.Equal(once.Count + 1, twice.Count);
        Assert.Equal(2, CountConfigureActions(twice));
        Assert.Single(twice, d => d.ServiceType == typeof(IYouthJusticeRegistry));
        // A plugin's services stay out of the host's container: the registry gives them to the plugin's components.
        Assert.DoesNotContain(twice, d => d.ServiceType.FullName == "YouthJustice.Plugins.Warwickshire.EcmEligibilityCriteria");
        using var provider = twice.BuildServiceProvider();
        var registry = provider.GetRequiredService<IYouthJusticeRegistry>();
        var single = once.BuildServiceProvider().GetRequiredService<IYouthJusticeRegistry>();
        Assert.Equal(single.Indicators.Select(i => i.Definition.Id), registry.Indicators.Select(i => i.Definition.Id));
        Assert.Single(registry.Indicators, i => i.Definition.Id == "test.children-aged");
        Assert.Equal(PluginFolders.RealIds, registry.LoadReport.Loaded.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.True(registry.LoadReport.IsClean);
        var ecm = registry.LoadReport.Loaded.Single(p => p.Id == "warwickshire-ecm");
        var criteria = registry.Composition.Plugins.Single(p => p.Id == ecm.Id).Services.Single().ServiceType;
        Assert.NotNull(registry.ServicesOf("warwickshire-ecm")!.GetService(criteria));
        Assert.Null(provider.GetService(criteria));
        Assert.Same(registry, provider.GetRequiredService<IYouthJusticeRegistry>());
    }

    private static int CountConfigureActions(IServiceCollection services) =>
        services.Count(d => d.ServiceType == typeof(IConfigureOptions<YouthJusticeOptions>));

    [Fact]
    public void National_indicators_from_the_container_and_the_options_compose_with_the_plugins()
    {
        var services = new ServiceCollection();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IIndicator, ChildrenAgedIndicator>());
        services.AddYouthJustice(o => o.PluginsDirectory = PluginFolders.With());
        using var provider = services.BuildServiceProvider();

        var registry = provider.GetRequiredService<IYouthJusticeRegistry>();

        // The built-in national indicators, KPIs, local plan measures and plan input measures come first, then the container's, then the plugins'.
        var ids = registry.Indicators.Select(i => i.Definition.Id).ToList();
        Assert.Equal(NationalIndicators.Definitions[0].Id, ids[0]);
        Assert.Contains(KeyPerformanceIndicators.Definitions[0].Id, ids);
        Assert.Contains(Sdk.PlanMeasures.LocalMeasures.Definitions[0].Id, ids);
        Assert.Contains(YouthJustice.Sdk.Plans.PlanIndicators.Definitions[0].Id, ids);
        Assert.Equal(NationalIndicators.Definitions.Count + KeyPerformanceIndicators.Definitions.Count + Sdk.PlanMeasures.LocalMeasures.Definitions.Count + YouthJustice.Sdk.Plans.PlanIndicators.Definitions.Length,
            ids.IndexOf("test.children-aged"));
        Assert.Null(registry.OwnerOf("test.children-aged"));
        Assert.Equal("leicester-early-intervention", registry.OwnerOf("leicester-early-intervention.referred"));
        Assert.Equal(registry.Composition.Plugins.Sum(p => p.EligibilityRules.Length), registry.EligibilityRules.Count);
        Assert.Contains(registry.EligibilityRules, r => r.Id.StartsWith("coventry-diversion.", StringComparison.Ordinal));
        Assert.Equal(registry.Composition.Plugins.Sum(p => p.ReportSections.Length), registry.ReportSections.Count);
        Assert.Equal(PluginFolders.RealIds, provider.GetRequiredService<IPluginCatalog>().Report.Loaded.Select(p => p.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_the_national_set_only_the_indicators_given_and_the_plugins_are_composed()
    {
        var services = new ServiceCollection();
        services.AddYouthJustice(o =>
        {
            o.IncludeNationalIndicators = false;
            o.Indicators.Add(new ChildrenAgedIndicator());
        });
        using var provider = services.BuildServiceProvider();

        var ids = provider.GetRequiredService<IYouthJusticeRegistry>().Indicators.Select(i => i.Definition.Id);

        Assert.Equal(["test.children-aged"], ids);
    }

    [Fact]
    public void A_plugin_added_in_process_is_composed_like_one_loaded_from_disk()
    {
        var manifest = new PluginManifest
        {
            Id = "in-process",
            DisplayName = "In process",
            Version = "0.1.0",
            AuthorityCode = "E92000001",
            SdkVersion = SdkVersionRange.Parse("[0.1, 1.0)"),
            EntryAssembly = "none.dll",
        };
        var services = new ServiceCollection();
        services.AddYouthJustice(o => o.AddPlugin(new InProcessPlugin(), manifest));
        services.AddYouthJustice(o => o.AddPlugin(new InProcessPlugin(), manifest));

        var registry = services.BuildServiceProvider().GetRequiredService<IYouthJusticeRegistry>();

        Assert.Equal("in-process", Assert.Single(registry.LoadReport.Loaded).Id);
        Assert.True(registry.Vocabulary.TryGetOutcomeType("LOCAL_TRIAGE", out var local) && local.IsLocal);
    }

    private sealed class InProcessPlugin : IYouthJusticePlugin
    {
        public void Register(IPluginRegistrar registrar) =>
            registrar.AddOutcomeType(new OutcomeType("LOCAL_TRIAGE", "Local triage outcome", OutcomeCategory.InformalOutOfCourt, 1, isLocal: true));
    }
}
