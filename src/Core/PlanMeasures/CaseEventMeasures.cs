using YouthJustice.Sdk.Engine;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Sdk.PlanMeasures;

/// <summary>The episodes of caseload programmes by child (every programme when the list is empty).</summary>
internal static class Caseload
{
    // Four measures of a report ask for the same grouping (the same dataset and, by default, the same programmes): it is
    // made once per dataset and programme list and shared, read only. A dataset is immutable, so the grouping never goes
    // stale, and the table lets it go with the dataset.
    private static readonly ConditionalWeakTable<Dataset, ConcurrentDictionary<string, Lazy<Dictionary<string, List<ProgrammeEpisode>>>>> Cache = [];

    /// <summary>The episodes (first record of each id) of the programmes, by child; read only, shared.</summary>
    internal static Dictionary<string, List<ProgrammeEpisode>> EpisodesByChild(Dataset dataset, HashSet<string> programmes) =>
        Cache.GetValue(dataset, static _ => new(StringComparer.Ordinal))
            .GetOrAdd(string.Join('\u001f', programmes.Order(StringComparer.Ordinal)),
                static (_, a) => new(() => Group(a.dataset, a.programmes)), (dataset, programmes)).Value;

    // Filled in one pass (children in order of their first episode, episodes in record order, as a GroupBy would give)
    // without the lookup and the copies a GroupBy then ToDictionary makes.
    private static Dictionary<string, List<ProgrammeEpisode>> Group(Dataset dataset, HashSet<string> programmes)
    {
        var byChild = new Dictionary<string, List<ProgrammeEpisode>>(StringComparer.Ordinal);
        foreach (var e in FirstOfEachId.Of(dataset.Episodes, static e => e.Id))
        {
            if (programmes.Count > 0 && !programmes.Contains(e.Programme.Code.ToUpperInvariant()))
            {
                continue;
            }
            if (!byChild.TryGetValue(e.ChildId, out var list))
            {
                byChild[e.ChildId] = list = new List<ProgrammeEpisode>(2);
            }
            list.Add(e);
        }
        return byChild;
    }
}

/// <summary>
/// <c>exploitation-concern</c>, <c>nrm-referral</c>, <c>missing-children</c>: children open to the service in the period (an
/// episode of a programme in <c>caseloadProgrammes</c>, empty for every programme, open at some time in it), each once;
/// numerator: a case event of a kind in <c>eventKinds</c> dated in the period on a day one of the child's episodes was open.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class OpenCaseEventMeasure : PlanMeasure
{
    // Shared, read only: every child's unit has one of these two cell lists.
    private static readonly MeasureCell[] Flagged = [MeasureCell.Of(BreakdownKey.Total, true)];
    private static readonly MeasureCell[] NotFlagged = [MeasureCell.Of(BreakdownKey.Total, false)];

    private static bool AnyOpenDuring(List<ProgrammeEpisode> episodes, ReportingPeriod period)
    {
        foreach (var e in episodes)
        {
            if (OpenDuring(e, period))
            {
                return true;
            }
        }
        return false;
    }

    internal OpenCaseEventMeasure(IndicatorDefinition definition)
        : base(definition, LocalMeasures.ExploitationConcernId, LocalMeasures.NrmReferralId, LocalMeasures.MissingChildrenId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var kinds = EnumList<CaseEventKind>(LocalMeasures.EventKindsParameter);
        var children = Children(context.Dataset);
        var episodes = Caseload.EpisodesByChild(context.Dataset, Codes(LocalMeasures.CaseloadProgrammesParameter));
        var events = context.Dataset.CaseEvents.Where(e => kinds.Contains(e.Kind))
            .GroupBy(e => e.ChildId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        // Each child's area and events are looked up once, not once per period.
        var known = new List<(string ChildId, string Area, List<ProgrammeEpisode> Episodes, List<CaseEvent>? Events)>(episodes.Count);
        foreach (var (childId, list) in episodes)
        {
            if (children.TryGetValue(childId, out var child))
            {
                known.Add((childId, child.HomeAreaCode, list, events.GetValueOrDefault(childId)));
            }
        }
        IEnumerable<MeasureUnit> UnitsOf(ReportingPeriod period)
        {
            foreach (var (childId, area, list, ofChild) in known)
            {
                if (!AnyOpenDuring(list, period))
                {
                    continue;
                }
                var flagged = ofChild is not null && ofChild.Any(e => period.Contains(e.Date) && list.Any(ep => OpenOn(ep, e.Date)));
                yield return new MeasureUnit(childId, area, period.Start, flagged ? Flagged : NotFlagged);
            }
        }
        return AggregateByPeriod(context, query, UnitsOf, [BreakdownKey.Total], MeasureShape.Proportion, "child", "child");
    }
}

/// <summary>
/// <c>probation-transfers</c>, <c>missing-episodes</c>: case events of a kind in <c>eventKinds</c> dated in the period, of
/// children in the area, a count (each event once). With <c>whileOpen</c>, only events on a day the child had an episode of a
/// programme in <c>caseloadProgrammes</c> open.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class CaseEventCountMeasure : PlanMeasure
{
    internal CaseEventCountMeasure(IndicatorDefinition definition)
        : base(definition, LocalMeasures.ProbationTransfersId, LocalMeasures.MissingEpisodesId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var kinds = EnumList<CaseEventKind>(LocalMeasures.EventKindsParameter);
        var whileOpen = Definition.GetBool(LocalMeasures.WhileOpenParameter);
        var episodes = whileOpen ? Caseload.EpisodesByChild(context.Dataset, Codes(LocalMeasures.CaseloadProgrammesParameter)) : [];
        IReadOnlyList<MeasureCell> counted = [MeasureCell.Counted(BreakdownKey.Total)];
        var units = WithArea(context.Dataset, context.Dataset.CaseEvents, static e => e.Id, static e => e.ChildId)
            .Where(x => kinds.Contains(x.Record.Kind)
                && (!whileOpen || (episodes.TryGetValue(x.Record.ChildId, out var list) && list.Any(ep => OpenOn(ep, x.Record.Date)))))
            .Select(x => new MeasureUnit(x.Record.Id, x.Area, x.Record.Date, counted));
        return Aggregate(context, query, units, [BreakdownKey.Total], MeasureShape.Count, "case-event", "case-event");
    }
}
