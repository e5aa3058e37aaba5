using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DuckDB.NET.Data;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Snapshots;

namespace YouthJustice.Sdk.Benchmarks.Peers;

/// <summary>The scales the peer benchmarks run at.</summary>
internal static class PeerScales
{
    /// <summary>1 area ≈ 23.6k records, 4 ≈ 0.1M, 38 ≈ 1M, 150 ≈ 4M; <c>YJ_BENCH_AREAS=1,4</c> picks some.</summary>
    public static IEnumerable<int> Areas() =>
        Environment.GetEnvironmentVariable("YJ_BENCH_AREAS") is { Length: > 0 } list
            ? list.Split(',').Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture))
            : [1, 4, 38, 150];
}

/// <summary>
/// The peer questions (first time entrants, custody, remand, MoJ reoffending, the live tracker; two financial years,
/// every area) answered by the SDK and by DuckDB on the same generated data, end to end (files in, counts out) and on
/// data already loaded. Setup checks that DuckDB's counts equal the SDK's, and throws (so nothing is timed) if not.
/// </summary>
/// <remarks>Scales: 1 area ≈ 23.6k records, 4 ≈ 0.1M, 38 ≈ 1M, 150 ≈ 4M (about every service in England).</remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PeerBenchmarks
{
    private string _folder = "";
    private string _snapshot = "";
    private Dataset _dataset = null!;
    private DuckDBConnection _duck = null!;

    /// <summary>Areas in the generated dataset (see <see cref="Scales"/>).</summary>
    [ParamsSource(nameof(Scales))]
    public int Areas { get; set; }

    /// <summary>1, 4, 38 and 150 areas, or the comma-separated list in <c>YJ_BENCH_AREAS</c> (e.g. <c>1,4</c>).</summary>
    public static IEnumerable<int> Scales() => PeerScales.Areas();

    [GlobalSetup]
    public void Setup()
    {
        var generated = Datasets.National(Areas);
        _folder = Datasets.WriteFolder(generated, $"peer-{Areas}");
        _snapshot = _folder + ".snapshot";
        var import = DatasetImporter.ImportFolder(_folder);
        _dataset = import.Dataset ?? throw new InvalidOperationException("The generated dataset did not import:\n" + import.Report);
        DatasetSnapshot.Write(_dataset, _snapshot);
        _duck = DuckDbPeer.Open();
        DuckDbPeer.Load(_duck, _folder, PeerQuestions.TablesRead);
        var sdk = PeerQuestions.Sdk(_dataset);
        PeerQuestions.CheckAgree("DuckDB", sdk, DuckDbPeer.Answer(_duck));
        PeerQuestions.CheckAgree("the SDK from the snapshot", sdk, PeerQuestions.Sdk(DatasetSnapshot.Load(_snapshot).Dataset!));
        PeerQuestions.CheckAgree("the SDK from the tables its questions read", sdk, PeerQuestions.SdkFromCsv(_folder, tablesRead: true));
        Console.WriteLine($"// {Areas} areas: {_dataset.RecordCount:N0} records, {sdk.Count} counts agree");
    }

    /// <summary>CSV folder in, counts out: import (every file, strict, validated) and the questions.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("end to end")]
    public int SdkFromCsv() => PeerQuestions.SdkFromCsv(_folder).Count;

    /// <summary>As <see cref="SdkFromCsv"/>, importing only the tables the questions read (<see cref="ImportOptions.Tables"/>):
    /// the four files DuckDB reads.</summary>
    [Benchmark, BenchmarkCategory("end to end")]
    public int SdkFromCsvTablesRead() => PeerQuestions.SdkFromCsv(_folder, tablesRead: true).Count;

    /// <summary>As <see cref="SdkFromCsv"/> from the snapshot of the same folder.</summary>
    [Benchmark, BenchmarkCategory("end to end")]
    public int SdkFromSnapshot() => PeerQuestions.Sdk(DatasetSnapshot.Load(_snapshot).Dataset!).Count;

    /// <summary>DuckDB: read_csv of the four files the questions read, then the SQL.</summary>
    [Benchmark, BenchmarkCategory("end to end")]
    public int DuckDbFromCsv() => DuckDbPeer.FromCsv(_folder).Count;

    /// <summary>Import of the CSV folder only (all thirteen files).</summary>
    [Benchmark, BenchmarkCategory("import")]
    public long SdkImportCsv() => DatasetImporter.ImportFolder(_folder).Report.TotalAccepted;

    /// <summary>Import of the tables the questions read only (areas, children, offences, outcomes).</summary>
    [Benchmark, BenchmarkCategory("import")]
    public long SdkImportTablesRead() => DatasetImporter.ImportFolder(_folder, new ImportOptions { Tables = PeerQuestions.TablesOfQuestions }).Report.TotalAccepted;

    /// <summary>DuckDB read_csv of the four files the questions read into tables.</summary>
    [Benchmark, BenchmarkCategory("import")]
    public int DuckDbReadCsvTablesRead()
    {
        using var connection = DuckDbPeer.Open();
        DuckDbPeer.Load(connection, _folder, PeerQuestions.TablesRead);
        return PeerQuestions.TablesRead.Length;
    }

    /// <summary>Load of the snapshot only.</summary>
    [Benchmark, BenchmarkCategory("import")]
    public long SdkLoadSnapshot() => DatasetSnapshot.Load(_snapshot).Report.TotalAccepted;

    /// <summary>DuckDB read_csv of all thirteen files into tables.</summary>
    [Benchmark, BenchmarkCategory("import")]
    public int DuckDbReadCsv()
    {
        using var connection = DuckDbPeer.Open();
        DuckDbPeer.Load(connection, _folder, PeerQuestions.AllTables);
        return PeerQuestions.AllTables.Length;
    }

    /// <summary>
    /// The questions on a dataset as the CSV import hands it back, its index not yet built (the first question after
    /// import). Each call asks a new copy of the imported dataset, so its index is built again; the copy holds the same
    /// records, so it is marked as the import marks its own (its ids already checked unique).
    /// </summary>
    [Benchmark, BenchmarkCategory("loaded")]
    public int SdkFirstQuestions() => PeerQuestions.Sdk(KnownUniqueIds.Mark(_dataset with { })).Count;

    /// <summary>As <see cref="SdkFirstQuestions"/> on a dataset not made by the CSV import (built in code, or loaded from a
    /// snapshot), whose index also checks that offence and outcome ids are unique.</summary>
    [Benchmark, BenchmarkCategory("loaded")]
    public int SdkFirstQuestionsCheckingIds() => PeerQuestions.Sdk(_dataset with { }).Count;

    /// <summary>The questions on a dataset whose index is built.</summary>
    [Benchmark, BenchmarkCategory("loaded")]
    public int SdkIndexBuilt() => PeerQuestions.Sdk(_dataset).Count;

    /// <summary>DuckDB: the SQL on tables already loaded.</summary>
    [Benchmark, BenchmarkCategory("loaded")]
    public int DuckDbLoaded() => DuckDbPeer.Answer(_duck).Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        _duck.Dispose();
        Directory.Delete(_folder, recursive: true);
        Directory.Delete(_snapshot, recursive: true);
    }
}

/// <summary>
/// First time entrants per area for one financial year on loaded data: the engine (index built), plain LINQ over the
/// records, and a single-pass floor — one sequential pass over the index's outcome columns (each child's outcomes are a
/// run sorted by date, so a child's first statutory outcome is the first met), about the least work any method can do.
/// Setup checks that all three give the same counts.
/// </summary>
[MemoryDiagnoser]
public class FloorBenchmarks
{
    private static readonly ReportingPeriod Year = ReportingPeriod.FinancialYear(2021);
    private Dataset _dataset = null!;
    private DatasetIndex _index = null!;
    private NationalIndicator _fte = null!;
    private bool[] _statutory = [];

    /// <summary>Areas in the generated dataset (see <see cref="Scales"/>).</summary>
    [ParamsSource(nameof(Scales))]
    public int Areas { get; set; }

    /// <summary>1, 4, 38 and 150 areas, or the comma-separated list in <c>YJ_BENCH_AREAS</c> (e.g. <c>1,4</c>).</summary>
    public static IEnumerable<int> Scales() => PeerScales.Areas();

    [GlobalSetup]
    public void Setup()
    {
        _dataset = Datasets.National(Areas);
        _index = DatasetIndex.For(_dataset);
        _fte = NationalIndicators.Create(NationalIndicators.Get(NationalIndicatorIds.FteCount));
        _statutory = _index.TypeMask(t => t.CountsAsFirstTimeEntrant);
        var sdk = new int[_index.AreaCodes.Length];
        foreach (var r in Sdk())
        {
            if (r.Breakdown.IsTotal)
            {
                sdk[_index.AreaIndex(r.AreaCode)] = (int)r.Numerator;
            }
        }
        var linq = Linq();
        var floor = SinglePass();
        for (var a = 0; a < sdk.Length; a++)
        {
            var code = _index.AreaCodes[a];
            if (!_dataset.Areas.Any(x => x.Code == code))
            {
                continue;
            }
            if (sdk[a] != linq.GetValueOrDefault(code) || sdk[a] != floor[a])
            {
                throw new InvalidOperationException($"FTE for {code}: SDK {sdk[a]}, LINQ {linq.GetValueOrDefault(code)}, single pass {floor[a]}; nothing is timed.");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public IReadOnlyList<IndicatorResult> Sdk() => _fte.Compute(IndicatorContext.For(_dataset), new IndicatorQuery([Year], [], []));

    [Benchmark]
    public Dictionary<string, int> Linq()
    {
        return LinqFirstTimeEntrants.ByHomeArea(_dataset, Year);
    }

    [Benchmark]
    public int[] SinglePass()
    {
        var counts = new int[_index.AreaCodes.Length];
        int start = DateArithmetic.Day(Year.Start), end = DateArithmetic.Day(Year.End);
        var starts = _index.ChildOutcomeStart;
        var dates = _index.OutcomeDate;
        var types = _index.OutcomeType;
        for (var c = 0; c < _index.ChildCount; c++)
        {
            for (var i = starts[c]; i < starts[c + 1]; i++)
            {
                if (_statutory[types[i]])
                {
                    var day = dates[i];
                    if (day >= start && day <= end && _index.AgeOn(c, day) is >= 10 and <= 17)
                    {
                        counts[_index.ChildArea[c]]++;
                    }
                    break;
                }
            }
        }
        return counts;
    }
}
