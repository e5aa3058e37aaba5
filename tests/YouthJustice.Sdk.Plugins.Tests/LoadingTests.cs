using System.Runtime.Loader;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using static YouthJustice.Sdk.Plugins.Tests.Data;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Plugins.Tests;

public class LoadingTests
{
    [Fact]
    public void Every_local_plugin_loads_from_disk_in_its_own_load_context()
    {
        var catalog = LoadedPlugins.Catalog;

        Assert.True(catalog.Report.IsClean, catalog.Report.ToString());
        Assert.Equal(PluginFolders.RealIds, catalog.Plugins.Select(p => p.Id).Order(StringComparer.Ordinal));
        var contexts = catalog.Plugins.Select(p => AssemblyLoadContext.GetLoadContext(p.EntryType.Assembly)).ToList();
        Assert.All(contexts, c => Assert.NotSame(AssemblyLoadContext.Default, c));
        Assert.Equal(PluginFolders.RealIds.Length, contexts.Distinct().Count());
    }

    [Fact]
    public void Plugin_folders_hold_the_plugin_but_no_copy_of_the_contract_or_its_dependencies()
    {
        foreach (var id in PluginFolders.RealIds)
        {
            var files = Directory.GetFiles(Path.Combine(PluginFolders.Real, id)).Select(Path.GetFileName).ToList();
            Assert.Contains("plugin.json", files);
            Assert.Contains(files, f => f!.StartsWith("YouthJustice.Plugins.", StringComparison.Ordinal) && f.EndsWith(".dll", StringComparison.Ordinal));
            Assert.DoesNotContain("YouthJustice.Sdk.Abstractions.dll", files);
            Assert.DoesNotContain("NodaTime.dll", files);
            Assert.DoesNotContain("Microsoft.Extensions.DependencyInjection.Abstractions.dll", files);
        }
    }

    [Fact]
    public void The_plugin_entry_type_comes_from_the_plugin_load_context_and_is_the_hosts_interface()
    {
        var coventry = LoadedPlugins.Catalog.Plugins.Single(p => p.Id == "coventry-diversion");

        Assert.True(typeof(IYouthJusticePlugin).IsAssignableFrom(coventry.EntryType));
        // The contract was shared, not loaded again into the plugin's context.
        var contractInPlugin = coventry.EntryType.GetInterfaces().Single(i => i.Name == nameof(IYouthJusticePlugin)).Assembly;
        Assert.Same(typeof(IYouthJusticePlugin).Assembly, contractInPlugin);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(contractInPlugin));
    }

    [Fact]
    public void A_result_computed_inside_a_plugin_is_the_hosts_IndicatorResult_type()
    {
        var leicester = LoadedPlugins.Catalog.Plugins.Single(p => p.Id == "leicester-early-intervention");
        var indicator = leicester.Indicators.First();

        object result = indicator.Compute(IndicatorContext.For(new Domain.Dataset { AsOf = D(2023, 3, 31) }), Year(2022))[0];

        var typed = Assert.IsType<IndicatorResult>(result);
        Assert.Equal(indicator.Definition.Ref, typed.Methodology);
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(indicator.GetType().Assembly));
    }

    [Fact]
    public void The_load_report_lists_each_plugin_with_its_version_authority_and_what_it_adds()
    {
        var report = LoadedPlugins.Registry.LoadReport;

        var coventry = report.Loaded.Single(p => p.Id == "coventry-diversion");
        Assert.Equal("E08000026", coventry.Manifest.AuthorityCode);
        Assert.Equal("1.0.0", coventry.Manifest.Version);
        Assert.Contains("coventry-diversion.referral-ethnicity", coventry.Adds.IndicatorIds);
        Assert.Contains("COVENTRY_DIVERSION", coventry.Adds.PathwayProgrammeCodes);
        Assert.Contains("coventry-diversion.out-of-court-route", coventry.Adds.EligibilityRuleIds);
        Assert.Equal("E06000016", report.Loaded.Single(p => p.Id == "leicester-early-intervention").Manifest.AuthorityCode);
        var warwickshire = report.Loaded.Single(p => p.Id == "warwickshire-ecm");
        Assert.Equal("E10000031", warwickshire.Manifest.AuthorityCode);
        Assert.Equal(1, warwickshire.Adds.ServiceCount);
        Assert.All(report.Loaded, p => Assert.True(p.Adds.TestCaseCount > 0));
        Assert.Contains($"Plugins loaded: {PluginFolders.RealIds.Length}; errors: 0", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_composed_vocabulary_resolves_the_Leicester_team_by_any_of_its_names()
    {
        var vocabulary = LoadedPlugins.Registry.Vocabulary;

        Assert.True(vocabulary.TryGetProgramme("Community Resolution & Prevention Team", out var a));
        Assert.True(vocabulary.TryGetProgramme("early intervention service", out var b));
        Assert.True(vocabulary.TryGetProgramme("LEICESTER_EIT", out var c));
        Assert.Equal(a, b);
        Assert.Equal(b, c);
        Assert.True(c!.IsLocal);
        Assert.True(vocabulary.TryGetProgramme("DIVERSION", out _));
        Assert.True(vocabulary.TryGetProgramme("COVENTRY_DIVERSION", out _));
    }

    [Fact]
    public void Each_plugin_report_section_builds_a_titled_table_with_the_results_behind_it()
    {
        var registry = LoadedPlugins.Registry;
        var context = IndicatorContext.For(new Domain.Dataset { AsOf = D(2023, 6, 30) });

        var run = registry.BuildReportSections(context, IndicatorQuery.For(ReportingPeriod.FinancialQuarter(2022, 1)));

        Assert.Empty(run.Errors);
        Assert.Equal(PluginFolders.RealIds.Length, run.Sections.Length);
        Assert.All(run.Sections, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Title));
            var table = s.Tables().First();
            Assert.NotEmpty(table.Rows);
            Assert.All(table.Rows, r => Assert.Equal(table.Columns.Length, r.Length));
            Assert.NotEmpty(s.Figures());
        });
        var leicester = run.Sections.Single(s => s.Id == "leicester-early-intervention.board-report").Tables().First();
        Assert.Contains(leicester.Rows, r => r[1] == new Reporting.TextCell("All routes"));
        Assert.Contains(leicester.Rows, r => r[1] == new Reporting.TextCell("SCHOOL_REACH"));
    }

    [Fact]
    public void Plugin_indicators_carry_methodology_numerator_denominator_and_evidence_when_asked()
    {
        var registry = LoadedPlugins.Registry;
        var dataset = ShippedInput("leicester-early-intervention");
        var query = new IndicatorQuery([ReportingPeriod.FinancialQuarter(2021, 3)], [], [], CollectEvidence: true);

        var run = registry.Compute(IndicatorContext.For(dataset), query, ["leicester-early-intervention.engaged"]);

        var total = run.Results.Single();
        Assert.Equal(new MethodologyRef("leicester-early-intervention.engaged", 1), total.Methodology);
        Assert.Equal("E06000016", total.AreaCode);
        Assert.Equal(3m, total.Numerator);
        Assert.Equal(4m, total.Denominator);
        Assert.NotNull(total.Interval);
        Assert.Equal(["E1", "E2", "E4"], total.Evidence!.NumeratorIds.ToArray());
        Assert.Equal(4, total.Evidence.DenominatorIds.Length);
    }

    [Fact]
    public void A_plugin_gives_no_figures_for_another_authority()
    {
        var query = new IndicatorQuery([ReportingPeriod.FinancialQuarter(2021, 3)], ["E08000026"], []);

        var run = LoadedPlugins.Registry.Compute(IndicatorContext.For(ShippedInput("leicester-early-intervention")), query, ["leicester-early-intervention.referred"]);

        Assert.Empty(run.Results);
    }
}
