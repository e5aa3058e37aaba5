using System.Globalization;
using NodaTime;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Plugins.Warwickshire;

internal static class EcmIds
{
    internal const string EligibleEnrolled = WarwickshirePlugin.Id + ".eligible-enrolled";
    internal const string ParentIncluded = WarwickshirePlugin.Id + ".parent-included";
    internal const string Reoffending = WarwickshirePlugin.Id + ".reoffending";
    internal const string Sroi = WarwickshirePlugin.Id + ".sroi";

    /// <summary>Whether the episode is enriched case management: its programme is one of the codes counted as ECM
    /// (by default <see cref="WarwickshirePlugin.Programmes"/>: the local code and the national <c>ECM</c> kind).</summary>
    internal static bool IsEcm(ProgrammeEpisode e, IReadOnlyCollection<string> programmes) => ProgrammeCodes.Contains(programmes, e.Programme);

    /// <summary>ECM episodes open at any time in the period.</summary>
    internal static List<ProgrammeEpisode> Active(DatasetIndex index, ReportingPeriod period, IReadOnlyCollection<string> programmes) =>
        [.. index.Dataset.Episodes.Where(e => IsEcm(e, programmes) && e.ReferralDate <= period.End && (e.EndDate is null || e.EndDate >= period.Start))];


    internal static LocalDate Census(ReportingPeriod period, LocalDate asOf) => period.End < asOf ? period.End : asOf;
}

/// <summary>Eligible children enrolled: of the children eligible at the end of the period, how many were on ECM in it.</summary>
internal sealed class EligibleEnrolledIndicator(EcmEligibilityRule rule, IndicatorDefinition definition, string authority) : AuthorityIndicator(definition, authority)
{
    protected override IEnumerable<IndicatorResult> ComputePeriod(IndicatorContext context, IndicatorQuery query, ReportingPeriod period, DatasetIndex index)
    {
        var census = EcmIds.Census(period, context.AsOf);
        var eligible = context.Dataset.Children.Where(c => rule.Decide(c, census, index).IsEligible).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var enrolled = EcmIds.Active(index, period, Programmes).Where(e => e.ReferralDate <= census).Select(e => e.ChildId).ToHashSet(StringComparer.Ordinal);
        yield return Proportion(query, period, BreakdownKey.Total, [.. eligible.Where(enrolled.Contains)], [.. eligible], "child",
            note: string.Create(CultureInfo.InvariantCulture, $"Eligibility as at {census:uuuu-MM-dd}."));
        yield return Count(query, period, new BreakdownKey("status", "eligible"), [.. eligible], "child");
        yield return Count(query, period, new BreakdownKey("status", "enrolled"), [.. enrolled], "child");
        yield return Count(query, period, new BreakdownKey("status", "enrolled-not-eligible"), [.. enrolled.Where(c => !eligible.Contains(c))], "child");
    }
}

/// <summary>Parents included in the ECM assessment where the child has experienced ACEs (Warwickshire County Council,
/// <i>Warwickshire Youth Justice Service Strategic Plan 2018/19</i>, section 2(iii), Improve outcomes for parents and families).</summary>
internal sealed class ParentIncludedIndicator(IndicatorDefinition definition, string authority) : AuthorityIndicator(definition, authority)
{
    protected override IEnumerable<IndicatorResult> ComputePeriod(IndicatorContext context, IndicatorQuery query, ReportingPeriod period, DatasetIndex index)
    {
        var kind = Definition.GetString("assessmentKind");
        var minimum = Definition.GetInt("minimumAces");
        var withAces = new HashSet<string>(StringComparer.Ordinal);
        var included = new HashSet<string>(StringComparer.Ordinal);
        foreach (var episode in EcmIds.Active(index, period, Programmes))
        {
            var assessments = index.AssessmentsOfChild(episode.ChildId).Where(a => a.AssessedOn <= period.End).ToList();
            if (!assessments.Any(a => a.AceCount >= minimum))
            {
                continue;
            }
            withAces.Add(episode.ChildId);
            if (assessments.Any(a => string.Equals(a.Kind, kind, StringComparison.OrdinalIgnoreCase) && a.AssessedOn >= episode.ReferralDate && a.ParentIncluded))
            {
                included.Add(episode.ChildId);
            }
        }
        yield return Proportion(query, period, BreakdownKey.Total, included, withAces, "child");
    }
}

/// <summary>Reoffending of children enrolled on ECM against children eligible but not enrolled (Coventry Youth Offending Service,
/// <i>2020/21 Contingency and Recovery Youth Justice Plan</i>, section "Adverse Childhood Experiences (ACEs), the Enhanced Case
/// Management Pathway (ECMP)": "comparing the reoffending of ECMP and non-ECMP children").</summary>
internal sealed class ReoffendingIndicator(EcmEligibilityRule rule, IndicatorDefinition definition, string authority) : AuthorityIndicator(definition, authority)
{
    internal static readonly BreakdownKey Enrolled = new("cohort", "enrolled");
    internal static readonly BreakdownKey EligibleNotEnrolled = new("cohort", "eligible-not-enrolled");

    protected override IEnumerable<IndicatorResult> ComputePeriod(IndicatorContext context, IndicatorQuery query, ReportingPeriod period, DatasetIndex index)
    {
        var followUp = Definition.GetInt("followUpMonths");
        var asOf = context.AsOf;
        var census = EcmIds.Census(period, asOf);
        var enrolled = index.Dataset.Episodes.Where(e => EcmIds.IsEcm(e, Programmes) && period.Contains(e.ReferralDate) && e.ReferralDate <= asOf)
            .GroupBy(e => e.ChildId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(e => e.ReferralDate), StringComparer.Ordinal);
        var everReferred = index.Dataset.Episodes.Where(e => EcmIds.IsEcm(e, Programmes) && e.ReferralDate <= census).Select(e => e.ChildId).ToHashSet(StringComparer.Ordinal);
        var comparison = context.Dataset.Children.Where(c => !everReferred.Contains(c.Id) && rule.Decide(c, census, index).IsEligible)
            .ToDictionary(c => c.Id, _ => census, StringComparer.Ordinal);

        IndicatorResult Cohort(BreakdownKey key, IReadOnlyDictionary<string, LocalDate> cohort)
        {
            var hits = cohort.Where(c => FollowUp.OffencesWithin(index, c.Key, c.Value, followUp, asOf) > 0).Select(c => c.Key).ToList();
            var open = cohort.Values.Any(d => FollowUp.IsOpen(d, followUp, asOf));
            return Proportion(query, period, key, hits, [.. cohort.Keys], "child", open, open ? "Some follow-ups have not finished: provisional." : null);
        }

        yield return Cohort(BreakdownKey.Total, enrolled.Concat(comparison).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        yield return Cohort(Enrolled, enrolled);
        yield return Cohort(EligibleNotEnrolled, comparison);
    }
}
