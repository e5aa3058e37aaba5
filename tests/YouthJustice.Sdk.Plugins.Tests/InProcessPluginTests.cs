using System.Runtime.Loader;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using static YouthJustice.Sdk.Plugins.Tests.Data;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Plugins.Tests;

public class InProcessPluginTests
{
    private static PluginManifest Manifest(string id) => new()
    {
        Id = id,
        DisplayName = id,
        Version = "1.0.0",
        AuthorityCode = "E92000001",
        SdkVersion = SdkVersionRange.Parse("[0.1, 1.0)"),
        EntryAssembly = "none.dll",
    };

    private sealed class DelegatePlugin(Action<IPluginRegistrar> register) : IYouthJusticePlugin
    {
        public void Register(IPluginRegistrar registrar) => register(registrar);
    }

    private sealed class ThrowingRule(string id) : IValidationRule, IEligibilityRule
    {
        public string Id => id;
        public string Description => "Always throws.";
        public string Name => "Always throws.";
        public ProgrammeKind? Programme => null;
        public IEnumerable<ValidationFinding> Validate(Dataset dataset) => throw new InvalidOperationException("validation broke");
        public EligibilityDecision Decide(Child child, EligibilityContext context) => throw new InvalidOperationException("eligibility broke");
    }

    [Fact]
    public void An_indicator_id_without_the_plugin_prefix_is_an_invalid_registration()
    {
        var catalog = new PluginCatalog(PluginFailurePolicy.ContinueWithoutFaultyPlugins);

        var error = catalog.AddPlugin(new DelegatePlugin(r => r.AddIndicator(new ChildrenAgedIndicator())), Manifest("my-plugin"));

        Assert.Equal(PluginErrorKind.InvalidRegistration, error!.Kind);
        Assert.Contains("'test.children-aged', whose id does not start with 'my-plugin.'", error.Message, StringComparison.Ordinal);
        Assert.Empty(catalog.Plugins);
    }

    [Fact]
    public void A_validation_rule_that_throws_is_reported_by_name_and_the_pathways_are_still_checked()
    {
        var catalog = new PluginCatalog();
        catalog.AddPlugin(new DelegatePlugin(r =>
        {
            r.AddProgramme(new ProgrammeKind("LOCAL_P", "Local", isLocal: true),
                ProgrammePathway.For("LOCAL_P").State("IN", "In", initial: true).State("OUT", "Out", final: true).Step("IN", "OUT").Build());
            r.AddValidationRule(new ThrowingRule("rules.broken"));
        }), Manifest("rules"));
        var registry = new YouthJusticeRegistry(catalog, [], PluginFailurePolicy.ContinueWithoutFaultyPlugins);
        var dataset = new Dataset
        {
            AsOf = D(2023, 1, 1),
            Episodes = [new("E1", "C1", new ProgrammeKind("LOCAL_P", "Local"), D(2022, 1, 1))],
            PathwayEvents = [new("E1", D(2022, 1, 1), "OUT")],
        };

        var run = registry.Validate(dataset);

        var error = Assert.Single(run.Errors);
        Assert.Equal(("rules", PluginErrorKind.ThrowsWhileComputing, "rules.broken"), (error.PluginId, error.Kind, error.ComponentId));
        var finding = Assert.Single(run.Findings);
        Assert.Equal("rules.pathway.LOCAL_P", finding.RuleId);
        Assert.Equal((RecordKinds.PathwayEvent, "E1#0"), (finding.RecordKind, finding.RecordId));
    }

    [Fact]
    public void An_eligibility_rule_that_throws_raises_an_error_naming_the_plugin_and_rule()
    {
        var catalog = new PluginCatalog();
        catalog.AddPlugin(new DelegatePlugin(r => r.AddEligibilityRule(new ThrowingRule("rules.eligibility"))), Manifest("rules"));
        var registry = new YouthJusticeRegistry(catalog, [], PluginFailurePolicy.ContinueWithoutFaultyPlugins);
        var dataset = new Dataset { AsOf = D(2023, 1, 1), Children = [Child("C1")] };

        var ex = Assert.Throws<PluginFailureException>(() => registry.Decide("rules.eligibility", dataset.Children[0], new EligibilityContext(dataset, dataset.AsOf)));

        Assert.Contains("Plugin 'rules': eligibility rule 'rules.eligibility' threw while computing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_folder_that_carries_its_own_copy_of_the_contract_still_gets_the_hosts_types()
    {
        var folder = PluginFolders.With();
        var coventry = Path.Combine(folder, "coventry-diversion");
        File.Copy(typeof(IYouthJusticePlugin).Assembly.Location, Path.Combine(coventry, "YouthJustice.Sdk.Abstractions.dll"));

        var catalog = PluginCatalog.LoadFrom(folder);

        var plugin = catalog.Plugins.Single(p => p.Id == "coventry-diversion");
        Assert.True(typeof(IYouthJusticePlugin).IsAssignableFrom(plugin.EntryType));
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(plugin.Indicators[0].Definition.GetType().Assembly));
        Assert.NotEmpty(plugin.Indicators);
    }

    [Fact]
    public void A_plugin_that_ships_only_test_cases_registers_nothing()
    {
        var catalog = new PluginCatalog(PluginFailurePolicy.ContinueWithoutFaultyPlugins);

        var error = catalog.AddPlugin(new DelegatePlugin(r => r.AddTestCases(new NoCases())), Manifest("tests-only"));

        Assert.Equal(PluginErrorKind.RegistersNothing, error!.Kind);
    }

    private sealed class NoCases : IPluginTestCases
    {
        public IReadOnlyList<PluginTestCase> Cases => [];
    }
}
