using System.Globalization;
using NodaTime;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Kpis;

/// <summary>
/// KPI 6, out-of-court disposals: episodes of the <c>programmes</c> (default <c>OOCD_INTERVENTION</c>) that closed in the
/// period (end date inclusive) with a closure reason in <c>completedClosureReasons</c> (default <c>COMPLETED</c>), over all
/// such episodes that closed in the period. Result: the total only.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class OutOfCourtCompletionIndicator : KeyPerformanceIndicator
{
    /// <summary>Creates the indicator with <paramref name="definition"/>, or the built-in <see cref="KeyPerformanceIndicators.OutOfCourt"/>.</summary>
    /// <exception cref="ArgumentException">The definition is for another indicator.</exception>
    public OutOfCourtCompletionIndicator(IndicatorDefinition? definition = null)
        : base(definition ?? KeyPerformanceIndicators.OutOfCourt, KeyPerformanceIndicators.OutOfCourtId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var programmes = KpiEngine.ProgrammeCodes(Definition, KeyPerformanceIndicators.ProgrammesParameter);
        var completed = Definition.GetList(KeyPerformanceIndicators.CompletedClosureReasonsParameter).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var dataset = context.Dataset;
        // The closed episodes do not depend on the query: made once per dataset and parameters, and shared (a report asks
        // again for the trend's earlier periods).
        var key = (nameof(OutOfCourtCompletionIndicator), string.Join("|", programmes.Order(StringComparer.Ordinal)),
            string.Join("|", completed.Select(c => c.ToUpperInvariant()).Order(StringComparer.Ordinal)));
        var units = KpiLookups.For(dataset).Prepared(key, () =>
        {
            var children = KpiEngine.ChildrenById(dataset);
            Contribution[] done = [new Contribution(BreakdownKey.Total, true)];
            Contribution[] notDone = [new Contribution(BreakdownKey.Total, false)];
            return dataset.Episodes
                .Where(e => e.EndDate is not null && programmes.Contains(e.Programme.Code) && children.ContainsKey(e.ChildId))
                .DistinctBy(e => e.Id, StringComparer.Ordinal)
                .Select(e => new CountedUnit(e.Id, children[e.ChildId].HomeAreaCode, e.EndDate!.Value,
                    e.ClosureReason is { } r && completed.Contains(r.Trim()) ? done : notDone))
                .ToArray();
        });
        return KpiEngine.Count(Definition, context, query, units, [BreakdownKey.Total], IntervalMethod.Wilson, "episode");
    }
}

/// <summary>
/// KPI 7, management board attendance: partner attendance records at meetings in the period where the agency attended at
/// senior level, over all records for the counted agencies (attended by a deputy or not attended included).
/// Results: the total, then <c>agency=CODE</c> for every counted agency with a record in a requested area (upper case, ordinal order).
/// </summary>
/// <remarks>Each area has its own board: an area's figures count only the attendance records with its
/// <see cref="BoardAttendance.AreaCode"/>. Immutable and thread-safe.</remarks>
public sealed class BoardAttendanceIndicator : KeyPerformanceIndicator
{
    /// <summary>The breakdown dimension of the agencies.</summary>
    public const string AgencyDimension = "agency";

    /// <summary>Creates the indicator with <paramref name="definition"/>, or the built-in <see cref="KeyPerformanceIndicators.BoardAttendance"/>.</summary>
    /// <exception cref="ArgumentException">The definition is for another indicator.</exception>
    public BoardAttendanceIndicator(IndicatorDefinition? definition = null)
        : base(definition ?? KeyPerformanceIndicators.BoardAttendance, KeyPerformanceIndicators.BoardAttendanceId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var wanted = Definition.GetList(KeyPerformanceIndicators.AgenciesParameter).Select(a => a.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var areas = KpiEngine.ResolveAreas(context.Dataset, query).ToHashSet(StringComparer.Ordinal);
        var records = context.Dataset.BoardAttendances
            .Where(a => areas.Contains(a.AreaCode))
            .Select(a => (Record: a, Agency: a.Agency.Trim().ToUpperInvariant()))
            .Where(a => wanted.Count == 0 || wanted.Contains(a.Agency))
            .ToList();
        var agencies = records.Select(r => r.Agency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var units = new List<CountedUnit>(records.Count);
        foreach (var (record, agency) in records)
        {
            var senior = record.Attendance == AttendanceLevel.Senior;
            var id = string.Create(CultureInfo.InvariantCulture, $"{record.MeetingDate:uuuu-MM-dd}/{agency}");
            units.Add(new CountedUnit(id, record.AreaCode, record.MeetingDate,
                [new Contribution(BreakdownKey.Total, senior), new Contribution(new BreakdownKey(AgencyDimension, agency), senior)]));
        }
        BreakdownKey[] layout = [BreakdownKey.Total, .. agencies.Select(a => new BreakdownKey(AgencyDimension, a))];
        return KpiEngine.Count(Definition, context, query, units, layout, IntervalMethod.Wilson, "board-attendance");
    }
}

/// <summary>
/// KPI 8, wider services: children with an episode of a caseload programme open at any time in the period (started, or
/// referred when no start is recorded, on or before the period's end, and not closed before its start) whose care status is
/// in <c>careStatuses</c>, over all those children. Results: the total, then <c>care-status=early-help|child-in-need|
/// child-protection-plan|looked-after</c> (each over all children the service worked with).
/// </summary>
/// <remarks>The care status is the child's status in the dataset (a snapshot). Immutable and thread-safe.</remarks>
public sealed class WiderServicesIndicator : KeyPerformanceIndicator
{
    /// <summary>The breakdown dimension of the care statuses.</summary>
    public const string CareStatusDimension = "care-status";

    /// <summary>Creates the indicator with <paramref name="definition"/>, or the built-in <see cref="KeyPerformanceIndicators.WiderServices"/>.</summary>
    /// <exception cref="ArgumentException">The definition is for another indicator.</exception>
    public WiderServicesIndicator(IndicatorDefinition? definition = null)
        : base(definition ?? KeyPerformanceIndicators.WiderServices, KeyPerformanceIndicators.WiderServicesId)
    {
    }

    /// <summary>The breakdown value of a care status, e.g. <c>child-protection-plan</c>.</summary>
    public static string CareStatusValue(CareStatus status) => status switch
    {
        CareStatus.EarlyHelp => "early-help",
        CareStatus.ChildInNeed => "child-in-need",
        CareStatus.ChildProtectionPlan => "child-protection-plan",
        CareStatus.LookedAfter => "looked-after",
        CareStatus.FormerlyLookedAfter => "formerly-looked-after",
        _ => "none",
    };

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var statuses = Definition.GetList(KeyPerformanceIndicators.CareStatusesParameter)
            .Select(s => Enum.TryParse<CareStatus>(s, ignoreCase: true, out var v) && Enum.IsDefined(v) ? v : throw new FormatException($"'{s}' is not a CareStatus."))
            .Distinct().ToList();
        var programmes = KpiEngine.ProgrammeCodes(Definition, KeyPerformanceIndicators.CaseloadProgrammesParameter);
        var episodes = CaseloadEpisodes(context.Dataset, programmes);
        BreakdownKey[] layout = [BreakdownKey.Total, .. statuses.Select(s => new BreakdownKey(CareStatusDimension, CareStatusValue(s)))];
        // A child's cells depend only on its care status: one read-only array per status, shared by its units.
        var cellsByStatus = new Dictionary<CareStatus, Contribution[]>();
        Contribution[] CellsOf(CareStatus status)
        {
            if (!cellsByStatus.TryGetValue(status, out var cells))
            {
                cells = [new Contribution(BreakdownKey.Total, statuses.Contains(status)), .. statuses.Select(s => new Contribution(new BreakdownKey(CareStatusDimension, CareStatusValue(s)), status == s))];
                cellsByStatus[status] = cells;
            }
            return cells;
        }
        var results = new List<IndicatorResult>();
        var worked = new HashSet<Child>(ReferenceEqualityComparer.Instance);
        foreach (var period in query.Periods)
        {
            // Children worked with: each once, however many of their episodes were open during the period.
            worked.Clear();
            var units = new List<CountedUnit>();
            for (var i = 0; i < episodes.Children.Length; i++)
            {
                var child = episodes.Children[i];
                if (episodes.From[i] <= period.End && (episodes.To[i] is not { } end || end >= period.Start) && worked.Add(child))
                {
                    units.Add(new CountedUnit(child.Id, child.HomeAreaCode, period.Start, CellsOf(child.CareStatus)));
                }
            }
            results.AddRange(KpiEngine.Count(Definition, context, query with { Periods = [period] }, units, layout, IntervalMethod.Wilson, "child"));
        }
        return results;
    }

    /// <summary>The episodes of the caseload's programmes whose child is known, as columns: when each was open from (its
    /// start, else its referral), until (its end, if any), and its child. They depend only on the dataset and the
    /// programmes, so they are made once per dataset and shared (a report asks again for the trend's earlier periods).</summary>
    private static OpenEpisodes CaseloadEpisodes(Dataset dataset, HashSet<string> programmes) =>
        KpiLookups.For(dataset).Prepared((nameof(WiderServicesIndicator), string.Join("|", programmes.Order(StringComparer.Ordinal))), () =>
        {
            var children = KpiEngine.ChildrenById(dataset);
            var from = new List<LocalDate>();
            var to = new List<LocalDate?>();
            var of = new List<Child>();
            foreach (var e in dataset.Episodes)
            {
                if (programmes.Contains(e.Programme.Code) && children.TryGetValue(e.ChildId, out var child))
                {
                    from.Add(e.StartDate ?? e.ReferralDate);
                    to.Add(e.EndDate);
                    of.Add(child);
                }
            }
            return new OpenEpisodes([.. from], [.. to], [.. of]);
        });

    private sealed record OpenEpisodes(LocalDate[] From, LocalDate?[] To, Child[] Children);

}

/// <summary>
/// KPI 10, victims: a funnel over victim contacts in the period (contact date inclusive) of children in the area. Results:
/// the total (taken up over consented), then <c>stage=consented</c> (over all contacts), <c>stage=views-taken</c>,
/// <c>stage=rj-offered</c> and <c>stage=rj-taken-up</c>, each over the previous stage or beyond. A later stage implies the
/// earlier ones: a contact's stage is the furthest one recorded.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class VictimsIndicator : KeyPerformanceIndicator
{
    /// <summary>The stage names, in funnel order.</summary>
    public static IReadOnlyList<string> Stages { get; } = ["consented", "views-taken", "rj-offered", "rj-taken-up"];

    /// <summary>Creates the indicator with <paramref name="definition"/>, or the built-in <see cref="KeyPerformanceIndicators.Victims"/>.</summary>
    /// <exception cref="ArgumentException">The definition is for another indicator.</exception>
    public VictimsIndicator(IndicatorDefinition? definition = null)
        : base(definition ?? KeyPerformanceIndicators.Victims, KeyPerformanceIndicators.VictimsId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var children = KpiEngine.ChildrenById(context.Dataset);
        var (layout, cells) = FunnelCells(Stages);
        var units = context.Dataset.VictimContacts
            .Where(v => children.ContainsKey(v.ChildId))
            .DistinctBy(v => v.Id, StringComparer.Ordinal)
            .Select(v => new CountedUnit(v.Id, children[v.ChildId].HomeAreaCode, v.ContactDate, cells[Furthest(v)]));
        return KpiEngine.Count(Definition, context, query, units, layout, IntervalMethod.Wilson, "victim-contact",
            FunnelNotes(Stages, "all victim contacts"));
    }

    private static int Furthest(VictimContact v) =>
        v.RestorativeJusticeTakenUp ? 4 : v.RestorativeJusticeOffered ? 3 : v.ViewsTaken ? 2 : v.ConsentedToContact ? 1 : 0;
}
