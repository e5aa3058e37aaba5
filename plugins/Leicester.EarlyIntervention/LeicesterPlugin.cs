using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Plugins;

namespace YouthJustice.Plugins.Leicester;

/// <summary>
/// Leicester's Early Intervention Team (also recorded as the Community Resolution &amp; Prevention Team or Service):
/// eligibility, referral routes, the referred → engaged → completed funnel, follow-up at 6 and 12 months after closure,
/// and the quarterly board report (Leicester City Council, <i>Youth Justice Plan 2022-23</i>, paragraphs 1.6-1.7, 5.10, 6.3-6.4 and 8.5-8.8).
/// </summary>
public sealed class LeicesterPlugin : IYouthJusticePlugin
{
    public const string Id = "leicester-early-intervention";

    /// <summary>One programme with the names the plan uses for it (Leicester Youth Justice Plan 2022-23, paragraph 1.19; paragraph 5.6; paragraph 5.10; paragraph 6.2; paragraph 6.15.1).</summary>
    public static readonly ProgrammeKind EarlyInterventionTeam = new(
        "LEICESTER_EIT",
        "Early Intervention Team (Leicester)",
        [
            "Early Intervention Team", "Early Interventions Team", "Early Intervention Service",
            "Community Resolution & Prevention Team", "Community Resolution and Prevention Team",
            "Community Resolution & Prevention Service", "Prevention and Community Resolutions Team", "CR&PT", "EIT",
        ],
        isLocal: true);

    /// <summary>The programme codes counted as the Early Intervention Team's work by default: the local code and, in
    /// Leicester's data, the national <c>EARLY_INTERVENTION</c> kind (national extracts and generated data record the
    /// team's episodes so). The setting <c>programmes</c> (comma-separated) replaces the list.</summary>
    public static IReadOnlyList<string> Programmes { get; } = [EarlyInterventionTeam.Code, ProgrammeKinds.EarlyIntervention.Code];

    /// <summary>Referral routes (Leicester Youth Justice Plan 2022-23, paragraph 5.9; paragraph 6.4; paragraph 8.8.6; section 12 (REACH)).</summary>
    public static class Routes
    {
        public const string PoliceCommunityResolution = "POLICE_CR";
        public const string OutOfCourtPanel = "OOCD_PANEL";
        public const string CaseManager = "CASE_MANAGER";
        public const string SeriousYouthViolenceGroup = "SYV_JAG";
        public const string SchoolReach = "SCHOOL_REACH";

        public static readonly IReadOnlyList<string> All = [PoliceCommunityResolution, OutOfCourtPanel, CaseManager, SeriousYouthViolenceGroup, SchoolReach];
    }

    /// <summary>Eligibility bases (Leicester Youth Justice Plan 2022-23, paragraph 5.10; paragraph 6.4.3; paragraph 8.8.6).</summary>
    public static class Bases
    {
        public const string CommunityResolution = "COMMUNITY_RESOLUTION";
        public const string AtRisk = "AT_RISK";
        public const string SiblingOrAssociate = "SIBLING_OR_ASSOCIATE";

        public static readonly IReadOnlyList<string> All = [CommunityResolution, AtRisk, SiblingOrAssociate];
    }

    /// <summary>The closure reason of an intervention completed (as in national extracts and generated data).</summary>
    public const string CompletedClosure = "COMPLETED";

    /// <summary>The assessment kind of a prevention assessment, read for the at-risk basis (Leicester Youth Justice Plan 2022-23, paragraph 5.10; paragraph 8.8.2).</summary>
    public const string PreventionAssessment = "PREVENTION";


    /// <summary>Referral → panel or triage → intervention → closure → follow-up at 6 and 12 months (Leicester Youth Justice Plan 2022-23, paragraph 6.3; paragraph 8.5.2; paragraph 9.3.2; section 12 (Early Intervention Team)).</summary>
    public static ProgrammePathway Pathway { get; } = ProgrammePathway.For(EarlyInterventionTeam.Code)
        .State("REFERRED", "Referred", initial: true)
        .State("PANEL", "Out-of-court disposal panel")
        .State("TRIAGE", "Triage / prevention assessment")
        .State("INTERVENTION", "Intervention (one-to-one, knife work, mentoring, group work)")
        .State("CLOSED", "Closed")
        .State("FOLLOW_UP_6M", "Follow-up at 6 months")
        .State("FOLLOW_UP_12M", "Follow-up at 12 months", final: true)
        .Step("REFERRED", "PANEL", "TRIAGE", "CLOSED")
        .Step("PANEL", "INTERVENTION", "CLOSED")
        .Step("TRIAGE", "INTERVENTION", "CLOSED")
        .Step("INTERVENTION", "INTERVENTION", "CLOSED")
        .Step("CLOSED", "FOLLOW_UP_6M")
        .Step("FOLLOW_UP_6M", "FOLLOW_UP_12M")
        .RecordedAs(ProgrammeKinds.EarlyIntervention.Code)
        .Route(Routes.PoliceCommunityResolution, ReferralSource.Police, Bases.CommunityResolution)
        .Route(Routes.OutOfCourtPanel, ReferralSource.OutOfCourtPanel, Bases.CommunityResolution, firstStep: "PANEL")
        .Route(Routes.CaseManager, ReferralSource.CaseManager, Bases.SiblingOrAssociate)
        .Route(Routes.SeriousYouthViolenceGroup, ReferralSource.Partnership, Bases.AtRisk)
        .Route(Routes.SchoolReach, ReferralSource.School, Bases.AtRisk)
        // A typical episode, for the synthetic data generator: triage with a prevention assessment (panel referrals go to
        // the panel instead), consent there, the intervention, closure and the two follow-ups.
        .Typically(ProgrammeKinds.EarlyIntervention.Code, t => t
            .Step("TRIAGE", 3, 14, assessment: new TypicalAssessment(PreventionAssessment, 0.6))
            .Consent(0, 0, 0.85, "CLOSED")
            .Intervention("INTERVENTION", 7, 21, 0.8, (56, 150), (14, 60))
            .Closure("CLOSED")
            .FollowUp("FOLLOW_UP_6M", 6)
            .FollowUp("FOLLOW_UP_12M", 12))
        .Build();

    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        var authority = registrar.Manifest.AuthorityCode;
        registrar.AddProgramme(EarlyInterventionTeam, Pathway);
        registrar.AddEligibilityRule(new EarlyInterventionEligibilityRule(
            registrar.Settings.GetIntSetting("eligibility.communityResolutionWindowMonths", 3),
            registrar.Settings.GetIntSetting("eligibility.atRiskAssessmentWindowMonths", 12)));
        var programmes = ProgrammeCodes.FromSettings(registrar.Settings, "programmes", EarlyInterventionTeam, ProgrammeKinds.EarlyIntervention);
        // The definition files hold the defaults; the programmes setting, when given, applies on top.
        var indicators = EarlyInterventionIndicators.Create(authority,
            d => d.WithSetting(Id, "programmes", ProgrammeCodes.Parameter, ProgrammeCodes.Format(programmes)));
        foreach (var indicator in indicators)
        {
            registrar.AddIndicator(indicator);
        }
        registrar.AddValidationRule(AuthorityScope.Rule(new RouteValidationRule(programmes), authority));
        registrar.AddReportSection(new BoardReportSection());
    }
}
