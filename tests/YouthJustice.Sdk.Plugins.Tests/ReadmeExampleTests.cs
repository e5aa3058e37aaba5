using Microsoft.Extensions.DependencyInjection;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Synthetic;

namespace YouthJustice.Sdk.Plugins.Tests;

/// <summary>The README's "Using the SDK from code" example, run as written against the built plugins and a generated extract.</summary>
public sealed class ReadmeExampleTests : IDisposable
{
    private readonly DirectoryInfo _extract = Directory.CreateTempSubdirectory("yj-readme-");

    public void Dispose() => _extract.Delete(recursive: true);

    [Fact]
    public void The_readme_example_composes_the_sdk_imports_an_extract_and_computes_every_indicator()
    {
        DatasetExporter.WriteFolder(SyntheticDatasetGenerator.Generate(SyntheticOptions.SingleAuthority(5) with
        {
            Programmes = LocalProgrammeModel.FromRegistry(LoadedPlugins.Registry),
        }), _extract.FullName);

        using var services = new ServiceCollection()
            .AddYouthJustice(o => o.PluginsDirectory = PluginFolders.Real)
            .BuildServiceProvider();
        var registry = services.GetRequiredService<IYouthJusticeRegistry>();

        var import = DatasetImporter.ImportFolder(_extract.FullName, registry.CreateImportOptions());
        Assert.True(import.Dataset is not null, import.Report.ToString());

        var run = registry.Compute(IndicatorContext.For(import.Dataset), IndicatorQuery.For(ReportingPeriod.Parse("2021/22")));

        Assert.Empty(run.Errors);
        var fteRate = Assert.Single(run.Results, r => r.IndicatorId == "fte-rate" && r.Breakdown.IsTotal);
        Assert.Equal("E08000026", fteRate.AreaCode);
        Assert.Equal(fteRate.Numerator / fteRate.Denominator * 100_000m, fteRate.Value);
        Assert.Contains(run.Results, r => registry.OwnerOf(r.IndicatorId) == "coventry-diversion");
        Assert.Contains(run.Results, r => r.IndicatorId.StartsWith("yjb-kpi-", StringComparison.Ordinal));
    }
}
