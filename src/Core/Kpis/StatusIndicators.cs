using NodaTime;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Kpis;

/// <summary>
/// KPI 1, suitable accommodation: caseload observations (one per child, intervention and point) whose accommodation was
/// suitable, over those where it was recorded. Results: the total (the headline: observations at the end of the
/// intervention, parameter <c>headlinePoint</c>), then <c>point=start|end</c>, <c>setting=community|released-from-custody</c>
/// (at the headline point) and <c>point+setting</c> (e.g. <c>end+community</c>).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SuitableAccommodationIndicator : KeyPerformanceIndicator
{
    /// <summary>Creates the indicator with <paramref name="definition"/>, or the built-in <see cref="KeyPerformanceIndicators.Accommodation"/>.</summary>
    /// <exception cref="ArgumentException">The definition is for another indicator.</exception>
    public SuitableAccommodationIndicator(IndicatorDefinition? definition = null)
        : base(definition ?? KeyPerformanceIndicators.Accommodation, KeyPerformanceIndicators.AccommodationId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query) =>
        KpiEngine.Count(Definition, context, query, ObservationUnits(context.Dataset, (o, _) => o.AccommodationSuitable),
            KpiEngine.PointSettingLayout, IntervalMethod.Wilson, "status-observation", PooledNote);

    internal static string? PooledNote(BreakdownKey key) =>
        key.IsTotal ? "Headline: observations at the headline point (parameter headlinePoint; by default the end of the intervention, as the KPI guidance publishes it); point=start and point=end give both points." : null;
}

/// <summary>
/// KPI 2, suitable education, training or employment: caseload observations where the child was in a suitable ETE
/// arrangement, over those where it was recorded. Same breakdowns as <see cref="SuitableAccommodationIndicator"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SuitableEteIndicator : KeyPerformanceIndicator
{
    /// <summary>Creates the indicator with <paramref name="definition"/>, or the built-in <see cref="KeyPerformanceIndicators.Ete"/>.</summary>
    /// <exception cref="ArgumentException">The definition is for another indicator.</exception>
    public SuitableEteIndicator(IndicatorDefinition? definition = null)
        : base(definition ?? KeyPerformanceIndicators.Ete, KeyPerformanceIndicators.EteId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query) =>
        KpiEngine.Count(Definition, context, query, ObservationUnits(context.Dataset, (o, _) => o.EteSuitable),
            KpiEngine.PointSettingLayout, IntervalMethod.Wilson, "status-observation", SuitableAccommodationIndicator.PooledNote);
}

/// <summary>
/// KPI 2, hours of ETE: caseload observations where the child's weekly hours met the threshold for their age on the
/// observation date (below <c>olderAgeFrom</c>: <c>schoolAgeHoursThreshold</c>, default 25; from it: <c>olderHoursThreshold</c>,
/// default 16), over observations where hours were recorded. Breakdowns as <see cref="SuitableAccommodationIndicator"/>
/// plus <c>age-group=school-age|over-school-age</c>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class EteHoursIndicator : KeyPerformanceIndicator
{
    /// <summary>The breakdown dimension of the age groups.</summary>
    public const string AgeGroupDimension = "age-group";

    /// <summary>Creates the indicator with <paramref name="definition"/>, or the built-in <see cref="KeyPerformanceIndicators.EteHours"/>.</summary>
    /// <exception cref="ArgumentException">The definition is for another indicator.</exception>
    public EteHoursIndicator(IndicatorDefinition? definition = null)
        : base(definition ?? KeyPerformanceIndicators.EteHours, KeyPerformanceIndicators.EteHoursId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var schoolAgeHours = Definition.GetDecimal(KeyPerformanceIndicators.SchoolAgeHoursParameter);
        var olderHours = Definition.GetDecimal(KeyPerformanceIndicators.OlderHoursParameter);
        var olderFrom = Definition.GetInt(KeyPerformanceIndicators.OlderAgeFromParameter);
        var leapDay = KpiEngine.LeapDayRule(Definition);
        bool IsOlder(StatusObservation o, Child c) => Engine.DateArithmetic.Age(c.DateOfBirth, o.ObservedOn, leapDay) >= olderFrom;
        var units = ObservationUnits(
            context.Dataset,
            (o, c) => o.EteHours is { } hours ? hours >= (IsOlder(o, c) ? olderHours : schoolAgeHours) : null,
            (o, c) => [new Contribution(new BreakdownKey(AgeGroupDimension, IsOlder(o, c) ? "over-school-age" : "school-age"), o.EteHours >= (IsOlder(o, c) ? olderHours : schoolAgeHours))]);
        BreakdownKey[] layout =
            [.. KpiEngine.PointSettingLayout, new(AgeGroupDimension, "school-age"), new(AgeGroupDimension, "over-school-age")];
        return KpiEngine.Count(Definition, context, query, units, layout, IntervalMethod.Wilson, "status-observation", key =>
            key.Dimension == AgeGroupDimension
                ? (key.Value == "school-age"
                    ? FormattableString.Invariant($"Aged under {olderFrom} on the observation date; threshold {schoolAgeHours} hours a week.")
                    : FormattableString.Invariant($"Aged {olderFrom} or over on the observation date; threshold {olderHours} hours a week."))
                : SuitableAccommodationIndicator.PooledNote(key));
    }
}

/// <summary>
/// KPI 3, SEND/ALN: caseload observations of children whose SEND status is in <c>sendStatuses</c> where the child was in a
/// suitable ETE arrangement and had a formal learning plan, over those observations where both were recorded.
/// Same breakdowns as <see cref="SuitableAccommodationIndicator"/>.
/// </summary>
/// <remarks>The SEND status is the child's status in the dataset (a snapshot), not as at the observation. Immutable and thread-safe.</remarks>
public sealed class SendEteIndicator : KeyPerformanceIndicator
{
    /// <summary>Creates the indicator with <paramref name="definition"/>, or the built-in <see cref="KeyPerformanceIndicators.SendEte"/>.</summary>
    /// <exception cref="ArgumentException">The definition is for another indicator.</exception>
    public SendEteIndicator(IndicatorDefinition? definition = null)
        : base(definition ?? KeyPerformanceIndicators.SendEte, KeyPerformanceIndicators.SendEteId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var statuses = Definition.GetList(KeyPerformanceIndicators.SendStatusesParameter)
            .Select(s => Enum.TryParse<SendStatus>(s, ignoreCase: true, out var v) ? v : throw new FormatException($"'{s}' is not a SendStatus."))
            .ToHashSet();
        var units = ObservationUnits(context.Dataset, (o, c) =>
            statuses.Contains(c.Send) && o.EteSuitable is { } ete && o.LearningPlan is { } plan ? ete && plan : null);
        return KpiEngine.Count(Definition, context, query, units, KpiEngine.PointSettingLayout, IntervalMethod.Wilson,
            "status-observation", SuitableAccommodationIndicator.PooledNote);
    }
}

/// <summary>
/// KPIs 4 (mental health and emotional wellbeing) and 5 (substance misuse): a funnel over the children with a caseload
/// order (intervention) ending in the period, as the KPI guidance counts them, read at the <c>observationPoint</c>
/// (default the end of the intervention) where the funnel was recorded. A child with several orders ending in the period
/// counts once, with the latest; an order's end is the episode's end date, else the date of its end observation. With
/// <c>countingUnit=Observation</c> each observation counts instead, dated by the observation. Results: the total
/// (attending over need identified), then <c>stage=need-identified</c> (over all observations with the funnel recorded),
/// <c>stage=planned-or-offered</c> (over need identified or beyond) and <c>stage=attending</c> (over planned or offered or beyond).
/// Each numerator counts children at that stage or beyond, so the stage numerators never increase.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SupportFunnelIndicator : KeyPerformanceIndicator
{
    /// <summary>The stage names, in funnel order.</summary>
    public static IReadOnlyList<string> Stages { get; } = ["need-identified", "planned-or-offered", "attending"];

    /// <summary>Creates the indicator for <see cref="KeyPerformanceIndicators.MentalHealth"/> or <see cref="KeyPerformanceIndicators.SubstanceMisuse"/> (or an edited version).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentException">The definition is for another indicator.</exception>
    public SupportFunnelIndicator(IndicatorDefinition definition)
        : base(definition, KeyPerformanceIndicators.MentalHealthId, KeyPerformanceIndicators.SubstanceMisuseId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var point = Definition.GetEnum<ObservationPoint>(KeyPerformanceIndicators.ObservationPointParameter);
        var byObservation = Definition.HasParameter(KeyPerformanceIndicators.CountingUnitParameter)
            && string.Equals(Definition.GetString(KeyPerformanceIndicators.CountingUnitParameter), KeyPerformanceIndicators.ObservationCountingUnit, StringComparison.OrdinalIgnoreCase);
        var mental = Definition.Id == KeyPerformanceIndicators.MentalHealthId;
        var candidates = Candidates(context.Dataset, KpiEngine.CaseloadObservations(Definition, context.Dataset), point, mental);
        var (layout, cells) = FunnelCells(Stages);
        if (byObservation)
        {
            var units = candidates.Select(c => new CountedUnit(c.Observation.Id, c.Child.HomeAreaCode, c.Observation.ObservedOn, cells[c.Stage]));
            return KpiEngine.Count(Definition, context, query, units, layout, IntervalMethod.Wilson, "status-observation",
                FunnelNotes(Stages, "observations with the funnel recorded"));
        }
        // The guidance's unit: children with an order ending in the period, each once (their latest order ending in it:
        // the latest end, then the greatest episode id, then the greatest observation id), kept in one pass.
        var results = new List<IndicatorResult>();
        foreach (var period in query.Periods)
        {
            var latest = new Dictionary<string, (StatusObservation Observation, Child Child, LocalDate OrderEnd, int Stage)>(StringComparer.Ordinal);
            foreach (var c in candidates)
            {
                if (period.Contains(c.OrderEnd) && (!latest.TryGetValue(c.Child.Id, out var kept) || Later(c, kept)))
                {
                    latest[c.Child.Id] = c;
                }
            }
            var units = latest.Values.Select(c => new CountedUnit(c.Child.Id, c.Child.HomeAreaCode, c.OrderEnd, cells[c.Stage]));
            results.AddRange(KpiEngine.Count(Definition, context, query with { Periods = [period] }, units, layout, IntervalMethod.Wilson, "child",
                FunnelNotes(Stages, "children with an order ending in the period and the funnel recorded")));
        }
        return results;
    }

    /// <summary>The caseload's observations at <paramref name="point"/> with the funnel recorded, each with its child, the
    /// date its order ended and its stage. They depend only on the dataset and the parameters, not on the query, so they
    /// are made once per dataset and shared (a report asks again for the trend's earlier periods).</summary>
    private static (StatusObservation Observation, Child Child, LocalDate OrderEnd, int Stage)[] Candidates(
        Dataset dataset, IReadOnlyList<StatusObservation> observations, ObservationPoint point, bool mental) =>
        KpiLookups.For(dataset).Prepared((nameof(SupportFunnelIndicator), observations, point, mental), () =>
        {
            var episodes = KpiEngine.EpisodesById(dataset);
            var children = RecordChildren.Of(dataset, observations, static o => o.ChildId);
            // The date an intervention (order) ended: the episode's end date, else the date of its end observation.
            var endObserved = observations.Where(o => o.Point == ObservationPoint.InterventionEnd && o.EpisodeId is not null)
                .ToDictionary(o => (o.ChildId, o.EpisodeId!), o => o.ObservedOn);
            var candidates = new List<(StatusObservation Observation, Child Child, LocalDate OrderEnd, int Stage)>();
            for (var i = 0; i < children.Length; i++)
            {
                var o = observations[i];
                var stage = mental ? o.MentalHealth : o.SubstanceMisuse;
                if (o.Point != point || stage is null || children[i] is not { } child)
                {
                    continue;
                }
                var orderEnd = o.EpisodeId is { } e && episodes.TryGetValue(e, out var episode) && episode.EndDate is { } end
                    ? end
                    : o.EpisodeId is { } id && endObserved.TryGetValue((o.ChildId, id), out var observed) ? observed : o.ObservedOn;
                candidates.Add((o, child, orderEnd, (int)stage.Value));
            }
            return candidates.ToArray();
        });

    private static bool Later((StatusObservation Observation, Child Child, LocalDate OrderEnd, int Stage) a,
        (StatusObservation Observation, Child Child, LocalDate OrderEnd, int Stage) b)
    {
        if (a.OrderEnd != b.OrderEnd)
        {
            return a.OrderEnd > b.OrderEnd;
        }
        var byEpisode = string.CompareOrdinal(a.Observation.EpisodeId ?? "", b.Observation.EpisodeId ?? "");
        return byEpisode != 0 ? byEpisode > 0 : string.CompareOrdinal(a.Observation.Id, b.Observation.Id) > 0;
    }
}
