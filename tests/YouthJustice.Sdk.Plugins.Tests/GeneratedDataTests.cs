using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Synthetic;

namespace YouthJustice.Sdk.Plugins.Tests;

/// <summary>
/// The three plugins, loaded from disk by the real loader, on data from the synthetic generator for their own authority:
/// the generator and the plugins must agree on codes (routes, pathway states, closure reasons), and every plugin figure
/// must be computable and sensible.
/// </summary>
public class GeneratedDataTests
{
    public static TheoryData<string, string> Plugins => new()
    {
        { "coventry-diversion", "E08000026" },
        { "leicester-early-intervention", "E06000016" },
        { "warwickshire-ecm", "E10000031" },
    };

    private static Domain.Dataset Generate(string area) => SyntheticDatasetGenerator.Generate(SyntheticOptions.SingleAuthority(2023, area switch
    {
        "E06000016" => AreaProfile.Leicester,
        "E10000031" => AreaProfile.Warwickshire,
        _ => AreaProfile.Coventry,
    }));

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Generated_data_for_the_plugins_authority_passes_its_validation_rules_and_pathways(string pluginId, string area)
    {
        var registry = LoadedPlugins.Registry;
        var dataset = Generate(area);

        var run = registry.Validate(dataset);

        Assert.Empty(run.Errors);
        var errors = run.Findings.Where(f => f.Severity == FindingSeverity.Error && f.RuleId.StartsWith(pluginId, StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, $"{pluginId}: {errors.Count} findings, e.g. {string.Join("; ", errors.Take(5))}");
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Every_indicator_of_the_plugin_computes_on_generated_data_for_its_authority(string pluginId, string area)
    {
        var registry = LoadedPlugins.Registry;
        var dataset = Generate(area);
        var ids = registry.Indicators.Select(i => i.Definition.Id).Where(id => registry.OwnerOf(id) == pluginId).ToList();
        var query = new IndicatorQuery([ReportingPeriod.FinancialYear(2020), ReportingPeriod.FinancialYear(2021)], [area], []);

        var run = registry.Compute(IndicatorContext.For(dataset), query, ids);

        Assert.Empty(run.Errors);
        Assert.NotEmpty(ids);
        foreach (var id in ids)
        {
            var results = run.Results.Where(r => r.IndicatorId == id).ToList();
            Assert.True(results.Count > 0, $"{id} produced no result");
            Assert.All(results, r =>
            {
                Assert.Equal(area, r.AreaCode);
                Assert.True(r.Numerator >= 0, $"{id} {r.Breakdown}: negative numerator");
                if (r.Denominator is { } d && r.Unit.Contains('%', StringComparison.Ordinal))
                {
                    Assert.True(r.Numerator <= d, $"{id} {r.Breakdown}: {r.Numerator} of {d}");
                }
            });
        }
        // The generator gives each authority its own programme: its referrals must be counted, not zero.
        Assert.Contains(run.Results, r => r.Breakdown.IsTotal && r.Numerator > 0);
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void The_plugins_board_section_builds_from_generated_data(string pluginId, string area)
    {
        var registry = LoadedPlugins.Registry;
        var dataset = Generate(area);

        var run = registry.BuildReportSections(IndicatorContext.For(dataset), new IndicatorQuery([ReportingPeriod.FinancialYear(2021)], [area], []));

        Assert.Empty(run.Errors);
        var section = Assert.Single(run.Sections, s => registry.OwnerOf(s.SectionId) == pluginId);
        Assert.NotEmpty(section.Rows);
        Assert.All(section.Rows, row => Assert.Equal(section.Columns.Length, row.Length));
    }
}
