using System.Collections.Immutable;
using NodaTime;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Sdk.Indicators;

/// <summary>What to compute: which periods, areas and breakdowns, and whether to collect the records behind each figure.</summary>
/// <param name="Periods">The reporting periods.</param>
/// <param name="AreaCodes">The areas (ONS codes). Empty means every area in the dataset.</param>
/// <param name="Breakdowns">Breakdown dimensions wanted besides the total (e.g. <c>sex</c>, <c>ethnicity-group</c>). Indicators ignore dimensions they do not support.</param>
/// <param name="CollectEvidence">Whether each result should carry <see cref="IndicatorResult.Evidence"/>.</param>
public sealed record IndicatorQuery(
    ImmutableArray<ReportingPeriod> Periods,
    ImmutableArray<string> AreaCodes,
    ImmutableArray<string> Breakdowns,
    bool CollectEvidence = false)
{
    /// <summary>A query for one period over every area, with no breakdowns.</summary>
    public static IndicatorQuery For(ReportingPeriod period) => new([period], [], []);

    /// <summary>Whether the query asks for the breakdown <paramref name="dimension"/> (ignoring case). Safe on a query built
    /// with default (uninitialised) arrays.</summary>
    public bool Wants(string dimension) =>
        !Breakdowns.IsDefault && Breakdowns.Contains(dimension, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// The inputs an indicator computes from: the dataset, comparator values, and services (for indicators that need
/// more, e.g. a plugin's options). The dataset's <see cref="Dataset.AsOf"/> is "today" for live measures; no indicator
/// reads the system clock.
/// </summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Comparators">Comparator values for RAG ratings (may be empty).</param>
/// <param name="Services">Services, if any: for a plugin's component its own services with the host's behind them, otherwise the host's.</param>
public sealed record IndicatorContext(Dataset Dataset, IReadOnlyList<ComparatorValue> Comparators, IServiceProvider? Services = null)
{
    /// <summary>The date the data describes; the "today" of live measures.</summary>
    public LocalDate AsOf => Dataset.AsOf;

    /// <summary>The small input files the service keeps by hand (the council's figures, budget, workforce, National
    /// Standards self-assessment, action plan); <see cref="PlanInputs.Empty"/> unless the host reads some. Measures
    /// that need an input report nothing for an area without it.</summary>
    public PlanInputs Inputs { get; init; } = PlanInputs.Empty;

    /// <summary>A context over <paramref name="dataset"/> with no comparators.</summary>
    public static IndicatorContext For(Dataset dataset) => new(dataset, []);
}

/// <summary>An indicator: a methodology (<see cref="Definition"/>) and the calculation that applies it.</summary>
/// <remarks>Implementations must be thread-safe and must not depend on the order of records, the culture or the time zone.</remarks>
public interface IIndicator
{
    /// <summary>The methodology this indicator applies.</summary>
    IndicatorDefinition Definition { get; }

    /// <summary>Computes the indicator for every requested area, period and breakdown.</summary>
    /// <param name="context">The data.</param>
    /// <param name="query">What to compute.</param>
    /// <returns>The results: for each area and period, the total first, then any breakdowns.</returns>
    IReadOnlyList<IndicatorResult> Compute(IndicatorContext context, IndicatorQuery query);
}
