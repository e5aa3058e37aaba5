using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.National;

/// <summary>
/// Proven reoffending by the Ministry of Justice method: a cohort of children aged 10-17 who, in the cohort period,
/// received a caution or a non-custodial conviction or were released from custody; the first such event is the index
/// event; an offence committed in the 12 months after the index date and proven by a caution or conviction within the
/// follow-up or a further 6-month waiting period is a reoffence. Gives the binary rate, the frequency rate or
/// reoffences per reoffender (<see cref="ReoffendingMeasure"/>).
/// </summary>
/// <remarks>
/// <para><b>Cohorts.</b> The queried period is divided into consecutive cohorts of <c>cohortMonths</c> months from its
/// start (3 = quarterly, the method since 2017; 12 = annual); a final part-cohort is shortened to the period's end.
/// Each cohort is independent: a child is a member of every cohort in whose period they had an index event (MoJ
/// practice) and of each cohort once. The result pools the cohorts (numerators and denominators added), so a child
/// with index events in two quarters of a year counts twice in that year's figure. <see cref="IndicatorResult.CohortPeriod"/>
/// is the queried period and the note names the cohorts.</para>
/// <para><b>Provisional.</b> A result is provisional while the last possible member's follow-up plus waiting period
/// (from the period's last day) has not ended by <c>Dataset.AsOf</c>.</para>
/// <para>Breakdowns: <c>outcome-type</c> and <c>outcome-category</c> (index disposal), <c>offence-group</c> (the most
/// serious offence of the index outcome), <c>age</c>, <c>age-band</c>, <c>sex</c>, <c>ethnicity-group</c>.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ProvenReoffendingIndicator : NationalIndicator
{
    private readonly CohortRules _rules;
    private readonly ReoffendingMeasure _measure;
    private readonly int _cohortMonths;

    /// <summary>Creates the indicator from a definition (see <see cref="NationalIndicators.ReoffendingBinary"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">A required parameter is missing.</exception>
    /// <exception cref="FormatException">A parameter cannot be read.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The cohort length is not positive.</exception>
    public ProvenReoffendingIndicator(IndicatorDefinition definition)
        : base(definition)
    {
        _rules = Reoffending.Rules(definition, MinAge, MaxAge, CustodyIndexDate.ReleaseDate, 6);
        _measure = Enum(definition, NationalParameters.Measure, ReoffendingMeasure.Binary);
        _cohortMonths = definition.HasParameter(NationalParameters.CohortMonths) ? definition.GetInt(NationalParameters.CohortMonths) : 3;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_cohortMonths, nameof(definition));
    }

    private protected override void ComputePeriod(PeriodRequest request, List<IndicatorResult> sink)
    {
        var perArea = request.PerArea<CohortMember>();
        var cohorts = new List<string>();
        var cohortStart = request.Period.Start;
        while (cohortStart <= request.Period.End)
        {
            var next = DateArithmetic.PlusMonths(cohortStart, _cohortMonths, MonthEndRule.ClampToMonthEnd);
            var cohortEnd = next.PlusDays(-1) < request.Period.End ? next.PlusDays(-1) : request.Period.End;
            ReoffendingCohort.Build(request.Index, _rules, DateArithmetic.Day(cohortStart), DateArithmetic.Day(cohortEnd), request.SlotOfChild, perArea);
            cohorts.Add(ReportingPeriod.Custom(cohortStart, cohortEnd).ToString());
            cohortStart = next;
        }
        var lastProvenBy = _rules.ProvenBy(_rules.FollowUpEnd(request.End));
        var provisional = lastProvenBy > request.Index.AsOf;
        var note = Invariant($"{cohorts.Count} cohort(s) of {_cohortMonths} month(s) pooled: {string.Join(", ", cohorts)}. Follow-up {_rules.FollowUpMonths} months, waiting period {_rules.WaitingMonths} months; complete once {DateArithmetic.Date(lastProvenBy):uuuu-MM-dd} is in the data.");
        for (var slot = 0; slot < request.AreaCount; slot++)
        {
            Reoffending.Emit(this, request, slot, perArea[slot], _measure, provisional, note, sink);
        }
    }
}

/// <summary>
/// The live reoffending tracker (the YJB reducing-reoffending toolkit's local variant, used by Coventry and Leicester):
/// a local cohort chosen by the date the original penalty was imposed (substantive outcomes; custody by sentence date
/// unless revised), followed for 12 months, with a waiting period (default none); a breach counts only where re-sentenced.
/// Each member is live until their follow-up (plus any waiting period) has expired by <c>Dataset.AsOf</c>, and a result
/// is provisional until every member's has.
/// </summary>
/// <remarks>
/// <para>The queried period is the cohort period (one cohort, a child at most once). Outputs as
/// <see cref="ProvenReoffendingIndicator"/>; <see cref="Members"/> lists the cohort with each member's status and
/// <see cref="MostFrequentReoffenders"/> the children who reoffend most.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class LiveReoffendingTrackerIndicator : NationalIndicator
{
    private readonly CohortRules _rules;
    private readonly ReoffendingMeasure _measure;

    /// <summary>Creates the indicator from a definition (see <see cref="NationalIndicators.TrackerBinary"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">A required parameter is missing.</exception>
    /// <exception cref="FormatException">A parameter cannot be read.</exception>
    public LiveReoffendingTrackerIndicator(IndicatorDefinition definition)
        : base(definition)
    {
        _rules = Reoffending.Rules(definition, MinAge, MaxAge, CustodyIndexDate.SentenceDate, 0);
        _measure = Enum(definition, NationalParameters.Measure, ReoffendingMeasure.Binary);
    }

    private protected override void ComputePeriod(PeriodRequest request, List<IndicatorResult> sink)
    {
        var perArea = Build(request);
        for (var slot = 0; slot < request.AreaCount; slot++)
        {
            var members = perArea[slot];
            var live = members.Count(m => m.ProvenBy > request.Index.AsOf);
            var emptyAndOpen = members.Count == 0 && _rules.ProvenBy(_rules.FollowUpEnd(request.End)) > request.Index.AsOf;
            var note = Invariant($"Cohort: penalties imposed {request.Period}; {members.Count - live} complete, {live} live as at {request.Index.Dataset.AsOf:uuuu-MM-dd}. Follow-up {_rules.FollowUpMonths} months, waiting period {_rules.WaitingMonths} months.");
            Reoffending.Emit(this, request, slot, members, _measure, live > 0 || emptyAndOpen, note, sink);
        }
    }

    /// <summary>The cohort for one area and period: each member with their index event, follow-up and status.</summary>
    /// <param name="context">The data.</param>
    /// <param name="period">The cohort period (penalties imposed in it, both ends inclusive).</param>
    /// <param name="areaCode">The area (the children's home area).</param>
    /// <returns>The members, ordered by child id.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public IReadOnlyList<TrackedChild> Members(IndicatorContext context, ReportingPeriod period, string areaCode)
    {
        var request = SingleArea(context, period, areaCode);
        var ix = request.Index;
        return [.. Build(request)[0].Select(m => new TrackedChild(
            ix.ChildIds[m.Child],
            ix.OutcomeIds[m.IndexOutcome],
            DateArithmetic.Date(m.IndexDay),
            DateArithmetic.Date(m.FollowUpEnd),
            DateArithmetic.Date(m.ProvenBy),
            m.ProvenBy <= ix.AsOf ? TrackingStatus.Complete : TrackingStatus.Live,
            m.Reoffences.Length,
            m.FirstReoffenceDay == DatasetIndex.NoDay ? null : DateArithmetic.Date(m.FirstReoffenceDay)))];
    }

    /// <summary>
    /// The cohort members who reoffended, most reoffences first; ties by earlier first reoffence, then by child id (ordinal).
    /// </summary>
    /// <param name="context">The data.</param>
    /// <param name="period">The cohort period.</param>
    /// <param name="areaCode">The area.</param>
    /// <param name="top">How many to return at most.</param>
    /// <returns>Up to <paramref name="top"/> reoffenders.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is negative.</exception>
    public IReadOnlyList<FrequentReoffender> MostFrequentReoffenders(IndicatorContext context, ReportingPeriod period, string areaCode, int top = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        return [.. MostFrequentFirst(Members(context, period, areaCode))
            .Where(m => m.Reoffences > 0)
            .Take(top)
            .Select(m => new FrequentReoffender(m.ChildId, m.Reoffences, m.FirstReoffenceDate!.Value))];
    }

    /// <summary>
    /// Every cohort member, live or complete, most reoffences first; ties by earlier first reoffence, then by child id
    /// (ordinal). Members who have not reoffended come last, by child id. The per-child tracker list an analyst works from.
    /// </summary>
    /// <param name="context">The data.</param>
    /// <param name="period">The cohort period.</param>
    /// <param name="areaCode">The area.</param>
    /// <returns>The members in that order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public IReadOnlyList<TrackedChild> MembersMostFrequentFirst(IndicatorContext context, ReportingPeriod period, string areaCode) =>
        [.. MostFrequentFirst(Members(context, period, areaCode))];

    private static IEnumerable<TrackedChild> MostFrequentFirst(IEnumerable<TrackedChild> members) => members
        .OrderByDescending(m => m.Reoffences)
        .ThenBy(m => m.FirstReoffenceDate ?? NodaTime.LocalDate.MaxIsoValue)
        .ThenBy(m => m.ChildId, StringComparer.Ordinal);

    private List<CohortMember>[] Build(PeriodRequest request)
    {
        var perArea = request.PerArea<CohortMember>();
        ReoffendingCohort.Build(request.Index, _rules, request.Start, request.End, request.SlotOfChild, perArea);
        return perArea;
    }

    private static PeriodRequest SingleArea(IndicatorContext context, ReportingPeriod period, string areaCode)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(areaCode);
        return new PeriodRequest(DatasetIndex.For(context.Dataset), context, period, [areaCode], [], false);
    }
}

/// <summary>Whether a tracked child's follow-up has expired.</summary>
public enum TrackingStatus
{
    /// <summary>The follow-up (plus any waiting period) runs past the dataset's as-of date: the child may still reoffend.</summary>
    Live = 0,
    /// <summary>The follow-up (plus any waiting period) ended on or before the dataset's as-of date.</summary>
    Complete = 1,
}

/// <summary>A member of a live tracker cohort.</summary>
/// <param name="ChildId">The child.</param>
/// <param name="IndexOutcomeId">The outcome that put the child in the cohort.</param>
/// <param name="IndexDate">The index date (the date the penalty was imposed).</param>
/// <param name="FollowUpEnd">The last day of the follow-up (inclusive).</param>
/// <param name="ProvenBy">The last day a reoffence may be proven (inclusive): the follow-up end plus the waiting period.</param>
/// <param name="Status">Live or complete as at the dataset's as-of date.</param>
/// <param name="Reoffences">Reoffences counted so far.</param>
/// <param name="FirstReoffenceDate">The date the first reoffence was committed, if any.</param>
public sealed record TrackedChild(
    string ChildId, string IndexOutcomeId, NodaTime.LocalDate IndexDate, NodaTime.LocalDate FollowUpEnd, NodaTime.LocalDate ProvenBy,
    TrackingStatus Status, int Reoffences, NodaTime.LocalDate? FirstReoffenceDate);

/// <summary>A child on the live tracker's most-frequent list.</summary>
/// <param name="ChildId">The child.</param>
/// <param name="Reoffences">The number of reoffences.</param>
/// <param name="FirstReoffenceDate">The date the first reoffence was committed.</param>
public sealed record FrequentReoffender(string ChildId, int Reoffences, NodaTime.LocalDate FirstReoffenceDate);

/// <summary>Shared reading of reoffending parameters and emission of the three measures.</summary>
internal static class Reoffending
{
    internal static CohortRules Rules(IndicatorDefinition d, int minAge, int maxAge, CustodyIndexDate custodyDefault, int waitingDefault) => new()
    {
        IndexTypes = [.. d.GetList(NationalParameters.IndexOutcomeTypes)],
        CustodialTypes = [.. d.GetList(NationalParameters.CustodialOutcomeTypes)],
        CustodyByReleaseDate = (d.HasParameter(NationalParameters.CustodyIndexDate) ? d.GetEnum<CustodyIndexDate>(NationalParameters.CustodyIndexDate) : custodyDefault) == CustodyIndexDate.ReleaseDate,
        ProvingTypes = [.. d.GetList(NationalParameters.ProvingOutcomeTypes)],
        BreachTypes = d.HasParameter(NationalParameters.BreachOutcomeTypes) ? [.. d.GetList(NationalParameters.BreachOutcomeTypes)] : [],
        BreachOnlyIfResentenced = !d.HasParameter(NationalParameters.BreachCountsOnlyIfResentenced) || d.GetBool(NationalParameters.BreachCountsOnlyIfResentenced),
        FollowUpMonths = d.HasParameter(NationalParameters.FollowUpMonths) ? d.GetInt(NationalParameters.FollowUpMonths) : 12,
        WaitingMonths = d.HasParameter(NationalParameters.WaitingPeriodMonths) ? d.GetInt(NationalParameters.WaitingPeriodMonths) : waitingDefault,
        MonthEndRule = d.HasParameter(NationalParameters.MonthEndRule) ? d.GetEnum<MonthEndRule>(NationalParameters.MonthEndRule) : MonthEndRule.ClampToMonthEnd,
        MinAge = minAge,
        MaxAge = maxAge,
        LeapDayRule = d.HasParameter(NationalParameters.LeapDayBirthdayRule) ? d.GetEnum<LeapDayBirthdayRule>(NationalParameters.LeapDayBirthdayRule) : LeapDayBirthdayRule.MarchFirst,
    };

    internal static void Emit(NationalIndicator indicator, PeriodRequest request, int slot, List<CohortMember> members,
        ReoffendingMeasure measure, bool provisional, string note, List<IndicatorResult> sink)
    {
        sink.Add(Make(indicator, request, slot, members, measure, provisional, note, BreakdownKey.Total));
        foreach (var dimension in request.Breakdowns)
        {
            foreach (var (key, group) in Dimensions.Group(dimension, members, m => ReoffendingCohort.Key(request.Index, m, dimension)))
            {
                sink.Add(Make(indicator, request, slot, group, measure, provisional, note, key));
            }
        }
    }

    private static IndicatorResult Make(NationalIndicator indicator, PeriodRequest request, int slot, List<CohortMember> members,
        ReoffendingMeasure measure, bool provisional, string note, BreakdownKey key)
    {
        var ix = request.Index;
        var cohort = members.Count;
        var reoffenders = 0;
        var reoffences = 0;
        foreach (var m in members)
        {
            reoffenders += m.Reoffended ? 1 : 0;
            reoffences += m.Reoffences.Length;
        }
        var (numerator, denominator, interval) = measure switch
        {
            ReoffendingMeasure.Binary => (reoffenders, cohort, IntervalMethod.Wilson),
            ReoffendingMeasure.Frequency => (reoffences, cohort, IntervalMethod.PoissonExact),
            _ => (reoffences, reoffenders, IntervalMethod.PoissonExact),
        };
        var result = indicator.Result(request, slot, numerator, denominator, interval, key);
        result = result with { CohortPeriod = request.Period, Provisional = provisional, Note = note };
        if (request.CollectEvidence)
        {
            IEnumerable<string> reoffenderIds = members.Where(m => m.Reoffended).Select(m => ix.ChildIds[m.Child]);
            IEnumerable<string> offenceIds = members.SelectMany(m => m.Reoffences.Select(f => ix.OffenceIds[f]));
            IEnumerable<string> cohortIds = members.Select(m => ix.ChildIds[m.Child]);
            result = result with
            {
                Evidence = measure switch
                {
                    ReoffendingMeasure.Binary => new ResultEvidence([.. reoffenderIds.Order(StringComparer.Ordinal)], [.. cohortIds.Order(StringComparer.Ordinal)], "child", "child"),
                    ReoffendingMeasure.Frequency => new ResultEvidence([.. offenceIds.Order(StringComparer.Ordinal)], [.. cohortIds.Order(StringComparer.Ordinal)], "offence", "child"),
                    _ => new ResultEvidence([.. offenceIds.Order(StringComparer.Ordinal)], [.. reoffenderIds.Order(StringComparer.Ordinal)], "offence", "child"),
                },
            };
        }
        return result;
    }
}
