using System.Collections.Immutable;
using System.Globalization;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Plugins.Coventry;

/// <summary>The board summary: referrals, consent and engagement, and the follow-up measures over all offered beside those engaged.</summary>
internal sealed class DiversionSummarySection(IReadOnlyList<IIndicator> indicators) : IReportSection
{
    public string Id => CoventryPlugin.Id + ".summary";

    public string Title => "Diversion and the youth worker offer: summary for the management board";

    public ReportSectionOutput Build(IndicatorContext context, IndicatorQuery query, IReadOnlyList<IndicatorResult> results)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ids = new List<string> { CoventryIndicators.Referrals, CoventryIndicators.ConsentRate, CoventryIndicators.EngagementRate };
        foreach (var programme in new[] { "diversion", "youth-worker" })
        {
            foreach (var months in new[] { 6, 12 })
            {
                ids.Add(CoventryIndicators.FollowUpId(programme, "rearrest", months));
                ids.Add(CoventryIndicators.FollowUpId(programme, "fte", months));
            }
        }
        ArgumentNullException.ThrowIfNull(results);
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        foreach (var period in query.Periods)
        {
            foreach (var id in ids)
            {
                var name = indicators.First(i => i.Definition.Id == id).Definition.Name;
                var total = results.FirstOrDefault(r => r.IndicatorId == id && r.Period == period && r.Breakdown.IsTotal);
                var engaged = results.FirstOrDefault(r => r.IndicatorId == id && r.Period == period && r.Breakdown == FollowUpIndicator.EngagedCohort);
                rows.Add([period.ToString(), name, Format(total), Format(engaged)]);
            }
        }
        return new ReportSectionOutput(Id, Title, ["Period", "Measure", "All offered", "Engaged only"], rows.ToImmutable(), [.. results.Where(r => ids.Contains(r.IndicatorId) && (r.Breakdown.IsTotal || r.Breakdown == FollowUpIndicator.EngagedCohort))],
        [
            "Follow-up measures count episodes closed in the period; 'p' marks figures whose follow-up has not finished.",
            "The youth worker offer's claim that all who engaged have not reoffended (Coventry's Youth Justice Strategy and Plan 2021-23, section 7, priority 6) is shown against all offered as well.",
            "Sources: " + string.Join("; ", ids.Select(id => indicators.First(i => i.Definition.Id == id).Definition.Source.ToString()).Distinct(StringComparer.Ordinal)),
        ]);
    }

    private static string Format(IndicatorResult? r) =>
        r is null ? "" : r.Denominator is null ? r.Numerator.ToString(CultureInfo.InvariantCulture)
            : $"{r.Numerator}/{r.Denominator}" + (r.Value is null ? "" : $" ({r.FormatValue(1)}%)") + (r.Provisional ? " p" : "");
}
