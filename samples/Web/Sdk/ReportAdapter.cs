using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using YouthJustice.Sdk.Disclosure;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Reporting;
using YouthJustice.Sdk.Reports;

namespace YouthJustice.Sdk.Samples.Web.Sdk;

/// <summary>One figure of the SDK's report as the web shows it: its displays (withheld parts as the policy's symbol) and
/// the numbers a chart plots (null where withheld).</summary>
public sealed record FigureView(
    string IndicatorId, int Version, string Indicator, string Family, string AreaCode, string Period, string Breakdown, string Unit,
    string Value, string Numerator, string Denominator, string Interval, bool Suppressed, bool Provisional, string? Rag,
    string? Comparator, string? ComparatorValue, decimal? ValueNumber, decimal? Lower, decimal? Upper)
{
    /// <summary>The view of <paramref name="f"/> in a report with <paramref name="disclosure"/>.</summary>
    public static FigureView From(ReportFigure f, ReportDisclosure disclosure, string family)
    {
        var comparison = f.Target ?? (f.Comparisons.IsDefaultOrEmpty ? null : f.Comparisons[0]);
        var withheld = f.Disclosure.Value != SuppressionState.None;
        return new FigureView(f.Methodology.Id, f.Methodology.Version, f.Label, family, f.AreaCode, f.Period.ToString(), f.Breakdown.ToString(), f.Unit,
            withheld ? disclosure.SuppressedSymbol : f.FormatValue() ?? disclosure.NotAvailableSymbol,
            ReportFormatting.Figure(f, FigurePart.Numerator, disclosure), ReportFormatting.Figure(f, FigurePart.Denominator, disclosure),
            ReportFormatting.Figure(f, FigurePart.Interval, disclosure), f.Disclosure.IsSuppressed, f.Provisional,
            withheld ? null : ReportFormatting.RagName(comparison?.Rag), comparison?.Name,
            comparison is null ? null : ReportFigure.FormatNumber(comparison.Value, f.Decimals),
            Shown(f.Value), Shown(f.IntervalLower), Shown(f.IntervalUpper));

        // A chart plots the number as displayed: rounded to the figure's places, half away from zero.
        decimal? Shown(decimal? n) => withheld || n is not { } v ? null : DisplayRounding.Round(v, f.Decimals);
    }
}

/// <summary>A headline tile: the latest figure, the previous period's, the change, and the target or comparator.</summary>
public sealed record TileView(FigureView Latest, FigureView? Previous, string Change);

/// <summary>A trend: the value, the interval band and the comparator (or target) line over the periods.</summary>
public sealed record TrendView(string Id, string Title, string Unit, IReadOnlyList<string> Labels, IReadOnlyList<decimal?> Values,
    IReadOnlyList<decimal?> Lower, IReadOnlyList<decimal?> Upper, string? ComparatorName, IReadOnlyList<decimal?> Comparator);

/// <summary>A funnel: the count at each stage.</summary>
public sealed record FunnelView(string Id, string Title, IReadOnlyList<string> Labels, IReadOnlyList<decimal?> Values, IReadOnlyList<string> Displays);

/// <summary>Ranked bars with intervals; 1.0 is parity.</summary>
public sealed record RankedBarsView(string Id, string Title, IReadOnlyList<string> Labels, IReadOnlyList<decimal?> Values,
    IReadOnlyList<decimal?> Lower, IReadOnlyList<decimal?> Upper);

/// <summary>A titled table of text cells.</summary>
public sealed record TableView(string Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Notes);

/// <summary>Everything the dashboard shows for one dataset, area and period.</summary>
public sealed record DashboardView(
    string DatasetId, string DatasetLabel, string AsOf, string Records, string AreaCode, string AreaName, string Period, bool Published,
    IReadOnlyList<TileView> Tiles, IReadOnlyList<TrendView> Trends, IReadOnlyList<FunnelView> Funnels, IReadOnlyList<RankedBarsView> Disparities,
    IReadOnlyList<TableView> PluginSections, IReadOnlyList<TableView> Details, IReadOnlyList<string> Errors);

/// <summary>
/// Renders the SDK's report model (<see cref="Report"/>, built by <see cref="ReportBuilder"/>, published through the
/// disclosure policy) for the web: the headline page's rows as tiles and trends, the family sections' stage and
/// ethnicity-group figures as funnels and ranked bars, every section's tables as tables, and plugin charts as charts.
/// It selects and lays out; every number comes from the model.
/// </summary>
public static class ReportAdapter
{
    private static readonly ConditionalWeakTable<Report, ConcurrentDictionary<string, object>> Arranged = new();

    private static T Once<T>(Report report, string key, Func<T> build) where T : class =>
        (T)Arranged.GetOrCreateValue(report).GetOrAdd(key, _ => build());

    /// <summary>The report rendered by one of the SDK's renderers, once per report and format.</summary>
    public static byte[] Rendered(Report report, IReportRenderer renderer) => Once(report, "rendered|" + renderer.Format, () =>
    {
        using var output = new MemoryStream();
        renderer.Render(report, output);
        return output.ToArray();
    });

    /// <summary>The family id of every indicator (for the views).</summary>
    private static Func<string, string> FamilyOf(ReportService service)
    {
        var families = service.Definitions.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First().Family, StringComparer.Ordinal);
        return id => families.GetValueOrDefault(id, "");
    }

    /// <summary>Every figure of the report's family sections (one per indicator, area, period and breakdown), in order.</summary>
    public static IReadOnlyList<FigureView> Figures(ReportService service, ComputedReport computed, DisclosureMode mode)
    {
        var report = computed.For(mode);
        return Once(report, "figures", () =>
        {
            var family = FamilyOf(service);
            return report.Sections.Where(s => s.Kind == ReportSectionKind.Family).SelectMany(s => s.Figures())
                .DistinctBy(f => f.Id).Select(f => FigureView.From(f, report.Disclosure, family(f.Methodology.Id))).ToList();
        });
    }

    /// <summary>The dashboard for the report's area and latest period.</summary>
    public static DashboardView Dashboard(ReportService service, ComputedReport computed, string area, string areaName, DisclosureMode mode)
    {
        var report = computed.For(mode);
        return Once(report, "dashboard|" + area, () => BuildDashboard(service, computed, report, area, areaName, mode));
    }

    private static DashboardView BuildDashboard(ReportService service, ComputedReport computed, Report report, string area, string areaName, DisclosureMode mode)
    {
        var family = FamilyOf(service);
        var latest = report.Periods[^1].ToString();
        var disclosure = report.Disclosure;
        FigureView View(ReportFigure f) => FigureView.From(f, disclosure, family(f.Methodology.Id));

        var tiles = new List<TileView>();
        var trends = new List<TrendView>();
        var headline = report.Sections.FirstOrDefault(s => s.Kind == ReportSectionKind.Headline);
        foreach (var row in headline?.Tables().FirstOrDefault()?.Rows ?? [])
        {
            if (row.OfType<FigureCell>().FirstOrDefault() is not { } now || now.Figure.AreaCode != area)
            {
                continue;
            }
            var change = row.OfType<ChangeCell>().FirstOrDefault();
            tiles.Add(new TileView(View(now.Figure), change is null ? null : View(change.Previous), change is null ? "" : ReportFormatting.Cell(change, disclosure)));
            if (row.OfType<TrendCell>().FirstOrDefault() is { } trend)
            {
                trends.Add(Trend(now.Figure, trend.Points, View));
            }
        }

        var inPeriod = report.Sections.Where(s => s.Kind == ReportSectionKind.Family).SelectMany(s => s.Figures())
            .Where(f => f.AreaCode == area && f.Period.ToString() == latest).DistinctBy(f => f.Id).ToList();
        var funnels = inPeriod.Where(f => f.Breakdown.Dimension == "stage").GroupBy(f => f.Methodology.Id)
            .Select(g =>
            {
                var stages = g.ToList();
                var labels = new List<string> { "in scope" };
                var values = new List<decimal?> { stages[0].Disclosure.Denominator == SuppressionState.None ? stages[0].Denominator : null };
                var displays = new List<string> { ReportFormatting.Figure(stages[0], FigurePart.Denominator, disclosure) };
                foreach (var s in stages)
                {
                    labels.Add(s.Breakdown.Value);
                    values.Add(s.Disclosure.Numerator == SuppressionState.None ? s.Numerator : null);
                    displays.Add(ReportFormatting.Figure(s, FigurePart.Numerator, disclosure));
                }
                return new FunnelView(g.Key, stages[0].Label, labels, values, displays);
            })
            .ToList();
        var disparities = inPeriod.Where(f => family(f.Methodology.Id) == IndicatorFamilies.Disproportionality
                && f.Unit.StartsWith("relative rate index", StringComparison.Ordinal) && f.Breakdown.Dimension == "ethnicity-group")
            .GroupBy(f => f.Methodology.Id)
            .Select(g => Ranked(g.Key, g.First().Label, g.Select(f => (f.Breakdown.Value, View(f)))))
            .ToList();

        var pluginSections = new List<TableView>();
        foreach (var section in report.Sections.Where(s => s.Kind == ReportSectionKind.Plugin))
        {
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportTable table:
                        pluginSections.Add(Table(section, table, disclosure, area, null));
                        break;
                    case FunnelChart funnel:
                        funnels.Add(new FunnelView(funnel.Id, funnel.Title, [.. funnel.Stages.Select(s => s.Label)],
                            [.. funnel.Stages.Select(s => s.Figure.Disclosure.Numerator == SuppressionState.None ? s.Figure.Numerator : null)],
                            [.. funnel.Stages.Select(s => ReportFormatting.Figure(s.Figure, FigurePart.Numerator, disclosure))]));
                        break;
                    case RankedBarChart bars:
                        disparities.Add(Ranked(bars.Id, bars.Title, bars.Bars.Select(b => (b.Label, View(b.Figure)))));
                        break;
                    case SeriesChart series:
                        trends.AddRange(series.Series.Where(s => s.Points.Length > 0).Select(s => Trend(s.Points[^1], s.Points, View) with { Id = series.Id + "-" + trends.Count, Title = s.Label }));
                        break;
                }
            }
        }

        var details = report.Sections.Where(s => s.Kind == ReportSectionKind.Family)
            .SelectMany(s => s.Tables().Select(t => Table(s, t, disclosure, area, latest)))
            .Where(t => t.Rows.Count > 0)
            .ToList();
        var errors = report.Sections.Where(s => s.Kind == ReportSectionKind.Errors).SelectMany(s => s.Tables()).SelectMany(t => t.Rows)
            .Select(r => string.Join(": ", r.Select(c => ReportFormatting.Cell(c, disclosure))))
            .ToList();

        var dataset = computed.Dataset;
        return new DashboardView(dataset.Id, dataset.Label, report.AsOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"read {dataset.Report.TotalRead} = accepted {dataset.Report.TotalAccepted} + rejected {dataset.Report.TotalRejected}"),
            area, areaName, latest, mode == DisclosureMode.Publication, tiles, trends, funnels, disparities, pluginSections, details, errors);
    }

    private static TrendView Trend(ReportFigure latest, ImmutableArray<ReportFigure> points, Func<ReportFigure, FigureView> view)
    {
        var views = points.Select(view).ToList();
        var line = latest.Target?.Name ?? (latest.Comparisons.IsDefaultOrEmpty ? null : latest.Comparisons[0].Name);
        decimal? LineValue(ReportFigure p) => line is null ? null : p.Comparison(line)?.Value ?? (p.Target?.Name == line ? p.Target.Value : null);
        return new TrendView(latest.Methodology.Id, latest.Label, latest.Unit, [.. views.Select(v => v.Period)],
            [.. views.Select(v => v.ValueNumber)], [.. views.Select(v => v.Lower)], [.. views.Select(v => v.Upper)], line, [.. points.Select(LineValue)]);
    }

    private static RankedBarsView Ranked(string id, string title, IEnumerable<(string Label, FigureView Figure)> bars)
    {
        var ordered = bars.OrderByDescending(b => b.Figure.ValueNumber ?? decimal.MinValue).ToList();
        return new RankedBarsView(id, title, [.. ordered.Select(b => b.Label)], [.. ordered.Select(b => b.Figure.ValueNumber)],
            [.. ordered.Select(b => b.Figure.Lower)], [.. ordered.Select(b => b.Figure.Upper)]);
    }

    /// <summary>A table of the model as text cells: rows of <paramref name="area"/> (and <paramref name="period"/>, when given)
    /// where the table has those columns; columns of detail priority left out.</summary>
    private static TableView Table(ReportSection section, ReportTable table, ReportDisclosure disclosure, string area, string? period)
    {
        var keep = table.Columns.Select((c, i) => (c, i)).Where(x => x.c.Priority != ColumnPriority.Detail).Select(x => x.i).ToList();
        var periodColumn = table.Columns.IndexOf(table.Columns.FirstOrDefault(c => c.Id == "period") ?? new ReportColumn("", ""));
        var rows = table.Rows
            .Where(r => !r.OfType<FigureCell>().Any() || r.OfType<FigureCell>().First().Figure.AreaCode == area)
            .Where(r => period is null || periodColumn < 0 || ReportFormatting.Cell(r[periodColumn], disclosure) == period)
            .Select(r => (IReadOnlyList<string>)[.. keep.Select(i => ReportFormatting.Cell(r[i], disclosure))])
            .ToList();
        return new TableView(table.Id, table.Title.Length > 0 ? table.Title : section.Title, [.. keep.Select(i => table.Columns[i].Title)], rows,
            [.. table.Notes, .. section.Notes]);
    }

    /// <summary>The status words of a figure.</summary>
    public static string Status(FigureView f) => string.Join(", ", new[] { f.Provisional ? "provisional" : null, f.Suppressed ? "suppressed" : null }.Where(s => s is not null));

    /// <summary>The periods the pickers offer: the last six complete financial years before the as-of date, latest last.</summary>
    public static IReadOnlyList<ReportingPeriod> FinancialYears(NodaTime.LocalDate asOf, int count = 6)
    {
        var latest = ReportingPeriod.FinancialYearContaining(asOf);
        if (latest.End > asOf)
        {
            latest = latest.Previous();
        }
        var list = new List<ReportingPeriod> { latest };
        while (list.Count < count)
        {
            list.Insert(0, list[0].Previous());
        }
        return list;
    }
}
