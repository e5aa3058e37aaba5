using System.Globalization;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Reporting;

namespace YouthJustice.Sdk.Reports;

/// <summary>How text renderers show cells: the report's symbols for withheld (<c>~</c>) and undefined (<c>..</c>) figures,
/// values rounded half away from zero to each figure's decimals, invariant culture. Renderers with typed cells (XLSX) need
/// only <see cref="FigureState"/> and the symbols.</summary>
public static class ReportFormatting
{
    /// <summary>The text of a cell.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="disclosure">The report's disclosure (for its symbols).</param>
    public static string Cell(ReportCell cell, ReportDisclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(disclosure);
        return cell switch
        {
            TextCell t => t.Text,
            FigureCell f => Figure(f.Figure, f.Part, disclosure),
            ChangeCell c => Change(c, disclosure),
            TrendCell t => Trend(t, disclosure),
            RatingCell r => Rating(r, disclosure),
            _ => "",
        };
    }

    /// <summary>Whether a part of a figure is withheld.</summary>
    /// <param name="figure">The figure.</param>
    /// <param name="part">The part.</param>
    public static SuppressionState FigureState(ReportFigure figure, FigurePart part)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var d = figure.Disclosure;
        return part switch
        {
            FigurePart.Numerator => d.Numerator,
            FigurePart.Denominator => d.Denominator,
            FigurePart.Value or FigurePart.Interval => d.Value,
            _ => figure.HasDenominator ? (d.Value != SuppressionState.None ? d.Value : d.Numerator != SuppressionState.None ? d.Numerator : d.Denominator) : d.Numerator,
        };
    }

    /// <summary>The text of one part of a figure.</summary>
    /// <param name="figure">The figure.</param>
    /// <param name="part">The part.</param>
    /// <param name="disclosure">The report's disclosure (for its symbols).</param>
    public static string Figure(ReportFigure figure, FigurePart part, ReportDisclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(disclosure);
        var withheld = disclosure.SuppressedSymbol;
        string Count(decimal? c, SuppressionState s) => s != SuppressionState.None ? withheld : c is { } n ? ReportFigure.FormatCount(n) : "";
        string Value() => figure.Disclosure.Value != SuppressionState.None ? withheld
            : figure.Value is null ? disclosure.NotAvailableSymbol
            : figure.FormatValue() + (figure.Provisional ? " p" : "");
        switch (part)
        {
            case FigurePart.Numerator:
                return Count(figure.Numerator, figure.Disclosure.Numerator);
            case FigurePart.Denominator:
                return figure.HasDenominator ? Count(figure.Denominator, figure.Disclosure.Denominator) : "";
            case FigurePart.Value:
                return Value();
            case FigurePart.Interval:
                return figure.IntervalLevel is null ? ""
                    : figure.Disclosure.Value != SuppressionState.None ? withheld
                    : figure.IntervalLower is { } lo && figure.IntervalUpper is { } hi
                        ? $"{ReportFigure.FormatNumber(lo, figure.Decimals)} to {ReportFigure.FormatNumber(hi, figure.Decimals)}" : "";
            default:
                if (!figure.HasDenominator)
                {
                    return Count(figure.Numerator, figure.Disclosure.Numerator) + (figure.Provisional ? " p" : "");
                }
                var shown = figure.Disclosure.Value != SuppressionState.None ? withheld
                    : figure.Value is null ? disclosure.NotAvailableSymbol
                    : figure.IsPercentage ? figure.FormatValue() + "%"
                    : figure.Unit.StartsWith('£') ? "£" + figure.FormatValue() + figure.Unit[1..]
                    : figure.FormatValue();
                shown += figure.Provisional ? " p" : "";
                return $"{shown} ({Count(figure.Numerator, figure.Disclosure.Numerator)}/{Count(figure.Denominator, figure.Disclosure.Denominator)})";
        }
    }

    private static string Change(ChangeCell cell, ReportDisclosure disclosure)
    {
        var change = cell.Change;
        if (change.State != SuppressionState.None)
        {
            return disclosure.SuppressedSymbol;
        }
        return change.Format(cell.Latest.Decimals) is { } text
            ? text + (change.Improved switch { true => " better", false => " worse", _ => "" })
            : "";
    }

    private static readonly char[] Bars = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

    /// <summary>A sparkline: one character per period, oldest first; the withheld symbol's first character for a withheld value, · for an undefined one.</summary>
    private static string Trend(TrendCell cell, ReportDisclosure disclosure)
    {
        var values = cell.Points.Where(p => p.Disclosure.Value == SuppressionState.None && p.Value is not null).Select(p => p.Value!.Value).ToList();
        if (cell.Points.IsDefaultOrEmpty)
        {
            return "";
        }
        var (min, max) = values.Count == 0 ? (0m, 0m) : (values.Min(), values.Max());
        return string.Concat(cell.Points.Select(p =>
            p.Disclosure.Value != SuppressionState.None ? disclosure.SuppressedSymbol[0]
            : p.Value is not { } v ? '·'
            : max == min ? Bars[3]
            : Bars[(int)Math.Round((v - min) / (max - min) * (Bars.Length - 1), MidpointRounding.AwayFromZero)]));
    }

    private static string Rating(RatingCell cell, ReportDisclosure disclosure)
    {
        if (cell.Comparison is not { } c)
        {
            return "";
        }
        var rag = cell.Figure.Disclosure.Value != SuppressionState.None ? disclosure.SuppressedSymbol
            : c.Rag switch { RagRating.Green => "G", RagRating.Amber => "A", RagRating.Red => "R", _ => "" };
        return (ReportFigure.FormatNumber(c.Value, cell.Figure.Decimals) + " " + rag).TrimEnd();
    }

    /// <summary>A RAG rating as a lower-case word (<c>green</c>, <c>amber</c>, <c>red</c>), or <see langword="null"/>.</summary>
    /// <param name="rag">The rating.</param>
    public static string? RagName(RagRating? rag) => rag switch
    {
        RagRating.Green => "green",
        RagRating.Amber => "amber",
        RagRating.Red => "red",
        _ => null,
    };

    private static readonly string[] StateNames =
        [.. Enumerable.Range(0, (int)Enum.GetValues<SuppressionState>().Max() + 1).Select(v => Camel<SuppressionState>((SuppressionState)v))];

    /// <summary><see cref="Camel{T}"/> of a suppression state, made once per state (renderers write three per figure).</summary>
    internal static string Camel(SuppressionState state) =>
        (uint)state < (uint)StateNames.Length ? StateNames[(int)state] : Camel<SuppressionState>(state);

    /// <summary>An enum value as a JSON name: camel case (e.g. <c>PercentagePoints</c> → <c>percentagePoints</c>).</summary>
    /// <param name="value">The value.</param>
    public static string Camel<T>(T value) where T : struct, Enum
    {
        var s = value.ToString();
        return string.Create(CultureInfo.InvariantCulture, $"{char.ToLowerInvariant(s[0])}{s[1..]}");
    }
}
