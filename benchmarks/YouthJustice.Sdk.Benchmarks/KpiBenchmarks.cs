using BenchmarkDotNet.Attributes;
using YouthJustice.Sdk.Benchmarks.Peers;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Kpis;

namespace YouthJustice.Sdk.Benchmarks;

/// <summary>
/// Every YJB key performance indicator (<see cref="KeyPerformanceIndicators.CreateAll"/>) for every area and the two
/// financial years of the peer questions, on a dataset already loaded: with the lookups shared per dataset already built
/// (<see cref="AllKpis"/>), and on a new dataset instance over the same lists, as a report computes them once
/// (<see cref="AllKpisOnNewDataset"/>).
/// </summary>
[MemoryDiagnoser]
public class KpiBenchmarks
{
    private Dataset _dataset = null!;
    private IReadOnlyList<IIndicator> _kpis = null!;
    private IndicatorQuery _query = null!;

    /// <summary>Areas in the generated dataset (see <see cref="Scales"/>).</summary>
    [ParamsSource(nameof(Scales))]
    public int Areas { get; set; }

    /// <summary>1, 4, 38 and 150 areas, or the comma-separated list in <c>YJ_BENCH_AREAS</c> (e.g. <c>1,4</c>).</summary>
    public static IEnumerable<int> Scales() => PeerScales.Areas();

    [GlobalSetup]
    public void Setup()
    {
        _dataset = Datasets.National(Areas);
        _kpis = KeyPerformanceIndicators.CreateAll();
        _query = new IndicatorQuery([.. PeerQuestions.Periods], [], []);
        Console.WriteLine($"// {Areas} areas: {_dataset.RecordCount:N0} records, {AllKpis():N0} results");
    }

    [Benchmark]
    public int AllKpis() => ComputeAll(_dataset);

    [Benchmark]
    public int AllKpisOnNewDataset() => ComputeAll(_dataset with { });

    private int ComputeAll(Dataset dataset)
    {
        var context = IndicatorContext.For(dataset);
        var results = 0;
        foreach (var kpi in _kpis)
        {
            results += kpi.Compute(context, _query).Count;
        }
        return results;
    }
}
