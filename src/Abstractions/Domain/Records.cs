using System.Collections.Immutable;
using NodaTime;

namespace YouthJustice.Sdk.Domain;

/// <summary>A child known to the youth justice service. Identified only by a pseudonymised id.</summary>
/// <param name="Id">The pseudonymised id, unique within a dataset.</param>
/// <param name="DateOfBirth">Date of birth.</param>
/// <param name="Sex">Recorded sex.</param>
/// <param name="Ethnicity">Detailed ethnicity category; its <see cref="EthnicityCategory.Group"/> is the reporting group.</param>
/// <param name="HomeAreaCode">ONS code of the local authority the child lives in, e.g. <c>E08000026</c>.</param>
/// <param name="CareStatus">Children's social care status.</param>
/// <param name="Send">Special educational needs and disabilities status.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Child(
    string Id,
    LocalDate DateOfBirth,
    Sex Sex,
    EthnicityCategory Ethnicity,
    string HomeAreaCode,
    CareStatus CareStatus = CareStatus.None,
    SendStatus Send = SendStatus.None)
{
    /// <summary>The child's ethnicity reporting group.</summary>
    public EthnicityGroup EthnicityGroup => Ethnicity.Group;

    /// <summary>The child's age in whole years on <paramref name="date"/>.</summary>
    /// <remarks>A child born on 29 February has their birthday on 28 February in years that are not leap years,
    /// as NodaTime's <see cref="Period.Between(LocalDate, LocalDate, PeriodUnits)"/> computes it.</remarks>
    public int AgeOn(LocalDate date) => Period.Between(DateOfBirth, date, PeriodUnits.Years).Years;
}

/// <summary>An offence a child is alleged or proven to have committed.</summary>
/// <param name="Id">Unique id within a dataset.</param>
/// <param name="ChildId">The child who committed it.</param>
/// <param name="CommittedOn">The date the offence was committed (not the date it was proven).</param>
/// <param name="Group">The offence group.</param>
/// <param name="Gravity">The ACPO youth gravity score, 1 (least serious) to 8.</param>
/// <param name="InvolvesKnife">Whether a knife or bladed article was involved (some programmes exclude these).</param>
public sealed record Offence(
    string Id,
    string ChildId,
    LocalDate CommittedOn,
    OffenceGroup Group,
    int Gravity,
    bool InvolvesKnife = false);

/// <summary>An outcome (disposal) for one or more of a child's offences.</summary>
/// <param name="Id">Unique id within a dataset.</param>
/// <param name="ChildId">The child it was given to.</param>
/// <param name="OffenceIds">The offences it disposes of (at least one, except for remands).</param>
/// <param name="OutcomeDate">The date the outcome was imposed; for a remand, the date the remand began.</param>
/// <param name="Type">The outcome type.</param>
/// <param name="DecidedBy">The body that decided it.</param>
/// <param name="Admitted">Whether the child admitted the offence, where recorded.</param>
/// <param name="Resentenced">For a breach: whether the child was re-sentenced (only then is it reoffending).</param>
/// <param name="SentenceLengthDays">For a custodial sentence: its length in days.</param>
/// <param name="ReleaseDate">For a custodial sentence: the date of release, when the reoffending follow-up starts.</param>
/// <param name="EndDate">For a remand or an order: the date it ended, where known.</param>
/// <param name="PsrProposal">For a court sentence: the outcome the pre-sentence report proposed, where a report was written.</param>
/// <remarks>Equality compares <paramref name="OffenceIds"/> element by element.</remarks>
public sealed record Outcome(
    string Id,
    string ChildId,
    ImmutableArray<string> OffenceIds,
    LocalDate OutcomeDate,
    OutcomeType Type,
    DecidingBody DecidedBy,
    bool? Admitted = null,
    bool Resentenced = false,
    int? SentenceLengthDays = null,
    LocalDate? ReleaseDate = null,
    LocalDate? EndDate = null,
    OutcomeType? PsrProposal = null)
{
    /// <inheritdoc />
    public bool Equals(Outcome? other) =>
        other is not null
        && Id == other.Id && ChildId == other.ChildId
        && OffenceIds.AsSpan().SequenceEqual(other.OffenceIds.AsSpan())
        && OutcomeDate == other.OutcomeDate && Type.Equals(other.Type) && DecidedBy == other.DecidedBy
        && Admitted == other.Admitted && Resentenced == other.Resentenced
        && SentenceLengthDays == other.SentenceLengthDays && ReleaseDate == other.ReleaseDate && EndDate == other.EndDate
        && Equals(PsrProposal, other.PsrProposal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, ChildId, OutcomeDate, Type);
}

/// <summary>A child's episode on a programme or intervention, from referral to closure.</summary>
/// <param name="Id">Unique id within a dataset.</param>
/// <param name="ChildId">The child.</param>
/// <param name="Programme">The programme.</param>
/// <param name="ReferralDate">The date of referral.</param>
/// <param name="Route">How the child was referred (a code the programme defines, e.g. <c>POLICE</c>).</param>
/// <param name="EligibilityBasis">Why the child was eligible (a code the programme defines).</param>
/// <param name="ConsentGiven">Whether the child (and family) consented, for voluntary programmes.</param>
/// <param name="Engagement">Whether the child engaged.</param>
/// <param name="StartDate">When the intervention started, if it did.</param>
/// <param name="EndDate">When the episode closed, if it has.</param>
/// <param name="ClosureReason">Why it closed (e.g. <c>COMPLETED</c>, <c>DECLINED</c>, <c>DISENGAGED</c>).</param>
/// <param name="PractitionerId">The pseudonymised id of the practitioner holding the case, where recorded (for caseloads).</param>
public sealed record ProgrammeEpisode(
    string Id,
    string ChildId,
    ProgrammeKind Programme,
    LocalDate ReferralDate,
    string? Route = null,
    string? EligibilityBasis = null,
    bool? ConsentGiven = null,
    Engagement Engagement = Engagement.NotKnown,
    LocalDate? StartDate = null,
    LocalDate? EndDate = null,
    string? ClosureReason = null,
    string? PractitionerId = null);

/// <summary>A step an episode took along its programme's pathway (e.g. consent sought, assessment, closure).</summary>
/// <param name="EpisodeId">The programme episode.</param>
/// <param name="Date">The date of the step.</param>
/// <param name="State">The pathway state entered, a code the programme's pathway defines.</param>
/// <param name="Detail">Optional free detail (e.g. a feedback score or who attended).</param>
public sealed record PathwayEvent(string EpisodeId, LocalDate Date, string State, string? Detail = null);

/// <summary>A link between two children (siblings, associates).</summary>
/// <param name="ChildId">One child.</param>
/// <param name="LinkedChildId">The other child.</param>
/// <param name="Kind">How they are linked.</param>
public sealed record ChildLink(string ChildId, string LinkedChildId, LinkKind Kind);

/// <summary>An assessment of a child (e.g. AssetPlus or a prevention assessment).</summary>
/// <param name="Id">Unique id within a dataset.</param>
/// <param name="ChildId">The child.</param>
/// <param name="AssessedOn">The date of the assessment.</param>
/// <param name="Kind">The kind of assessment, e.g. <c>ASSETPLUS</c>.</param>
/// <param name="RiskOfSeriousHarm">Risk of serious harm to others.</param>
/// <param name="SafetyAndWellbeing">Concerns for the child's own safety and wellbeing.</param>
/// <param name="AceCount">Adverse childhood experiences recorded, if assessed.</param>
/// <param name="Needs">Needs identified.</param>
/// <param name="ParentIncluded">Whether a parent or carer took part in the assessment.</param>
/// <param name="Stage">When in the child's time with the service the assessment was made (start, review or end), where recorded.</param>
public sealed record Assessment(
    string Id,
    string ChildId,
    LocalDate AssessedOn,
    string Kind,
    RiskLevel RiskOfSeriousHarm = RiskLevel.NotAssessed,
    RiskLevel SafetyAndWellbeing = RiskLevel.NotAssessed,
    int? AceCount = null,
    Needs Needs = Needs.None,
    bool ParentIncluded = false,
    AssessmentStage Stage = AssessmentStage.NotKnown);

/// <summary>
/// A child's circumstances observed at the start or end of an intervention (YJB KPIs 1-5):
/// accommodation, education/training/employment, learning plan, and the mental health and substance misuse funnels.
/// A <see langword="null"/> field was not observed.
/// </summary>
/// <param name="Id">Unique id within a dataset.</param>
/// <param name="ChildId">The child.</param>
/// <param name="EpisodeId">The programme episode it belongs to, if any.</param>
/// <param name="ObservedOn">The date of the observation.</param>
/// <param name="Point">Start or end of the intervention.</param>
/// <param name="Setting">Community or released from custody.</param>
/// <param name="AccommodationSuitable">Whether the child's accommodation was suitable.</param>
/// <param name="EteSuitable">Whether the child was in a suitable education, training or employment arrangement.</param>
/// <param name="EteHours">Hours a week of education, training or employment.</param>
/// <param name="LearningPlan">For a child with SEND: whether a formal learning plan is in place.</param>
/// <param name="MentalHealth">How far along the mental health support funnel the child is.</param>
/// <param name="SubstanceMisuse">How far along the substance misuse support funnel the child is.</param>
public sealed record StatusObservation(
    string Id,
    string ChildId,
    string? EpisodeId,
    LocalDate ObservedOn,
    ObservationPoint Point,
    SupervisionSetting Setting,
    bool? AccommodationSuitable = null,
    bool? EteSuitable = null,
    decimal? EteHours = null,
    bool? LearningPlan = null,
    SupportStage? MentalHealth = null,
    SupportStage? SubstanceMisuse = null);

/// <summary>Contact with the victim of a child's offence (YJB KPI 10).</summary>
/// <param name="Id">Unique id within a dataset.</param>
/// <param name="ChildId">The child whose offence it was.</param>
/// <param name="OffenceId">The offence, where known.</param>
/// <param name="ContactDate">The date of the contact.</param>
/// <param name="ConsentedToContact">Whether the victim consented to be contacted.</param>
/// <param name="ViewsTaken">Whether the victim's views were taken.</param>
/// <param name="RestorativeJusticeOffered">Whether restorative justice was offered.</param>
/// <param name="RestorativeJusticeTakenUp">Whether the victim took restorative justice up.</param>
public sealed record VictimContact(
    string Id,
    string ChildId,
    string? OffenceId,
    LocalDate ContactDate,
    bool ConsentedToContact,
    bool ViewsTaken,
    bool RestorativeJusticeOffered,
    bool RestorativeJusticeTakenUp);

/// <summary>A partner agency's attendance at one meeting of an area's youth justice management board (YJB KPI 7).</summary>
/// <param name="AreaCode">ONS code of the local authority whose board met, e.g. <c>E08000026</c>.</param>
/// <param name="MeetingDate">The date of the meeting.</param>
/// <param name="Agency">The partner agency, e.g. <c>POLICE</c>, <c>EDUCATION</c>, <c>HEALTH</c>.</param>
/// <param name="Attendance">How the agency was represented.</param>
public sealed record BoardAttendance(string AreaCode, LocalDate MeetingDate, string Agency, AttendanceLevel Attendance);

/// <summary>A population estimate (an ONS mid-year estimate) for one area, year and single year of age.</summary>
/// <param name="AreaCode">ONS area code.</param>
/// <param name="Year">The mid-year the estimate is for.</param>
/// <param name="Age">Single year of age.</param>
/// <param name="Sex">Sex, or <see langword="null"/> for all persons.</param>
/// <param name="EthnicityGroup">Ethnicity group, or <see langword="null"/> for all groups.</param>
/// <param name="Count">The estimated number of people.</param>
public sealed record PopulationEstimate(string AreaCode, int Year, int Age, Sex? Sex, EthnicityGroup? EthnicityGroup, int Count);

/// <summary>
/// A count in a named reference population other than the ONS estimates, e.g. the secondary school census by
/// ethnicity group, used as the comparison base for a stage.
/// </summary>
/// <param name="Name">The population's name, e.g. <c>secondary-school-census</c>.</param>
/// <param name="AreaCode">ONS area code.</param>
/// <param name="Year">The year the count is for.</param>
/// <param name="EthnicityGroup">The ethnicity group counted.</param>
/// <param name="Count">The number of people.</param>
public sealed record ReferencePopulation(string Name, string AreaCode, int Year, EthnicityGroup EthnicityGroup, int Count);

/// <summary>A local authority area.</summary>
/// <param name="Code">ONS area code, e.g. <c>E08000026</c>.</param>
/// <param name="Name">The area's name, e.g. <c>Coventry</c>.</param>
public sealed record Area(string Code, string Name);

/// <summary>
/// Something that happened in a child's case that the plans and the inspectorate count: a management oversight
/// record, an exploitation concern, a National Referral Mechanism referral, a missing episode, bail support or a
/// remand alternative offered, a custody learning review, a transfer to probation.
/// </summary>
/// <param name="Id">Unique id within a dataset.</param>
/// <param name="ChildId">The child.</param>
/// <param name="Date">The date it happened (for a missing episode, the date the child went missing).</param>
/// <param name="Kind">What happened.</param>
/// <param name="OutcomeId">The outcome it concerns, where it concerns one (the remand bail support was offered against,
/// the custodial sentence a learning review looked at); an outcome of the same child.</param>
/// <param name="Detail">Optional free detail.</param>
public sealed record CaseEvent(string Id, string ChildId, LocalDate Date, CaseEventKind Kind, string? OutcomeId = null, string? Detail = null);

/// <summary>A request for feedback from a child, a parent or carer, or a victim, and the answer if one came.</summary>
/// <param name="Id">Unique id within a dataset.</param>
/// <param name="ChildId">The child whose case it concerns.</param>
/// <param name="Respondent">Who was asked.</param>
/// <param name="RequestedOn">The date feedback was asked for (for a child, usually at the close of an intervention).</param>
/// <param name="Responded">Whether feedback was given.</param>
/// <param name="Score">The satisfaction score given, 1 (least) to 5 (most) satisfied, where one was given.</param>
/// <param name="EpisodeId">The programme episode it closes, if any; an episode of the same child.</param>
public sealed record FeedbackRequest(
    string Id,
    string ChildId,
    FeedbackRespondent Respondent,
    LocalDate RequestedOn,
    bool Responded,
    decimal? Score = null,
    string? EpisodeId = null);
