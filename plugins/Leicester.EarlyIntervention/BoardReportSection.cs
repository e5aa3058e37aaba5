using System.Collections.Immutable;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Reporting;

namespace YouthJustice.Plugins.Leicester;

/// <summary>The quarterly management board table: referred, engaged, completed, reoffended at 6 and 12 months, became an FTE,
/// by referral route (Leicester City Council, <i>Youth Justice Plan 2022-23</i>, paragraphs 1.6-1.7 and 6.3, section 12),
/// and the referred-engaged-completed funnel. Every figure is a <see cref="ReportFigure"/> the host's disclosure policy sees.</summary>
internal sealed class BoardReportSection : IReportSection
{
    public string Id => LeicesterPlugin.Id + ".board-report";

    public string Title => "Early Intervention Team: quarterly report to the management board";

    private static readonly string[] Order =
    [
        EarlyInterventionIndicators.Referred, EarlyInterventionIndicators.Engaged, EarlyInterventionIndicators.Completed,
        EarlyInterventionIndicators.Reoffended6, EarlyInterventionIndicators.Reoffended12, EarlyInterventionIndicators.BecameFte,
    ];

    public ImmutableArray<string> Breakdowns => [EarlyInterventionIndicators.RouteDimension];

    public ImmutableArray<string> HeadlineIndicators => [EarlyInterventionIndicators.Engaged, EarlyInterventionIndicators.Reoffended12];

    public ReportSection Build(IndicatorContext context, IndicatorQuery query, IReadOnlyList<IndicatorResult> computed)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(computed);
        // The totals and the route breakdown, in the board's order of measures.
        var results = Order.SelectMany(id => computed.Where(r => r.IndicatorId == id
            && (r.Breakdown.IsTotal || r.Breakdown.Dimension == EarlyInterventionIndicators.RouteDimension))).ToImmutableArray();
        ReportFigure Figure(IndicatorResult r) => ReportFigure.FromResult(r, PluginDefinitions.Get<LeicesterPlugin>(r.IndicatorId));
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<ReportCell>>();
        foreach (var period in query.Periods)
        {
            foreach (var key in results.Where(r => r.Period == period).Select(r => r.Breakdown).Distinct())
            {
                var cells = Order.Select(id => results.FirstOrDefault(r => r.IndicatorId == id && r.Period == period && r.Breakdown == key))
                    .Select(r => r is null ? TextCell.Empty : (ReportCell)new FigureCell(Figure(r)));
                rows.Add([new TextCell(period.ToString()), new TextCell(key.IsTotal ? "All routes" : key.Value), .. cells]);
            }
        }
        var latest = query.Periods.IsDefaultOrEmpty ? null : query.Periods.Max();
        var funnel = Order.Take(3)
            .Select(id => results.FirstOrDefault(r => r.IndicatorId == id && r.Period == latest && r.Breakdown.IsTotal))
            .OfType<IndicatorResult>()
            .Select(r => new ChartItem(PluginDefinitions.Get<LeicesterPlugin>(r.IndicatorId).Name, Figure(r)))
            .ToImmutableArray();
        return new ReportSection
        {
            Id = Id,
            Title = Title,
            Blocks =
            [
                new ReportTable
                {
                    Id = Id,
                    Title = Title,
                    Columns =
                    [
                        new("period", "Period"), new("route", "Route"), new("referred", "Referred"), new("engaged", "Engaged"), new("completed", "Completed"),
                        new("reoffended-6m", "Reoffended within 6 months"), new("reoffended-12m", "Reoffended within 12 months"), new("became-fte", "Became an FTE"),
                    ],
                    Rows = rows.ToImmutable(),
                    Notes =
                    [
                        "Engaged is over referred; completed is over engaged; follow-up figures are over episodes closed in the period.",
                        "Small numbers: rates over fewer than 10 episodes swing widely (Wilson 95% intervals are on the figures).",
                        "Sources: " + string.Join("; ", Order.Select(id => PluginDefinitions.Get<LeicesterPlugin>(id).Source.ToString()).Distinct(StringComparer.Ordinal)),
                    ],
                },
                new FunnelChart { Id = Id + ".funnel", Title = $"Referred, engaged and completed, {latest}", Stages = funnel },
            ],
        };
    }
}
