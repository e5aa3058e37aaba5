using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Globalization;
using YouthJustice.Sdk.Disclosure;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Sdk.Samples.Web.Sdk;

/// <summary>One figure as the web shows it: the disclosure policy's displays, never the raw counts.</summary>
public sealed record FigureView(
    string IndicatorId, int Version, string Indicator, string Family, string AreaCode, string Period, string Breakdown, string Unit,
    string Value, string Numerator, string Denominator, string Interval, bool Suppressed, bool Provisional, string? Rag,
    string? Comparator, string? ComparatorValue)
{
    /// <summary>The value as a number, when it is shown as one.</summary>
    public decimal? ValueNumber => Number(Value);

    /// <summary>The interval's lower end, when shown.</summary>
    public decimal? Lower => Interval.Split(" to ") is [var lower, _] ? Number(lower) : null;

    /// <summary>The interval's upper end, when shown.</summary>
    public decimal? Upper => Interval.Split(" to ") is [_, var upper] ? Number(upper) : null;

    /// <summary>A number read back from a display (invariant culture), or <see langword="null"/> for a symbol.</summary>
    public static decimal? Number(string display) =>
        decimal.TryParse(display, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;
}

/// <summary>A headline tile: the latest figure, the previous period's, and the comparator.</summary>
public sealed record TileView(FigureView Latest, FigureView? Previous, string Change);

/// <summary>A trend: the value, the interval band and the comparator line over the periods.</summary>
public sealed record TrendView(string Id, string Title, string Unit, IReadOnlyList<string> Labels, IReadOnlyList<decimal?> Values,
    IReadOnlyList<decimal?> Lower, IReadOnlyList<decimal?> Upper, string? ComparatorName, IReadOnlyList<decimal?> Comparator);

/// <summary>A funnel: the count at each stage (numerators), in the indicator's order.</summary>
public sealed record FunnelView(string Id, string Title, IReadOnlyList<string> Labels, IReadOnlyList<decimal?> Values, IReadOnlyList<string> Displays);

/// <summary>Ranked bars of the relative rate index with intervals; 1.0 is parity.</summary>
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
/// Arranges the SDK's results for the web: the disclosure policy's published figures into tiles, trends, funnels, ranked
/// bars and tables. It selects and orders; every number it shows is a display the disclosure policy produced.
/// </summary>
public static class ReportAdapter
{
    /// <summary>The headline indicators, in tile order.</summary>
    public static readonly ImmutableArray<string> Headlines =
        ["fte-rate", "reoffending-binary", "tracker-binary", "custody-rate", "remand-children-rate", "yjb-kpi-6-oocd-completion"];

    // A computed report never changes, so its published figures and dashboards are arranged once per mode and area.
    private static readonly ConditionalWeakTable<ComputedReport, ConcurrentDictionary<string, object>> Arranged = new();

    private static T Once<T>(ComputedReport report, string key, Func<T> build) where T : class =>
        (T)Arranged.GetOrCreateValue(report).GetOrAdd(key, _ => build());

    /// <summary>Published views of every result of <paramref name="report"/>, in the SDK's order.</summary>
    public static IReadOnlyList<FigureView> Figures(ReportService service, ComputedReport report, DisclosureMode mode) =>
        Once(report, "figures|" + mode, () => BuildFigures(service, report, mode));

    private static IReadOnlyList<FigureView> BuildFigures(ReportService service, ComputedReport report, DisclosureMode mode)
    {
        var definitions = service.Definitions.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var published = service.Disclose(report, mode);
        return [.. report.Results.Zip(published, (r, p) =>
        {
            var d = definitions.GetValueOrDefault(r.IndicatorId);
            var comparison = r.Comparisons.IsDefaultOrEmpty ? null : r.Comparisons[0];
            // A RAG rating and a comparator's difference are shown only where the value itself is shown.
            var shown = !p.Value.IsSuppressed;
            return new FigureView(r.IndicatorId, r.Methodology.Version, d?.Name ?? r.IndicatorId, d?.Family ?? "", r.AreaCode, r.Period.ToString(),
                r.Breakdown.ToString(), r.Unit, p.Value.Display, p.Numerator.Display, p.Denominator.Display, p.Interval.Display, p.IsSuppressed,
                r.Provisional, shown ? r.Rag?.ToString() : null, comparison?.Comparator,
                comparison is null ? null : comparison.ComparatorValue.ToString(CultureInfo.InvariantCulture));
        })];
    }

    /// <summary>The dashboard for <paramref name="area"/> and the last period of <paramref name="report"/> (its periods are the trend).</summary>
    public static DashboardView Dashboard(ReportService service, ComputedReport report, string area, string areaName, DisclosureMode mode) =>
        Once(report, $"dashboard|{mode}|{area}", () => BuildDashboard(service, report, area, areaName, mode));

    private static DashboardView BuildDashboard(ReportService service, ComputedReport report, string area, string areaName, DisclosureMode mode)
    {
        var periods = report.Request.Periods;
        var latest = periods[^1].ToString();
        var previous = periods.Length > 1 ? periods[^2].ToString() : null;
        var figures = Figures(service, report, mode).Where(f => f.AreaCode == area).ToList();
        var totals = figures.Where(f => f.Breakdown == BreakdownKey.Total.ToString()).ToList();

        var tiles = new List<TileView>();
        var trends = new List<TrendView>();
        foreach (var id in Headlines)
        {
            var series = totals.Where(f => f.IndicatorId == id).ToDictionary(f => f.Period, StringComparer.Ordinal);
            if (!series.TryGetValue(latest, out var now))
            {
                continue;
            }
            var before = previous is null ? null : series.GetValueOrDefault(previous);
            tiles.Add(new TileView(now, before, Change(now, before)));
            var points = periods.Select(p => series.GetValueOrDefault(p.ToString())).ToList();
            trends.Add(new TrendView(id, now.Indicator, now.Unit, [.. periods.Select(p => p.ToString())],
                [.. points.Select(p => p?.ValueNumber)], [.. points.Select(p => p?.Lower)], [.. points.Select(p => p?.Upper)],
                points.FirstOrDefault(p => p?.Comparator is not null)?.Comparator,
                [.. points.Select(p => p is { Suppressed: false, ComparatorValue: { } c } ? FigureView.Number(c) : null)]));
        }

        var inPeriod = figures.Where(f => f.Period == latest).ToList();
        var funnels = inPeriod.Where(f => f.Breakdown.StartsWith("stage=", StringComparison.Ordinal))
            .GroupBy(f => f.IndicatorId)
            .Select(g =>
            {
                var total = inPeriod.FirstOrDefault(f => f.IndicatorId == g.Key && f.Breakdown == BreakdownKey.Total.ToString());
                var stages = g.ToList();
                var labels = new List<string>();
                var displays = new List<string>();
                if (total is not null && stages.Count > 0)
                {
                    labels.Add("in scope");
                    displays.Add(stages[0].Denominator);
                }
                labels.AddRange(stages.Select(s => s.Breakdown["stage=".Length..]));
                displays.AddRange(stages.Select(s => s.Numerator));
                return new FunnelView(g.Key, g.First().Indicator, labels, [.. displays.Select(FigureView.Number)], displays);
            })
            .ToList();

        var disparities = inPeriod.Where(f => f.Family == IndicatorFamilies.Disproportionality && f.Unit.StartsWith("relative rate index", StringComparison.Ordinal)
                && f.Breakdown.StartsWith("ethnicity-group=", StringComparison.Ordinal))
            .GroupBy(f => f.IndicatorId)
            .Select(g =>
            {
                var bars = g.OrderByDescending(f => f.ValueNumber ?? decimal.MinValue).ToList();
                return new RankedBarsView(g.Key, g.First().Indicator, [.. bars.Select(b => b.Breakdown["ethnicity-group=".Length..])],
                    [.. bars.Select(b => b.ValueNumber)], [.. bars.Select(b => b.Lower)], [.. bars.Select(b => b.Upper)]);
            })
            .ToList();

        var sections = PluginSections(service, report, mode, area, latest);
        var details = inPeriod.GroupBy(f => FamilyTitle(service, f))
            .Select(g => new TableView("details-" + Slug(g.Key), g.Key,
                ["indicator", "breakdown", "value", "unit", "numerator", "denominator", "95% interval", "RAG", "status"],
                [.. g.Select(f => (IReadOnlyList<string>)[f.Indicator, f.Breakdown, f.Value, f.Unit, f.Numerator, f.Denominator, f.Interval, f.Rag ?? "", Status(f)])],
                []))
            .ToList();

        var dataset = report.Dataset;
        return new DashboardView(dataset.Id, dataset.Label, dataset.Dataset.AsOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"read {dataset.Report.TotalRead} = accepted {dataset.Report.TotalAccepted} + rejected {dataset.Report.TotalRejected}"),
            area, areaName, latest, mode == DisclosureMode.Publication, tiles, trends, funnels, disparities, sections, details,
            [.. report.Errors.Select(e => $"{e.PluginId}: {e.Message}")]);
    }

    /// <summary>Each plugin's board section. Its own pre-formatted rows for an analyst; for publication, the results behind
    /// it through the disclosure policy (a section's rows are not disclosure-controlled).</summary>
    public static IReadOnlyList<TableView> PluginSections(ReportService service, ComputedReport report, DisclosureMode mode, string area, string period)
    {
        if (mode == DisclosureMode.Internal)
        {
            return [.. report.Sections.Select(s => new TableView(s.SectionId, s.Title, s.Columns, [.. s.Rows.Select(r => (IReadOnlyList<string>)r)], s.Notes))];
        }
        var figures = Figures(service, report, mode);
        var list = new List<TableView>();
        foreach (var section in report.Sections)
        {
            var keys = section.Results.Select(r => (r.IndicatorId, r.AreaCode, Period: r.Period.ToString(), Breakdown: r.Breakdown.ToString())).ToHashSet();
            var rows = figures.Where(f => f.AreaCode == area && f.Period == period && keys.Contains((f.IndicatorId, f.AreaCode, f.Period, f.Breakdown)))
                .Select(f => (IReadOnlyList<string>)[f.Indicator, f.Breakdown, f.Value, f.Unit, f.Numerator, f.Denominator, f.Interval, Status(f)])
                .ToList();
            list.Add(new TableView(section.SectionId, section.Title, ["indicator", "breakdown", "value", "unit", "numerator", "denominator", "95% interval", "status"],
                rows, ["Published figures: counts of 5 or fewer are suppressed (~), with secondary suppression."]));
        }
        return list;
    }

    private static string Change(FigureView now, FigureView? before)
    {
        if (before is null || now.ValueNumber is not { } a || before.ValueNumber is not { } b)
        {
            return "";
        }
        var difference = a - b;
        return (difference > 0 ? "+" : "") + difference.ToString(CultureInfo.InvariantCulture) + " on " + before.Period;
    }

    /// <summary>The status words of a figure.</summary>
    public static string Status(FigureView f) => string.Join(", ", new[] { f.Provisional ? "provisional" : null, f.Suppressed ? "suppressed" : null }.Where(s => s is not null));

    private static string FamilyTitle(ReportService service, FigureView f)
    {
        if (IndicatorFamilies.TitleOf(f.Family) is { } title)
        {
            return title;
        }
        var plugin = service.Registry.OwnerOf(f.IndicatorId);
        var info = plugin is null ? null : service.Registry.LoadReport.Loaded.FirstOrDefault(l => l.Id == plugin);
        return info is not null ? $"{info.Manifest.DisplayName} (plugin {info.Id})" : f.Family.Length > 0 ? f.Family : "Other indicators";
    }

    private static string Slug(string text) => new([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

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
