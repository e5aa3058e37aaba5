using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Sdk.Reporting;

/// <summary>Whether, and why, one part of a figure (its numerator, denominator or value) is withheld.</summary>
public enum SuppressionState
{
    /// <summary>Shown (or the disclosure policy has not been applied).</summary>
    None = 0,
    /// <summary>Primary suppression: a count greater than zero and at or below the threshold.</summary>
    Primary = 1,
    /// <summary>Primary suppression of a zero, under a policy that suppresses zeros.</summary>
    Zero = 2,
    /// <summary>Secondary suppression: withheld so that another withheld count cannot be worked out from a total.</summary>
    Complementary = 3,
    /// <summary>A value, interval, change or comparison derived from a withheld count.</summary>
    Derived = 4,
}

/// <summary>How the disclosure policy treated a figure. A withheld part is also <see langword="null"/> on the figure, so a
/// published figure carries no withheld number.</summary>
/// <remarks>Immutable.</remarks>
public sealed record FigureDisclosure
{
    /// <summary>A figure the policy has not touched (an internal report, or before the policy is applied).</summary>
    public static FigureDisclosure NotApplied { get; } = new();

    /// <summary>The numerator's state.</summary>
    public SuppressionState Numerator { get; init; }

    /// <summary>The denominator's state.</summary>
    public SuppressionState Denominator { get; init; }

    /// <summary>The value's (and with it the interval's, the comparisons' differences and ratings') state.</summary>
    public SuppressionState Value { get; init; }

    /// <summary>Whether the published counts are rounded to the policy's base (values are computed from unrounded counts).</summary>
    public bool Rounded { get; init; }

    /// <summary>Whether any part of the figure is withheld.</summary>
    public bool IsSuppressed => Numerator != SuppressionState.None || Denominator != SuppressionState.None || Value != SuppressionState.None;
}

/// <summary>A figure compared with a comparator value (a family group, region or England and Wales figure) or a target.</summary>
/// <param name="Name">The comparator's name, e.g. <c>family-group</c>, <c>region</c>, <c>england-and-wales</c>, or <c>target</c>.</param>
/// <param name="Value">The comparator's (or target's) value, in the figure's units.</param>
/// <param name="Difference">The figure's value minus <paramref name="Value"/>; <see langword="null"/> when the figure's value is undefined or withheld.</param>
/// <param name="Rag">The rating, respecting the indicator's direction; <see langword="null"/> for a neutral indicator or a withheld value.</param>
/// <param name="Source">Where the comparator value comes from (a publication), if given.</param>
public sealed record FigureComparison(string Name, decimal Value, decimal? Difference, RagRating? Rag, string? Source = null);

/// <summary>
/// One figure a report shows: what it describes (indicator, area, period, breakdown), how it was computed (numerator,
/// denominator, value, unit, interval, methodology with its citation), its comparisons and target, and how the disclosure
/// policy treated it. Every number a report shows is a <see cref="ReportFigure"/> (or derived from two, see
/// <see cref="FigureChange"/>), so the policy sees every number.
/// </summary>
/// <remarks>Immutable. Numbers are unrounded; <see cref="Decimals"/> says how many places to display (half away from zero).</remarks>
public sealed record ReportFigure
{
    /// <summary>A stable id: indicator, area, period (ISO dates), cohort period and breakdown. Two figures with the same id
    /// describe the same result.</summary>
    public string Id
    {
        get
        {
            // Written into one buffer: renderers ask every figure for its id (a report has tens of thousands), and
            // formatting each date through a date pattern, then concatenating, was most of their time.
            var id = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[128]);
            id.AppendFormatted(Methodology.Id);
            id.AppendLiteral("|");
            id.AppendFormatted(AreaCode);
            id.AppendLiteral("|");
            AppendIso(ref id, Period);
            if (CohortPeriod is { } cohort)
            {
                id.AppendLiteral("|cohort ");
                AppendIso(ref id, cohort);
            }
            id.AppendLiteral("|");
            if (Breakdown is { IsTotal: false } breakdown)
            {
                id.AppendFormatted(breakdown.Dimension);
                id.AppendLiteral("=");
                id.AppendFormatted(breakdown.Value);
            }
            else if (Breakdown is not null)
            {
                id.AppendLiteral("total");
            }
            return id.ToStringAndClear();
        }
    }

    /// <summary>What the figure is called in a report (the indicator's name, by default).</summary>
    public required string Label { get; init; }

    /// <summary>The methodology (indicator id and version) that produced the figure.</summary>
    public required MethodologyRef Methodology { get; init; }

    /// <summary>The methodology's primary source, if known.</summary>
    public SourceCitation? Citation { get; init; }

    /// <summary>The ONS code of the area.</summary>
    public required string AreaCode { get; init; }

    /// <summary>The period the figure is published for.</summary>
    public required ReportingPeriod Period { get; init; }

    /// <summary>For cohort measures, the period the cohort was drawn from, when it differs from <see cref="Period"/>.</summary>
    public ReportingPeriod? CohortPeriod { get; init; }

    /// <summary>The slice of the population the figure describes.</summary>
    public BreakdownKey Breakdown { get; init; } = BreakdownKey.Total;

    /// <summary>The numerator; <see langword="null"/> when withheld.</summary>
    public decimal? Numerator { get; init; }

    /// <summary>The denominator; <see langword="null"/> for a plain count or when withheld.</summary>
    public decimal? Denominator { get; init; }

    /// <summary>Whether the figure has a denominator (a rate or proportion) rather than being a plain count.</summary>
    public bool HasDenominator { get; init; }

    /// <summary>The multiplier applied to numerator / denominator.</summary>
    public decimal Multiplier { get; init; } = 1m;

    /// <summary>The value, unrounded; <see langword="null"/> when undefined (a zero denominator) or withheld.</summary>
    public decimal? Value { get; init; }

    /// <summary>The unit of the value, e.g. <c>%</c> or <c>per 100,000 aged 10-17</c>.</summary>
    public required string Unit { get; init; }

    /// <summary>Decimal places to display the value with.</summary>
    public int Decimals { get; init; } = 1;

    /// <summary>The interval's lower bound, in the value's units; <see langword="null"/> when there is none or it is withheld.</summary>
    public decimal? IntervalLower { get; init; }

    /// <summary>The interval's upper bound.</summary>
    public decimal? IntervalUpper { get; init; }

    /// <summary>The interval's confidence level (e.g. 0.95), when there is one.</summary>
    public decimal? IntervalLevel { get; init; }

    /// <summary>Which way the indicator improves.</summary>
    public Direction Direction { get; init; } = Direction.Neutral;

    /// <summary>Whether the figure may still change (e.g. a live cohort).</summary>
    public bool Provisional { get; init; }

    /// <summary>Every comparator supplied for the figure, in the order supplied.</summary>
    public ImmutableArray<FigureComparison> Comparisons { get; init; } = [];

    /// <summary>The target, if one was set.</summary>
    public FigureComparison? Target { get; init; }

    /// <summary>A short note on how to read the figure, if any.</summary>
    public string? Note { get; init; }

    /// <summary>How the disclosure policy treated the figure.</summary>
    public FigureDisclosure Disclosure { get; init; } = FigureDisclosure.NotApplied;

    /// <summary>Whether the value is a percentage (its unit starts with <c>%</c>): its changes are in percentage points.</summary>
    public bool IsPercentage => Unit.StartsWith('%');

    /// <summary>The comparison named <paramref name="name"/> (<c>target</c> gives <see cref="Target"/>), or <see langword="null"/>.</summary>
    public FigureComparison? Comparison(string name) =>
        name == FigureComparisonNames.Target ? Target : Comparisons.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>A figure from an indicator result, with the definition's name, decimals, direction and citation when given.</summary>
    /// <param name="result">The result.</param>
    /// <param name="definition">Its definition (optional).</param>
    /// <param name="label">The label; default the definition's name, else the indicator id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static ReportFigure FromResult(IndicatorResult result, IndicatorDefinition? definition = null, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var direction = definition?.Direction ?? Direction.Neutral;
        return new ReportFigure
        {
            Label = label ?? definition?.Name ?? result.IndicatorId,
            Methodology = result.Methodology,
            Citation = definition is { Sources.IsDefaultOrEmpty: false } ? definition.Source : null,
            AreaCode = result.AreaCode,
            Period = result.Period,
            CohortPeriod = result.CohortPeriod,
            Breakdown = result.Breakdown,
            Numerator = result.Numerator,
            Denominator = result.Denominator,
            HasDenominator = result.Denominator is not null,
            Multiplier = result.Multiplier,
            Value = result.Value,
            Unit = result.Unit,
            Decimals = definition?.DisplayDecimals ?? 1,
            IntervalLower = result.Interval?.Lower,
            IntervalUpper = result.Interval?.Upper,
            IntervalLevel = result.Interval?.Level,
            Direction = direction,
            Provisional = result.Provisional,
            Comparisons = result.Comparisons.IsDefault
                ? []
                : [.. result.Comparisons.Select(c => new FigureComparison(c.Comparator, c.ComparatorValue, c.Difference, c.Rag, c.Source))],
            Note = result.Note,
        };
    }

    /// <summary>The value rounded half away from zero to <see cref="Decimals"/> places (invariant culture), or
    /// <see langword="null"/> when there is no value.</summary>
    public string? FormatValue() => Value is { } v ? FormatNumber(v, Decimals) : null;

    /// <summary>Formats a number half away from zero to <paramref name="decimals"/> places, invariant culture.</summary>
    /// <param name="value">The number.</param>
    /// <param name="decimals">Places.</param>
    public static string FormatNumber(decimal value, int decimals) =>
        DisplayRounding.Round(value, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Formats a count: whole numbers without decimals, others with as many as they need (invariant culture).</summary>
    /// <param name="count">The count.</param>
    public static string FormatCount(decimal count) =>
        count == decimal.Truncate(count)
            ? decimal.Truncate(count).ToString("0", CultureInfo.InvariantCulture)
            : count.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>Appends "start..end", each date as <c>uuuu-MM-dd</c>.</summary>
    private static void AppendIso(ref DefaultInterpolatedStringHandler text, ReportingPeriod p)
    {
        AppendIso(ref text, p.Start);
        text.AppendLiteral("..");
        AppendIso(ref text, p.End);
    }

    private static void AppendIso(ref DefaultInterpolatedStringHandler text, NodaTime.LocalDate date)
    {
        if (date.Year is >= 0 and <= 9999)
        {
            // The pattern's digits, without parsing and applying the pattern.
            text.AppendFormatted(date.Year, "D4");
            text.AppendLiteral("-");
            text.AppendFormatted(date.Month, "D2");
            text.AppendLiteral("-");
            text.AppendFormatted(date.Day, "D2");
        }
        else
        {
            text.AppendFormatted(date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>Well-known comparison names.</summary>
public static class FigureComparisonNames
{
    /// <summary>The name a figure's <see cref="ReportFigure.Target"/> goes by in a <see cref="RatingCell"/>.</summary>
    public const string Target = "target";
}

/// <summary>How a change between two periods is measured.</summary>
public enum ChangeUnit
{
    /// <summary>Percentage points: the difference of two percentages.</summary>
    PercentagePoints = 0,
    /// <summary>Per cent: the difference as a percentage of the earlier value.</summary>
    PerCent = 1,
}

/// <summary>The change of a figure between two periods: percentage points for rates in %, per cent otherwise.</summary>
/// <param name="From">The earlier period.</param>
/// <param name="To">The later period.</param>
/// <param name="Difference">The change; <see langword="null"/> when either value is undefined or withheld (or, per cent, the earlier value is zero).</param>
/// <param name="Unit">Percentage points or per cent.</param>
/// <param name="Improved"><see langword="true"/> when the change is for the better by the indicator's direction, <see langword="false"/>
/// when for the worse, <see langword="null"/> when there is no change, no difference or the indicator is neutral.</param>
/// <param name="State"><see cref="SuppressionState.Derived"/> when either figure's value is withheld.</param>
public sealed record FigureChange(ReportingPeriod From, ReportingPeriod To, decimal? Difference, ChangeUnit Unit, bool? Improved, SuppressionState State)
{
    /// <summary>The change from <paramref name="previous"/> to <paramref name="latest"/>.</summary>
    /// <exception cref="ArgumentNullException">A figure is null.</exception>
    public static FigureChange Between(ReportFigure previous, ReportFigure latest)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(latest);
        var unit = latest.IsPercentage ? ChangeUnit.PercentagePoints : ChangeUnit.PerCent;
        var state = previous.Disclosure.Value != SuppressionState.None || latest.Disclosure.Value != SuppressionState.None
            ? SuppressionState.Derived : SuppressionState.None;
        decimal? difference = null;
        if (state == SuppressionState.None && previous.Value is { } a && latest.Value is { } b)
        {
            difference = unit == ChangeUnit.PercentagePoints ? b - a : a == 0m ? null : (b - a) / Math.Abs(a) * 100m;
        }
        bool? improved = difference is not { } d || d == 0m || latest.Direction == Direction.Neutral
            ? null
            : latest.Direction == Direction.LowerIsBetter ? d < 0 : d > 0;
        return new FigureChange(previous.Period, latest.Period, difference, unit, improved, state);
    }

    /// <summary>"+1.2 pp" or "-3.4%", rounded half away from zero (percentage points to <paramref name="decimals"/> places, per cent to one);
    /// <see langword="null"/> without a difference.</summary>
    /// <param name="decimals">Places for percentage points (the figure's own decimals).</param>
    public string? Format(int decimals = 1) => Difference is not { } d
        ? null
        : (d > 0 ? "+" : "") + ReportFigure.FormatNumber(d, Unit == ChangeUnit.PercentagePoints ? decimals : 1) + (Unit == ChangeUnit.PercentagePoints ? " pp" : "%");
}
