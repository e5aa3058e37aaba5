using System.Globalization;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Plugins;

namespace YouthJustice.Plugins.Coventry;

/// <summary>The diversion pathway is for children arrested where the police take no further action (Coventry Youth Justice Plan 2021-23, section 6, Resources and services; section 7, priority 6, Promoting Prevention and Diversion):
/// eligible while an NFA (or release under investigation) is recent.</summary>
public sealed class DiversionEligibilityRule(int nfaWindowMonths = 3) : IEligibilityRule
{
    public string Id => CoventryPlugin.Id + ".diversion-eligibility";

    public string Name => "Diversion pathway eligibility (police no further action)";

    public ProgrammeKind? Programme => CoventryPlugin.Diversion;

    public EligibilityDecision Decide(Child child, EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(context);
        var from = context.AsOf.PlusMonths(-nfaWindowMonths);
        var nfa = context.Dataset.Outcomes
            .Where(o => o.ChildId == child.Id && o.Type.Category == OutcomeCategory.NoFurtherAction && o.OutcomeDate > from && o.OutcomeDate <= context.AsOf)
            .OrderByDescending(o => o.OutcomeDate).FirstOrDefault();
        return nfa is null
            ? EligibilityDecision.NotEligible(string.Create(CultureInfo.InvariantCulture,
                $"No police no-further-action decision in the {nfaWindowMonths} months to {context.AsOf:uuuu-MM-dd}."))
            : EligibilityDecision.Eligible(string.Create(CultureInfo.InvariantCulture,
                $"Police took no further action ({nfa.Type.Code}) on {nfa.OutcomeDate:uuuu-MM-dd}: a voluntary offer, with consent; not a disposal and not first time entry (Coventry Youth Justice Plan 2021-23, section 7, priority 6, Promoting Prevention and Diversion; section 8, Reducing first time entrants)."));
    }
}

/// <summary>The youth worker offer follows a child's first police-only community resolution for a lower-level offence (Coventry Youth Justice Plan 2021-23, section 5, Governance, leadership and partnership arrangements; section 7, priority 6, Promoting Prevention and Diversion).</summary>
public sealed class YouthWorkerOfferRule(int lowLevelMaxGravity = 2) : IEligibilityRule
{
    public string Id => CoventryPlugin.Id + ".youth-worker-offer";

    public string Name => "Youth worker offer after a first police-only community resolution";

    public ProgrammeKind? Programme => CoventryPlugin.YouthWorkerOffer;

    public EligibilityDecision Decide(Child child, EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(context);
        var index = DatasetIndex.For(context.Dataset);
        var outcomes = index.OutcomesOfChild(child.Id)
            .Where(o => o.OutcomeDate <= context.AsOf && o.Type.Category != OutcomeCategory.NoFurtherAction)
            .OrderBy(o => o.OutcomeDate).ToList();
        if (outcomes.Count == 0)
        {
            return EligibilityDecision.NotEligible("The child has no outcome beyond no further action.");
        }
        var first = outcomes[0];
        if (!first.Type.Equals(OutcomeTypes.CommunityResolution) || first.DecidedBy != DecidingBody.Police)
        {
            return EligibilityDecision.NotEligible($"The child's first outcome is {first.Type.Code} decided by {first.DecidedBy}, not a police-only community resolution.");
        }
        if (outcomes.Count > 1)
        {
            return EligibilityDecision.NotEligible("The child has had further outcomes since the first police-only community resolution: a second offence goes to the Joint Decision Panel (Coventry Youth Justice Plan 2021-23, section 8, Disposal Profile).");
        }
        var gravity = first.OffenceIds.Select(id => index.TryGetOffence(id, out var o) ? o.Gravity : int.MaxValue).DefaultIfEmpty(int.MaxValue).Max();
        return gravity <= lowLevelMaxGravity
            ? EligibilityDecision.Eligible(string.Create(CultureInfo.InvariantCulture, $"First police-only community resolution ({first.Id}) for a lower-level offence (gravity {gravity})."))
            : EligibilityDecision.NotEligible(string.Create(CultureInfo.InvariantCulture, $"The community resolution's offence has gravity {gravity}, above the lower-level limit {lowLevelMaxGravity}."));
    }
}

/// <summary>
/// Coventry's out-of-court routing (Coventry Youth Justice Plan 2021-23, section 8, Disposal Profile): a first, low-level, admitted offence → police-only community
/// resolution (with the youth worker offer); a more serious first offence → enhanced community resolution; a second offence,
/// an offence too serious for either, or one not admitted → the Joint Decision Panel. Decides for the child's latest offence
/// on or before the date; <see cref="EligibilityDecision.Outcome"/> is the route.
/// </summary>
public sealed class OutOfCourtRouting(int lowLevelMaxGravity = 2, int enhancedMaxGravity = 4) : IEligibilityRule
{
    public const string PoliceOnlyCommunityResolution = "POLICE_ONLY_CR";
    public const string EnhancedCommunityResolution = "ENHANCED_CR";
    public const string JointDecisionPanel = "JOINT_DECISION_PANEL";

    public int LowLevelMaxGravity => lowLevelMaxGravity;

    public int EnhancedMaxGravity => enhancedMaxGravity;

    public string Id => CoventryPlugin.Id + ".out-of-court-route";

    public string Name => "Out-of-court routing";

    public ProgrammeKind? Programme => null;

    public EligibilityDecision Decide(Child child, EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(context);
        var index = DatasetIndex.For(context.Dataset);
        var offences = index.OffencesOfChild(child.Id).Where(o => o.CommittedOn <= context.AsOf)
            .OrderBy(o => o.CommittedOn).ThenBy(o => o.Id, StringComparer.Ordinal).ToList();
        if (offences.Count == 0)
        {
            return EligibilityDecision.NotEligible("The child has no offence to route.");
        }
        var latest = offences[^1];
        // An earlier offence counts once it has had an outcome beyond no further action.
        var previous = offences.Take(offences.Count - 1).Count(o => index.OutcomesOfChild(child.Id)
            .Any(x => x.OffenceIds.Contains(o.Id) && x.Type.Category != OutcomeCategory.NoFurtherAction));
        var admitted = index.OutcomesOfChild(child.Id).Where(x => x.OffenceIds.Contains(latest.Id)).Select(x => x.Admitted).FirstOrDefault(a => a is not null);
        var g = latest.Gravity.ToString(CultureInfo.InvariantCulture);
        return Matrix(previous, admitted, latest.Gravity) switch
        {
            PoliceOnlyCommunityResolution => Route(PoliceOnlyCommunityResolution, $"First, low-level (gravity {g}) offence {latest.Id}: police-only community resolution, with the youth worker offer."),
            EnhancedCommunityResolution => Route(EnhancedCommunityResolution, $"First offence {latest.Id} of gravity {g}, more serious than low-level: enhanced community resolution with YJS intervention (Coventry Youth Justice Plan 2021-23, section 8, Reducing first time entrants; section 8, Disposal Profile)."),
            _ when previous > 0 => Route(JointDecisionPanel, $"Offence {latest.Id} is a second offence ({previous} earlier with an outcome): refer to the Joint Decision Panel (Coventry Youth Justice Plan 2021-23, section 8, Disposal Profile)."),
            _ when admitted == false => Route(JointDecisionPanel, $"Offence {latest.Id} is not admitted: a community resolution needs an admission; the Joint Decision Panel considers the options (e.g. Outcome 22)."),
            _ => Route(JointDecisionPanel, $"First offence {latest.Id} of gravity {g}, too serious for a community resolution: the Joint Decision Panel decides."),
        };
    }

    /// <summary>
    /// The route the matrix gives an out-of-court decision (an outcome already made), for the audit of decisions against it:
    /// the same matrix as <see cref="Decide"/>, read at the decision. An earlier offence counts when the child had an outcome
    /// beyond no further action dated before the decision; the gravity is the most serious of the decision's offences (an
    /// offence the dataset does not hold is left out); the admission is the decision's own.
    /// </summary>
    /// <returns>The route, or <see langword="null"/> when none of the decision's offences is in the dataset (it cannot be checked).</returns>
    public string? RouteOf(Outcome decision, DatasetIndex index)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(index);
        var gravities = decision.OffenceIds.Select(id => index.TryGetOffence(id, out var o) ? o.Gravity : (int?)null).OfType<int>().ToList();
        if (gravities.Count == 0)
        {
            return null;
        }
        var previous = index.OutcomesOfChild(decision.ChildId)
            .Count(x => x.Id != decision.Id && x.OutcomeDate < decision.OutcomeDate && x.Type.Category != OutcomeCategory.NoFurtherAction);
        return Matrix(previous, decision.Admitted, gravities.Max());
    }

    /// <summary>The matrix: a second offence or one not admitted goes to the Joint Decision Panel; a first, admitted offence
    /// goes by its gravity (low-level: police-only community resolution; up to the enhanced limit: enhanced community
    /// resolution; above it: the Joint Decision Panel).</summary>
    private string Matrix(int previous, bool? admitted, int gravity) =>
        previous > 0 || admitted == false ? JointDecisionPanel
        : gravity <= lowLevelMaxGravity ? PoliceOnlyCommunityResolution
        : gravity <= enhancedMaxGravity ? EnhancedCommunityResolution
        : JointDecisionPanel;

    private static EligibilityDecision Route(string route, string reason) => new(true, [reason], route);
}

/// <summary>A child who declines consent never enters the voluntary intervention (Coventry Youth Justice Plan 2021-23, section 7, priority 6, Promoting Prevention and Diversion).</summary>
internal sealed class ConsentValidationRule(IReadOnlyCollection<string> programmes) : IValidationRule
{
    public string Id => CoventryPlugin.Id + ".consent";

    public string Description => "Diversion episodes without consent have no intervention, engagement or steps after DECLINED.";

    public IEnumerable<ValidationFinding> Validate(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var index = DatasetIndex.For(dataset);
        foreach (var e in dataset.Episodes.Where(e => ProgrammeCodes.Contains(programmes, e.Programme)))
        {
            var declined = e.ConsentGiven == false || index.EventsOfEpisode(e.Id).Any(x => string.Equals(x.State, CoventryPlugin.DiversionStates.Declined, StringComparison.OrdinalIgnoreCase));
            if (!declined)
            {
                continue;
            }
            if (e.StartDate is not null)
            {
                yield return new ValidationFinding(Id, RecordKinds.Episode, e.Id, "StartDate", "Consent was declined, yet an intervention start date is recorded.");
            }
            if (e.Engagement == Engagement.Engaged)
            {
                yield return new ValidationFinding(Id, RecordKinds.Episode, e.Id, "Engagement", "Consent was declined, yet the child is recorded as engaged.");
            }
            var steps = index.EventsOfEpisode(e.Id);
            for (var n = 0; n < steps.Count; n++)
            {
                if (string.Equals(steps[n].State, CoventryPlugin.DiversionStates.VoluntaryIntervention, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new ValidationFinding(Id, RecordKinds.PathwayEvent, RecordKinds.PathwayEventId(e.Id, n), "State",
                        "Consent was declined, yet a voluntary intervention step is recorded.");
                }
            }
        }
    }
}

/// <summary>Every child accessing the diversion pathway is referred to the YJS health team (Coventry Youth Justice Plan 2021-23, section 8, Health Profile).</summary>
internal sealed class HealthReferralValidationRule(IReadOnlyCollection<string> programmes) : IValidationRule
{
    public string Id => CoventryPlugin.Id + ".health-referral";

    public string Description => "Every diversion episode that reached assessment has a health referral.";

    public IEnumerable<ValidationFinding> Validate(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var index = DatasetIndex.For(dataset);
        foreach (var e in dataset.Episodes.Where(e => ProgrammeCodes.Contains(programmes, e.Programme)))
        {
            var states = index.EventsOfEpisode(e.Id).Select(x => x.State.ToUpperInvariant()).ToHashSet();
            if (states.Contains(CoventryPlugin.DiversionStates.Assessment) && !states.Contains(CoventryPlugin.DiversionStates.HealthReferral))
            {
                yield return new ValidationFinding(Id, RecordKinds.Episode, e.Id, null, "The child was assessed but not referred to the health team; every child on the pathway should be.", FindingSeverity.Warning);
            }
        }
    }
}
