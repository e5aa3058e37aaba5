using System.Collections;
using System.Collections.Immutable;

namespace YouthJustice.Sdk.Reports;

/// <summary>Options a renderer may use.</summary>
/// <remarks>Immutable.</remarks>
public sealed record ReportRenderOptions
{
    /// <summary>The default options: 120 characters wide.</summary>
    public static ReportRenderOptions Default { get; } = new();

    /// <summary>The width a text renderer fits tables into (dropping secondary columns, then wrapping). Default 120.</summary>
    public int Width { get; init; } = 120;
}

/// <summary>
/// Draws a <see cref="Report"/> in one format. A renderer formats what the model holds and nothing else: it never computes
/// a figure, so a report the disclosure policy has been applied to renders safe in every format.
/// </summary>
/// <remarks>Implementations must be thread-safe and deterministic (the same report gives the same bytes), and must not
/// close <c>output</c>.</remarks>
public interface IReportRenderer
{
    /// <summary>The format's name, lower case, as <c>--format</c> takes it (e.g. <c>json</c>).</summary>
    string Format { get; }

    /// <summary>The file extension, with the dot (e.g. <c>.json</c>).</summary>
    string FileExtension { get; }

    /// <summary>The media type (e.g. <c>application/json</c>).</summary>
    string MediaType { get; }

    /// <summary>Whether the output is text (UTF-8) a console may print.</summary>
    bool IsText { get; }

    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/>.</summary>
    /// <param name="report">The report (already through the disclosure policy when it is for publication).</param>
    /// <param name="output">Where to write; left open.</param>
    /// <param name="options">Options, or <see langword="null"/> for <see cref="ReportRenderOptions.Default"/>.</param>
    void Render(Report report, Stream output, ReportRenderOptions? options = null);
}

/// <summary>A set of renderers by format. <see cref="Default"/> holds table, JSON and CSV; add others with
/// <see cref="With"/> (a renderer with a format already present replaces it).</summary>
/// <remarks>Immutable.</remarks>
public sealed class ReportRenderers : IEnumerable<IReportRenderer>
{
    private readonly ImmutableArray<IReportRenderer> _renderers;

    private ReportRenderers(ImmutableArray<IReportRenderer> renderers) => _renderers = renderers;

    /// <summary>Table (text for a console, 120 characters wide), JSON (<c>docs/report.schema.json</c>) and tidy CSV (one row per figure).</summary>
    public static ReportRenderers Default { get; } = new([new TableReportRenderer(), new JsonReportRenderer(), new CsvReportRenderer()]);

    /// <summary>The formats, in order.</summary>
    public IReadOnlyList<string> Formats => [.. _renderers.Select(r => r.Format)];

    /// <summary>This set with <paramref name="renderer"/> added, or replacing the one with its format.</summary>
    /// <param name="renderer">The renderer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="renderer"/> is null.</exception>
    public ReportRenderers With(IReportRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        var i = _renderers.IndexOf(_renderers.FirstOrDefault(r => string.Equals(r.Format, renderer.Format, StringComparison.OrdinalIgnoreCase))!);
        return new(i >= 0 ? _renderers.SetItem(i, renderer) : _renderers.Add(renderer));
    }

    /// <summary>The renderer for <paramref name="format"/> (ignoring case), or <see langword="null"/>.</summary>
    /// <param name="format">The format's name.</param>
    public IReportRenderer? Find(string format) =>
        _renderers.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public IEnumerator<IReportRenderer> GetEnumerator() => ((IEnumerable<IReportRenderer>)_renderers).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
