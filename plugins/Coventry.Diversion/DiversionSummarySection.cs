using System.Collections.Immutable;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Reporting;

namespace YouthJustice.Plugins.Coventry;

/// <summary>The board summary: referrals, consent and engagement, and the follow-up measures over all offered beside those engaged.
/// Every figure is a <see cref="ReportFigure"/>, so the host's disclosure policy withholds small counts here as everywhere.</summary>
internal sealed class DiversionSummarySection(IReadOnlyList<IIndicator> indicators) : IReportSection
{
    public string Id => CoventryPlugin.Id + ".summary";

    public string Title => "Diversion and the youth worker offer: summary for the management board";

    public ImmutableArray<string> HeadlineIndicators =>
        [CoventryIndicators.Referrals, CoventryIndicators.ReferralEthnicity, CoventryIndicators.EngagementRate, CoventryIndicators.FollowUpId("diversion", "rearrest", 12)];

    private static List<string> Ids()
    {
        var ids = new List<string> { CoventryIndicators.Referrals, CoventryIndicators.ConsentRate, CoventryIndicators.EngagementRate };
        foreach (var programme in new[] { "diversion", "youth-worker" })
        {
            foreach (var months in new[] { 6, 12 })
            {
                ids.Add(CoventryIndicators.FollowUpId(programme, "rearrest", months));
                ids.Add(CoventryIndicators.FollowUpId(programme, "fte", months));
            }
        }
        return ids;
    }

    public ReportSection Build(IndicatorContext context, IndicatorQuery query, IReadOnlyList<IndicatorResult> results)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(results);
        var ids = Ids();
        IndicatorDefinition Definition(string id) => indicators.First(i => i.Definition.Id == id).Definition;
        ReportCell Cell(IndicatorResult? r) => r is null ? TextCell.Empty : new FigureCell(ReportFigure.FromResult(r, Definition(r.IndicatorId)));
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<ReportCell>>();
        foreach (var period in query.Periods)
        {
            foreach (var id in ids)
            {
                var total = results.FirstOrDefault(r => r.IndicatorId == id && r.Period == period && r.Breakdown.IsTotal);
                var engaged = results.FirstOrDefault(r => r.IndicatorId == id && r.Period == period && r.Breakdown == FollowUpIndicator.EngagedCohort);
                rows.Add([new TextCell(period.ToString()), new TextCell(Definition(id).Name), Cell(total), Cell(engaged)]);
            }
        }
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
                    Columns = [new("period", "Period"), new("measure", "Measure"), new("all-offered", "All offered"), new("engaged-only", "Engaged only")],
                    Rows = rows.ToImmutable(),
                    Notes =
                    [
                        "Follow-up measures count episodes closed in the period; 'p' marks figures whose follow-up has not finished.",
                        "The youth worker offer's claim that all who engaged have not reoffended (Coventry's Youth Justice Strategy and Plan 2021-23, section 7, priority 6) is shown against all offered as well.",
                        "Sources: " + string.Join("; ", ids.Select(id => Definition(id).Source.ToString()).Distinct(StringComparer.Ordinal)),
                    ],
                },
            ],
        };
    }
}
