using System.Collections.Immutable;

namespace YouthJustice.Sdk.Reporting;

/// <summary>What a section of a report is.</summary>
public enum ReportSectionKind
{
    /// <summary>What the report is of: dataset, areas, periods, disclosure.</summary>
    About = 0,
    /// <summary>The headline page: latest, previous, change, trend, target and comparators.</summary>
    Headline = 1,
    /// <summary>The detail of one definition family (e.g. first time entrants, the YJB KPIs, a plugin's indicators).</summary>
    Family = 2,
    /// <summary>A plugin's own board section.</summary>
    Plugin = 3,
    /// <summary>What could not be computed (plugin errors).</summary>
    Errors = 4,
}

/// <summary>A section of a report: titled blocks (tables, text, charts) of typed cells.</summary>
/// <remarks>Immutable. A plugin's <see cref="Plugins.IReportSection"/> builds one of these from results the host computed.</remarks>
public sealed record ReportSection
{
    /// <summary>The section's id (a plugin's is prefixed with the plugin id).</summary>
    public required string Id { get; init; }

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>What the section is.</summary>
    public ReportSectionKind Kind { get; init; } = ReportSectionKind.Plugin;

    /// <summary>The plugin that contributed the section, or <see langword="null"/> for the SDK's own.</summary>
    public string? Owner { get; init; }

    /// <summary>The blocks, in order.</summary>
    public ImmutableArray<ReportBlock> Blocks { get; init; } = [];

    /// <summary>Notes for the whole section (sources, caveats).</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>Every figure the section shows (a figure shown twice is listed twice).</summary>
    public IEnumerable<ReportFigure> Figures() => Blocks.SelectMany(b => b.Figures());

    /// <summary>The section with every figure replaced by <paramref name="map"/>'s answer.</summary>
    /// <param name="map">Maps a figure to its replacement.</param>
    public ReportSection MapFigures(Func<ReportFigure, ReportFigure> map) => this with { Blocks = [.. Blocks.Select(b => b.MapFigures(map))] };

    /// <summary>The tables of the section.</summary>
    public IEnumerable<ReportTable> Tables() => Blocks.OfType<ReportTable>();
}
