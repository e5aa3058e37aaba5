using System.Collections.Immutable;
using YouthJustice.Sdk.Indicators.Engine;
using YouthJustice.Sdk.Indicators.Local;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Plugins.Leicester;

/// <summary>The Early Intervention Team's indicators, as reported quarterly to the management board (002 L68-L70, L293, L686).</summary>
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

    internal static IReadOnlyList<AuthorityIndicator> Create(string authority, IReadOnlyList<string> programmes)
    {
        var codes = (ProgrammeCodes.Parameter, ProgrammeCodes.Format(programmes));
        return
        [
            new FunnelIndicator(Definition(Referred, "Referred to the Early Intervention Team", "children referred (episodes)", 1m, Direction.Neutral,
                "Episodes referred in the period.", ("stage", "referred"), codes), authority),
            new FunnelIndicator(Definition(Engaged, "Engaged with the Early Intervention Team", "%", 100m, Direction.HigherIsBetter,
                "Episodes referred in the period whose child engaged, over episodes referred.", ("stage", "engaged"), codes), authority),
            new FunnelIndicator(Definition(Completed, "Completed the Early Intervention Team's intervention", "%", 100m, Direction.HigherIsBetter,
                "Episodes referred in the period that closed COMPLETED, over episodes that engaged.", ("stage", "completed"), codes), authority),
            new FollowUpIndicator(Definition(Reoffended6, "Reoffended within 6 months of closure", "%", 100m, Direction.LowerIsBetter,
                "Episodes closed in the period (intervention started) whose child committed an offence within 6 months after closure. Published: \"just under 5%\" (002 L293).",
                ("follow-up-months", "6"), ("measure", "offence"), codes), authority),
            new FollowUpIndicator(Definition(Reoffended12, "Reoffended within 12 months of closure", "%", 100m, Direction.LowerIsBetter,
                "Episodes closed in the period (intervention started) whose child committed an offence within 12 months after closure (002 L686).",
                ("follow-up-months", "12"), ("measure", "offence"), codes), authority),
            new FollowUpIndicator(Definition(BecameFte, "Became a first time entrant", "%", 100m, Direction.LowerIsBetter,
                "Episodes closed in the period whose child was not a first time entrant when referred and received a first statutory outcome by 12 months after closure.",
                ("follow-up-months", "12"), ("measure", "fte"), codes), authority),
        ];
    }

    private static IndicatorDefinition Definition(string id, string name, string unit, decimal multiplier, Direction direction, string description,
        params (string, string)[] parameters) =>
        PluginDefinitions.Create(id, name, unit, multiplier, direction, description, LeicesterPlugin.Plan, parameters);

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
        var referred = index.EpisodesOfProgrammes(Programmes).Where(e => period.Contains(e.ReferralDate)).ToList();
        foreach (var (key, filter) in EarlyInterventionIndicators.Slices(query))
        {
            var slice = referred.Where(filter).ToList();
            var engaged = slice.Where(e => e.Engagement == Engagement.Engaged).ToList();
            yield return stage switch
            {
                "referred" => Count(query, period, key, [.. slice.Select(e => e.Id)], "episode"),
                "engaged" => Proportion(query, period, key, [.. engaged.Select(e => e.Id)], [.. slice.Select(e => e.Id)], "episode"),
                _ => Proportion(query, period, key,
                    [.. engaged.Where(e => string.Equals(e.ClosureReason, LeicesterPlugin.CompletedClosure, StringComparison.OrdinalIgnoreCase)).Select(e => e.Id)],
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
        var months = Definition.GetInt("follow-up-months");
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
