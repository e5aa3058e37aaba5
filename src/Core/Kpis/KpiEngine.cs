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
    /// the published measure and the point cells give both points. The arrays are shared (one per combination) and must
    /// not be changed.</summary>
    internal static Contribution[] PointSettingContributions(StatusObservation o, bool inNumerator, bool inHeadline) =>
        PointSettingCache[(o.Point == ObservationPoint.InterventionStart ? 8 : 0) + (o.Setting == SupervisionSetting.Community ? 4 : 0)
            + (inNumerator ? 2 : 0) + (inHeadline ? 1 : 0)];

    /// <summary>Every combination of point, setting, numerator and headline, built once: the keys are the layout's own
    /// instances, so counting finds their cells by reference.</summary>
    private static readonly Contribution[][] PointSettingCache = BuildPointSettingCache();

    private static Contribution[][] BuildPointSettingCache()
    {
        BreakdownKey Find(string dimension, string value) => PointSettingLayout.First(k => k.Dimension == dimension && k.Value == value);
        var cache = new Contribution[16][];
        for (var i = 0; i < 16; i++)
        {
            var p = (i & 8) != 0 ? "start" : "end";
            var s = (i & 4) != 0 ? "community" : "released-from-custody";
            var inNumerator = (i & 2) != 0;
            Contribution[] byPoint =
            [
                new(Find(DimensionPoint, p), inNumerator),
                new(Find(DimensionPointSetting, p + "+" + s), inNumerator),
            ];
            cache[i] = (i & 1) != 0
                ? [new(BreakdownKey.Total, inNumerator), new(Find(DimensionSetting, s), inNumerator), .. byPoint]
                : byPoint;
        }
        return cache;
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

    /// <summary>Children by id; where an id is duplicated the first record wins (import reports duplicates). Built once per
    /// dataset and shared by every KPI; read only.</summary>
    internal static Dictionary<string, Child> ChildrenById(Dataset dataset) => KpiLookups.For(dataset).Children;

    /// <summary>Episodes by id; where an id is duplicated the first record wins. Built once per dataset; read only.</summary>
    internal static Dictionary<string, ProgrammeEpisode> EpisodesById(Dataset dataset) => KpiLookups.For(dataset).Episodes;

    /// <summary>The codes in a programme-list parameter, upper case.</summary>
    internal static HashSet<string> ProgrammeCodes(IndicatorDefinition definition, string parameter) =>
        new(definition.GetList(parameter).Select(c => c.ToUpperInvariant()), StringComparer.Ordinal);

    /// <summary>
    /// The status observations of the service's caseload, one per child, intervention and point: where several exist the
    /// latest <see cref="StatusObservation.ObservedOn"/> wins, then the greatest id (ordinal), so record order never matters.
    /// </summary>
    /// <remarks>The selection depends only on the dataset and the two parameters it reads, so it is made once per dataset
    /// and parameter values and shared by the KPIs that read the caseload (1-5).</remarks>
    internal static IReadOnlyList<StatusObservation> CaseloadObservations(IndicatorDefinition definition, Dataset dataset)
    {
        var programmes = ProgrammeCodes(definition, KeyPerformanceIndicators.CaseloadProgrammesParameter);
        var includeUnlinked = definition.GetBool(KeyPerformanceIndicators.IncludeUnlinkedObservationsParameter);
        var key = (includeUnlinked ? "1|" : "0|") + string.Join("|", programmes.Order(StringComparer.Ordinal));
        return KpiLookups.For(dataset).Prepared(("caseload", key), () => SelectCaseload(dataset, programmes, includeUnlinked));
    }

    private static IReadOnlyList<StatusObservation> SelectCaseload(Dataset dataset, HashSet<string> programmes, bool includeUnlinked)
    {
        var episodes = EpisodesById(dataset);
        var chosen = new Dictionary<CaseloadKey, StatusObservation>(CaseloadKey.Comparer);
        foreach (var o in dataset.StatusObservations)
        {
            object intervention;
            if (o.EpisodeId is null)
            {
                if (!includeUnlinked)
                {
                    continue;
                }
                // An unlinked observation is its own intervention: keyed by its id.
                intervention = o.Id;
            }
            else if (!episodes.TryGetValue(o.EpisodeId, out var episode) || !programmes.Contains(episode.Programme.Code))
            {
                continue;
            }
            else
            {
                // The episode record the id names (the first of that id), so the same record for the same id.
                intervention = episode;
            }
            ref var current = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(
                chosen, new CaseloadKey(o.ChildId, intervention, o.Point), out var exists);
            if (!exists || Later(o, current!))
            {
                current = o;
            }
        }
        return [.. chosen.Values];
    }

    /// <summary>A child, intervention (an episode record, or an unlinked observation's id) and point. Episodes compare by
    /// reference, so the national caseload (about 350,000 observations) is grouped without hashing two id strings per
    /// observation: that tuple of strings was most of the selection's time, which the first caseload KPI waited for.</summary>
    private readonly record struct CaseloadKey(string Child, object Intervention, ObservationPoint Point)
    {
        internal static readonly IEqualityComparer<CaseloadKey> Comparer = new KeyComparer();

        private sealed class KeyComparer : IEqualityComparer<CaseloadKey>
        {
            public bool Equals(CaseloadKey x, CaseloadKey y) =>
                x.Point == y.Point
                && (ReferenceEquals(x.Intervention, y.Intervention)
                    || (x.Intervention is string a && y.Intervention is string b && string.Equals(a, b, StringComparison.Ordinal)))
                && string.Equals(x.Child, y.Child, StringComparison.Ordinal);

            // The child is left out: an episode is one child's (the import checks it), and equal keys still hash alike.
            public int GetHashCode(CaseloadKey key) => HashCode.Combine(
                key.Intervention is string id
                    ? StringComparer.Ordinal.GetHashCode(id)
                    : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Intervention),
                key.Point);
        }
    }

    private static bool Later(StatusObservation a, StatusObservation b) =>
        a.ObservedOn != b.ObservedOn ? a.ObservedOn > b.ObservedOn : string.CompareOrdinal(a.Id, b.Id) > 0;

    /// <summary>Counts <paramref name="units"/> into <paramref name="layout"/> for every requested period and area.</summary>
    /// <remarks>One pass over the units: each unit's area and cells are resolved to dense numbers once, then counted into
    /// an array per (period, area); the ids are kept only when the query collects evidence.</remarks>
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
        var periods = query.Periods;
        var grid = new CountingGrid(periods.Length, ResolveAreas(context.Dataset, query), layout);
        var areas = grid.Areas;
        var cellCount = layout.Count;
        var slots = grid.SlotCount;
        var numerators = new int[slots];
        var denominators = new int[slots];
        var evidence = query.CollectEvidence ? new Tally[slots] : null;
        foreach (var unit in units)
        {
            if (!grid.TryArea(unit.AreaCode, out var area))
            {
                continue;
            }
            for (var p = 0; p < periods.Length; p++)
            {
                if (!periods[p].Contains(unit.Date))
                {
                    continue;
                }
                foreach (var c in unit.Contributions)
                {
                    if (!grid.TrySlot(p, area, c.Key, out var slot))
                    {
                        continue;
                    }
                    denominators[slot]++;
                    if (c.InNumerator)
                    {
                        numerators[slot]++;
                    }
                    if (evidence is not null)
                    {
                        (evidence[slot] ??= new Tally()).Add(unit.Id, c.InNumerator);
                    }
                }
            }
        }
        var results = new List<IndicatorResult>(slots);
        for (var p = 0; p < periods.Length; p++)
        {
            var period = periods[p];
            for (var a = 0; a < areas.Count; a++)
            {
                for (var k = 0; k < cellCount; k++)
                {
                    // A key the layout repeats shares the first one's cell, as the dictionary of cells did.
                    var slot = grid.ResultSlot(p, a, k);
                    var key = layout[k];
                    var result = IndicatorResultBuilder.Ratio(definition, areas[a], period, numerators[slot], denominators[slot], interval, key);
                    if (evidence is not null)
                    {
                        result = (evidence[slot] ?? new Tally()).WithEvidence(result, recordKind);
                    }
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

    /// <summary>The ids counted into one cell, kept when the query collects evidence.</summary>
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

        internal IndicatorResult WithEvidence(IndicatorResult result, string recordKind) =>
            result with
            {
                Evidence = new ResultEvidence(
                    [.. _numerator.Order(StringComparer.Ordinal)], [.. _denominator.Order(StringComparer.Ordinal)], recordKind, recordKind),
            };
    }
}

/// <summary>The lookups every KPI reads, built once per dataset instance (a dataset is immutable) and shared; thread-safe.</summary>
internal sealed class KpiLookups
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Dataset, KpiLookups> Cache = [];

    private readonly Lazy<Dictionary<string, Child>> _children;
    private readonly Lazy<Dictionary<string, ProgrammeEpisode>> _episodes;

    private KpiLookups(Dataset dataset)
    {
        _children = new(() =>
        {
            var map = new Dictionary<string, Child>(dataset.Children.Count, StringComparer.Ordinal);
            foreach (var child in dataset.Children)
            {
                map.TryAdd(child.Id, child);
            }
            return map;
        });
        _episodes = new(() =>
        {
            var map = new Dictionary<string, ProgrammeEpisode>(dataset.Episodes.Count, StringComparer.Ordinal);
            foreach (var episode in dataset.Episodes)
            {
                map.TryAdd(episode.Id, episode);
            }
            return map;
        });
    }

    internal static KpiLookups For(Dataset dataset) => Cache.GetValue(dataset, static d => new KpiLookups(d));

    internal Dictionary<string, Child> Children => _children.Value;

    internal Dictionary<string, ProgrammeEpisode> Episodes => _episodes.Value;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<object, Lazy<object>> _prepared = new();

    /// <summary>What a KPI works out from the dataset alone (never from the query), made once per dataset and
    /// <paramref name="key"/> (which must hold every parameter value it depends on) and shared by later calls.</summary>
    internal T Prepared<T>(object key, Func<T> make)
        where T : class =>
        (T)_prepared.GetOrAdd(key, _ => new Lazy<object>(() => make())).Value;
}
