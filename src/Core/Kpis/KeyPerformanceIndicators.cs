using System.Collections.Immutable;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Internal;

namespace YouthJustice.Sdk.Kpis;

/// <summary>
/// The Youth Justice Board's key performance indicators for youth justice services (in force from April 2023): the built-in,
/// versioned definitions and the indicators that apply them. See <c>docs/methodology-kpis.md</c>.
/// </summary>
/// <remarks>
/// <para>Every definition's parameters are data: change one with <see cref="IndicatorDefinition.WithParameter"/> (which
/// bumps the version) and pass the new definition to <see cref="Create"/>.</para>
/// <para>This type is thread-safe.</para>
/// </remarks>
public static class KeyPerformanceIndicators
{
    /// <summary>The document the definitions come from.</summary>
    public const string SourceDocument = "Youth Justice Board, Key performance indicators for youth justice services (from April 2023)";

    /// <summary>Parameter: the programme codes (comma-separated) whose episodes make up "children the service works with".</summary>
    public const string CaseloadProgrammesParameter = "caseloadProgrammes";

    /// <summary>Parameter: whether a status observation linked to no programme episode counts (<c>true</c>/<c>false</c>).</summary>
    public const string IncludeUnlinkedObservationsParameter = "includeUnlinkedObservations";

    /// <summary>Parameter (KPI 2 hours): weekly hours a child below <see cref="OlderAgeFromParameter"/> needs.</summary>
    public const string SchoolAgeHoursParameter = "schoolAgeHoursThreshold";

    /// <summary>Parameter (KPI 2 hours): weekly hours a child aged <see cref="OlderAgeFromParameter"/> or over needs.</summary>
    public const string OlderHoursParameter = "olderHoursThreshold";

    /// <summary>Parameter (KPI 2 hours): the age (on the observation date) from which the older threshold applies.</summary>
    public const string OlderAgeFromParameter = "olderAgeFrom";

    /// <summary>Parameter (KPI 3): the SEND statuses (comma-separated <c>SendStatus</c> names) that put a child in scope.</summary>
    public const string SendStatusesParameter = "sendStatuses";

    /// <summary>Parameter (KPIs 4 and 5): the observation point the funnel is read at (<c>InterventionStart</c> or <c>InterventionEnd</c>).</summary>
    public const string ObservationPointParameter = "observationPoint";

    /// <summary>Parameter (KPI 6): the programme codes whose closed episodes are out-of-court disposal interventions.</summary>
    public const string ProgrammesParameter = "programmes";

    /// <summary>Parameter (KPI 6): the closure reasons (comma-separated, case-insensitive) that mean "completed".</summary>
    public const string CompletedClosureReasonsParameter = "completedClosureReasons";

    /// <summary>Parameter (KPI 7): the partner agencies counted (comma-separated, case-insensitive); empty for every agency.</summary>
    public const string AgenciesParameter = "agencies";

    /// <summary>Parameter (KPI 8): the care statuses (comma-separated <c>CareStatus</c> names) counted as wider services.</summary>
    public const string CareStatusesParameter = "careStatuses";

    /// <summary>Parameter (KPI 9): the offence groups (comma-separated <c>OffenceGroup</c> names) counted.</summary>
    public const string OffenceGroupsParameter = "offenceGroups";

    /// <summary>Parameter (KPI 9): the lowest gravity score counted.</summary>
    public const string MinimumGravityParameter = "minimumGravity";

    /// <summary>Parameter (KPI 9): the youngest age, at the offence date, counted and in the population.</summary>
    public const string MinAgeParameter = "minAge";

    /// <summary>Parameter (KPI 9): the oldest age, at the offence date, counted and in the population.</summary>
    public const string MaxAgeParameter = "maxAge";

    /// <summary>KPI 1 id.</summary>
    public const string AccommodationId = "yjb-kpi-1-accommodation";
    /// <summary>KPI 2 id (suitable ETE).</summary>
    public const string EteId = "yjb-kpi-2-ete";
    /// <summary>KPI 2 id (hours of ETE against the age threshold).</summary>
    public const string EteHoursId = "yjb-kpi-2-ete-hours";
    /// <summary>KPI 3 id.</summary>
    public const string SendEteId = "yjb-kpi-3-send-ete";
    /// <summary>KPI 4 id.</summary>
    public const string MentalHealthId = "yjb-kpi-4-mental-health";
    /// <summary>KPI 5 id.</summary>
    public const string SubstanceMisuseId = "yjb-kpi-5-substance-misuse";
    /// <summary>KPI 6 id.</summary>
    public const string OutOfCourtId = "yjb-kpi-6-oocd-completion";
    /// <summary>KPI 7 id.</summary>
    public const string BoardAttendanceId = "yjb-kpi-7-board-attendance";
    /// <summary>KPI 8 id.</summary>
    public const string WiderServicesId = "yjb-kpi-8-wider-services";
    /// <summary>KPI 9 id.</summary>
    public const string SeriousViolenceId = "yjb-kpi-9-serious-violence";
    /// <summary>KPI 10 id.</summary>
    public const string VictimsId = "yjb-kpi-10-victims";

    private const string DefaultCaseload = "COURT_ORDER,OOCD_INTERVENTION,RESETTLEMENT";
    private const string Summary = "Summary of the YJB definition (docs/domain.md §3: definitions 6-10 are summaries); parameters editable";

    /// <summary>KPI 1: suitable accommodation, at the start and end of an intervention, community or released from custody.</summary>
    public static IndicatorDefinition Accommodation { get; } = Define(
        AccommodationId, "KPI 1: suitable accommodation",
        "Observations at the start or end of an intervention where the child's accommodation was suitable, over observations where it was recorded.",
        "KPI 1 (suitable accommodation); docs/domain.md §3", "%", 100m, Direction.HigherIsBetter,
        (CaseloadProgrammesParameter, DefaultCaseload), (IncludeUnlinkedObservationsParameter, "true"));

    /// <summary>KPI 2: suitable education, training or employment (ETE).</summary>
    public static IndicatorDefinition Ete { get; } = Define(
        EteId, "KPI 2: suitable education, training and employment",
        "Observations at the start or end of an intervention where the child was in a suitable ETE arrangement, over observations where it was recorded.",
        "KPI 2 (ETE); docs/domain.md §3", "%", 100m, Direction.HigherIsBetter,
        (CaseloadProgrammesParameter, DefaultCaseload), (IncludeUnlinkedObservationsParameter, "true"));

    /// <summary>KPI 2: hours of ETE against the threshold for the child's age (Warwickshire: 25+ hours under 16, 16+ hours from 16).</summary>
    public static IndicatorDefinition EteHours { get; } = Define(
        EteHoursId, "KPI 2: hours of education, training and employment",
        "Observations where the child's weekly ETE hours met the threshold for their age, over observations where hours were recorded.",
        "KPI 2 (ETE hours); thresholds as Warwickshire strategic plan 2018/19 (seed 004): 25+ hours for 10-16 year olds, 16+ hours over 16",
        "%", 100m, Direction.HigherIsBetter,
        (CaseloadProgrammesParameter, DefaultCaseload), (IncludeUnlinkedObservationsParameter, "true"),
        (SchoolAgeHoursParameter, "25"), (OlderHoursParameter, "16"), (OlderAgeFromParameter, "16"));

    /// <summary>KPI 3: children with SEND/ALN in a suitable ETE arrangement with a learning plan.</summary>
    public static IndicatorDefinition SendEte { get; } = Define(
        SendEteId, "KPI 3: SEND/ALN with suitable ETE and a learning plan",
        "Observations of children with SEND where the child was in suitable ETE and had a formal learning plan, over observations of children with SEND where both were recorded.",
        "KPI 3 (SEND/ALN); docs/domain.md §3", "%", 100m, Direction.HigherIsBetter,
        (CaseloadProgrammesParameter, DefaultCaseload), (IncludeUnlinkedObservationsParameter, "true"),
        (SendStatusesParameter, "SenSupport,EducationHealthCarePlan"));

    /// <summary>KPI 4: mental health and emotional wellbeing, a funnel: need identified → planned or offered → attending.</summary>
    public static IndicatorDefinition MentalHealth { get; } = Define(
        MentalHealthId, "KPI 4: mental health and emotional wellbeing",
        "A funnel over observations at the chosen point: need identified, intervention planned or offered, attending. Each stage: children at that stage or beyond over children at the previous stage or beyond.",
        "KPI 4 (mental health and emotional wellbeing); docs/domain.md §3", "%", 100m, Direction.HigherIsBetter,
        (CaseloadProgrammesParameter, DefaultCaseload), (IncludeUnlinkedObservationsParameter, "true"),
        (ObservationPointParameter, "InterventionEnd"));

    /// <summary>KPI 5: substance misuse, the same funnel as KPI 4.</summary>
    public static IndicatorDefinition SubstanceMisuse { get; } = Define(
        SubstanceMisuseId, "KPI 5: substance misuse",
        "A funnel over observations at the chosen point: need identified, intervention planned or offered, attending. Each stage: children at that stage or beyond over children at the previous stage or beyond.",
        "KPI 5 (substance misuse); docs/domain.md §3", "%", 100m, Direction.HigherIsBetter,
        (CaseloadProgrammesParameter, DefaultCaseload), (IncludeUnlinkedObservationsParameter, "true"),
        (ObservationPointParameter, "InterventionEnd"));

    /// <summary>KPI 6: out-of-court disposal interventions completed.</summary>
    public static IndicatorDefinition OutOfCourt { get; } = Define(
        OutOfCourtId, "KPI 6: out-of-court disposal interventions completed",
        "Out-of-court disposal intervention episodes closed in the period as completed, over those closed in the period.",
        "KPI 6 (out-of-court disposals). " + Summary, "%", 100m, Direction.HigherIsBetter,
        (ProgrammesParameter, "OOCD_INTERVENTION"), (CompletedClosureReasonsParameter, "COMPLETED"));

    /// <summary>KPI 7: management board attendance by senior partners.</summary>
    public static IndicatorDefinition BoardAttendance { get; } = Define(
        BoardAttendanceId, "KPI 7: management board attendance by senior partners",
        "Partner attendance records at board meetings in the period where the agency attended at senior level, over all partner attendance records (attended or not).",
        "KPI 7 (management board attendance). " + Summary, "%", 100m, Direction.HigherIsBetter,
        (AgenciesParameter, ""));

    /// <summary>KPI 8: wider services (early help, child in need, child protection plan, looked after).</summary>
    public static IndicatorDefinition WiderServices { get; } = Define(
        WiderServicesId, "KPI 8: wider services",
        "Children the service worked with in the period who are on early help, a child in need plan, a child protection plan or looked after, over all children the service worked with.",
        "KPI 8 (wider services). " + Summary, "%", 100m, Direction.Neutral,
        (CaseloadProgrammesParameter, DefaultCaseload), (CareStatusesParameter, "EarlyHelp,ChildInNeed,ChildProtectionPlan,LookedAfter"));

    /// <summary>KPI 9: serious violence, a count and a rate per 10,000 of the 10-17 population.</summary>
    public static IndicatorDefinition SeriousViolence { get; } = Define(
        SeriousViolenceId, "KPI 9: serious violence",
        "Proven drug, robbery and violence against the person offences of gravity 5 or more (first substantive outcome in the period) committed by children aged 10-17, per 10,000 of the area's 10-17 population.",
        "KPI 9 (serious violence). " + Summary + "; the rate per 10,000 is the definition's multiplier", "per 10,000", 10_000m, Direction.LowerIsBetter,
        (OffenceGroupsParameter, "ViolenceAgainstThePerson,Robbery,Drugs"), (MinimumGravityParameter, "5"),
        (MinAgeParameter, "10"), (MaxAgeParameter, "17")) with { DisplayDecimals = 2 };

    /// <summary>KPI 10: victims, a funnel: consented to contact → views taken → restorative justice offered → taken up.</summary>
    public static IndicatorDefinition Victims { get; } = Define(
        VictimsId, "KPI 10: victims",
        "A funnel over victim contacts in the period: consent to contact, views taken, restorative justice offered, restorative justice taken up. Each stage: contacts at that stage or beyond over contacts at the previous stage or beyond.",
        "KPI 10 (victims). " + Summary, "%", 100m, Direction.HigherIsBetter);

    /// <summary>Every built-in definition, in KPI order (KPI 2 has two: suitable ETE and ETE hours).</summary>
    public static IReadOnlyList<IndicatorDefinition> Definitions { get; } =
        [Accommodation, Ete, EteHours, SendEte, MentalHealth, SubstanceMisuse, OutOfCourt, BoardAttendance, WiderServices, SeriousViolence, Victims];

    /// <summary>Creates an indicator for every built-in definition, in KPI order.</summary>
    public static IReadOnlyList<IIndicator> CreateAll() => [.. Definitions.Select(Create)];

    /// <summary>Creates the indicator that applies <paramref name="definition"/> (a built-in one or an edited version of it).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentException">The definition's id is not a key performance indicator.</exception>
    public static IIndicator Create(IndicatorDefinition definition)
    {
        Preconditions.CheckNotNull(definition, nameof(definition));
        return definition.Id switch
        {
            AccommodationId => new SuitableAccommodationIndicator(definition),
            EteId => new SuitableEteIndicator(definition),
            EteHoursId => new EteHoursIndicator(definition),
            SendEteId => new SendEteIndicator(definition),
            MentalHealthId => new SupportFunnelIndicator(definition),
            SubstanceMisuseId => new SupportFunnelIndicator(definition),
            OutOfCourtId => new OutOfCourtCompletionIndicator(definition),
            BoardAttendanceId => new BoardAttendanceIndicator(definition),
            WiderServicesId => new WiderServicesIndicator(definition),
            SeriousViolenceId => new SeriousViolenceIndicator(definition),
            VictimsId => new VictimsIndicator(definition),
            _ => throw new ArgumentException($"'{definition.Id}' is not a YJB key performance indicator. Known ids: {string.Join(", ", Definitions.Select(d => d.Id))}.", nameof(definition)),
        };
    }

    /// <summary>Returns a new version of <paramref name="definition"/> with another multiplier (e.g. per 1,000 rather than per 10,000 for KPI 9).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="multiplier"/> is not positive.</exception>
    public static IndicatorDefinition WithMultiplier(IndicatorDefinition definition, decimal multiplier, string unit)
    {
        Preconditions.CheckNotNull(definition, nameof(definition));
        Preconditions.CheckNotBlank(unit, nameof(unit));
        if (multiplier <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "The multiplier must be positive.");
        }
        return definition with { Multiplier = multiplier, Unit = unit, Version = definition.Version + 1 };
    }

    private static IndicatorDefinition Define(
        string id, string name, string description, string section, string unit, decimal multiplier, Direction direction,
        params (string Name, string Value)[] parameters) => new()
        {
            Id = id,
            Name = name,
            Description = description,
            Source = new SourceCitation(SourceDocument, section),
            Unit = unit,
            Multiplier = multiplier,
            Direction = direction,
            DisplayDecimals = 1,
            Parameters = parameters.ToImmutableSortedDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal),
        };
}
