using System.Collections.Immutable;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Plugins;

namespace YouthJustice.Plugins.Leicester;

/// <summary>The quarterly management board table: referred, engaged, completed, reoffended at 6 and 12 months, became an FTE,
/// by referral route (Leicester City Council, <i>Youth Justice Plan 2022-23</i>, paragraphs 1.6-1.7 and 6.3, section 12).</summary>
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

    public ReportSectionOutput Build(IndicatorContext context, IndicatorQuery query, IReadOnlyList<IndicatorResult> computed)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(computed);
        // The totals and the route breakdown, in the board's order of measures.
        var results = Order.SelectMany(id => computed.Where(r => r.IndicatorId == id
            && (r.Breakdown.IsTotal || r.Breakdown.Dimension == EarlyInterventionIndicators.RouteDimension))).ToImmutableArray();
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        foreach (var period in query.Periods)
        {
            foreach (var key in results.Where(r => r.Period == period).Select(r => r.Breakdown).Distinct())
            {
                var cells = Order.Select(id => results.FirstOrDefault(r => r.IndicatorId == id && r.Period == period && r.Breakdown == key))
                    .Select(Format);
                rows.Add([period.ToString(), key.IsTotal ? "All routes" : key.Value, .. cells]);
            }
        }
        return new ReportSectionOutput(Id, Title,
            ["Period", "Route", "Referred", "Engaged", "Completed", "Reoffended within 6 months", "Reoffended within 12 months", "Became an FTE"],
            rows.ToImmutable(), results,
            [
                "Engaged is over referred; completed is over engaged; follow-up figures are over episodes closed in the period.",
                "Small numbers: rates over fewer than 10 episodes swing widely (Wilson 95% intervals are on the results).",
                "Sources: " + string.Join("; ", Order.Select(id => PluginDefinitions.Get<LeicesterPlugin>(id).Source.ToString()).Distinct(StringComparer.Ordinal)),
            ]);
    }

    private static string Format(IndicatorResult? r) =>
        r is null ? "" : r.Denominator is null ? r.Numerator.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : $"{r.Numerator}/{r.Denominator}" + (r.Value is null ? "" : $" ({r.FormatValue(1)}%)") + (r.Provisional ? " p" : "");
}
