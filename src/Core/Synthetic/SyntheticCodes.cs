namespace YouthJustice.Sdk.Synthetic;

/// <summary>
/// The codes the synthetic generator writes into free-text fields: programme routes and eligibility bases,
/// pathway states, closure reasons, assessment kinds, partner agencies and the reference population name.
/// Local plugins read the same codes, so tests on generated data and on real data agree: where a plugin's code comes
/// from its seed document (e.g. Leicester's <c>SYV_JAG</c> route, Coventry's <c>SENIOR_PRACTITIONER_QA</c> state,
/// Leicester's <c>FOLLOW_UP_6M</c>), the generator uses it; one spelling per concept across the generator and the plugins
/// (see <c>docs/synthetic-data.md</c>, "Codes").
/// </summary>
public static class SyntheticCodes
{
    /// <summary>The reference population of secondary school pupils by ethnicity group.</summary>
    public const string SecondarySchoolCensus = "secondary-school-census";

    /// <summary>Referral routes (<see cref="Domain.ProgrammeEpisode.Route"/>).</summary>
    public static class Routes
    {
        /// <summary>Referred directly by the police (diversion after no further action).</summary>
        public const string Police = "POLICE";
        /// <summary>Referred after a police community resolution (early intervention).</summary>
        public const string PoliceCommunityResolution = "POLICE_CR";
        /// <summary>Referred by the weekly out-of-court disposal panel.</summary>
        public const string OutOfCourtPanel = "OOCD_PANEL";
        /// <summary>Referred by a case manager (e.g. a sibling or associate of a child on a statutory order).</summary>
        public const string CaseManager = "CASE_MANAGER";
        /// <summary>Referred by the serious youth violence joint action group (JAG; Leicester Youth Justice Plan 2022-23, paragraph 6.4.1).</summary>
        public const string SeriousYouthViolenceGroup = "SYV_JAG";
        /// <summary>Referred by a school through the REACH project.</summary>
        public const string SchoolReach = "SCHOOL_REACH";
        /// <summary>Allocated by the court (court order supervision).</summary>
        public const string Court = "COURT";
        /// <summary>Allocated from the secure estate before release (resettlement).</summary>
        public const string Custody = "CUSTODY";
    }

    /// <summary>Eligibility bases (<see cref="Domain.ProgrammeEpisode.EligibilityBasis"/>).</summary>
    public static class Eligibility
    {
        /// <summary>Police took no further action.</summary>
        public const string NoFurtherAction = "NFA";
        /// <summary>The child was given a community resolution (or enhanced community resolution, outcome 22/21).</summary>
        public const string CommunityResolution = "COMMUNITY_RESOLUTION";
        /// <summary>The child is at risk of offending or criminal exploitation.</summary>
        public const string AtRisk = "AT_RISK";
        /// <summary>A sibling or associate of a child on a statutory order.</summary>
        public const string SiblingOrAssociate = "SIBLING_OR_ASSOCIATE";
        /// <summary>Three or more offences in twelve months with evidence of complexity (enriched case management).</summary>
        public const string ThreeOffencesAndComplexity = "THREE_OFFENCES_COMPLEX";
        /// <summary>An out-of-court disposal with an intervention (youth caution, conditional caution, enhanced CR).</summary>
        public const string OutOfCourtDisposal = "OOCD";
        /// <summary>A community court order (referral order or youth rehabilitation order).</summary>
        public const string CourtOrder = "COURT_ORDER";
        /// <summary>Release from a custodial sentence.</summary>
        public const string CustodyRelease = "CUSTODY_RELEASE";
    }

    /// <summary>Pathway states (<see cref="Domain.PathwayEvent.State"/>). Each programme's episodes follow the pathway of the
    /// local model that counts them: diversion Coventry's, early intervention Leicester's, enriched case management
    /// Warwickshire's.</summary>
    public static class States
    {
        /// <summary>Referred to the programme (every programme's first step, except enriched case management records that
        /// start at the ECM assessment).</summary>
        public const string Referred = "REFERRED";
        /// <summary>Consent sought from the child and family (diversion).</summary>
        public const string ConsentSought = "CONSENT_SOUGHT";
        /// <summary>Consent declined: final on the diversion pathway (the episode closes with closure reason
        /// <see cref="Closures.Declined"/>).</summary>
        public const string Declined = "DECLINED";
        /// <summary>Discussed at the out-of-court disposal panel (early intervention referred by the panel).</summary>
        public const string Panel = "PANEL";
        /// <summary>Triaged, with a prevention assessment (early intervention referred by any other route).</summary>
        public const string Triage = "TRIAGE";
        /// <summary>Assessed (diversion, out-of-court and court supervision, resettlement).</summary>
        public const string Assessment = "ASSESSMENT";
        /// <summary>The enriched case management assessment, with parents included where the child has ACEs.</summary>
        public const string EcmAssessment = "ECM_ASSESSMENT";
        /// <summary>Referred to the YJS health team (every diversion child).</summary>
        public const string HealthReferral = "HEALTH_REFERRAL";
        /// <summary>Quality assured by a senior practitioner (diversion).</summary>
        public const string SeniorPractitionerQa = "SENIOR_PRACTITIONER_QA";
        /// <summary>A team-around-the-child meeting (enriched case management).</summary>
        public const string TacMeeting = "TAC_MEETING";
        /// <summary>The intervention (started; the episode's start date).</summary>
        public const string Intervention = "INTERVENTION";
        /// <summary>A parent or carer gave feedback (enriched case management); the detail is a score out of 5.</summary>
        public const string ParentFeedback = "PARENT_FEEDBACK";
        /// <summary>The episode closed.</summary>
        public const string Closed = "CLOSED";
        /// <summary>The follow-up check 6 months after closure; the detail is <c>REOFFENDED</c> when the child had offended
        /// again by then, else empty.</summary>
        public const string FollowUp6Months = "FOLLOW_UP_6M";
        /// <summary>The follow-up check 12 months after closure; detail as for <see cref="FollowUp6Months"/>.</summary>
        public const string FollowUp12Months = "FOLLOW_UP_12M";
    }

    /// <summary>Closure reasons (<see cref="Domain.ProgrammeEpisode.ClosureReason"/>).</summary>
    public static class Closures
    {
        /// <summary>The intervention was completed.</summary>
        public const string Completed = "COMPLETED";
        /// <summary>Consent was declined.</summary>
        public const string Declined = "DECLINED";
        /// <summary>The child stopped engaging.</summary>
        public const string Disengaged = "DISENGAGED";
        /// <summary>The order was revoked and the child re-sentenced after a breach.</summary>
        public const string Resentenced = "RESENTENCED";
    }

    /// <summary>Assessment kinds (<see cref="Domain.Assessment.Kind"/>).</summary>
    public static class AssessmentKinds
    {
        /// <summary>AssetPlus, for statutory outcomes.</summary>
        public const string AssetPlus = "ASSETPLUS";
        /// <summary>A prevention or diversion assessment.</summary>
        public const string Prevention = "PREVENTION";
        /// <summary>The enriched case management assessment, with parents included where the child has ACEs.</summary>
        public const string EnrichedCaseManagement = "ECM";
    }

    /// <summary>Partner agencies on the management board (<see cref="Domain.BoardAttendance.Agency"/>).</summary>
    public static class Agencies
    {
        /// <summary>The police.</summary>
        public const string Police = "POLICE";
        /// <summary>The local authority's education service.</summary>
        public const string Education = "EDUCATION";
        /// <summary>Health (integrated care board).</summary>
        public const string Health = "HEALTH";
        /// <summary>Children's social care.</summary>
        public const string SocialCare = "SOCIAL_CARE";
        /// <summary>The probation service.</summary>
        public const string Probation = "PROBATION";
    }
}
