using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Synthetic;

namespace YouthJustice.Sdk.Tests.Integration;

/// <summary>The generator, the exporter and the importer together: what is generated and written imports back unchanged.</summary>
public sealed class GeneratedDatasetRoundTripTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("yj-roundtrip-");

    public void Dispose() => _work.Delete(recursive: true);

    // Small scales keep each case quick while still exercising every record type.
    private static Arbitrary<(int Seed, double Scale, int Preset)> Cases() =>
        (from seed in Gen.Choose(0, int.MaxValue)
         from scale in Gen.Elements(0.05, 0.1, 0.2)
         from preset in Gen.Choose(0, 2)
         select (seed, scale, preset)).ToArbitrary();

    private static SyntheticOptions Options((int Seed, double Scale, int Preset) c) =>
        SyntheticOptions.SingleAuthority(c.Seed, c.Preset switch { 0 => AreaProfile.Coventry, 1 => AreaProfile.Leicester, _ => AreaProfile.Warwickshire })
            with { Scale = c.Scale };

    [Property(MaxTest = 15)]
    public Property Generated_then_written_as_csv_then_imported_strictly_gives_the_same_model() =>
        Prop.ForAll(Cases(), c =>
        {
            var dataset = SyntheticDatasetGenerator.Generate(Options(c));
            var folder = Path.Combine(_work.FullName, Guid.NewGuid().ToString("N"));
            DatasetExporter.WriteFolder(dataset, folder);

            var result = DatasetImporter.ImportFolder(folder);

            Assert.True(result.Succeeded, result.Report.ToString());
            Assert.Equal(dataset.RecordCount, result.Report.TotalRead);
            Assert.Equal(0, result.Report.TotalRejected);
            DatasetAssert.Equal(dataset, result.Dataset);
        });

    [Property(MaxTest = 10)]
    public Property Generated_then_written_as_json_then_imported_gives_the_same_model() =>
        Prop.ForAll(Cases(), c =>
        {
            var dataset = SyntheticDatasetGenerator.Generate(Options(c));
            using var stream = new MemoryStream();
            DatasetExporter.WriteJson(dataset, stream);
            stream.Position = 0;

            var result = DatasetImporter.ImportJson(stream);

            Assert.True(result.Succeeded, result.Report.ToString());
            DatasetAssert.Equal(dataset, result.Dataset);
        });

    [Fact]
    public void The_same_seed_writes_identical_bytes_and_another_seed_does_not()
    {
        string Write(int seed)
        {
            var folder = Path.Combine(_work.FullName, $"seed-{seed}-{Guid.NewGuid():N}");
            DatasetExporter.WriteFolder(SyntheticDatasetGenerator.Generate(SyntheticOptions.SingleAuthority(seed)), folder);
            return folder;
        }
        var a = Write(11);
        var b = Write(11);
        var c = Write(12);

        var files = Directory.GetFiles(a).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(16, files.Count);
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file!)), File.ReadAllBytes(Path.Combine(b, file!)));
        }
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(a, "children.csv")), File.ReadAllBytes(Path.Combine(c, "children.csv")));
    }

    [Fact]
    public void A_small_national_dataset_imports_strictly_with_every_area_and_no_rejections()
    {
        var dataset = SyntheticDatasetGenerator.Generate(SyntheticOptions.National(5, 6, scale: 0.1));
        var folder = Path.Combine(_work.FullName, "national");
        DatasetExporter.WriteFolder(dataset, folder);

        var result = DatasetImporter.ImportFolder(folder);

        Assert.True(result.Succeeded, result.Report.ToString());
        Assert.Equal(6, result.Dataset!.Areas.Count);
        Assert.All(result.Report.Files, f => Assert.Equal(f.Read, f.Accepted));
    }
}
