using System.Globalization;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Internal;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Kpis;

/// <summary>
/// The Youth Justice Board's key performance indicators for youth justice services (in force from April 2023): the built-in,
/// versioned definitions and the indicators that apply them. See <c>docs/methodology-kpis.md</c>.
/// </summary>
/// <remarks>
/// <para>Every definition is data, read from the embedded files <c>Kpis/Definitions/*.indicator.json</c>: change a
/// parameter with <see cref="IndicatorDefinition.WithParameter"/> (recorded as a local change, see
/// <see cref="IndicatorDefinition.Variant"/>) and pass the new definition to <see cref="Create"/>.</para>
/// <para>This type is thread-safe.</para>
/// </remarks>
public static class KeyPerformanceIndicators
{
    /// <summary>The title of the publication the definitions come from (published by the Youth Justice Board, April 2023);
    /// the primary source of every KPI definition file (<c>Kpis/Definitions/*.indicator.json</c>).</summary>
    public const string SourceTitle = "Key performance indicators for youth justice services: guidance";

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

    /// <summary>Parameter (KPIs 1-3): which observations make the headline (the total and the setting split):
    /// <c>InterventionEnd</c> (the guidance's measure), <c>InterventionStart</c>, or <see cref="PooledHeadline"/>.</summary>
    public const string HeadlinePointParameter = "headlinePoint";

    /// <summary>The <see cref="HeadlinePointParameter"/> value that pools start and end observations in the headline.</summary>
    public const string PooledHeadline = "Pooled";

    /// <summary>Parameter (KPIs 4 and 5): what one unit is: <c>Child</c> (default, the guidance's measure: children with an
    /// order ending in the period, each once) or <see cref="ObservationCountingUnit"/> (each observation, by its date).</summary>
    public const string CountingUnitParameter = "countingUnit";

    /// <summary>The <see cref="CountingUnitParameter"/> value that counts observations rather than children.</summary>
    public const string ObservationCountingUnit = "Observation";

    /// <summary>Parameter (KPI 9): which mid-year population estimate a period's rate uses (a <c>PopulationYearRule</c> name).</summary>
    public const string PopulationYearRuleParameter = "populationYearRule";

    /// <summary>KPI 1: suitable accommodation, at the start and end of an intervention, community or released from custody.</summary>
    public static IndicatorDefinition Accommodation { get; } = CoreDefinitions.Get(AccommodationId);

    /// <summary>KPI 2: suitable education, training or employment (ETE).</summary>
    public static IndicatorDefinition Ete { get; } = CoreDefinitions.Get(EteId);

    /// <summary>KPI 2: hours of ETE against the threshold for the child's age (Warwickshire: 25+ hours under 16, 16+ hours from 16).</summary>
    public static IndicatorDefinition EteHours { get; } = CoreDefinitions.Get(EteHoursId);

    /// <summary>KPI 3: children with SEND/ALN in a suitable ETE arrangement with a learning plan.</summary>
    public static IndicatorDefinition SendEte { get; } = CoreDefinitions.Get(SendEteId);

    /// <summary>KPI 4: mental health and emotional wellbeing, a funnel: need identified → planned or offered → attending.</summary>
    public static IndicatorDefinition MentalHealth { get; } = CoreDefinitions.Get(MentalHealthId);

    /// <summary>KPI 5: substance misuse, the same funnel as KPI 4.</summary>
    public static IndicatorDefinition SubstanceMisuse { get; } = CoreDefinitions.Get(SubstanceMisuseId);

    /// <summary>KPI 6: out-of-court disposal interventions completed.</summary>
    public static IndicatorDefinition OutOfCourt { get; } = CoreDefinitions.Get(OutOfCourtId);

    /// <summary>KPI 7: management board attendance by senior partners.</summary>
    public static IndicatorDefinition BoardAttendance { get; } = CoreDefinitions.Get(BoardAttendanceId);

    /// <summary>KPI 8: wider services (early help, child in need, child protection plan, looked after).</summary>
    public static IndicatorDefinition WiderServices { get; } = CoreDefinitions.Get(WiderServicesId);

    /// <summary>KPI 9: serious violence, a count and a rate per 10,000 of the 10-17 population.</summary>
    public static IndicatorDefinition SeriousViolence { get; } = CoreDefinitions.Get(SeriousViolenceId);

    /// <summary>KPI 10: victims, a funnel: consented to contact → views taken → restorative justice offered → taken up.</summary>
    public static IndicatorDefinition Victims { get; } = CoreDefinitions.Get(VictimsId);

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

    /// <summary>Returns <paramref name="definition"/> with another multiplier and unit (e.g. per 1,000 rather than per 10,000
    /// for KPI 9), recorded as a local change named <c>multiplier=N</c> (see <see cref="IndicatorDefinition.WithOverride"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="unit"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="multiplier"/> is not positive.</exception>
    /// <exception cref="InvalidOperationException">Another applied change already sets the multiplier or unit.</exception>
    public static IndicatorDefinition WithMultiplier(IndicatorDefinition definition, decimal multiplier, string unit)
    {
        Preconditions.CheckNotNull(definition, nameof(definition));
        Preconditions.CheckNotBlank(unit, nameof(unit));
        if (multiplier <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "The multiplier must be positive.");
        }
        return definition.WithOverride(new Plugins.DefinitionOverride(
            string.Create(CultureInfo.InvariantCulture, $"multiplier={multiplier}"), definition.Id,
            $"Local change: the rate is given {unit}.", [], multiplier, unit));
    }
}
