using System.Collections.Immutable;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Reporting;

namespace YouthJustice.Sdk.Plugins;

/// <summary>A section of a report (e.g. a quarterly board table) a plugin contributes.</summary>
/// <remarks>
/// <para>A section builds a <see cref="ReportSection"/> of typed cells: every number it shows is a <see cref="ReportFigure"/>
/// (made with <see cref="ReportFigure.FromResult"/>) in a <see cref="FigureCell"/>, never text, so the host's disclosure
/// policy sees and withholds it like any other figure.</para>
/// <para>Implementations must be thread-safe and must not read the system clock.</para>
/// </remarks>
public interface IReportSection
{
    /// <summary>The section's id, prefixed by the plugin id.</summary>
    string Id { get; }

    /// <summary>The section's title.</summary>
    string Title { get; }

    /// <summary>The breakdown dimensions the section shows besides totals (e.g. <c>route</c>); the host computes them.</summary>
    ImmutableArray<string> Breakdowns => [];

    /// <summary>The plugin's headline indicators: the ids the host shows on the report's headline page (latest, previous,
    /// change, trend, target, comparators). None by default.</summary>
    ImmutableArray<string> HeadlineIndicators => [];

    /// <summary>Builds the section for the query's periods from results the host has already computed.</summary>
    /// <param name="context">The data (for notes that need it; the figures are in <paramref name="results"/>).</param>
    /// <param name="query">The query the report is for.</param>
    /// <param name="results">The plugin's indicator results for the query's periods and areas, with the totals and the
    /// <see cref="Breakdowns"/> the section shows (and possibly others). A section never computes an indicator again.</param>
    ReportSection Build(IndicatorContext context, IndicatorQuery query, IReadOnlyList<IndicatorResult> results);
}
