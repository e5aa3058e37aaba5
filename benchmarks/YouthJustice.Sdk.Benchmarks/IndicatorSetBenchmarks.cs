using BenchmarkDotNet.Attributes;
using YouthJustice.Sdk.Benchmarks.Peers;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Benchmarks;

/// <summary>
/// A set of indicators computed for every area and the two financial years of the peer questions, on a dataset already
/// loaded: with the lookups shared per dataset already built (<see cref="All"/>), and on a new dataset instance over the
/// same lists, as a report computes them once (<see cref="AllOnNewDataset"/>), so those lookups are built inside.
/// </summary>
[MemoryDiagnoser]
public abstract class IndicatorSetBenchmarks
{
    private Dataset _dataset = null!;
    private IReadOnlyList<IIndicator> _indicators = null!;
    private IndicatorQuery _query = null!;

    /// <summary>Areas in the generated dataset (see <see cref="Scales"/>).</summary>
    [ParamsSource(nameof(Scales))]
    public int Areas { get; set; }

    /// <summary>1, 4, 38 and 150 areas, or the comma-separated list in <c>YJ_BENCH_AREAS</c> (e.g. <c>1,4</c>).</summary>
    public static IEnumerable<int> Scales() => PeerScales.Areas();

    /// <summary>The indicators of the set.</summary>
    protected abstract IReadOnlyList<IIndicator> CreateIndicators();

    [GlobalSetup]
    public void Setup()
    {
        _dataset = Datasets.National(Areas);
        _indicators = CreateIndicators();
        _query = new IndicatorQuery([.. PeerQuestions.Periods], [], []);
        Console.WriteLine($"// {Areas} areas: {_dataset.RecordCount:N0} records, {All():N0} results");
    }

    [Benchmark]
    public int All() => ComputeAll(_dataset);

    [Benchmark]
    public int AllOnNewDataset() => ComputeAll(_dataset with { });

    private int ComputeAll(Dataset dataset)
    {
        var context = IndicatorContext.For(dataset);
        var results = 0;
        foreach (var indicator in _indicators)
        {
            results += indicator.Compute(context, _query).Count;
        }
        return results;
    }
}

/// <summary>Every local measure (<see cref="PlanMeasures.LocalMeasures.CreateAll"/>: risk, courts, custody, exploitation and
/// missing, knife offences, voice, workload).</summary>
public class LocalMeasureBenchmarks : IndicatorSetBenchmarks
{
    protected override IReadOnlyList<IIndicator> CreateIndicators() => PlanMeasures.LocalMeasures.CreateAll();
}

/// <summary>Every YJB key performance indicator (<see cref="Kpis.KeyPerformanceIndicators.CreateAll"/>).</summary>
public class KpiBenchmarks : IndicatorSetBenchmarks
{
    protected override IReadOnlyList<IIndicator> CreateIndicators() => Kpis.KeyPerformanceIndicators.CreateAll();
}
