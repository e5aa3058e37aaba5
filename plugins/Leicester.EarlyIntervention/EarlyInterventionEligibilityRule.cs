using System.Globalization;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Plugins;

namespace YouthJustice.Plugins.Leicester;

/// <summary>
/// Who the Early Intervention Team may take (Leicester Youth Justice Plan 2022-23, paragraph 5.10; paragraph 6.4.3; paragraph 8.5.2; paragraph 8.8.6): a child given a community resolution (which
/// needs an admission; knife offences are not eligible for one), a child at risk of criminal exploitation or offending,
/// or a sibling or known associate of a child on a statutory order. Any one basis is enough.
/// </summary>
public sealed class EarlyInterventionEligibilityRule(int communityResolutionWindowMonths = 3, int atRiskAssessmentWindowMonths = 12) : IEligibilityRule
{
    public string Id => LeicesterPlugin.Id + ".eligibility";

    public string Name => "Early Intervention Team eligibility";

    public ProgrammeKind? Programme => LeicesterPlugin.EarlyInterventionTeam;

    public EligibilityDecision Decide(Child child, EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(context);
        var index = DatasetIndex.For(context.Dataset);
        var asOf = context.AsOf;
        var reasons = new List<string>();
        string? basis = null;

        var crFrom = asOf.PlusMonths(-communityResolutionWindowMonths);
        var resolutions = index.OutcomesOfChild(child.Id)
            .Where(o => o.Type.Category == OutcomeCategory.InformalOutOfCourt && o.Type.RequiresAdmission && o.OutcomeDate > crFrom && o.OutcomeDate <= asOf)
            .ToList();
        foreach (var cr in resolutions)
        {
            var knife = cr.OffenceIds.Any(id => index.TryGetOffence(id, out var offence) && offence.InvolvesKnife);
            if (knife)
            {
                reasons.Add($"Community resolution {cr.Id} is for a knife offence: knife offences are excluded (Leicester Youth Justice Plan 2022-23, paragraph 6.4.3).");
            }
            else if (cr.Admitted == false)
            {
                reasons.Add($"Community resolution {cr.Id} is recorded without an admission, which a community resolution requires (Leicester Youth Justice Plan 2022-23, glossary, Community resolution).");
            }
            else
            {
                basis ??= LeicesterPlugin.Bases.CommunityResolution;
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"Community resolution {cr.Id} on {cr.OutcomeDate:uuuu-MM-dd} with an admission, no knife offence."));
            }
        }
        if (resolutions.Count == 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"No community resolution in the {communityResolutionWindowMonths} months to {asOf:uuuu-MM-dd}."));
        }

        var riskFrom = asOf.PlusMonths(-atRiskAssessmentWindowMonths);
        var atRisk = index.AssessmentsOfChild(child.Id).Where(a => a.AssessedOn > riskFrom && a.AssessedOn <= asOf)
            .FirstOrDefault(a => a.Needs.HasFlag(Needs.CriminalExploitation)
                || (string.Equals(a.Kind, LeicesterPlugin.PreventionAssessment, StringComparison.OrdinalIgnoreCase)
                    && (a.RiskOfSeriousHarm >= RiskLevel.Medium || a.SafetyAndWellbeing >= RiskLevel.Medium)));
        if (atRisk is not null)
        {
            basis ??= LeicesterPlugin.Bases.AtRisk;
            reasons.Add($"Assessment {atRisk.Id} shows a risk of criminal exploitation or offending.");
        }
        else
        {
            reasons.Add("No recent assessment shows a risk of criminal exploitation or offending.");
        }

        var linked = context.Dataset.Links
            .Where(l => l.ChildId == child.Id || l.LinkedChildId == child.Id)
            .Select(l => (Other: l.ChildId == child.Id ? l.LinkedChildId : l.ChildId, l.Kind))
            .FirstOrDefault(l => index.OutcomesOfChild(l.Other).Any(o => o.Type.IsCourt && o.OutcomeDate <= asOf && (o.EndDate is null || o.EndDate >= asOf)));
        if (linked.Other is not null)
        {
            basis ??= LeicesterPlugin.Bases.SiblingOrAssociate;
            reasons.Add($"{(linked.Kind == LinkKind.Sibling ? "Sibling" : "Known associate")} of {linked.Other}, who is on a statutory order.");
        }
        else
        {
            reasons.Add("Not a sibling or associate of a child on a statutory order.");
        }

        return new EligibilityDecision(basis is not null, [.. reasons], basis);
    }
}
