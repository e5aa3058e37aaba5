using System.Collections.Immutable;
using System.Globalization;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Plugins;

namespace YouthJustice.Plugins.Warwickshire;

/// <summary>Evidence of complexity the ECM pathway accepts (Coventry 2020/21 Contingency and Recovery Youth Justice Plan, Adverse Childhood Experiences (ACEs), the Enhanced Case Management Pathway (ECMP)).</summary>
public enum Complexity
{
    MultipleAces = 0,
    ChildProtectionHistory = 1,
    LookedAfter = 2,
    SubstanceMisuse = 3,
    MentalHealth = 4,
    NeurologicalIssues = 5,
    SpeechLanguageCommunication = 6,
    EngagementIssues = 7,
}

/// <summary>
/// The eligibility rule's thresholds, as data: by default the 003 pathway (at least 3 offences in the last 12 months,
/// any one complexity flag, a current intervention). An authority changes them in <c>plugin.json</c> settings.
/// </summary>
public sealed record EcmEligibilityCriteria
{
    public int MinimumOffences { get; init; } = 3;
    public int WindowMonths { get; init; } = 12;
    public ImmutableArray<Complexity> ComplexityFlags { get; init; } = [.. Enum.GetValues<Complexity>()];
    /// <summary>How many ACEs count as "multiple".</summary>
    public int MultipleAcesThreshold { get; init; } = 2;
    public bool RequireCurrentIntervention { get; init; } = true;

    /// <summary>The Coventry 2020/21 Contingency and Recovery Youth Justice Plan's Enhanced Case Management Pathway criteria.</summary>
    public static EcmEligibilityCriteria Pathway003 { get; } = new();

    public static EcmEligibilityCriteria FromSettings(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var flags = settings.GetSetting("eligibility.complexityFlags", "");
        return new EcmEligibilityCriteria
        {
            MinimumOffences = settings.GetIntSetting("eligibility.minimumOffences", 3),
            WindowMonths = settings.GetIntSetting("eligibility.windowMonths", 12),
            ComplexityFlags = flags.Length == 0
                ? Pathway003.ComplexityFlags
                : [.. flags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(f => Enum.Parse<Complexity>(f, ignoreCase: true))],
            MultipleAcesThreshold = settings.GetIntSetting("eligibility.multipleAcesThreshold", 2),
            RequireCurrentIntervention = settings.GetBoolSetting("eligibility.requireCurrentIntervention", true),
        };
    }
}

/// <summary>
/// Eligibility for enriched case management: at least N offences in the last M months, AND evidence of complexity from
/// the configured flags, AND (by default) a current intervention (Coventry 2020/21 Contingency and Recovery Youth Justice Plan, Adverse Childhood Experiences (ACEs), the Enhanced Case Management Pathway (ECMP)). Reasons list every criterion.
/// </summary>
public sealed class EcmEligibilityRule(EcmEligibilityCriteria criteria, IReadOnlyList<string>? programmes = null) : IEligibilityRule
{
    /// <summary>The programme codes counted as ECM (an episode of any other programme is a current intervention).</summary>
    public IReadOnlyList<string> Programmes { get; } = programmes ?? WarwickshirePlugin.Programmes;

    public EcmEligibilityCriteria Criteria { get; } = criteria ?? throw new ArgumentNullException(nameof(criteria));

    public string Id => WarwickshirePlugin.Id + ".eligibility";

    public string Name => "Enriched case management eligibility";

    public ProgrammeKind? Programme => WarwickshirePlugin.EnrichedCaseManagement;

    public EligibilityDecision Decide(Child child, EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(context);
        return Decide(child, context.AsOf, DatasetIndex.For(context.Dataset));
    }

    internal EligibilityDecision Decide(Child child, NodaTime.LocalDate asOf, DatasetIndex index)
    {
        var reasons = new List<string>();
        var from = asOf.PlusMonths(-Criteria.WindowMonths);
        var offences = index.OffencesOfChild(child.Id).Count(o => o.CommittedOn > from && o.CommittedOn <= asOf);
        var enoughOffences = offences >= Criteria.MinimumOffences;
        reasons.Add(string.Create(CultureInfo.InvariantCulture,
            $"{offences} offence(s) in the {Criteria.WindowMonths} months to {asOf:uuuu-MM-dd}: {(enoughOffences ? "meets" : "below")} the minimum of {Criteria.MinimumOffences}."));

        var flags = EvidenceOfComplexity(child, asOf, index).Where(Criteria.ComplexityFlags.Contains).ToList();
        reasons.Add(flags.Count > 0
            ? $"Evidence of complexity: {string.Join(", ", flags)}."
            : "No evidence of complexity among: " + string.Join(", ", Criteria.ComplexityFlags) + ".");

        var current = CurrentIntervention(child, asOf, index);
        if (Criteria.RequireCurrentIntervention)
        {
            reasons.Add(current is null ? "No current intervention." : $"Current intervention: {current}.");
        }
        var eligible = enoughOffences && flags.Count > 0 && (!Criteria.RequireCurrentIntervention || current is not null);
        return new EligibilityDecision(eligible, [.. reasons]);
    }

    private IEnumerable<Complexity> EvidenceOfComplexity(Child child, NodaTime.LocalDate asOf, DatasetIndex index)
    {
        var assessments = index.AssessmentsOfChild(child.Id).Where(a => a.AssessedOn <= asOf).ToList();
        var needs = assessments.Aggregate(Needs.None, (n, a) => n | a.Needs);
        if (assessments.Any(a => a.AceCount >= Criteria.MultipleAcesThreshold))
        {
            yield return Complexity.MultipleAces;
        }
        if (needs.HasFlag(Needs.ChildProtectionHistory) || child.CareStatus == CareStatus.ChildProtectionPlan)
        {
            yield return Complexity.ChildProtectionHistory;
        }
        if (child.CareStatus == CareStatus.LookedAfter)
        {
            yield return Complexity.LookedAfter;
        }
        if (needs.HasFlag(Needs.SubstanceMisuse))
        {
            yield return Complexity.SubstanceMisuse;
        }
        if (needs.HasFlag(Needs.MentalHealth))
        {
            yield return Complexity.MentalHealth;
        }
        if (needs.HasFlag(Needs.Neurodevelopmental))
        {
            yield return Complexity.NeurologicalIssues;
        }
        if (needs.HasFlag(Needs.SpeechLanguageCommunication))
        {
            yield return Complexity.SpeechLanguageCommunication;
        }
        if (needs.HasFlag(Needs.EngagementIssues))
        {
            yield return Complexity.EngagementIssues;
        }
    }

    /// <summary>An open episode of another programme, or a statutory outcome in force, on the date.</summary>
    private string? CurrentIntervention(Child child, NodaTime.LocalDate asOf, DatasetIndex index)
    {
        var episode = index.EpisodesOfChild(child.Id).FirstOrDefault(e => !ProgrammeCodes.Contains(Programmes, e.Programme)
            && (e.StartDate ?? e.ReferralDate) <= asOf && (e.EndDate is null || e.EndDate >= asOf));
        if (episode is not null)
        {
            return $"{episode.Programme.Code} episode {episode.Id}";
        }
        var order = index.OutcomesOfChild(child.Id).FirstOrDefault(o => o.Type.IsStatutory && o.OutcomeDate <= asOf && o.EndDate is { } end && end >= asOf);
        return order is null ? null : $"{order.Type.Code} {order.Id} in force";
    }
}
