using BenchmarkDotNet.Attributes;
using YouthJustice.Sdk.Benchmarks.Peers;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.PlanMeasures;

namespace YouthJustice.Sdk.Benchmarks;

/// <summary>
/// Every local measure (<see cref="LocalMeasures.CreateAll"/>: risk, courts, custody, exploitation and missing, knife
/// offences, voice, workload) for every area and the two financial years <c>yj report</c> asks by default, on a dataset
/// already loaded whose shared lookups are built (setup computes them once): the share of <c>yj report</c>'s compute the
/// profile of the 38-area report gave to these measures.
/// </summary>
[MemoryDiagnoser]
public class LocalMeasureBenchmarks
{
    private Dataset _dataset = null!;
    private IReadOnlyList<IIndicator> _measures = null!;
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
        _measures = LocalMeasures.CreateAll();
        _query = new IndicatorQuery([.. PeerQuestions.Periods], [], []);
        Console.WriteLine($"// {Areas} areas: {_dataset.RecordCount:N0} records, {AllLocalMeasures():N0} results");
    }

    [Benchmark]
    public int AllLocalMeasures() => ComputeAll(_dataset);

    /// <summary>The same on a new dataset instance over the same lists, as a report computes them: once per dataset, so
    /// the lookups shared per dataset (children by id, the children's areas, the caseload grouping) are built inside.</summary>
    [Benchmark]
    public int AllLocalMeasuresOnNewDataset() => ComputeAll(_dataset with { });

    private int ComputeAll(Dataset dataset)
    {
        var context = IndicatorContext.For(dataset);
        var results = 0;
        foreach (var measure in _measures)
        {
            results += measure.Compute(context, _query).Count;
        }
        return results;
    }
}
