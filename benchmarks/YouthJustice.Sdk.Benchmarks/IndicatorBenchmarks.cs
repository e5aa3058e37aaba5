using BenchmarkDotNet.Attributes;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Benchmarks;

/// <summary>
/// First time entrants per area for one financial year: the SDK's engine (dense arrays over a cached index) against the
/// LINQ an analyst would write over the same records. Setup checks that both give the same counts, so the comparison is
/// of equal work.
/// </summary>
[MemoryDiagnoser]
public class FirstTimeEntrantBenchmarks
{
    private static readonly ReportingPeriod Year = ReportingPeriod.FinancialYear(2021);
    private Dataset _dataset = null!;
    private NationalIndicator _fteCount = null!;
    private IndicatorQuery _query = null!;

    [Params(1, 30, 150)]
    public int Areas { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dataset = Datasets.National(Areas);
        _fteCount = NationalIndicators.Create(NationalIndicators.Get(NationalIndicatorIds.FteCount));
        _query = new IndicatorQuery([Year], [], []);
        var sdk = Sdk().ToDictionary(r => r.AreaCode, r => (int)r.Numerator);
        var linq = Linq();
        foreach (var area in _dataset.Areas)
        {
            var expected = linq.GetValueOrDefault(area.Code);
            if (sdk.GetValueOrDefault(area.Code) != expected)
            {
                throw new InvalidOperationException($"SDK and LINQ disagree for {area.Code}: {sdk.GetValueOrDefault(area.Code)} vs {expected}.");
            }
        }
    }

    /// <summary>The SDK with its per-dataset index already built (the usual case: many indicators over one dataset).</summary>
    [Benchmark(Baseline = true)]
    public IReadOnlyList<IndicatorResult> Sdk() => _fteCount.Compute(IndicatorContext.For(_dataset), _query);

    /// <summary>The SDK on a dataset it has not seen, so the index is built inside the measurement.</summary>
    [Benchmark]
    public IReadOnlyList<IndicatorResult> SdkIncludingIndexBuild() => _fteCount.Compute(IndicatorContext.For(_dataset with { }), _query);

    /// <summary>Plain LINQ: first statutory outcome per child, in the year, aged 10-17 at the outcome, by home area.</summary>
    [Benchmark]
    public Dictionary<string, int> Linq()
    {
        return LinqFirstTimeEntrants.ByHomeArea(_dataset, Year);
    }
}

/// <summary>Every national indicator for every area and the last four financial years: what `yj report` computes.</summary>
[MemoryDiagnoser]
public class FullReportBenchmarks
{
    private Dataset _dataset = null!;
    private IReadOnlyList<IIndicator> _indicators = null!;
    private IndicatorQuery _query = null!;

    /// <summary>Areas in the generated dataset: the peer suites' scales (1, 4, 38 and 150, or <c>YJ_BENCH_AREAS</c>), so
    /// the full suite's cost per record is measured on the same datasets as the import's.</summary>
    [ParamsSource(nameof(Scales))]
    public int Areas { get; set; }

    /// <summary>1, 4, 38 and 150 areas, or the comma-separated list in <c>YJ_BENCH_AREAS</c> (e.g. <c>4,150</c>).</summary>
    public static IEnumerable<int> Scales() => Peers.PeerScales.Areas();

    [GlobalSetup]
    public void Setup()
    {
        _dataset = Datasets.National(Areas);
        _indicators = NationalIndicators.CreateAll();
        _query = new IndicatorQuery([.. Enumerable.Range(2019, 4).Select(ReportingPeriod.FinancialYear)], [], ["sex", "ethnicity-group"]);
        Console.WriteLine($"// {Areas} areas: {_dataset.RecordCount:N0} records");
    }

    [Benchmark]
    public int AllNationalIndicators() => NationalIndicators.ComputeAll(IndicatorContext.For(_dataset with { }), _query, _indicators).Count;
}
