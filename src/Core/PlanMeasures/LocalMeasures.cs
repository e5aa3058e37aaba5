using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Internal;

namespace YouthJustice.Sdk.PlanMeasures;

/// <summary>
/// The local measures a Youth Justice Plan and an inspection report besides the national indicators and the YJB KPIs, computed
/// from the dataset: risk and safety, courts, custody in depth, exploitation and missing, the knife offence trend, the voice of
/// children, families and victims, and workload. See <c>docs/methodology-local.md</c>.
/// </summary>
/// <remarks>
/// <para>Every definition is data, read from the embedded files <c>PlanMeasures/Definitions/*.indicator.json</c>: change a
/// parameter with <see cref="IndicatorDefinition.WithParameter"/> and pass the new definition to <see cref="Create"/>.</para>
/// <para>This type is thread-safe.</para>
/// </remarks>
public static class LocalMeasures
{
    /// <summary>Risk of serious harm: assessments at the start and review stages rated high or very high.</summary>
    public const string RiskOfSeriousHarmId = "risk-of-serious-harm-high";
    /// <summary>Safety and wellbeing: assessments at the start and review stages rated high or very high.</summary>
    public const string SafetyAndWellbeingId = "safety-wellbeing-high";
    /// <summary>Children assessed high or very high risk with a management oversight record within N days.</summary>
    public const string HighRiskOversightId = "high-risk-oversight";
    /// <summary>Court sentences whose type is the one the pre-sentence report proposed.</summary>
    public const string PsrCongruenceId = "psr-congruence";
    /// <summary>Remands with bail support or a remand alternative offered.</summary>
    public const string BailSupportOfferedId = "bail-support-offered";
    /// <summary>Children sentenced to custody, new entrants and concurrent.</summary>
    public const string CustodyEntrantsId = "custody-entrants";
    /// <summary>Children sentenced to custody whose sentence had a custody learning review.</summary>
    public const string CustodyLearningReviewsId = "custody-learning-reviews";
    /// <summary>Transfers to the Probation Service at 18.</summary>
    public const string ProbationTransfersId = "probation-transfers";
    /// <summary>Children open to the service with an exploitation concern raised while open.</summary>
    public const string ExploitationConcernId = "exploitation-concern";
    /// <summary>Children open to the service referred to the National Referral Mechanism while open.</summary>
    public const string NrmReferralId = "nrm-referral";
    /// <summary>Children open to the service who went missing while open.</summary>
    public const string MissingChildrenId = "missing-children";
    /// <summary>Missing episodes of children while open to the service.</summary>
    public const string MissingEpisodesId = "missing-episodes";
    /// <summary>Proven offences involving a knife or bladed article.</summary>
    public const string KnifeOffencesId = "knife-offences";
    /// <summary>Feedback requests answered, by respondent.</summary>
    public const string FeedbackResponseRateId = "feedback-response-rate";
    /// <summary>Mean satisfaction score out of 5, by respondent.</summary>
    public const string FeedbackSatisfactionId = "feedback-satisfaction";
    /// <summary>Victims who consented to contact whom the service went on to contact.</summary>
    public const string VictimSecondaryContactId = "victim-secondary-contact";
    /// <summary>Average caseload per practitioner over the month-ends in the period.</summary>
    public const string CaseloadPerPractitionerId = "caseload-per-practitioner";
    /// <summary>Interventions started, by programme.</summary>
    public const string InterventionsStartedId = "interventions-started";
    /// <summary>The share of disposal-based interventions started that were out-of-court.</summary>
    public const string OutOfCourtInterventionShareId = "oocd-intervention-share";

    /// <summary>Parameter (risk): the assessment stages counted (comma-separated <c>AssessmentStage</c> names).</summary>
    public const string StagesParameter = "stages";
    /// <summary>Parameter (risk, oversight): the risk levels counted as high (comma-separated <c>RiskLevel</c> names).</summary>
    public const string HighLevelsParameter = "highLevels";
    /// <summary>Parameter (risk, oversight): the assessment kinds counted (comma-separated, case-insensitive); empty for every kind.</summary>
    public const string AssessmentKindsParameter = "assessmentKinds";
    /// <summary>Parameter (risk): which rating is read, <c>RiskOfSeriousHarm</c> or <c>SafetyAndWellbeing</c>.</summary>
    public const string RiskMeasureParameter = "riskMeasure";
    /// <summary>Parameter (oversight): the ratings that make a case high risk (comma-separated <c>RiskOfSeriousHarm</c>, <c>SafetyAndWellbeing</c>).</summary>
    public const string RiskMeasuresParameter = "riskMeasures";
    /// <summary>Parameter (oversight): the days on or after the assessment within which a management oversight record counts.</summary>
    public const string OversightWithinDaysParameter = "oversightWithinDays";
    /// <summary>Parameter (PSR congruence): what must match, <c>Type</c> (the outcome type) or <c>Category</c> (custodial or not).</summary>
    public const string MatchOnParameter = "matchOn";
    /// <summary>Parameter (bail support, case events): the case event kinds counted (comma-separated <c>CaseEventKind</c> names).</summary>
    public const string EventKindsParameter = "eventKinds";
    /// <summary>Parameter (custody): the custodial outcome codes (comma-separated).</summary>
    public const string CustodialOutcomeTypesParameter = "custodialOutcomeTypes";
    /// <summary>Parameter (custody learning reviews): whether a review linked to no outcome, dated on or after the sentence, counts.</summary>
    public const string IncludeUnlinkedReviewsParameter = "includeUnlinkedReviews";
    /// <summary>Parameter (exploitation, missing, caseload): the programme codes whose episodes make a child open to the service; empty for every programme.</summary>
    public const string CaseloadProgrammesParameter = "caseloadProgrammes";
    /// <summary>Parameter (case event counts): whether an event counts only when the child had an episode of a caseload programme open on its date.</summary>
    public const string WhileOpenParameter = "whileOpen";
    /// <summary>Parameter (knife): the youngest age, at the offence date, counted.</summary>
    public const string MinAgeParameter = "minAge";
    /// <summary>Parameter (knife): the oldest age, at the offence date, counted.</summary>
    public const string MaxAgeParameter = "maxAge";
    /// <summary>Parameter (feedback): who was asked (comma-separated <c>FeedbackRespondent</c> names).</summary>
    public const string RespondentsParameter = "respondents";
    /// <summary>Parameter (feedback response rate): whether only requests that close a programme episode count.</summary>
    public const string AtClosureOnlyParameter = "atClosureOnly";
    /// <summary>Parameter (interventions started): the programme codes counted; empty for every programme in the data.</summary>
    public const string ProgrammesParameter = "programmes";
    /// <summary>Parameter (out-of-court share): the programme codes of disposal-based interventions.</summary>
    public const string DisposalProgrammesParameter = "disposalProgrammes";
    /// <summary>Parameter (out-of-court share): the programme codes of out-of-court disposal interventions.</summary>
    public const string OutOfCourtProgrammesParameter = "outOfCourtProgrammes";

    /// <summary>The ids of the built-in definitions, in the order of <c>docs/methodology-local.md</c> (the embedded files the
    /// national catalogue leaves to this one).</summary>
    internal static readonly string[] Ids =
        [
            RiskOfSeriousHarmId, SafetyAndWellbeingId, HighRiskOversightId,
            PsrCongruenceId, BailSupportOfferedId,
            CustodyEntrantsId, CustodyLearningReviewsId, ProbationTransfersId,
            ExploitationConcernId, NrmReferralId, MissingChildrenId, MissingEpisodesId,
            KnifeOffencesId,
            FeedbackResponseRateId, FeedbackSatisfactionId, VictimSecondaryContactId,
            CaseloadPerPractitionerId, InterventionsStartedId, OutOfCourtInterventionShareId,
        ];

    /// <summary>Every built-in definition, in the order of <c>docs/methodology-local.md</c>.</summary>
    public static IReadOnlyList<IndicatorDefinition> Definitions { get; } = [.. Ids.Select(CoreDefinitions.Get)];

    /// <summary>The built-in definition with the id.</summary>
    /// <exception cref="ArgumentException">No local measure has the id.</exception>
    public static IndicatorDefinition Get(string id) =>
        Definitions.FirstOrDefault(d => d.Id == id) ?? throw new ArgumentException($"'{id}' is not a local measure.", nameof(id));

    /// <summary>Creates an indicator for every built-in definition, in <see cref="Definitions"/> order.</summary>
    public static IReadOnlyList<IIndicator> CreateAll() => [.. Definitions.Select(Create)];

    /// <summary>Creates the indicator that applies <paramref name="definition"/> (a built-in definition or a revision of one).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentException">The definition's id is not a local measure.</exception>
    public static IIndicator Create(IndicatorDefinition definition)
    {
        Preconditions.CheckNotNull(definition, nameof(definition));
        return definition.Id switch
        {
            RiskOfSeriousHarmId or SafetyAndWellbeingId => new RiskMixMeasure(definition),
            HighRiskOversightId => new HighRiskOversightMeasure(definition),
            PsrCongruenceId => new PsrCongruenceMeasure(definition),
            BailSupportOfferedId => new BailSupportMeasure(definition),
            CustodyEntrantsId => new CustodyEntrantsMeasure(definition),
            CustodyLearningReviewsId => new CustodyLearningReviewMeasure(definition),
            ProbationTransfersId => new CaseEventCountMeasure(definition),
            ExploitationConcernId or NrmReferralId or MissingChildrenId => new OpenCaseEventMeasure(definition),
            MissingEpisodesId => new CaseEventCountMeasure(definition),
            KnifeOffencesId => new KnifeOffencesMeasure(definition),
            FeedbackResponseRateId => new FeedbackResponseMeasure(definition),
            FeedbackSatisfactionId => new FeedbackSatisfactionMeasure(definition),
            VictimSecondaryContactId => new VictimSecondaryContactMeasure(definition),
            CaseloadPerPractitionerId => new CaseloadMeasure(definition),
            InterventionsStartedId => new InterventionsStartedMeasure(definition),
            OutOfCourtInterventionShareId => new OutOfCourtShareMeasure(definition),
            _ => throw new ArgumentException($"'{definition.Id}' is not a local measure. Known ids: {string.Join(", ", Definitions.Select(d => d.Id))}.", nameof(definition)),
        };
    }
}
