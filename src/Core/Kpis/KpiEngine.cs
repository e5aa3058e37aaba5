using NodaTime;
using System.Collections.Immutable;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Kpis;

/// <summary>One unit's contribution to one cell: it is in the cell's denominator, and in its numerator when <see cref="InNumerator"/>.</summary>
internal readonly record struct Contribution(BreakdownKey Key, bool InNumerator);

/// <summary>A unit (observation, episode, contact…) ready to be counted: its id, area, date and contributions.</summary>
internal readonly record struct CountedUnit(string Id, string AreaCode, LocalDate Date, IReadOnlyList<Contribution> Contributions);

/// <summary>
/// The shared counting engine of the key performance indicators: for every requested period and area it counts units into
/// a fixed layout of cells (the total first), so that every cell appears even when it is empty and the output never depends
/// on the order of the records.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class KpiEngine
{
    internal const string DimensionPoint = "point";
    internal const string DimensionSetting = "setting";
    internal const string DimensionPointSetting = "point+setting";
    internal const string DimensionStage = "stage";

    internal static readonly ImmutableArray<BreakdownKey> PointSettingLayout =
    [
        BreakdownKey.Total,
        new(DimensionPoint, "start"), new(DimensionPoint, "end"),
        new(DimensionSetting, "community"), new(DimensionSetting, "released-from-custody"),
        new(DimensionPointSetting, "start+community"), new(DimensionPointSetting, "start+released-from-custody"),
        new(DimensionPointSetting, "end+community"), new(DimensionPointSetting, "end+released-from-custody"),
    ];

    internal static string PointName(ObservationPoint point) => point == ObservationPoint.InterventionStart ? "start" : "end";

    internal static string SettingName(SupervisionSetting setting) =>
        setting == SupervisionSetting.Community ? "community" : "released-from-custody";

    /// <summary>The cells an observation falls into: always its point and point+setting cells; the total and its setting
    /// cell only when it is at the headline point (<paramref name="inHeadline"/>), so the total and the setting split are
    /// the published measure and the point cells give both points.</summary>
    internal static Contribution[] PointSettingContributions(StatusObservation o, bool inNumerator, bool inHeadline)
    {
        var p = PointName(o.Point);
        var s = SettingName(o.Setting);
        Contribution[] byPoint =
        [
            new(new BreakdownKey(DimensionPoint, p), inNumerator),
            new(new BreakdownKey(DimensionPointSetting, p + "+" + s), inNumerator),
        ];
        return inHeadline
            ? [new(BreakdownKey.Total, inNumerator), new(new BreakdownKey(DimensionSetting, s), inNumerator), .. byPoint]
            : byPoint;
    }

    /// <summary>Whether an observation is at the definition's headline point (parameter <c>headlinePoint</c>:
    /// <c>InterventionEnd</c>, the default and the guidance's measure; <c>InterventionStart</c>; or <c>Pooled</c> for both).</summary>
    /// <exception cref="FormatException">The parameter is none of those.</exception>
    internal static Func<StatusObservation, bool> HeadlinePoint(IndicatorDefinition definition)
    {
        var text = definition.HasParameter(KeyPerformanceIndicators.HeadlinePointParameter)
            ? definition.GetString(KeyPerformanceIndicators.HeadlinePointParameter)
            : nameof(ObservationPoint.InterventionEnd);
        if (string.Equals(text, KeyPerformanceIndicators.PooledHeadline, StringComparison.OrdinalIgnoreCase))
        {
            return _ => true;
        }
        var point = definition.HasParameter(KeyPerformanceIndicators.HeadlinePointParameter)
            ? definition.GetEnum<ObservationPoint>(KeyPerformanceIndicators.HeadlinePointParameter)
            : ObservationPoint.InterventionEnd;
        return o => o.Point == point;
    }

    /// <summary>The definition's rule for 29 February birthdays (parameter <c>leapDayBirthdayRule</c>, default <c>MarchFirst</c>).</summary>
    internal static National.LeapDayBirthdayRule LeapDayRule(IndicatorDefinition definition) =>
        definition.HasParameter(National.NationalParameters.LeapDayBirthdayRule)
            ? definition.GetEnum<National.LeapDayBirthdayRule>(National.NationalParameters.LeapDayBirthdayRule)
            : National.LeapDayBirthdayRule.MarchFirst;

    /// <summary>The areas to report: the query's, else the dataset's areas, else the children's home areas (ordinal order).</summary>
    internal static IReadOnlyList<string> ResolveAreas(Dataset dataset, IndicatorQuery query)
    {
        if (!query.AreaCodes.IsDefaultOrEmpty)
        {
            return [.. query.AreaCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }
        var codes = dataset.Areas.Count > 0
            ? dataset.Areas.Select(a => a.Code)
            : dataset.Children.Select(c => c.HomeAreaCode);
        return [.. codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Children by id; where an id is duplicated the first record wins (import reports duplicates).</summary>
    internal static Dictionary<string, Child> ChildrenById(Dataset dataset)
    {
        var map = new Dictionary<string, Child>(dataset.Children.Count, StringComparer.Ordinal);
        foreach (var child in dataset.Children)
        {
            map.TryAdd(child.Id, child);
        }
        return map;
    }

    /// <summary>Episodes by id; where an id is duplicated the first record wins.</summary>
    internal static Dictionary<string, ProgrammeEpisode> EpisodesById(Dataset dataset)
    {
        var map = new Dictionary<string, ProgrammeEpisode>(dataset.Episodes.Count, StringComparer.Ordinal);
        foreach (var episode in dataset.Episodes)
        {
            map.TryAdd(episode.Id, episode);
        }
        return map;
    }

    /// <summary>The codes in a programme-list parameter, upper case.</summary>
    internal static HashSet<string> ProgrammeCodes(IndicatorDefinition definition, string parameter) =>
        new(definition.GetList(parameter).Select(c => c.ToUpperInvariant()), StringComparer.Ordinal);

    /// <summary>
    /// The status observations of the service's caseload, one per child, intervention and point: where several exist the
    /// latest <see cref="StatusObservation.ObservedOn"/> wins, then the greatest id (ordinal), so record order never matters.
    /// </summary>
    internal static IReadOnlyList<StatusObservation> CaseloadObservations(IndicatorDefinition definition, Dataset dataset)
    {
        var programmes = ProgrammeCodes(definition, KeyPerformanceIndicators.CaseloadProgrammesParameter);
        var includeUnlinked = definition.GetBool(KeyPerformanceIndicators.IncludeUnlinkedObservationsParameter);
        var episodes = EpisodesById(dataset);
        var chosen = new Dictionary<(string Child, string Episode, ObservationPoint Point), StatusObservation>();
        foreach (var o in dataset.StatusObservations)
        {
            if (o.EpisodeId is null)
            {
                if (!includeUnlinked)
                {
                    continue;
                }
            }
            else if (!episodes.TryGetValue(o.EpisodeId, out var episode) || !programmes.Contains(episode.Programme.Code))
            {
                continue;
            }
            // An unlinked observation is its own intervention: keyed by its id.
            var key = (o.ChildId, o.EpisodeId ?? "\0" + o.Id, o.Point);
            if (!chosen.TryGetValue(key, out var current) || Later(o, current))
            {
                chosen[key] = o;
            }
        }
        return [.. chosen.Values];
    }

    private static bool Later(StatusObservation a, StatusObservation b) =>
        a.ObservedOn != b.ObservedOn ? a.ObservedOn > b.ObservedOn : string.CompareOrdinal(a.Id, b.Id) > 0;

    /// <summary>Counts <paramref name="units"/> into <paramref name="layout"/> for every requested period and area.</summary>
    internal static IReadOnlyList<IndicatorResult> Count(
        IndicatorDefinition definition,
        IndicatorContext context,
        IndicatorQuery query,
        IEnumerable<CountedUnit> units,
        IReadOnlyList<BreakdownKey> layout,
        IntervalMethod interval,
        string recordKind,
        Func<BreakdownKey, string?>? note = null)
    {
        var areas = ResolveAreas(context.Dataset, query);
        var byArea = units.GroupBy(u => u.AreaCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var results = new List<IndicatorResult>();
        foreach (var period in query.Periods)
        {
            foreach (var area in areas)
            {
                var cells = layout.ToDictionary(k => k, _ => new Tally());
                if (byArea.TryGetValue(area, out var inArea))
                {
                    foreach (var unit in inArea)
                    {
                        if (!period.Contains(unit.Date))
                        {
                            continue;
                        }
                        foreach (var c in unit.Contributions)
                        {
                            if (cells.TryGetValue(c.Key, out var tally))
                            {
                                tally.Add(unit.Id, c.InNumerator);
                            }
                        }
                    }
                }
                foreach (var key in layout)
                {
                    var result = cells[key].ToResult(definition, area, period, key, interval, query.CollectEvidence, recordKind);
                    var text = note?.Invoke(key);
                    if (text is not null)
                    {
                        result = result with { Note = text };
                    }
                    if (period.End > context.AsOf)
                    {
                        // The period runs past the data: later records may still change the figure.
                        result = result with { Provisional = true };
                    }
                    results.Add(result);
                }
            }
        }
        return results;
    }

    /// <summary>The ids counted into one cell.</summary>
    internal sealed class Tally
    {
        private readonly List<string> _numerator = [];
        private readonly List<string> _denominator = [];

        internal void Add(string id, bool inNumerator)
        {
            _denominator.Add(id);
            if (inNumerator)
            {
                _numerator.Add(id);
            }
        }

        internal IndicatorResult ToResult(
            IndicatorDefinition definition, string area, ReportingPeriod period, BreakdownKey key,
            IntervalMethod interval, bool evidence, string recordKind)
        {
            var result = IndicatorResultBuilder.Ratio(definition, area, period, _numerator.Count, _denominator.Count, interval, key);
            return evidence
                ? result with
                {
                    Evidence = new ResultEvidence(
                        [.. _numerator.Order(StringComparer.Ordinal)], [.. _denominator.Order(StringComparer.Ordinal)], recordKind, recordKind),
                }
                : result;
        }
    }
}
