namespace YouthJustice.Sdk.Synthetic;

/// <summary>
/// The national codes the synthetic generator writes into free-text fields: the national supervision programmes'
/// routes, eligibility bases and pathway states, closure reasons, assessment kinds, partner agencies and the reference
/// population name. Local programmes' states, routes, bases and assessment kinds are not here: they come from what the
/// plugins declare (<see cref="SyntheticOptions.Programmes"/>; see <c>docs/synthetic-data.md</c>, "Codes").
/// </summary>
public static class SyntheticCodes
{
    /// <summary>The reference population of secondary school pupils by ethnicity group.</summary>
    public const string SecondarySchoolCensus = "secondary-school-census";

    /// <summary>The detail of a follow-up step when the child had offended again by then (else the detail is empty).</summary>
    public const string Reoffended = "REOFFENDED";

    /// <summary>Referral routes of the national supervision programmes (<see cref="Domain.ProgrammeEpisode.Route"/>).</summary>
    public static class Routes
    {
        /// <summary>Referred by the weekly out-of-court disposal panel (out-of-court interventions).</summary>
        public const string OutOfCourtPanel = "OOCD_PANEL";
        /// <summary>Allocated by the court (court order supervision).</summary>
        public const string Court = "COURT";
        /// <summary>Allocated from the secure estate before release (resettlement).</summary>
        public const string Custody = "CUSTODY";
    }

    /// <summary>Eligibility bases of the national supervision programmes (<see cref="Domain.ProgrammeEpisode.EligibilityBasis"/>).</summary>
    public static class Eligibility
    {
        /// <summary>An out-of-court disposal with an intervention (youth caution, conditional caution, enhanced CR).</summary>
        public const string OutOfCourtDisposal = "OOCD";
        /// <summary>A community court order (referral order or youth rehabilitation order).</summary>
        public const string CourtOrder = "COURT_ORDER";
        /// <summary>Release from a custodial sentence.</summary>
        public const string CustodyRelease = "CUSTODY_RELEASE";
    }

    /// <summary>Pathway states of the national supervision programmes (<see cref="Domain.PathwayEvent.State"/>): out-of-court
    /// interventions, court order supervision and resettlement.</summary>
    public static class States
    {
        /// <summary>Referred to the programme.</summary>
        public const string Referred = "REFERRED";
        /// <summary>Assessed.</summary>
        public const string Assessment = "ASSESSMENT";
        /// <summary>The intervention (started; the episode's start date).</summary>
        public const string Intervention = "INTERVENTION";
        /// <summary>The episode closed.</summary>
        public const string Closed = "CLOSED";
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

    /// <summary>Assessment kinds of the national supervision programmes (<see cref="Domain.Assessment.Kind"/>).</summary>
    public static class AssessmentKinds
    {
        /// <summary>AssetPlus, for statutory outcomes.</summary>
        public const string AssetPlus = "ASSETPLUS";
        /// <summary>A prevention or diversion assessment (non-statutory out-of-court outcomes).</summary>
        public const string Prevention = "PREVENTION";
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
