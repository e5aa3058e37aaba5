using System.Reflection;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Synthetic;
using YouthJustice.Sdk.Hosting;

namespace YouthJustice.Sdk.Console.Tests;

/// <summary>The sample dataset embedded in the console is what its README says: the generator's output for seed 2023.</summary>
public sealed class SampleDataTests : IDisposable
{
    private static readonly string SampleData =
        typeof(SampleDataTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SampleData").Value!;

    // The plugins the console loads by default, beside yj: `yj generate` feeds their declared programmes to the generator.
    private static readonly string ConsolePlugins = Path.Combine(Path.GetDirectoryName(
        typeof(SampleDataTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ConsoleAssembly").Value!)!, "plugins");

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("yj-sample-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void The_embedded_sample_is_byte_for_byte_the_generators_output_for_its_documented_seed_with_the_plugins_declarations()
    {
        var registry = new YouthJusticeRegistry(PluginCatalog.LoadFrom(ConsolePlugins), []);
        var options = SyntheticOptions.SingleAuthority(2023) with { Programmes = LocalProgrammeModel.FromRegistry(registry) };
        DatasetExporter.WriteFolder(SyntheticDatasetGenerator.Generate(options), _work.FullName);

        var expected = Directory.GetFiles(_work.FullName, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var shipped = Directory.GetFiles(SampleData, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, shipped);
        foreach (var file in expected)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(_work.FullName, file!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(SampleData, file!))),
                $"{file} differs from the generator's output: regenerate with the command in samples/Console/SampleData/README.md");
        }
    }
}
