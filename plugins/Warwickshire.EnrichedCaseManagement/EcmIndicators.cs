using System.Globalization;
using NodaTime;
using YouthJustice.Sdk.Indicators.Engine;
using YouthJustice.Sdk.Indicators.Local;
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

    /// <summary>The <c>programmes</c> definition parameter.</summary>
    internal static (string, string) ProgrammesParameter(IReadOnlyList<string> programmes) => (ProgrammeCodes.Parameter, ProgrammeCodes.Format(programmes));

    internal static LocalDate Census(ReportingPeriod period, LocalDate asOf) => period.End < asOf ? period.End : asOf;
}

/// <summary>Eligible children enrolled: of the children eligible at the end of the period, how many were on ECM in it.</summary>
internal sealed class EligibleEnrolledIndicator(EcmEligibilityRule rule, IReadOnlyList<string> programmes, string authority) : AuthorityIndicator(new IndicatorDefinition
{
    Id = EcmIds.EligibleEnrolled,
    Name = "Eligible children enrolled on enriched case management",
    Unit = "%",
    Multiplier = 100m,
    Direction = Direction.HigherIsBetter,
    Description = "Children eligible at the end of the period (or the dataset's date, if earlier) who were on ECM in the period, over those eligible. " +
        "Breakdowns status=eligible, enrolled and enrolled-not-eligible are counts.",
    Source = WarwickshirePlugin.Pathway003,
    Parameters = WarwickshirePlugin.Parameters(
        ("minimum-offences", WarwickshirePlugin.Text(rule.Criteria.MinimumOffences)),
        ("window-months", WarwickshirePlugin.Text(rule.Criteria.WindowMonths)),
        ("complexity-flags", string.Join(",", rule.Criteria.ComplexityFlags)),
        ("require-current-intervention", rule.Criteria.RequireCurrentIntervention ? "true" : "false"),
        EcmIds.ProgrammesParameter(programmes)),
}, authority)
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

/// <summary>Parents included in the ECM assessment where the child has experienced ACEs (004 L386).</summary>
internal sealed class ParentIncludedIndicator(IReadOnlyList<string> programmes, string authority) : AuthorityIndicator(new IndicatorDefinition
{
    Id = EcmIds.ParentIncluded,
    Name = "ECM assessments with a parent included, where the child has ACEs",
    Unit = "%",
    Multiplier = 100m,
    Direction = Direction.HigherIsBetter,
    Description = "Children on ECM in the period with at least one ACE recorded, whose ECM assessment (kind ECM, on or after referral) included a parent or carer.",
    Source = WarwickshirePlugin.Plan,
    Parameters = WarwickshirePlugin.Parameters(("assessment-kind", WarwickshirePlugin.EcmAssessmentKind), ("minimum-aces", "1"), EcmIds.ProgrammesParameter(programmes)),
}, authority)
{
    protected override IEnumerable<IndicatorResult> ComputePeriod(IndicatorContext context, IndicatorQuery query, ReportingPeriod period, DatasetIndex index)
    {
        var kind = Definition.GetString("assessment-kind");
        var minimum = Definition.GetInt("minimum-aces");
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

/// <summary>Reoffending of children enrolled on ECM against children eligible but not enrolled (003 L152: "comparing the reoffending of ECMP and non-ECMP children").</summary>
internal sealed class ReoffendingIndicator(EcmEligibilityRule rule, int months, IReadOnlyList<string> programmes, string authority) : AuthorityIndicator(new IndicatorDefinition
{
    Id = EcmIds.Reoffending,
    Name = "Reoffending of children enrolled on ECM and of eligible children not enrolled",
    Unit = "%",
    Multiplier = 100m,
    Direction = Direction.LowerIsBetter,
    Description = "Children with an offence in the follow-up: for the enrolled (cohort=enrolled), children referred to ECM in the period, followed from referral; " +
        "for the comparison (cohort=eligible-not-enrolled), children eligible at the end of the period and never referred by then, followed from that date. " +
        "The cohorts are not randomised: read the difference as a description, not an effect.",
    Source = WarwickshirePlugin.Pathway003,
    Parameters = WarwickshirePlugin.Parameters(("follow-up-months", WarwickshirePlugin.Text(months)), EcmIds.ProgrammesParameter(programmes)),
}, authority)
{
    internal static readonly BreakdownKey Enrolled = new("cohort", "enrolled");
    internal static readonly BreakdownKey EligibleNotEnrolled = new("cohort", "eligible-not-enrolled");

    protected override IEnumerable<IndicatorResult> ComputePeriod(IndicatorContext context, IndicatorQuery query, ReportingPeriod period, DatasetIndex index)
    {
        var followUp = Definition.GetInt("follow-up-months");
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
