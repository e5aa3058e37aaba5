using System.Collections.Immutable;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Plugins;

/// <summary>A titled table of figures a host prints in a report: columns, rows, and the results behind them.</summary>
/// <param name="SectionId">The section's id.</param>
/// <param name="Title">The title.</param>
/// <param name="Columns">The column headings.</param>
/// <param name="Rows">The rows; each has one cell per column, already formatted (invariant culture, half away from zero).</param>
/// <param name="Results">The indicator results the rows were built from, for hosts that print or export results instead.</param>
/// <param name="Notes">Notes to print under the table (sources, caveats, small numbers).</param>
public sealed record ReportSectionOutput(
    string SectionId,
    string Title,
    ImmutableArray<string> Columns,
    ImmutableArray<ImmutableArray<string>> Rows,
    ImmutableArray<IndicatorResult> Results,
    ImmutableArray<string> Notes);

/// <summary>A section of a report (e.g. a quarterly board table) a plugin contributes.</summary>
/// <remarks>Implementations must be thread-safe and must not read the system clock.</remarks>
public interface IReportSection
{
    /// <summary>The section's id, prefixed by the plugin id.</summary>
    string Id { get; }

    /// <summary>The section's title.</summary>
    string Title { get; }

    /// <summary>The breakdown dimensions the section shows besides totals (e.g. <c>route</c>); the host computes them.</summary>
    ImmutableArray<string> Breakdowns => [];

    /// <summary>Builds the section for the query's periods from results the host has already computed.</summary>
    /// <param name="context">The data (for notes that need it; the figures are in <paramref name="results"/>).</param>
    /// <param name="query">The query the report is for.</param>
    /// <param name="results">The plugin's indicator results for the query's periods and areas, with the totals and the
    /// <see cref="Breakdowns"/> the section shows (and possibly others). A section never computes an indicator again.</param>
    ReportSectionOutput Build(IndicatorContext context, IndicatorQuery query, IReadOnlyList<IndicatorResult> results);
}
