using System.Collections.Immutable;
using System.Globalization;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Sdk.Indicators;

/// <summary>A RAG (red, amber, green) rating of a value against a comparator, respecting the indicator's direction.</summary>
public enum RagRating
{
    /// <summary>Better than the comparator by more than the tolerance.</summary>
    Green = 0,
    /// <summary>Within the tolerance of the comparator.</summary>
    Amber = 1,
    /// <summary>Worse than the comparator by more than the tolerance.</summary>
    Red = 2,
}

/// <summary>A confidence interval around a value, in the value's units (already multiplied).</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
/// <param name="Level">The confidence level, e.g. 0.95.</param>
/// <param name="Method">How it was computed, e.g. <c>Wilson score</c> or <c>Exact Poisson (Garwood)</c>.</param>
public sealed record ConfidenceInterval(decimal Lower, decimal Upper, decimal Level, string Method);

/// <summary>A comparator value supplied for an indicator (a family group, region or England and Wales figure).</summary>
/// <param name="IndicatorId">The indicator it compares against.</param>
/// <param name="Comparator">The comparator's name, e.g. <c>family-group</c>, <c>region</c>, <c>england-and-wales</c>.</param>
/// <param name="Period">The period it is for, or <see langword="null"/> for any period.</param>
/// <param name="Value">The comparator's value, in the indicator's units.</param>
/// <param name="Source">Where the value comes from (publisher, title, year, table), if given.</param>
/// <param name="AreaCode">The area it is a comparator for, or <see langword="null"/> for every area.</param>
public sealed record ComparatorValue(string IndicatorId, string Comparator, ReportingPeriod? Period, decimal Value, string? Source = null, string? AreaCode = null);

/// <summary>One comparison of a result against a comparator value.</summary>
/// <param name="Comparator">The comparator's name.</param>
/// <param name="ComparatorValue">The comparator's value.</param>
/// <param name="Difference">The result's value minus the comparator's.</param>
/// <param name="Rag">The rating, respecting the indicator's direction; <see langword="null"/> for a neutral indicator.</param>
/// <param name="Source">Where the comparator value comes from, if given.</param>
public sealed record Comparison(string Comparator, decimal ComparatorValue, decimal Difference, RagRating? Rag, string? Source = null);

/// <summary>
/// Which slice of the population a result describes: the whole (<see cref="Total"/>) or one value of a breakdown
/// dimension such as <c>sex</c>, <c>age-band</c>, <c>ethnicity-group</c>, <c>outcome-type</c> or <c>offence-group</c>.
/// </summary>
/// <param name="Dimension">The dimension, lower case.</param>
/// <param name="Value">The value within the dimension.</param>
public sealed record BreakdownKey(string Dimension, string Value)
{
    /// <summary>The whole population: no breakdown.</summary>
    public static BreakdownKey Total { get; } = new("total", "all");

    /// <summary>Whether this is the whole population.</summary>
    public bool IsTotal => this == Total;

    /// <summary>"dimension=value", or "total".</summary>
    public override string ToString() => IsTotal ? "total" : $"{Dimension}={Value}";
}

/// <summary>The ids of the records behind a result's numerator and denominator (see <see cref="IndicatorResult.Evidence"/>).</summary>
/// <param name="NumeratorIds">Ids of the records counted in the numerator.</param>
/// <param name="DenominatorIds">Ids of the records counted in the denominator (empty where the denominator is a population estimate).</param>
/// <param name="NumeratorRecordKind">What the numerator ids identify, e.g. <c>child</c>, <c>offence</c>, <c>outcome</c>.</param>
/// <param name="DenominatorRecordKind">What the denominator ids identify.</param>
public sealed record ResultEvidence(
    ImmutableArray<string> NumeratorIds,
    ImmutableArray<string> DenominatorIds,
    string NumeratorRecordKind,
    string DenominatorRecordKind);

/// <summary>
/// One figure an indicator produced, with everything needed to trace it: the value, how it was computed
/// (numerator, denominator, multiplier), what it describes (area, period, breakdown), which methodology version made it,
/// an interval, comparisons, and optionally the records behind it.
/// </summary>
/// <remarks>
/// <para><see cref="Value"/> is <see langword="null"/> when it is undefined (a zero denominator); it is never
/// rounded: use <see cref="FormatValue"/> to display it (half away from zero).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record IndicatorResult
{
    /// <summary>The methodology (indicator id and version) that produced the result.</summary>
    public required MethodologyRef Methodology { get; init; }

    /// <summary>The indicator id.</summary>
    public string IndicatorId => Methodology.Id;

    /// <summary>The ONS code of the area the result is for.</summary>
    public required string AreaCode { get; init; }

    /// <summary>The period the result is published for.</summary>
    public required ReportingPeriod Period { get; init; }

    /// <summary>For cohort measures: the period the cohort was drawn from, when it differs from <see cref="Period"/>.</summary>
    public ReportingPeriod? CohortPeriod { get; init; }

    /// <summary>Which slice of the population the result describes.</summary>
    public BreakdownKey Breakdown { get; init; } = BreakdownKey.Total;

    /// <summary>The value (numerator / denominator × multiplier), unrounded; <see langword="null"/> when undefined.</summary>
    public decimal? Value { get; init; }

    /// <summary>The numerator.</summary>
    public required decimal Numerator { get; init; }

    /// <summary>The denominator, or <see langword="null"/> for a plain count.</summary>
    public decimal? Denominator { get; init; }

    /// <summary>The multiplier applied to the ratio.</summary>
    public decimal Multiplier { get; init; } = 1m;

    /// <summary>The unit of the value.</summary>
    public required string Unit { get; init; }

    /// <summary>The confidence interval, where one applies.</summary>
    public ConfidenceInterval? Interval { get; init; }

    /// <summary>Comparisons against every comparator value supplied for the result, in the order supplied; each has its own
    /// rating, respecting the indicator's direction.</summary>
    public ImmutableArray<Comparison> Comparisons { get; init; } = [];

    /// <summary>The rating against the first comparator supplied, if any. A report shows every comparison
    /// (<see cref="Comparisons"/>, <see cref="RagAgainst"/>), not only this one.</summary>
    public RagRating? Rag => Comparisons.IsDefaultOrEmpty ? null : Comparisons[0].Rag;

    /// <summary>The rating against the comparator named <paramref name="comparator"/>, or <see langword="null"/> when none
    /// was supplied by that name (or the indicator is neutral).</summary>
    /// <param name="comparator">The comparator's name, e.g. <c>region</c>.</param>
    public RagRating? RagAgainst(string comparator) =>
        Comparisons.IsDefaultOrEmpty ? null : Comparisons.FirstOrDefault(c => string.Equals(c.Comparator, comparator, StringComparison.Ordinal))?.Rag;

    /// <summary>Whether the value is defined (the denominator was not zero).</summary>
    public bool HasValue => Value.HasValue;

    /// <summary>Whether the result may still change (e.g. a live cohort whose follow-up has not all expired).</summary>
    public bool Provisional { get; init; }

    /// <summary>Named, declared overrides of the national methodology that changed this result (empty when none).</summary>
    public ImmutableArray<string> AppliedOverrides { get; init; } = [];

    /// <summary>A short note on how to read the result, if any.</summary>
    public string? Note { get; init; }

    /// <summary>The records behind the numerator and denominator, when evidence was asked for.</summary>
    public ResultEvidence? Evidence { get; init; }

    /// <summary>The value rounded half away from zero to <paramref name="decimals"/> places, in the invariant culture;
    /// an empty string when the value is undefined.</summary>
    public string FormatValue(int decimals) =>
        Value is { } v ? DisplayRounding.Round(v, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "";
}
