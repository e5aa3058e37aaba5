using System.Collections.Immutable;

namespace YouthJustice.Sdk.Reporting;

/// <summary>One block of a <see cref="ReportSection"/>: a table, text, or a chart a renderer can draw.</summary>
public abstract record ReportBlock
{
    /// <summary>The block's id, unique within its section.</summary>
    public required string Id { get; init; }

    /// <summary>The block's title (may be empty).</summary>
    public string Title { get; init; } = "";

    /// <summary>Notes to show under the block (sources, caveats).</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>Every figure the block shows.</summary>
    public abstract IEnumerable<ReportFigure> Figures();

    /// <summary>The block with every figure replaced by <paramref name="map"/>'s answer.</summary>
    /// <param name="map">Maps a figure to its replacement.</param>
    public abstract ReportBlock MapFigures(Func<ReportFigure, ReportFigure> map);
}

/// <summary>How much a column matters: a narrow renderer (the console at 120 characters) drops the least important first.</summary>
public enum ColumnPriority
{
    /// <summary>Always shown.</summary>
    Essential = 0,
    /// <summary>Dropped when the table is too wide.</summary>
    Secondary = 1,
    /// <summary>Dropped first.</summary>
    Detail = 2,
}

/// <summary>A column of a <see cref="ReportTable"/>.</summary>
/// <param name="Id">A machine-readable id (lower case, hyphens), e.g. <c>numerator</c>.</param>
/// <param name="Title">The heading.</param>
/// <param name="Priority">How much it matters.</param>
public sealed record ReportColumn(string Id, string Title, ColumnPriority Priority = ColumnPriority.Essential);

/// <summary>A table: columns and rows of typed cells, one cell per column.</summary>
public sealed record ReportTable : ReportBlock
{
    /// <summary>The columns.</summary>
    public required ImmutableArray<ReportColumn> Columns { get; init; }

    /// <summary>The rows; each has one cell per column.</summary>
    public required ImmutableArray<ImmutableArray<ReportCell>> Rows { get; init; }

    /// <inheritdoc />
    public override IEnumerable<ReportFigure> Figures()
    {
        // Walked without an enumerator per row and cell (a national report's tables have over a million cells); the
        // sealed one-figure cells give their figure directly, as their Figures() would.
        foreach (var row in Rows)
        {
            foreach (var cell in row)
            {
                switch (cell)
                {
                    case TextCell:
                        break;
                    case FigureCell figureCell:
                        yield return figureCell.Figure;
                        break;
                    case RatingCell ratingCell:
                        yield return ratingCell.Figure;
                        break;
                    default:
                        foreach (var figure in cell.Figures())
                        {
                            yield return figure;
                        }
                        break;
                }
            }
        }
    }

    /// <inheritdoc />
    public override ReportBlock MapFigures(Func<ReportFigure, ReportFigure> map) =>
        this with { Rows = [.. Rows.Select(r => r.Select(c => c.MapFigures(map)).ToImmutableArray())] };
}

/// <summary>Paragraphs of text.</summary>
public sealed record ReportText : ReportBlock
{
    /// <summary>The paragraphs.</summary>
    public required ImmutableArray<string> Paragraphs { get; init; }

    /// <inheritdoc />
    public override IEnumerable<ReportFigure> Figures() => [];

    /// <inheritdoc />
    public override ReportBlock MapFigures(Func<ReportFigure, ReportFigure> map) => this;
}

/// <summary>One labelled figure of a chart (a funnel stage or a bar).</summary>
/// <param name="Label">The label.</param>
/// <param name="Figure">The figure.</param>
public sealed record ChartItem(string Label, ReportFigure Figure);

/// <summary>One line of a <see cref="SeriesChart"/>: a figure per period, oldest first.</summary>
/// <param name="Label">The line's label.</param>
/// <param name="Points">The figures, oldest first; the x axis is each figure's period.</param>
public sealed record ChartSeries(string Label, ImmutableArray<ReportFigure> Points);

/// <summary>Values over periods: one or more lines.</summary>
public sealed record SeriesChart : ReportBlock
{
    /// <summary>The lines.</summary>
    public required ImmutableArray<ChartSeries> Series { get; init; }

    /// <inheritdoc />
    public override IEnumerable<ReportFigure> Figures() => Series.SelectMany(s => s.Points);

    /// <inheritdoc />
    public override ReportBlock MapFigures(Func<ReportFigure, ReportFigure> map) =>
        this with { Series = [.. Series.Select(s => s with { Points = [.. s.Points.Select(map)] })] };
}

/// <summary>A funnel: nested stages (referred, engaged, completed), each a figure.</summary>
public sealed record FunnelChart : ReportBlock
{
    /// <summary>The stages, widest first.</summary>
    public required ImmutableArray<ChartItem> Stages { get; init; }

    /// <inheritdoc />
    public override IEnumerable<ReportFigure> Figures() => Stages.Select(s => s.Figure);

    /// <inheritdoc />
    public override ReportBlock MapFigures(Func<ReportFigure, ReportFigure> map) =>
        this with { Stages = [.. Stages.Select(s => s with { Figure = map(s.Figure) })] };
}

/// <summary>Bars in rank order, each with its interval (e.g. areas by rate).</summary>
public sealed record RankedBarChart : ReportBlock
{
    /// <summary>The bars, in the order to draw them.</summary>
    public required ImmutableArray<ChartItem> Bars { get; init; }

    /// <inheritdoc />
    public override IEnumerable<ReportFigure> Figures() => Bars.Select(s => s.Figure);

    /// <inheritdoc />
    public override ReportBlock MapFigures(Func<ReportFigure, ReportFigure> map) =>
        this with { Bars = [.. Bars.Select(s => s with { Figure = map(s.Figure) })] };
}
