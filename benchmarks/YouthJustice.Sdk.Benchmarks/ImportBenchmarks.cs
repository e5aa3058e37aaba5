using BenchmarkDotNet.Attributes;
using YouthJustice.Sdk.IO;

namespace YouthJustice.Sdk.Benchmarks;

/// <summary>Streaming CSV import with full validation, at one authority and at national scale.</summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private string _folder = "";

    /// <summary>Areas in the generated dataset: 1 (one authority) to 150 (about every service in England).</summary>
    [Params(1, 30, 150)]
    public int Areas { get; set; }

    /// <summary>Rows read per run, for rows-per-second figures.</summary>
    public long Rows { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var dataset = Datasets.National(Areas);
        _folder = Datasets.WriteFolder(dataset, $"import-{Areas}");
        var check = DatasetImporter.ImportFolder(_folder);
        if (!check.Succeeded)
        {
            throw new InvalidOperationException("The generated dataset did not import cleanly:\n" + check.Report);
        }
        Rows = check.Report.TotalRead;
        Console.WriteLine($"// {Areas} areas: {Rows:N0} rows in {_folder}");
    }

    [Benchmark]
    public long ImportFolderStrict() => DatasetImporter.ImportFolder(_folder).Report.TotalAccepted;

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);
}
