namespace YouthJustice.Sdk.Domain;

/// <summary>A child's recorded sex. Non-binary appears in local plans (Coventry 2021-23) and is kept distinct.</summary>
public enum Sex
{
    /// <summary>Not recorded or not known.</summary>
    Unknown = 0,
    /// <summary>Male.</summary>
    Male = 1,
    /// <summary>Female.</summary>
    Female = 2,
    /// <summary>Non-binary.</summary>
    NonBinary = 3,
}

/// <summary>
/// The ethnicity reporting groups youth justice plans publish (White British, White Other / ethnic minority,
/// Mixed, Asian, Black, Other, Not known). Each <see cref="EthnicityCategory"/> belongs to exactly one group.
/// </summary>
public enum EthnicityGroup
{
    /// <summary>Not known, not obtained or refused.</summary>
    NotKnown = 0,
    /// <summary>White: English, Welsh, Scottish, Northern Irish or British.</summary>
    WhiteBritish = 1,
    /// <summary>Any other White background (Irish, Gypsy or Irish Traveller, Roma, other White).</summary>
    WhiteOther = 2,
    /// <summary>Mixed or multiple ethnic groups.</summary>
    Mixed = 3,
    /// <summary>Asian or Asian British, including Chinese.</summary>
    Asian = 4,
    /// <summary>Black, Black British, Caribbean or African.</summary>
    Black = 5,
    /// <summary>Other ethnic group, including Arab.</summary>
    Other = 6,
}

/// <summary>Children's social care involvement at the time of the record, from least to most intensive.</summary>
public enum CareStatus
{
    /// <summary>No recorded involvement.</summary>
    None = 0,
    /// <summary>Receiving early help.</summary>
    EarlyHelp = 1,
    /// <summary>A child in need.</summary>
    ChildInNeed = 2,
    /// <summary>Subject to a child protection plan.</summary>
    ChildProtectionPlan = 3,
    /// <summary>Currently looked after by the local authority.</summary>
    LookedAfter = 4,
    /// <summary>Previously looked after (including care leavers).</summary>
    FormerlyLookedAfter = 5,
}

/// <summary>Special educational needs and disabilities status.</summary>
public enum SendStatus
{
    /// <summary>No identified special educational need.</summary>
    None = 0,
    /// <summary>SEN support without a plan.</summary>
    SenSupport = 1,
    /// <summary>An education, health and care plan (EHCP).</summary>
    EducationHealthCarePlan = 2,
}

/// <summary>The offence groups used in youth justice statistics.</summary>
public enum OffenceGroup
{
    /// <summary>Violence against the person.</summary>
    ViolenceAgainstThePerson = 0,
    /// <summary>Robbery.</summary>
    Robbery = 1,
    /// <summary>Burglary.</summary>
    Burglary = 2,
    /// <summary>Theft and handling stolen goods.</summary>
    Theft = 3,
    /// <summary>Criminal damage and arson.</summary>
    CriminalDamage = 4,
    /// <summary>Drugs offences.</summary>
    Drugs = 5,
    /// <summary>Possession of weapons.</summary>
    PossessionOfWeapons = 6,
    /// <summary>Motoring offences.</summary>
    Motoring = 7,
    /// <summary>Sexual offences.</summary>
    Sexual = 8,
    /// <summary>Public order offences.</summary>
    PublicOrder = 9,
    /// <summary>Any other offence.</summary>
    Other = 10,
}

/// <summary>Where an outcome sits on the outcome ladder; drives the national counting rules.</summary>
public enum OutcomeCategory
{
    /// <summary>No outcome: no further action, released under investigation.</summary>
    NoFurtherAction = 0,
    /// <summary>An informal, non-substantive out-of-court outcome (community resolution, outcome 22/21).</summary>
    InformalOutOfCourt = 1,
    /// <summary>A statutory out-of-court disposal: youth caution or youth conditional caution.</summary>
    StatutoryOutOfCourt = 2,
    /// <summary>A non-custodial court disposal: discharge, fine, referral order, youth rehabilitation order.</summary>
    CourtNonCustodial = 3,
    /// <summary>A custodial sentence.</summary>
    CourtCustodial = 4,
    /// <summary>A remand to youth detention accommodation: not a sentence, counted separately.</summary>
    Remand = 5,
    /// <summary>Breach of an order: counts as reoffending only where the child is re-sentenced.</summary>
    Breach = 6,
}

/// <summary>The body that decided an outcome.</summary>
public enum DecidingBody
{
    /// <summary>The police alone.</summary>
    Police = 0,
    /// <summary>A joint decision panel of police and the youth justice service.</summary>
    JointDecisionPanel = 1,
    /// <summary>A court.</summary>
    Court = 2,
}

/// <summary>Whether a child engaged with a programme episode.</summary>
public enum Engagement
{
    /// <summary>Not recorded or not yet known.</summary>
    NotKnown = 0,
    /// <summary>The child engaged.</summary>
    Engaged = 1,
    /// <summary>The child did not engage.</summary>
    NotEngaged = 2,
}

/// <summary>How two children are linked.</summary>
public enum LinkKind
{
    /// <summary>Siblings.</summary>
    Sibling = 0,
    /// <summary>Known associates.</summary>
    Associate = 1,
}

/// <summary>An assessed level of risk or concern.</summary>
public enum RiskLevel
{
    /// <summary>Not assessed.</summary>
    NotAssessed = 0,
    /// <summary>Low.</summary>
    Low = 1,
    /// <summary>Medium.</summary>
    Medium = 2,
    /// <summary>High.</summary>
    High = 3,
    /// <summary>Very high.</summary>
    VeryHigh = 4,
}

/// <summary>Needs identified in an assessment. A combination of flags.</summary>
[Flags]
public enum Needs
{
    /// <summary>No needs recorded.</summary>
    None = 0,
    /// <summary>Mental health or emotional wellbeing.</summary>
    MentalHealth = 1,
    /// <summary>Substance misuse.</summary>
    SubstanceMisuse = 2,
    /// <summary>Speech, language and communication needs.</summary>
    SpeechLanguageCommunication = 4,
    /// <summary>Neurodevelopmental or neurological needs.</summary>
    Neurodevelopmental = 8,
    /// <summary>At risk of criminal exploitation.</summary>
    CriminalExploitation = 16,
    /// <summary>A history of child protection involvement.</summary>
    ChildProtectionHistory = 32,
    /// <summary>Difficulties engaging with services.</summary>
    EngagementIssues = 64,
    /// <summary>Education, training or employment needs.</summary>
    Education = 128,
}

/// <summary>When in an intervention a status was observed.</summary>
public enum ObservationPoint
{
    /// <summary>At the start of the intervention.</summary>
    InterventionStart = 0,
    /// <summary>At the end of the intervention.</summary>
    InterventionEnd = 1,
}

/// <summary>Where the child was supervised when a status was observed (YJB KPIs 1-3 split on this).</summary>
public enum SupervisionSetting
{
    /// <summary>Supervised in the community.</summary>
    Community = 0,
    /// <summary>Released from custody.</summary>
    ReleasedFromCustody = 1,
}

/// <summary>How far a child has gone along a support funnel (YJB KPIs 4 and 5): need → planned/offered → attending.</summary>
public enum SupportStage
{
    /// <summary>No need identified.</summary>
    NoNeed = 0,
    /// <summary>A need was identified but no intervention planned or offered yet.</summary>
    NeedIdentified = 1,
    /// <summary>An intervention was planned or offered.</summary>
    PlannedOrOffered = 2,
    /// <summary>The child is attending the intervention.</summary>
    Attending = 3,
}

/// <summary>How a partner agency was represented at a management board meeting (YJB KPI 7).</summary>
public enum AttendanceLevel
{
    /// <summary>Attended at senior level.</summary>
    Senior = 0,
    /// <summary>Attended by a deputy.</summary>
    Deputy = 1,
    /// <summary>Did not attend.</summary>
    NotAttended = 2,
}

/// <summary>When in a child's time with the service an assessment was made.</summary>
public enum AssessmentStage
{
    /// <summary>Not recorded.</summary>
    NotKnown = 0,
    /// <summary>At the start of the intervention.</summary>
    Start = 1,
    /// <summary>A review during the intervention.</summary>
    Review = 2,
    /// <summary>At the end of the intervention.</summary>
    End = 3,
}

/// <summary>What a <see cref="CaseEvent"/> records.</summary>
public enum CaseEventKind
{
    /// <summary>A manager recorded oversight of the case (the inspectorate's management oversight).</summary>
    ManagementOversight = 0,
    /// <summary>A concern that the child is being exploited (criminal or sexual exploitation) was raised.</summary>
    ExploitationConcern = 1,
    /// <summary>A referral to the National Referral Mechanism (modern slavery and trafficking).</summary>
    NationalReferralMechanismReferral = 2,
    /// <summary>The child went missing (one episode).</summary>
    MissingEpisode = 3,
    /// <summary>A bail support package was offered to the court.</summary>
    BailSupportOffered = 4,
    /// <summary>An alternative to remand (e.g. remand to local authority accommodation) was offered to the court.</summary>
    RemandAlternativeOffered = 5,
    /// <summary>A learning review of the child's custodial sentence was held.</summary>
    CustodyLearningReview = 6,
    /// <summary>The child's supervision was transferred to the Probation Service at 18.</summary>
    TransferToProbation = 7,
}

/// <summary>Who a <see cref="FeedbackRequest"/> asked.</summary>
public enum FeedbackRespondent
{
    /// <summary>The child.</summary>
    Child = 0,
    /// <summary>A parent or carer.</summary>
    ParentCarer = 1,
    /// <summary>A victim of the child's offence.</summary>
    Victim = 2,
}
