using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Plugins.Coventry;

internal static class CoventryIndicators
{
    internal const string Referrals = CoventryPlugin.Id + ".referrals";
    internal const string ReferralEthnicity = CoventryPlugin.Id + ".referral-ethnicity";
    internal const string ConsentRate = CoventryPlugin.Id + ".consent-rate";
    internal const string EngagementRate = CoventryPlugin.Id + ".engagement-rate";
    internal const string CourtShare = CoventryPlugin.Id + ".court-share-by-ethnicity";

    internal static string FollowUpId(string programme, string measure, int months) =>
        string.Create(CultureInfo.InvariantCulture, $"{CoventryPlugin.Id}.{programme}-{measure}-{months}m");

    /// <summary>The plugin's indicators, from its definition files with <paramref name="configure"/> (the plugin's settings) applied.</summary>
    internal static IReadOnlyList<AuthorityIndicator> Create(string authority, Func<IndicatorDefinition, IndicatorDefinition> configure)
    {
        IndicatorDefinition D(string id) => configure(PluginDefinitions.Get<CoventryPlugin>(id));
        var list = new List<AuthorityIndicator>
        {
            new ReferralsIndicator(D(Referrals), authority),
            new ReferralEthnicityIndicator(D(ReferralEthnicity), authority),
            new ConsentIndicator(D(ConsentRate), authority),
            new ConsentIndicator(D(EngagementRate), authority),
            new CourtShareIndicator(D(CourtShare), authority),
            new OutOfCourtAuditIndicator(D(OutOfCourtAuditIndicator.Id), authority),
        };
        foreach (var programme in new[] { "diversion", "youth-worker" })
        {
            foreach (var months in new[] { 6, 12 })
            {
                list.Add(new FollowUpIndicator(D(FollowUpId(programme, "rearrest", months)), authority));
                list.Add(new FollowUpIndicator(D(FollowUpId(programme, "fte", months)), authority));
            }
        }
        return list;
    }

    /// <summary>Whether the definition counts the youth worker offer (its <c>programmes</c> follow <c>youthWorker.programmes</c>).</summary>
    internal static bool IsYouthWorker(IndicatorDefinition definition) =>
        definition.Id.StartsWith(CoventryPlugin.Id + ".youth-worker-", StringComparison.Ordinal);

    internal static List<ProgrammeEpisode> Referred(DatasetIndex index, ReportingPeriod period, IReadOnlyList<string> programmes) =>
        [.. index.EpisodesOfProgrammes(programmes).Where(e => period.Contains(e.ReferralDate))];

    internal static BreakdownKey Group(EthnicityGroup g) => new("ethnicity-group", g.ToString());

    internal static BreakdownKey Heritage(EthnicityGroup g) => new("heritage", g == EthnicityGroup.WhiteBritish ? "white-british" : "other");
}

internal sealed class ReferralsIndicator(IndicatorDefinition definition, string authority) : AuthorityIndicator(definition, authority)
{
    protected override IEnumerable<IndicatorResult> ComputePeriod(IndicatorContext context, IndicatorQuery query, ReportingPeriod period, DatasetIndex index)
    {
        var referred = CoventryIndicators.Referred(index, period, Programmes);
        yield return Count(query, period, BreakdownKey.Total, [.. referred.Select(e => e.Id)], "episode");
        if (query.Wants("ethnicity-group"))
        {
            foreach (var group in Enum.GetValues<EthnicityGroup>())
            {
                yield return Count(query, period, CoventryIndicators.Group(group),
                    [.. referred.Where(e => index.TryGetChild(e.ChildId, out var c) && c.EthnicityGroup == group).Select(e => e.Id)], "episode");
            }
        }
    }
}

/// <summary>Ethnicity of referrals against a named reference population, per group and never pooled (Coventry Youth Justice
/// Service, <i>Coventry's Youth Justice Strategy and Plan 2021-23 (Update 2022)</i>, section 8 "Disproportionality": referrals
/// 50/50 in line with the secondary school population).</summary>
internal sealed class ReferralEthnicityIndicator(IndicatorDefinition definition, string authority) : AuthorityIndicator(definition, authority)
{
    protected override IEnumerable<IndicatorResult> ComputePeriod(IndicatorContext context, IndicatorQuery query, ReportingPeriod period, DatasetIndex index)
    {
        var name = Definition.GetString("referencePopulation");
        var referred = CoventryIndicators.Referred(index, period, Programmes)
            .Select(e => (Episode: e, Group: index.TryGetChild(e.ChildId, out var c) ? c.EthnicityGroup : EthnicityGroup.NotKnown))
            .Where(x => x.Group != EthnicityGroup.NotKnown).ToList();
        var all = referred.Select(x => x.Episode.Id).ToList();
        var reference = context.Dataset.ReferencePopulations
            .Where(r => r.Name == name && string.Equals(r.AreaCode, AuthorityCode, StringComparison.OrdinalIgnoreCase) && r.Year <= period.End.Year && r.EthnicityGroup != EthnicityGroup.NotKnown)
            .ToList();
        var year = reference.Count == 0 ? (int?)null : reference.Max(r => r.Year);
        var counts = reference.Where(r => r.Year == year).GroupBy(r => r.EthnicityGroup).ToDictionary(g => g.Key, g => g.Sum(r => (decimal)r.Count));
        var total = counts.Values.Sum();

        string Note(Func<EthnicityGroup, bool> inGroup, decimal share)
        {
            if (total == 0)
            {
                return $"No '{name}' reference population for {AuthorityCode}: no comparison.";
            }
            var refShare = counts.Where(c => inGroup(c.Key)).Sum(c => c.Value) / total;
            var rri = refShare == 0 ? "" : $"; relative rate {DisplayRounding.Round(share / refShare, 2).ToString("F2", CultureInfo.InvariantCulture)}";
            return string.Create(CultureInfo.InvariantCulture, $"{name} {year}: {DisplayRounding.Round(refShare * 100m, 1):F1}% of the reference population{rri}.");
        }

        IndicatorResult Share(BreakdownKey key, Func<EthnicityGroup, bool> inGroup)
        {
            var numerator = referred.Where(x => inGroup(x.Group)).Select(x => x.Episode.Id).ToList();
            var share = all.Count == 0 ? 0m : (decimal)numerator.Count / all.Count;
            return Proportion(query, period, key, numerator, all, "episode", note: Note(inGroup, share));
        }

        yield return Share(BreakdownKey.Total, g => g != EthnicityGroup.WhiteBritish);
        yield return Share(new BreakdownKey("heritage", "white-british"), g => g == EthnicityGroup.WhiteBritish);
        foreach (var group in Enum.GetValues<EthnicityGroup>().Where(g => g != EthnicityGroup.NotKnown))
        {
            yield return Share(CoventryIndicators.Group(group), g => g == group);
        }
    }
}

internal sealed class ConsentIndicator(IndicatorDefinition definition, string authority) : AuthorityIndicator(definition, authority)
{
    protected override IEnumerable<IndicatorResult> ComputePeriod(IndicatorContext context, IndicatorQuery query, ReportingPeriod period, DatasetIndex index)
    {
        var referred = CoventryIndicators.Referred(index, period, Programmes);
        if (Definition.GetString("stage") == "consent")
        {
            var sought = referred.Where(e => e.ConsentGiven is not null).ToList();
            yield return Proportion(query, period, BreakdownKey.Total, [.. sought.Where(e => e.ConsentGiven == true).Select(e => e.Id)], [.. sought.Select(e => e.Id)], "episode");
        }
        else
        {
            var consented = referred.Where(e => e.ConsentGiven == true).ToList();
            yield return Proportion(query, period, BreakdownKey.Total, [.. consented.Where(e => e.Engagement == Engagement.Engaged).Select(e => e.Id)], [.. consented.Select(e => e.Id)], "episode");
        }
    }
}

/// <summary>Re-arrest or first time entry after closure, over all offered (total) and over those engaged (breakdown cohort=engaged).</summary>
internal sealed class FollowUpIndicator(IndicatorDefinition definition, string authority) : AuthorityIndicator(definition, authority)
{
    internal static readonly BreakdownKey EngagedCohort = new("cohort", "engaged");

    protected override IEnumerable<IndicatorResult> ComputePeriod(IndicatorContext context, IndicatorQuery query, ReportingPeriod period, DatasetIndex index)
    {
        var months = Definition.GetInt("followUpMonths");
        var fte = Definition.GetString("measure") == "fte";
        var asOf = context.AsOf;
        var offered = index.EpisodesOfProgrammes(Programmes)
            .Where(e => e.EndDate is { } end && period.Contains(end) && end <= asOf)
            .Where(e => !fte || index.FirstTimeEntrantDate(e.ChildId) is not { } first || first > e.ReferralDate)
            .ToList();
        bool Hit(ProgrammeEpisode e) => fte
            ? FollowUp.BecameFirstTimeEntrant(index, e.ChildId, e.ReferralDate, e.EndDate!.Value, months, asOf)
            : FollowUp.OffencesWithin(index, e.ChildId, e.EndDate!.Value, months, asOf) > 0;
        var open = offered.Any(e => FollowUp.IsOpen(e.EndDate!.Value, months, asOf));
        var note = open ? "Some follow-ups have not finished: provisional." : null;
        var engaged = offered.Where(e => e.Engagement == Engagement.Engaged).ToList();
        yield return Proportion(query, period, BreakdownKey.Total, [.. offered.Where(Hit).Select(e => e.Id)], [.. offered.Select(e => e.Id)], "episode", open, note);
        yield return Proportion(query, period, EngagedCohort, [.. engaged.Where(Hit).Select(e => e.Id)], [.. engaged.Select(e => e.Id)], "episode", open,
            "Over those engaged only: read beside the total over all offered, which includes those who did not engage.");
    }
}

/// <summary>Court vs out-of-court shares by ethnicity before and after a date (HM Inspectorate of Probation, <i>An inspection of
/// youth offending services in Coventry</i>, February 2023, recommendation 4; the Coventry plan 2021-23, section 8 "Disproportionality").</summary>
internal sealed class CourtShareIndicator(IndicatorDefinition definition, string authority) : AuthorityIndicator(definition, authority)
{
    protected override IEnumerable<IndicatorResult> ComputePeriod(IndicatorContext context, IndicatorQuery query, ReportingPeriod period, DatasetIndex index)
    {
        var change = CoventryPlugin.Parse(Definition.GetString("changeDate"));
        var windows = new List<(ReportingPeriod Window, string Label)>();
        if (period.Start < change)
        {
            windows.Add((ReportingPeriod.Custom(period.Start, period.End < change ? period.End : change.PlusDays(-1)), "before"));
        }
        if (period.End >= change)
        {
            windows.Add((ReportingPeriod.Custom(period.Start > change ? period.Start : change, period.End), "after"));
        }
        foreach (var (window, label) in windows)
        {
            var outcomes = context.Dataset.Outcomes
                .Where(o => window.Contains(o.OutcomeDate) && (o.Type.IsCourt || o.Type.IsOutOfCourt))
                .Select(o => (Outcome: o, Group: index.TryGetChild(o.ChildId, out var c) ? c.EthnicityGroup : EthnicityGroup.NotKnown))
                .ToList();
            IndicatorResult Share(BreakdownKey key, Func<EthnicityGroup, bool> inGroup)
            {
                var slice = outcomes.Where(x => inGroup(x.Group)).ToList();
                return Proportion(query, window, key, [.. slice.Where(x => x.Outcome.Type.IsCourt).Select(x => x.Outcome.Id)], [.. slice.Select(x => x.Outcome.Id)], "outcome",
                    note: string.Create(CultureInfo.InvariantCulture, $"{label} {change:uuuu-MM-dd}"));
            }
            yield return Share(BreakdownKey.Total, _ => true);
            yield return Share(new BreakdownKey("heritage", "white-british"), g => g == EthnicityGroup.WhiteBritish);
            yield return Share(new BreakdownKey("heritage", "other"), g => g is not (EthnicityGroup.WhiteBritish or EthnicityGroup.NotKnown));
            foreach (var group in Enum.GetValues<EthnicityGroup>())
            {
                yield return Share(CoventryIndicators.Group(group), g => g == group);
            }
        }
    }
}
