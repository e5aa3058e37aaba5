using System.Collections.Immutable;
using System.Globalization;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Reporting;

namespace YouthJustice.Sdk.Reports;

/// <summary>What a report is for: the query (periods, areas, breakdowns), targets, how long a trend to show, and what to
/// say about the data.</summary>
/// <remarks>Immutable.</remarks>
public sealed record ReportRequest
{
    /// <summary>The periods, areas and breakdowns. The latest period is the headline's; the one before it (by
    /// <see cref="ReportingPeriod.Previous"/>) is the headline's previous period.</summary>
    public required IndicatorQuery Query { get; init; }

    /// <summary>The title.</summary>
    public string Title { get; init; } = "YouthJustice.Sdk indicator report";

    /// <summary>What the data is, for the about section.</summary>
    public string Dataset { get; init; } = "";

    /// <summary>Further lines for the about section (e.g. the import's read = accepted + rejected).</summary>
    public ImmutableArray<KeyValuePair<string, string>> About { get; init; } = [];

    /// <summary>Area names by code (optional).</summary>
    public IReadOnlyDictionary<string, string> AreaNames { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Targets to show on the headline page.</summary>
    public ImmutableArray<ReportTarget> Targets { get; init; } = [];

    /// <summary>How many periods the headline's trend shows, the latest included (4 to 8; default 6). Periods before the
    /// dataset's first record are left out.</summary>
    public int TrendPeriods { get; init; } = 6;

    /// <summary>The disclosure description to show (the policy itself is applied to the built report).</summary>
    public ReportDisclosure Disclosure { get; init; } = ReportDisclosure.Internal;

    /// <summary>Only these indicators (registered ids), e.g. for a dataset imported with only the tables they read
    /// (<see cref="YouthJusticeRegistryExtensions.TablesRead"/>); default (an uninitialised array) for every registered
    /// indicator. With a selection, the headline and its trend show only the selected indicators, and no plugin section is
    /// built (a section belongs to its plugin's whole set of indicators).</summary>
    public ImmutableArray<string> Indicators { get; init; }
}

/// <summary>
/// Builds a <see cref="Report"/>: computes every indicator for the request's query, the headline indicators for the
/// previous and trend periods, each plugin's board section from the same run; then lays out the about section, the
/// headline page (latest, previous, change, trend, target, every comparator with its RAG rating), a section per
/// definition family, the plugin sections and any errors.
/// </summary>
public static class ReportBuilder
{
    /// <summary>The national indicators on the headline page, in order (the YJB KPIs follow, then each plugin's).</summary>
    public static ImmutableArray<string> NationalHeadlineIndicators { get; } =
        ["fte-rate", "reoffending-binary", "reoffending-frequency", "custody-rate"];

    /// <summary>The local measures on the headline page, after the YJB KPIs: proven offences involving a knife (the plans
    /// follow them over several years, so the headline's trend is the measure) and, where the plan inputs give them, the
    /// count of overdue actions of the plan.</summary>
    public static ImmutableArray<string> PlanHeadlineIndicators { get; } =
        [PlanMeasures.LocalMeasures.KnifeOffencesId, Plans.PlanIndicators.OverdueActionsId];

    /// <summary>Builds the report.</summary>
    /// <param name="registry">The composed SDK.</param>
    /// <param name="context">The data and comparators.</param>
    /// <param name="request">What to report.</param>
    /// <param name="progress">Told after each indicator of the main run.</param>
    /// <exception cref="ArgumentException">The query has no period.</exception>
    /// <exception cref="PluginFailureException">A component threw and the policy is fail-fast.</exception>
    public static Report Build(IYouthJusticeRegistry registry, IndicatorContext context, ReportRequest request, IProgress<ComputeProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        if (query.Periods.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A report needs at least one period.", nameof(request));
        }
        var selected = request.Indicators.IsDefault ? null : (IEnumerable<string>)request.Indicators;
        var run = registry.Compute(context, query, selected, progress);
        var built = selected is null ? registry.BuildReportSections(context, query, run) : new ReportRun([], []);
        return Build(registry, context, request, run, built);
    }

    /// <summary>Builds the report from a run and sections the host has already computed for <paramref name="request"/>'s
    /// query; computes only the headline indicators for the previous and trend periods the run lacks.</summary>
    /// <param name="registry">The composed SDK.</param>
    /// <param name="context">The data and comparators.</param>
    /// <param name="request">What to report.</param>
    /// <param name="run">The run for the request's query.</param>
    /// <param name="sections">The plugin sections built from <paramref name="run"/>.</param>
    public static Report Build(IYouthJusticeRegistry registry, IndicatorContext context, ReportRequest request, IndicatorRun run, ReportRun sections)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(sections);
        var query = request.Query;
        var definitions = registry.Indicators.Select(i => i.Definition).GroupBy(d => d.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var periods = query.Periods.Order().ToImmutableArray();
        var areas = query.AreaCodes.IsDefaultOrEmpty
            ? [.. run.Results.Select(r => r.AreaCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
            : query.AreaCodes;

        var headlineIds = NationalHeadlineIndicators
            .Concat(registry.Indicators.Select(i => i.Definition).Where(d => d.Family == IndicatorFamilies.YjbKpis).Select(d => d.Id))
            .Concat(PlanHeadlineIndicators)
            .Concat(registry.ReportSections.SelectMany(s => s.HeadlineIndicators.IsDefault ? [] : s.HeadlineIndicators))
            .Where(definitions.ContainsKey)
            .Where(id => request.Indicators.IsDefault || request.Indicators.Contains(id, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var report = new Report
        {
            Title = request.Title,
            Dataset = request.Dataset,
            AsOf = context.AsOf,
            Areas = [.. areas.Select(a => new ReportArea(a, request.AreaNames.GetValueOrDefault(a, "")))],
            Periods = periods,
            Disclosure = request.Disclosure,
        };
        var errors = run.Errors.Concat(sections.Errors).Concat(registry.LoadReport.Errors).ToList();

        // The trend: the latest period and those before it, of the same kind, back to the dataset's first record.
        var latest = periods[^1];
        var trendPeriods = TrendPeriods(latest, Math.Clamp(request.TrendPeriods, 4, 8), FirstRecord(context.Dataset));
        var missing = trendPeriods.Append(latest.Previous()).Where(p => !periods.Contains(p)).Distinct().ToImmutableArray();
        var trendResults = new List<IndicatorResult>(run.Results.Where(r => r.Breakdown.IsTotal));
        if (missing.Length > 0 && headlineIds.Count > 0)
        {
            var extra = registry.Compute(context, new IndicatorQuery(missing, query.AreaCodes, []), headlineIds);
            trendResults.AddRange(extra.Results);
            errors.AddRange(extra.Errors);
        }

        var figure = FigureFactory(definitions, request.Targets);
        var sectionsOut = ImmutableArray.CreateBuilder<ReportSection>();
        sectionsOut.Add(About(request, report));
        sectionsOut.Add(Headline(headlineIds, areas, latest, trendPeriods, trendResults, figure));
        sectionsOut.AddRange(Families(registry, definitions, run.Results, figure, report));
        if (PlanInputsSection(context, areas, latest) is { } planInputs)
        {
            sectionsOut.Add(planInputs);
        }
        sectionsOut.AddRange(sections.Sections.Select(s => s with
        {
            Kind = ReportSectionKind.Plugin,
            Owner = registry.OwnerOf(s.Id),
            Title = $"{s.Title} ({registry.OwnerOf(s.Id) ?? "national"})",
            Blocks = [.. s.Blocks],
        }));
        if (errors.Count > 0)
        {
            sectionsOut.Add(new ReportSection
            {
                Id = "errors",
                Title = "Plugin errors (left out of the report)",
                Kind = ReportSectionKind.Errors,
                Blocks =
                [
                    new ReportTable
                    {
                        Id = "errors",
                        Title = "Plugin errors (left out of the report)",
                        Columns = [new("plugin", "plugin"), new("kind", "kind"), new("message", "message")],
                        Rows = [.. errors.Select(e => ImmutableArray.Create<ReportCell>(new TextCell(e.PluginId), new TextCell(e.Kind.ToString()), new TextCell(e.Message)))],
                    },
                ],
            });
        }
        return report with { Sections = sectionsOut.ToImmutable() };
    }

    private static NodaTime.LocalDate? FirstRecord(Domain.Dataset dataset)
    {
        NodaTime.LocalDate? first = null;
        foreach (var o in dataset.Outcomes)
        {
            if (first is null || o.OutcomeDate < first)
            {
                first = o.OutcomeDate;
            }
        }
        return first;
    }

    private static ImmutableArray<ReportingPeriod> TrendPeriods(ReportingPeriod latest, int count, NodaTime.LocalDate? firstRecord)
    {
        var list = new List<ReportingPeriod> { latest };
        var p = latest;
        while (list.Count < count && p.Kind != PeriodKind.Custom)
        {
            p = p.Previous();
            if (firstRecord is { } first && p.End < first)
            {
                break;
            }
            list.Add(p);
        }
        list.Reverse();
        return [.. list];
    }

    private static Func<IndicatorResult, string?, ReportFigure> FigureFactory(
        IReadOnlyDictionary<string, IndicatorDefinition> definitions, ImmutableArray<ReportTarget> targets) => (result, label) =>
    {
        var definition = definitions.GetValueOrDefault(result.IndicatorId);
        var f = ReportFigure.FromResult(result, definition, label);
        if (!result.Breakdown.IsTotal || targets.IsDefaultOrEmpty)
        {
            return f;
        }
        var target = targets.FirstOrDefault(t => t.IndicatorId == result.IndicatorId && (t.AreaCode is null || t.AreaCode == result.AreaCode)
            && t.Period == result.Period)
            ?? targets.FirstOrDefault(t => t.IndicatorId == result.IndicatorId && (t.AreaCode is null || t.AreaCode == result.AreaCode) && t.Period is null);
        if (target is null)
        {
            return f;
        }
        var tolerance = definition is not null && definition.HasParameter(IndicatorResultBuilder.RagTolerancePercentParameter)
            ? definition.GetDecimal(IndicatorResultBuilder.RagTolerancePercentParameter)
            : IndicatorResultBuilder.DefaultRagTolerancePercent;
        return f with
        {
            Target = new FigureComparison(FigureComparisonNames.Target, target.Value, f.Value - target.Value,
                f.Value is { } v ? TargetRating(v, target.Value, f.Direction, tolerance) : null, target.Source),
        };
    };

    /// <summary>A target is met (green) when the value is on or beyond it in the better direction; within the tolerance
    /// short of it, amber; further short, red. A neutral indicator's target is a value to be at (e.g. a 50/50 split):
    /// green within the tolerance, red beyond it.</summary>
    private static RagRating TargetRating(decimal value, decimal target, Direction direction, decimal tolerancePercent)
    {
        var band = Math.Abs(target) * tolerancePercent / 100m;
        if (direction == Direction.Neutral)
        {
            return Math.Abs(value - target) <= band ? RagRating.Green : RagRating.Red;
        }
        var shortfall = direction == Direction.LowerIsBetter ? value - target : target - value;
        return shortfall <= 0m ? RagRating.Green : shortfall <= band ? RagRating.Amber : RagRating.Red;
    }

    private static ReportSection About(ReportRequest request, Report report)
    {
        var rows = new List<(string, string)>
        {
            ("dataset", request.Dataset),
            ("as of", report.AsOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)),
        };
        rows.AddRange(request.About.Select(kv => (kv.Key, kv.Value)));
        rows.Add(("areas", string.Join(", ", report.Areas.Select(a => a.Name.Length > 0 ? $"{a.Code} {a.Name}" : a.Code))));
        rows.Add(("periods", string.Join(", ", report.Periods)));
        rows.Add(("disclosure", report.Disclosure.Describe()));
        return new ReportSection
        {
            Id = "about",
            Title = request.Title,
            Kind = ReportSectionKind.About,
            Blocks =
            [
                new ReportTable
                {
                    Id = "about",
                    Title = request.Title,
                    Columns = [new("item", "item"), new("value", "value")],
                    Rows = [.. rows.Select(r => ImmutableArray.Create<ReportCell>(new TextCell(r.Item1), new TextCell(r.Item2)))],
                },
            ],
        };
    }

    private static ReportSection Headline(
        List<string> ids, ImmutableArray<string> areas, ReportingPeriod latest, ImmutableArray<ReportingPeriod> trendPeriods,
        List<IndicatorResult> results, Func<IndicatorResult, string?, ReportFigure> figure)
    {
        var previous = latest.Previous();
        var byKey = new Dictionary<(string, string, ReportingPeriod), IndicatorResult>();
        foreach (var r in results.Where(r => r.Breakdown.IsTotal))
        {
            byKey.TryAdd((r.IndicatorId, r.AreaCode, r.Period), r);
        }
        var rowsData = new List<(ReportFigure Latest, ReportFigure? Previous, ImmutableArray<ReportFigure> Trend)>();
        foreach (var id in ids)
        {
            foreach (var area in areas)
            {
                if (!byKey.TryGetValue((id, area, latest), out var l))
                {
                    continue;
                }
                var p = byKey.TryGetValue((id, area, previous), out var pr) ? figure(pr, null) : null;
                var trend = trendPeriods.Select(t => byKey.TryGetValue((id, area, t), out var tr) ? figure(tr, null) : null)
                    .OfType<ReportFigure>().ToImmutableArray();
                rowsData.Add((figure(l, null), p, trend));
            }
        }
        var comparators = rowsData.SelectMany(r => r.Latest.Comparisons.Select(c => c.Name)).Distinct(StringComparer.Ordinal).ToList();
        var several = areas.Length > 1;
        var columns = new List<ReportColumn> { new("indicator", "indicator") };
        if (several)
        {
            columns.Add(new("area", "area"));
        }
        columns.AddRange(
        [
            new("latest", latest.ToString()),
            new("previous", previous.ToString()),
            new("change", "change"),
            new("trend", "trend"),
            new("target", "target"),
        ]);
        columns.AddRange(comparators.Select(c => new ReportColumn("comparator-" + c, c)));
        var rows = rowsData.Select(r =>
        {
            var cells = new List<ReportCell> { new TextCell(WithUnit(r.Latest)) };
            if (several)
            {
                cells.Add(new TextCell(r.Latest.AreaCode));
            }
            cells.Add(new FigureCell(r.Latest, FigurePart.Value));
            cells.Add(r.Previous is null ? TextCell.Empty : new FigureCell(r.Previous, FigurePart.Value));
            cells.Add(r.Previous is null ? TextCell.Empty : new ChangeCell(r.Previous, r.Latest));
            cells.Add(new TrendCell(r.Trend));
            cells.Add(new RatingCell(r.Latest, FigureComparisonNames.Target));
            cells.AddRange(comparators.Select(c => (ReportCell)new RatingCell(r.Latest, c)));
            return cells.ToImmutableArray();
        }).ToImmutableArray();
        var sources = rowsData.SelectMany(r => r.Latest.Comparisons.Select(c => c.Source).Append(r.Latest.Target?.Source))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return new ReportSection
        {
            Id = "headline",
            Title = "Headline: " + latest,
            Kind = ReportSectionKind.Headline,
            Blocks =
            [
                new ReportTable
                {
                    Id = "headline",
                    Title = string.Create(CultureInfo.InvariantCulture, $"Headline indicators: {latest} against {previous}, the trend, the target and each comparator"),
                    Columns = [.. columns],
                    Rows = rows,
                    Notes =
                    [
                        string.Create(CultureInfo.InvariantCulture, $"Trend: one mark per period, {trendPeriods[0]} to {trendPeriods[^1]}, lowest to highest value (~ withheld, · undefined)."),
                        "Change is in percentage points (pp) for rates in %, in per cent otherwise. RAG respects each indicator's direction: green is better than the comparator or meets the target, amber is within the tolerance, red is worse.",
                        .. sources.Select(s => "Comparator and target source: " + s),
                    ],
                },
                new SeriesChart
                {
                    Id = "headline-trend",
                    Title = "Headline indicators over time",
                    Series = [.. rowsData.Select(r => new ChartSeries(r.Latest.Label + (several ? " " + r.Latest.AreaCode : ""), r.Trend))],
                },
            ],
        };
    }

    /// <summary>The plan's actions and its latest National Standards self-assessment for the report's areas, as text (no child
    /// data, no counts of children), or <see langword="null"/> when the inputs hold neither.</summary>
    private static ReportSection? PlanInputsSection(IndicatorContext context, ImmutableArray<string> areas, ReportingPeriod latest)
    {
        var inputs = context.Inputs;
        bool InReport(string area) => areas.Contains(area, StringComparer.OrdinalIgnoreCase);
        var actions = inputs.Actions.Where(a => InReport(a.AreaCode)).ToList();
        var gradings = areas.SelectMany(a => Plans.NationalStandardsIndicator.Latest(inputs, a, latest.End)).ToList();
        if (actions.Count == 0 && gradings.Count == 0)
        {
            return null;
        }
        var on = Plans.PlanIndicators.ReadOn(latest, context.AsOf);
        var several = areas.Length > 1;
        static string Date(NodaTime.LocalDate d) => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        var blocks = ImmutableArray.CreateBuilder<ReportBlock>();
        if (actions.Count > 0)
        {
            var columns = new List<ReportColumn> { new("id", "id") };
            if (several)
            {
                columns.Add(new("area", "area"));
            }
            columns.AddRange(
            [
                new("action", "action"), new("owner", "owner"), new("due", "due"), new("status", "status"), new("rag", "RAG"),
                new("overdue", "overdue"), new("completed-on", "completed on", ColumnPriority.Secondary), new("source", "source", ColumnPriority.Detail),
            ]);
            blocks.Add(new ReportTable
            {
                Id = "plan-actions",
                Title = $"Action plan: {actions.Count.ToString(CultureInfo.InvariantCulture)} actions, overdue as on {Date(on)}",
                Columns = [.. columns],
                Rows = [.. actions.OrderBy(a => a.Due).ThenBy(a => a.Id, StringComparer.Ordinal).Select(a =>
                {
                    var cells = new List<ReportCell> { new TextCell(a.Id) };
                    if (several)
                    {
                        cells.Add(new TextCell(a.AreaCode));
                    }
                    cells.AddRange(
                    [
                        new TextCell(a.Action), new TextCell(a.Owner), new TextCell(Date(a.Due)), new TextCell(IO.DatasetCodes.Of(a.Status)),
                        new TextCell(a.Rag is { } rag ? IO.DatasetCodes.Of(rag) : ""), new TextCell(a.IsOverdueOn(on) ? "yes" : "no"),
                        new TextCell(a.CompletedOn is { } done ? Date(done) : ""), new TextCell(a.Source ?? ""),
                    ]);
                    return cells.ToImmutableArray();
                })],
                Notes = ["Overdue: due before the reading date (the period's end, or the data's as-of date when earlier) and not complete by it."],
            });
        }
        if (gradings.Count > 0)
        {
            var columns = new List<ReportColumn>();
            if (several)
            {
                columns.Add(new("area", "area"));
            }
            columns.AddRange([new("standard", "standard"), new("level", "level"), new("grading", "grading"), new("assessed-on", "assessed on"), new("source", "source", ColumnPriority.Detail)]);
            blocks.Add(new ReportTable
            {
                Id = "plan-national-standards",
                Title = $"National Standards self-assessment: the latest grading of each standard and level on or before {Date(latest.End)}",
                Columns = [.. columns],
                Rows = [.. gradings.Select(g =>
                {
                    var cells = new List<ReportCell>();
                    if (several)
                    {
                        cells.Add(new TextCell(g.AreaCode));
                    }
                    cells.AddRange(
                    [
                        new TextCell(g.Standard.ToString(CultureInfo.InvariantCulture)), new TextCell(IO.DatasetCodes.Of(g.Level)),
                        new TextCell(IO.DatasetCodes.Of(g.Grading)), new TextCell(Date(g.AssessedOn)), new TextCell(g.Source ?? ""),
                    ]);
                    return cells.ToImmutableArray();
                })],
            });
        }
        return new ReportSection
        {
            Id = "plan-inputs",
            Title = "Plan inputs: action plan and National Standards self-assessment",
            Kind = ReportSectionKind.Family,
            Blocks = blocks.ToImmutable(),
        };
    }

    private static string WithUnit(ReportFigure f) =>
        f.Unit.Length == 0 || f.Label.Contains(f.Unit, StringComparison.OrdinalIgnoreCase) ? f.Label : $"{f.Label} ({f.Unit})";

    private static IEnumerable<ReportSection> Families(IYouthJusticeRegistry registry, IReadOnlyDictionary<string, IndicatorDefinition> definitions,
        IReadOnlyList<IndicatorResult> results, Func<IndicatorResult, string?, ReportFigure> figure, Report report)
    {
        // Report.AreaName looks through the areas; a family table asks it once per row.
        var areaNames = new Dictionary<string, string>(StringComparer.Ordinal);
        string AreaName(string code)
        {
            if (!areaNames.TryGetValue(code, out var name))
            {
                areaNames[code] = name = report.AreaName(code);
            }
            return name;
        }
        foreach (var family in results.GroupBy(r => FamilyOf(registry, definitions, r.IndicatorId)))
        {
            var figures = family.Select(r => figure(r, null)).ToList();
            var comparators = figures.SelectMany(f => f.Comparisons.Select(c => c.Name)).Distinct(StringComparer.Ordinal).ToList();
            var columns = new List<ReportColumn>
            {
                new("id", "id", ColumnPriority.Detail),
                new("indicator", "indicator"),
                new("area", "area", report.Areas.Length > 1 ? ColumnPriority.Essential : ColumnPriority.Detail),
                new("area-name", "area name", ColumnPriority.Detail),
                new("period", "period"),
                new("breakdown", "breakdown"),
                new("value", "value"),
                new("unit", "unit", ColumnPriority.Secondary),
                new("numerator", "numerator"),
                new("denominator", "denominator"),
                new("interval", "95% interval", ColumnPriority.Secondary),
            };
            columns.AddRange(comparators.Select(c => new ReportColumn("comparator-" + c, c, ColumnPriority.Secondary)));
            columns.Add(new("status", "status", ColumnPriority.Secondary));
            var rows = figures.Zip(family, (f, r) =>
            {
                // Made at their final size: a family table has a row per result, tens of thousands in a national report.
                var cells = ImmutableArray.CreateBuilder<ReportCell>(12 + comparators.Count);
                cells.Add(new TextCell(f.Methodology.Id));
                cells.Add(new TextCell(f.Label));
                cells.Add(new TextCell(f.AreaCode));
                cells.Add(new TextCell(AreaName(f.AreaCode)));
                cells.Add(new TextCell(f.Period.ToString()));
                cells.Add(new TextCell(f.Breakdown.ToString()));
                cells.Add(new FigureCell(f, FigurePart.Value));
                cells.Add(new TextCell(f.Unit));
                cells.Add(new FigureCell(f, FigurePart.Numerator));
                cells.Add(new FigureCell(f, FigurePart.Denominator));
                cells.Add(new FigureCell(f, FigurePart.Interval));
                foreach (var c in comparators)
                {
                    cells.Add(new RatingCell(f, c));
                }
                cells.Add(new TextCell(r.AppliedOverrides.IsDefaultOrEmpty ? "" : "override: " + string.Join("; ", r.AppliedOverrides)));
                return cells.MoveToImmutable();
            }).ToImmutableArray();
            var id = "family-" + (definitions.GetValueOrDefault(family.First().IndicatorId)?.Family is { Length: > 0 } fam ? fam : "other");
            yield return new ReportSection
            {
                Id = id,
                Title = family.Key,
                Kind = ReportSectionKind.Family,
                Owner = registry.OwnerOf(family.First().IndicatorId),
                Blocks = [new ReportTable { Id = id, Title = family.Key, Columns = [.. columns], Rows = rows }],
                // Each definition's note written once, not once per result (the notes are distinct, in order of first appearance).
                Notes = [.. family.Select(r => definitions.GetValueOrDefault(r.IndicatorId)).OfType<IndicatorDefinition>().Distinct<IndicatorDefinition>(ReferenceEqualityComparer.Instance)
                    .Where(d => !d.Sources.IsDefaultOrEmpty).Select(d => $"{d.Id} v{d.Version.ToString(CultureInfo.InvariantCulture)}: {d.Source}").Distinct(StringComparer.Ordinal)],
            };
        }
    }

    /// <summary>The report family of an indicator, from its definition: a plugin's family is titled with the plugin's name.</summary>
    private static string FamilyOf(IYouthJusticeRegistry registry, IReadOnlyDictionary<string, IndicatorDefinition> definitions, string id)
    {
        var family = definitions.GetValueOrDefault(id)?.Family ?? "";
        if (IndicatorFamilies.TitleOf(family) is { } title)
        {
            return title;
        }
        var plugin = registry.OwnerOf(id);
        var info = plugin is null ? null : registry.LoadReport.Loaded.FirstOrDefault(l => l.Id == plugin);
        return info is not null ? $"{info.Manifest.DisplayName} (plugin {info.Id})" : family.Length > 0 ? family : "Other indicators";
    }
}
