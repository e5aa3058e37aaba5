using System.Collections.Immutable;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Plugins.Leicester;

/// <summary>The Early Intervention Team's indicators, as reported quarterly to the management board (Leicester City Council,
/// <i>Youth Justice Plan 2022-23</i>, paragraphs 1.6-1.7 and 6.3, section 12).</summary>
internal static class EarlyInterventionIndicators
{
    /// <summary>The breakdown by referral route.</summary>
    internal const string RouteDimension = "route";

    internal const string Referred = LeicesterPlugin.Id + ".referred";
    internal const string Engaged = LeicesterPlugin.Id + ".engaged";
    internal const string Completed = LeicesterPlugin.Id + ".completed";
    internal const string Reoffended6 = LeicesterPlugin.Id + ".reoffended-6m";
    internal const string Reoffended12 = LeicesterPlugin.Id + ".reoffended-12m";
    internal const string BecameFte = LeicesterPlugin.Id + ".became-fte";

    /// <summary>The plugin's indicators, from its definition files with <paramref name="configure"/> (the plugin's settings) applied.</summary>
    internal static IReadOnlyList<AuthorityIndicator> Create(string authority, Func<IndicatorDefinition, IndicatorDefinition> configure)
    {
        IndicatorDefinition D(string id) => configure(PluginDefinitions.Get<LeicesterPlugin>(id));
        return
        [
            new FunnelIndicator(D(Referred), authority),
            new FunnelIndicator(D(Engaged), authority),
            new FunnelIndicator(D(Completed), authority),
            new FollowUpIndicator(D(Reoffended6), authority),
            new FollowUpIndicator(D(Reoffended12), authority),
            new FollowUpIndicator(D(BecameFte), authority),
        ];
    }

    internal static IEnumerable<(BreakdownKey Key, Func<ProgrammeEpisode, bool> Filter)> Slices(IndicatorQuery query)
    {
        yield return (BreakdownKey.Total, _ => true);
        if (query.Wants(RouteDimension))
        {
            foreach (var route in LeicesterPlugin.Routes.All)
            {
                yield return (new BreakdownKey(RouteDimension, route), e => string.Equals(e.Route, route, StringComparison.OrdinalIgnoreCase));
            }
        }
    }
}

/// <summary>A stage of the referred → engaged → completed funnel, over episodes referred in the period.</summary>
internal sealed class FunnelIndicator(IndicatorDefinition definition, string authority) : AuthorityIndicator(definition, authority)
{
    protected override IEnumerable<IndicatorResult> ComputePeriod(IndicatorContext context, IndicatorQuery query, ReportingPeriod period, DatasetIndex index)
    {
        var stage = Definition.GetString("stage");
        var completedReasons = Definition.HasParameter("completedClosureReasons") ? Definition.GetList("completedClosureReasons") : [];
        var referred = index.EpisodesOfProgrammes(Programmes).Where(e => period.Contains(e.ReferralDate)).ToList();
        foreach (var (key, filter) in EarlyInterventionIndicators.Slices(query))
        {
            var slice = referred.Where(filter).ToList();
            var engaged = slice.Where(e => e.Engagement == Engagement.Engaged).ToList();
            bool Completed(ProgrammeEpisode e) => completedReasons.Contains(e.ClosureReason ?? "", StringComparer.OrdinalIgnoreCase);
            yield return stage switch
            {
                "referred" => Count(query, period, key, [.. slice.Select(e => e.Id)], "episode"),
                "engaged" => Proportion(query, period, key, [.. engaged.Select(e => e.Id)], [.. slice.Select(e => e.Id)], "episode"),
                _ => Proportion(query, period, key,
                    [.. engaged.Where(Completed).Select(e => e.Id)],
                    [.. engaged.Select(e => e.Id)], "episode"),
            };
        }
    }
}

/// <summary>Follow-up after closure: a new offence, or becoming a first time entrant, within N months.</summary>
internal sealed class FollowUpIndicator(IndicatorDefinition definition, string authority) : AuthorityIndicator(definition, authority)
{
    protected override IEnumerable<IndicatorResult> ComputePeriod(IndicatorContext context, IndicatorQuery query, ReportingPeriod period, DatasetIndex index)
    {
        var months = Definition.GetInt("followUpMonths");
        var fte = Definition.GetString("measure") == "fte";
        var asOf = context.AsOf;
        var closed = index.EpisodesOfProgrammes(Programmes)
            .Where(e => e.EndDate is { } end && period.Contains(end) && end <= asOf && (fte || e.StartDate is not null))
            .Where(e => !fte || index.FirstTimeEntrantDate(e.ChildId) is not { } first || first > e.ReferralDate)
            .ToList();
        foreach (var (key, filter) in EarlyInterventionIndicators.Slices(query))
        {
            var cohort = closed.Where(filter).ToList();
            var hits = cohort.Where(e => fte
                    ? FollowUp.BecameFirstTimeEntrant(index, e.ChildId, e.ReferralDate, e.EndDate!.Value, months, asOf)
                    : FollowUp.OffencesWithin(index, e.ChildId, e.EndDate!.Value, months, asOf) > 0)
                .ToList();
            var offences = fte ? 0 : cohort.Sum(e => FollowUp.OffencesWithin(index, e.ChildId, e.EndDate!.Value, months, asOf));
            var open = cohort.Any(e => FollowUp.IsOpen(e.EndDate!.Value, months, asOf));
            yield return Proportion(query, period, key, [.. hits.Select(e => e.Id)], [.. cohort.Select(e => e.Id)], "episode",
                provisional: open,
                note: (fte ? "" : $"{offences} offence(s) in the follow-up. ") + (open ? "Some follow-ups have not finished: provisional." : ""));
        }
    }
}
