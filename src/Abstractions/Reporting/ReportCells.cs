using System.Collections.Immutable;

namespace YouthJustice.Sdk.Reporting;

/// <summary>One cell of a <see cref="ReportTable"/>: text, a figure (or one part of it), a change, a trend or a rating.
/// Cells hold figures, never formatted numbers, so the disclosure policy sees every number and each renderer formats it.</summary>
public abstract record ReportCell
{
    /// <summary>The figures the cell shows (none for text).</summary>
    public abstract IEnumerable<ReportFigure> Figures();

    /// <summary>The cell with every figure replaced by <paramref name="map"/>'s answer (how the disclosure policy applies).</summary>
    /// <param name="map">Maps a figure to its replacement.</param>
    public abstract ReportCell MapFigures(Func<ReportFigure, ReportFigure> map);
}

/// <summary>Text: a label, an id, a period. Never a number that is a count: that is a <see cref="FigureCell"/>.</summary>
/// <param name="Text">The text.</param>
public sealed record TextCell(string Text) : ReportCell
{
    /// <summary>An empty cell.</summary>
    public static TextCell Empty { get; } = new("");

    /// <inheritdoc />
    public override IEnumerable<ReportFigure> Figures() => [];

    /// <inheritdoc />
    public override ReportCell MapFigures(Func<ReportFigure, ReportFigure> map) => this;
}

/// <summary>Which part of a figure a <see cref="FigureCell"/> shows.</summary>
public enum FigurePart
{
    /// <summary>The value with its counts, e.g. <c>18.8% (3/16)</c>, or a plain count.</summary>
    ValueWithCounts = 0,
    /// <summary>The value alone.</summary>
    Value = 1,
    /// <summary>The numerator.</summary>
    Numerator = 2,
    /// <summary>The denominator.</summary>
    Denominator = 3,
    /// <summary>The interval, "lower to upper".</summary>
    Interval = 4,
}

/// <summary>A figure, or one part of it.</summary>
/// <param name="Figure">The figure.</param>
/// <param name="Part">The part shown.</param>
public sealed record FigureCell(ReportFigure Figure, FigurePart Part = FigurePart.ValueWithCounts) : ReportCell
{
    /// <inheritdoc />
    public override IEnumerable<ReportFigure> Figures() => [Figure];

    /// <inheritdoc />
    public override ReportCell MapFigures(Func<ReportFigure, ReportFigure> map) => this with { Figure = map(Figure) };
}

/// <summary>The change of a figure from one period to the next, derived from the two figures (so it is withheld whenever
/// either value is).</summary>
/// <param name="Previous">The earlier figure.</param>
/// <param name="Latest">The later figure.</param>
public sealed record ChangeCell(ReportFigure Previous, ReportFigure Latest) : ReportCell
{
    /// <summary>The change: percentage points for rates in %, per cent otherwise.</summary>
    public FigureChange Change => FigureChange.Between(Previous, Latest);

    /// <inheritdoc />
    public override IEnumerable<ReportFigure> Figures() => [Previous, Latest];

    /// <inheritdoc />
    public override ReportCell MapFigures(Func<ReportFigure, ReportFigure> map) => this with { Previous = map(Previous), Latest = map(Latest) };
}

/// <summary>A figure's values over several periods, oldest first (a sparkline in a table).</summary>
/// <param name="Points">One figure per period, oldest first.</param>
public sealed record TrendCell(ImmutableArray<ReportFigure> Points) : ReportCell
{
    /// <inheritdoc />
    public override IEnumerable<ReportFigure> Figures() => Points;

    /// <inheritdoc />
    public override ReportCell MapFigures(Func<ReportFigure, ReportFigure> map) => this with { Points = [.. Points.Select(map)] };
}

/// <summary>A figure against one comparator (or its target, <see cref="FigureComparisonNames.Target"/>): the comparator's value and the RAG rating.</summary>
/// <param name="Figure">The figure.</param>
/// <param name="Comparator">The comparator's name.</param>
public sealed record RatingCell(ReportFigure Figure, string Comparator) : ReportCell
{
    /// <summary>The comparison, or <see langword="null"/> when none was supplied for the figure.</summary>
    public FigureComparison? Comparison => Figure.Comparison(Comparator);

    /// <inheritdoc />
    public override IEnumerable<ReportFigure> Figures() => [Figure];

    /// <inheritdoc />
    public override ReportCell MapFigures(Func<ReportFigure, ReportFigure> map) => this with { Figure = map(Figure) };
}
