using Microsoft.Extensions.DependencyInjection;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using static YouthJustice.Sdk.Plugins.Tests.Data;

namespace YouthJustice.Sdk.Plugins.Tests;

public class FaultyPluginTests
{
    public static TheoryData<string, PluginErrorKind, string> LoadFailures() => new()
    {
        { "cannot-load", PluginErrorKind.CannotLoad, "cannot be loaded from 'NotAnAssembly.dll'" },
        { "incompatible-version", PluginErrorKind.IncompatibleVersion, "supports SDK versions [99.0, 100.0)" },
        { "registers-nothing", PluginErrorKind.RegistersNothing, "registered nothing" },
        { "throws-registering", PluginErrorKind.ThrowsWhileRegistering, "threw while registering: InvalidOperationException: Missing configuration file" },
        { "duplicate-indicator", PluginErrorKind.DuplicateIndicatorId, "indicator id 'duplicate-indicator.count' more than once" },
        { "duplicate-programme", PluginErrorKind.DuplicateProgrammeId, "'DIVERSION', which is already used by programme DIVERSION of the national vocabulary" },
    };

    private static readonly Dataset Empty = new() { AsOf = D(2023, 3, 31), Children = [Child("X1")] };

    [Theory]
    [MemberData(nameof(LoadFailures))]
    public void Under_continue_a_faulty_plugin_is_reported_by_name_while_the_others_load_and_compute(string fixture, PluginErrorKind kind, string reason)
    {
        var catalog = PluginCatalog.LoadFrom(PluginFolders.With(fixture), PluginFailurePolicy.ContinueWithoutFaultyPlugins);

        var error = Assert.Single(catalog.Report.Errors);
        Assert.Equal(fixture, error.PluginId);
        Assert.Equal(kind, error.Kind);
        Assert.Contains($"'{fixture}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(PluginFolders.RealIds, catalog.Report.Loaded.Select(p => p.Id).Order(StringComparer.Ordinal));
        var registry = new YouthJusticeRegistry(catalog, [], PluginFailurePolicy.ContinueWithoutFaultyPlugins);
        var run = registry.Compute(IndicatorContext.For(Empty), Year(2022));
        Assert.Empty(run.Errors);
        Assert.Contains(run.Results, r => r.IndicatorId.StartsWith("coventry-diversion.", StringComparison.Ordinal));
        Assert.DoesNotContain(registry.Indicators, i => i.Definition.Id.StartsWith(fixture, StringComparison.Ordinal));
        Assert.True(registry.Vocabulary.TryGetProgramme("DIVERSION", out var national) && !national.IsLocal);
    }

    [Theory]
    [MemberData(nameof(LoadFailures))]
    public void Under_fail_fast_a_faulty_plugin_stops_the_load_with_an_error_naming_it(string fixture, PluginErrorKind kind, string reason)
    {
        var folder = PluginFolders.With(fixture);

        var ex = Assert.Throws<PluginFailureException>(() => PluginCatalog.LoadFrom(folder, PluginFailurePolicy.FailFast));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(fixture, error.PluginId);
        Assert.Equal(kind, error.Kind);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_that_throws_while_registering_leaves_nothing_behind()
    {
        var services = new ServiceCollection();

        services.AddYouthJustice(o =>
        {
            o.PluginsDirectory = PluginFolders.With("throws-registering");
            o.FailurePolicy = PluginFailurePolicy.ContinueWithoutFaultyPlugins;
        });
        var registry = services.BuildServiceProvider().GetRequiredService<IYouthJusticeRegistry>();

        Assert.DoesNotContain(registry.Indicators, i => i.Definition.Id == "throws-registering.count");
        Assert.Equal(PluginErrorKind.ThrowsWhileRegistering, Assert.Single(registry.LoadReport.Errors).Kind);
    }

    [Fact]
    public void Under_continue_an_indicator_that_throws_is_reported_by_name_and_the_other_indicators_still_compute()
    {
        var catalog = PluginCatalog.LoadFrom(PluginFolders.With("throws-computing"), PluginFailurePolicy.ContinueWithoutFaultyPlugins);
        var registry = new YouthJusticeRegistry(catalog, [new ChildrenAgedIndicator()], PluginFailurePolicy.ContinueWithoutFaultyPlugins);

        var run = registry.Compute(IndicatorContext.For(Empty), Year(2022));

        var error = Assert.Single(run.Errors);
        Assert.Equal(PluginErrorKind.ThrowsWhileComputing, error.Kind);
        Assert.Equal("throws-computing", error.PluginId);
        Assert.Equal("throws-computing.broken", error.ComponentId);
        Assert.Contains("Plugin 'throws-computing': indicator 'throws-computing.broken' threw while computing", error.Message, StringComparison.Ordinal);
        Assert.Contains(run.Results, r => r.IndicatorId == "throws-computing.works");
        Assert.Contains(run.Results, r => r.IndicatorId == "test.children-aged");
        Assert.Contains(run.Results, r => r.IndicatorId == "warwickshire-ecm.eligible-enrolled");
    }

    [Fact]
    public void Under_fail_fast_an_indicator_that_throws_stops_the_run_with_an_error_naming_it()
    {
        var catalog = PluginCatalog.LoadFrom(PluginFolders.With("throws-computing"), PluginFailurePolicy.FailFast);
        var registry = new YouthJusticeRegistry(catalog, [], PluginFailurePolicy.FailFast);

        var ex = Assert.Throws<PluginFailureException>(() => registry.Compute(IndicatorContext.For(Empty), Year(2022)));

        Assert.Equal("throws-computing.broken", Assert.Single(ex.Errors).ComponentId);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        // Computing the indicators that work is still possible.
        Assert.NotEmpty(registry.Compute(IndicatorContext.For(Empty), Year(2022), ["throws-computing.works"]).Results);
    }

    [Fact]
    public void Under_continue_every_faulty_plugin_in_one_folder_is_reported_and_the_good_ones_load()
    {
        string[] fixtures = ["cannot-load", "duplicate-indicator", "duplicate-programme", "incompatible-version", "registers-nothing", "throws-registering", "throws-computing"];

        var catalog = PluginCatalog.LoadFrom(PluginFolders.With(fixtures), PluginFailurePolicy.ContinueWithoutFaultyPlugins);

        Assert.Equal(6, catalog.Report.Errors.Length);
        Assert.Equal(
            ["coventry-diversion", "leicester-early-intervention", "throws-computing", "warwickshire-ecm"],
            catalog.Report.Loaded.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.All(catalog.Report.Errors, e => Assert.Contains($"'{e.PluginId}'", e.Message, StringComparison.Ordinal));
        var printed = catalog.Report.ToString();
        Assert.Contains("ERROR [RegistersNothing] Plugin 'registers-nothing' registered nothing", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_plugins_with_the_same_id_are_reported()
    {
        var folder = PluginFolders.With();
        var copy = Path.Combine(folder, "zz-copy-of-coventry");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(Path.Combine(folder, "coventry-diversion")))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var catalog = PluginCatalog.LoadFrom(folder, PluginFailurePolicy.ContinueWithoutFaultyPlugins);

        var error = Assert.Single(catalog.Report.Errors);
        Assert.Equal(PluginErrorKind.DuplicatePluginId, error.Kind);
        Assert.Equal("coventry-diversion", error.PluginId);
        // Both folders are named and neither wins because of the order its folder sorts in.
        Assert.Contains(Path.Combine(folder, "coventry-diversion"), error.Message, StringComparison.Ordinal);
        Assert.Contains(copy, error.Message, StringComparison.Ordinal);
        Assert.False(catalog.Contains("coventry-diversion"));
    }

    [Fact]
    public void A_folder_without_a_manifest_is_reported_by_its_name()
    {
        var folder = PluginFolders.With();
        Directory.CreateDirectory(Path.Combine(folder, "stray-folder"));

        var catalog = PluginCatalog.LoadFrom(folder, PluginFailurePolicy.ContinueWithoutFaultyPlugins);

        var error = Assert.Single(catalog.Report.Errors);
        Assert.Equal("stray-folder", error.PluginId);
        Assert.Equal(PluginErrorKind.CannotLoad, error.Kind);
        Assert.Contains("has no plugin.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_fail_fast_AddYouthJustice_throws_naming_the_faulty_plugin()
    {
        var services = new ServiceCollection();

        var ex = Assert.Throws<PluginFailureException>(() => services.AddYouthJustice(o => o.PluginsDirectory = PluginFolders.With("registers-nothing")));

        Assert.Equal("registers-nothing", Assert.Single(ex.Errors).PluginId);
    }

    [Fact]
    public void Under_continue_AddYouthJustice_reports_the_faulty_plugin_and_serves_the_rest()
    {
        var services = new ServiceCollection();
        services.AddYouthJustice(o =>
        {
            o.PluginsDirectory = PluginFolders.With("duplicate-programme");
            o.FailurePolicy = PluginFailurePolicy.ContinueWithoutFaultyPlugins;
        });
        using var provider = services.BuildServiceProvider();

        var report = provider.GetRequiredService<PluginLoadReport>();
        Assert.Equal(PluginErrorKind.DuplicateProgrammeId, Assert.Single(report.Errors).Kind);
        Assert.Equal(3, report.Loaded.Length);
        Assert.True(provider.GetRequiredService<DomainVocabulary>().TryGetProgramme("WARWICKSHIRE_ECM", out _));
    }
}
