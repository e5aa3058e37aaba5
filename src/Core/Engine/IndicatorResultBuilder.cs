using System.Collections.Immutable;
using YouthJustice.Sdk.Internal;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Statistics;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Engine;

/// <summary>Which confidence interval a result gets.</summary>
public enum IntervalMethod
{
    /// <summary>No interval (plain counts, judged ratings).</summary>
    None = 0,
    /// <summary>Wilson score interval: the numerator is a count of successes out of the denominator (a proportion).</summary>
    Wilson = 1,
    /// <summary>Exact (Garwood) Poisson interval on the numerator, divided by the denominator (rates and frequencies).</summary>
    PoissonExact = 2,
}

/// <summary>
/// Builds <see cref="IndicatorResult"/>s the same way for every indicator: the value from unrounded counts,
/// the interval scaled by the multiplier, comparisons and RAG ratings that respect the indicator's direction,
/// and the methodology reference.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class IndicatorResultBuilder
{
    /// <summary>The definition parameter holding the RAG tolerance: the relative gap (in percent of the comparator)
    /// within which a value is rated amber. Defaults to <see cref="DefaultRagTolerancePercent"/>.</summary>
    public const string RagTolerancePercentParameter = "ragTolerancePercent";

    /// <summary>The default RAG tolerance, 5% of the comparator value.</summary>
    public const decimal DefaultRagTolerancePercent = 5m;

    /// <summary>
    /// A result whose value is <paramref name="numerator"/> / <paramref name="denominator"/> × the definition's multiplier
    /// (or the numerator itself when <paramref name="denominator"/> is <see langword="null"/>).
    /// </summary>
    /// <param name="definition">The methodology.</param>
    /// <param name="areaCode">The area.</param>
    /// <param name="period">The reporting period.</param>
    /// <param name="numerator">The numerator (unrounded).</param>
    /// <param name="denominator">The denominator, or <see langword="null"/> for a plain count.</param>
    /// <param name="interval">Which interval to attach.</param>
    /// <param name="breakdown">The breakdown, or <see langword="null"/> for the total.</param>
    /// <returns>The result; its value is <see langword="null"/> when the denominator is zero.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public static IndicatorResult Ratio(
        IndicatorDefinition definition,
        string areaCode,
        ReportingPeriod period,
        decimal numerator,
        decimal? denominator,
        IntervalMethod interval,
        BreakdownKey? breakdown = null)
    {
        Preconditions.CheckNotNull(definition, nameof(definition));
        Preconditions.CheckNotNull(areaCode, nameof(areaCode));
        Preconditions.CheckNotNull(period, nameof(period));
        var multiplier = definition.Multiplier;
        decimal? value = denominator switch
        {
            null => numerator * multiplier,
            0m => null,
            { } d => numerator / d * multiplier,
        };
        return new IndicatorResult
        {
            Methodology = definition.Ref,
            AreaCode = areaCode,
            Period = period,
            Breakdown = breakdown ?? BreakdownKey.Total,
            Value = value,
            Numerator = numerator,
            Denominator = denominator,
            Multiplier = multiplier,
            Unit = definition.Unit,
            Interval = value is null ? null : IntervalFor(interval, numerator, denominator, multiplier),
        };
    }

    /// <summary>Adds comparisons against every comparator value supplied for this indicator and period, rated by direction.</summary>
    /// <param name="result">The result to compare.</param>
    /// <param name="definition">Its methodology (direction and tolerance).</param>
    /// <param name="comparators">All comparator values; those for other indicators or periods are ignored.</param>
    /// <returns>The result with <see cref="IndicatorResult.Comparisons"/> set (in the order the comparators were supplied).</returns>
    public static IndicatorResult Compare(IndicatorResult result, IndicatorDefinition definition, IReadOnlyList<ComparatorValue> comparators)
    {
        Preconditions.CheckNotNull(result, nameof(result));
        Preconditions.CheckNotNull(definition, nameof(definition));
        Preconditions.CheckNotNull(comparators, nameof(comparators));
        if (result.Value is not { } value || comparators.Count == 0 || !result.Breakdown.IsTotal)
        {
            return result;
        }
        var tolerance = definition.HasParameter(RagTolerancePercentParameter)
            ? definition.GetDecimal(RagTolerancePercentParameter)
            : DefaultRagTolerancePercent;
        var comparisons = ImmutableArray.CreateBuilder<Comparison>();
        foreach (var c in comparators)
        {
            if (c.IndicatorId == definition.Id && (c.Period is null || c.Period == result.Period) && (c.AreaCode is null || c.AreaCode == result.AreaCode))
            {
                comparisons.Add(new Comparison(c.Comparator, c.Value, value - c.Value, Rate(value, c.Value, definition.Direction, tolerance), c.Source));
            }
        }
        return comparisons.Count == 0 ? result : result with { Comparisons = comparisons.ToImmutable() };
    }

    /// <summary>
    /// Rates <paramref name="value"/> against <paramref name="comparator"/>: amber within <paramref name="tolerancePercent"/>
    /// percent of the comparator, otherwise green when better and red when worse, as <paramref name="direction"/> defines better.
    /// </summary>
    /// <returns>The rating, or <see langword="null"/> for a neutral indicator.</returns>
    public static RagRating? Rate(decimal value, decimal comparator, Direction direction, decimal tolerancePercent)
    {
        if (direction == Direction.Neutral)
        {
            return null;
        }
        var band = Math.Abs(comparator) * tolerancePercent / 100m;
        var difference = value - comparator;
        if (Math.Abs(difference) <= band)
        {
            return RagRating.Amber;
        }
        var better = direction == Direction.LowerIsBetter ? difference < 0 : difference > 0;
        return better ? RagRating.Green : RagRating.Red;
    }

    private static ConfidenceInterval? IntervalFor(IntervalMethod method, decimal numerator, decimal? denominator, decimal multiplier)
    {
        switch (method)
        {
            case IntervalMethod.Wilson when denominator is { } d && numerator == decimal.Truncate(numerator) && d == decimal.Truncate(d) && numerator <= d:
            {
                var (lo, hi) = ConfidenceIntervals.Wilson((long)numerator, (long)d);
                return new ConfidenceInterval(ToDecimal(lo) * multiplier, ToDecimal(hi) * multiplier, 0.95m, "Wilson score");
            }
            case IntervalMethod.PoissonExact when numerator == decimal.Truncate(numerator):
            {
                var (lo, hi) = ConfidenceIntervals.PoissonExact((long)numerator);
                var scale = denominator is { } d ? multiplier / d : multiplier;
                return new ConfidenceInterval(ToDecimal(lo) * scale, ToDecimal(hi) * scale, 0.95m, "Exact Poisson (Garwood)");
            }
            default:
                return null;
        }
    }

    // Doubles carry ~15 significant digits; rounding to 12 places keeps decimal output free of binary noise.
    private static decimal ToDecimal(double value) => Math.Round((decimal)value, 12);
}
