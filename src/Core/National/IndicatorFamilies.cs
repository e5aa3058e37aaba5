using System.Collections.Immutable;

namespace YouthJustice.Sdk.National;

/// <summary>
/// The report families of the built-in definitions (<see cref="Indicators.IndicatorDefinition.Family"/>) and the titles a
/// report gives them. A plugin's indicators form a family named by the plugin's id; a host titles it with the plugin's
/// display name.
/// </summary>
public static class IndicatorFamilies
{
    /// <summary>First time entrants.</summary>
    public const string FirstTimeEntrants = "first-time-entrants";

    /// <summary>Proven reoffending: the Ministry of Justice measure and the live tracker.</summary>
    public const string Reoffending = "reoffending";

    /// <summary>Custodial sentences and remands.</summary>
    public const string CustodyAndRemand = "custody-and-remand";

    /// <summary>Outcome and offence profiles and the court share.</summary>
    public const string Profiles = "profiles";

    /// <summary>Disproportionality by ethnicity group.</summary>
    public const string Disproportionality = "disproportionality";

    /// <summary>The YJB key performance indicators.</summary>
    public const string YjbKpis = "yjb-kpis";

    /// <summary>Risk of serious harm, safety and wellbeing, and management oversight of high-risk cases (local measures).</summary>
    public const string RiskAndSafety = "risk-and-safety";

    /// <summary>Pre-sentence report congruence and bail support (local measures).</summary>
    public const string Courts = "courts";

    /// <summary>New and concurrent custody entrants, custody learning reviews and transfers to probation (local measures).</summary>
    public const string CustodyInDepth = "custody-in-depth";

    /// <summary>Exploitation concerns, National Referral Mechanism referrals and missing episodes (local measures).</summary>
    public const string ExploitationAndMissing = "exploitation-and-missing";

    /// <summary>Proven offences involving a knife (local measure).</summary>
    public const string KnifeAndSeriousYouthViolence = "knife-and-serious-youth-violence";

    /// <summary>Feedback from children, parents and carers, and victims, and victim contact (local measures).</summary>
    public const string Voice = "voice";

    /// <summary>Caseloads and intervention volumes (local measures).</summary>
    public const string Workload = "workload";

    /// <summary>Children in care and the service: looked-after children known to it (docs/methodology-local.md section 2).</summary>
    public const string ChildrenInCare = "children-in-care";

    /// <summary>Resources and workforce: the pooled budget, the YJB grant and workforce diversity (docs/methodology-local.md section 10).</summary>
    public const string ResourcesAndWorkforce = "resources-and-workforce";

    /// <summary>The National Standards self-assessment and action-plan tracking (docs/methodology-local.md section 11).</summary>
    public const string PlanTracking = "plan-tracking";

    private static readonly ImmutableDictionary<string, string> Titles = new Dictionary<string, string>
    {
        [FirstTimeEntrants] = "First time entrants",
        [Reoffending] = "Proven reoffending (Ministry of Justice measure and live tracker)",
        [CustodyAndRemand] = "Custody and remand",
        [Profiles] = "Outcome and offence profiles",
        [Disproportionality] = "Disproportionality",
        [YjbKpis] = "YJB key performance indicators",
        [RiskAndSafety] = "Risk and safety",
        [Courts] = "Courts: pre-sentence reports and bail support",
        [CustodyInDepth] = "Custody in depth: entrants, learning reviews, transfers to probation",
        [ExploitationAndMissing] = "Exploitation and missing",
        [KnifeAndSeriousYouthViolence] = "Knife and serious youth violence",
        [Voice] = "Voice of the child, parents and carers, and victims",
        [Workload] = "Workload",
        [ChildrenInCare] = "Children in care and the service",
        [ResourcesAndWorkforce] = "Resources and workforce",
        [PlanTracking] = "National Standards self-assessment and action plan",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The title of a built-in family, or <see langword="null"/> for a family the SDK does not define (a plugin's).</summary>
    public static string? TitleOf(string family) => family is null ? null : Titles.GetValueOrDefault(family);
}
