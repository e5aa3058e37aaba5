using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Engine;

/// <summary>
/// The part of a dataset that belongs to one authority: the children resident there (by home area) and every record about
/// them, and the authority's own areas, populations, reference populations and board. A local model describes one
/// service's work, so its indicators (<see cref="AuthorityIndicator"/>) and the rules it scopes with <see cref="Rule"/> see
/// only this; in a multi-area dataset, national-kind episodes elsewhere are another service's.
/// </summary>
/// <remarks>The view of a dataset is built once per (dataset, authority) and cached; a dataset whose children and areas
/// are all the authority's is returned as it is, so caches keyed by it (the <see cref="Engine.DatasetIndex"/>) are shared
/// with the host. Thread-safe.</remarks>
public static class AuthorityScope
{
    // Lazy values, so indicators computed at the same time wait for one view (and one partition) instead of making several.
    private static readonly ConditionalWeakTable<Dataset, ConcurrentDictionary<string, Lazy<Dataset>>> Cache = [];

    /// <summary>The authority's view of <paramref name="dataset"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Dataset Restrict(Dataset dataset, string authorityCode)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(authorityCode);
        return Cache.GetValue(dataset, static _ => new(StringComparer.OrdinalIgnoreCase))
            .GetOrAdd(authorityCode, static (code, d) => new(() => Build(d, code)), dataset).Value;
    }

    /// <summary>A validation rule that sees only the authority's records (see <see cref="Restrict"/>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IValidationRule Rule(IValidationRule rule, string authorityCode)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(authorityCode);
        return new ScopedRule(rule, authorityCode);
    }

    /// <summary>Makes the views of <paramref name="authorityCodes"/> of <paramref name="dataset"/> in one pass over each
    /// list, so that <see cref="Restrict"/> finds them made. Reading the records for a few authorities is cheaper than
    /// partitioning them among all (the national dataset's 150): a record's child is looked up among those authorities'
    /// children, a small table, rather than among every child. The views are the records <see cref="Restrict"/> would
    /// give, in the same order.</summary>
    internal static void Prepare(Dataset dataset, IEnumerable<string> authorityCodes)
    {
        var views = Cache.GetValue(dataset, static _ => new(StringComparer.OrdinalIgnoreCase));
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in authorityCodes)
        {
            if (!views.ContainsKey(code) && !IsWhollyOf(dataset, code))
            {
                codes.Add(code);
            }
        }
        if (codes.Count == 0)
        {
            return;
        }
        var partition = new Partition(dataset, codes);
        foreach (var code in codes)
        {
            views.TryAdd(code, new Lazy<Dataset>(partition.ViewOf(code)));
        }
    }

    /// <summary>The authority a rule made by <see cref="Rule"/> is scoped to, or <see langword="null"/> for any other rule.</summary>
    internal static string? AuthorityOf(IValidationRule rule) => rule is ScopedRule scoped ? scoped.AuthorityCode : null;

    /// <summary>An authority's view read from a partition among every authority (what <see cref="Restrict"/> makes of a
    /// view <see cref="Prepare"/> has not made).</summary>
    internal static Dataset ViewOfWholePartition(Dataset dataset, string authorityCode) => new Partition(dataset, null).ViewOf(authorityCode);

    private static bool IsWhollyOf(Dataset d, string code)
    {
        bool Here(string area) => string.Equals(area, code, StringComparison.OrdinalIgnoreCase);
        return d.Children.All(c => Here(c.HomeAreaCode)) && d.Areas.All(a => Here(a.Code));
    }

    private static readonly ConditionalWeakTable<Dataset, Lazy<Partition>> Partitions = [];

    private static Dataset Build(Dataset d, string code)
    {
        if (IsWhollyOf(d, code))
        {
            return d;
        }
        // Every authority's view reads one partition of the dataset, made once: each record's authority is found in one
        // pass, and a view is a slice of record positions over the shared lists, not a copy of them.
        return Partitions.GetValue(d, static dataset => new Lazy<Partition>(() => new Partition(dataset, null))).Value.ViewOf(code);
    }

    /// <summary>The records of a dataset grouped by authority (case-insensitive area code), each group in dataset order:
    /// every authority's, or only some authorities' (the other records in no group).</summary>
    private sealed class Partition
    {
        private readonly Dataset _dataset;
        private readonly Dictionary<string, int> _groupOf = new(StringComparer.OrdinalIgnoreCase);
        private readonly bool _someAuthorities;
        private readonly Grouped<Area> _areas;
        private readonly Grouped<Child> _children;
        private readonly Grouped<Offence> _offences;
        private readonly Grouped<Outcome> _outcomes;
        private readonly Grouped<ProgrammeEpisode> _episodes;
        private readonly Grouped<PathwayEvent> _pathwayEvents;
        private readonly Grouped<ChildLink> _links;
        private readonly Grouped<Assessment> _assessments;
        private readonly Grouped<StatusObservation> _observations;
        private readonly Grouped<VictimContact> _victimContacts;
        private readonly Grouped<BoardAttendance> _board;
        private readonly Grouped<PopulationEstimate> _populations;
        private readonly Grouped<ReferencePopulation> _references;
        private readonly Grouped<CaseEvent> _caseEvents;
        private readonly Grouped<FeedbackRequest> _feedback;

        /// <param name="d">The dataset.</param>
        /// <param name="authorities">The authorities to group records of (distinct, ignoring case); <see langword="null"/> for every one.</param>
        public Partition(Dataset d, IReadOnlyCollection<string>? authorities)
        {
            _dataset = d;
            if (authorities is not null)
            {
                _someAuthorities = true;
                foreach (var code in authorities)
                {
                    _groupOf.TryAdd(code, _groupOf.Count);
                }
            }
            _areas = Group(d.Areas, a => GroupOfArea(a.Code));
            _children = Group(d.Children, c => GroupOfArea(c.HomeAreaCode));
            // A child's authority by id (the first child with the id, should an unvalidated dataset repeat one).
            var byChild = new LastLookup(GroupOfEachId(d.Children, _children, c => c.Id));
            _offences = Group(d.Offences, o => byChild.Find(o.ChildId));
            _outcomes = Group(d.Outcomes, o => byChild.Find(o.ChildId));
            _episodes = Group(d.Episodes, e => byChild.Find(e.ChildId));
            var byEpisode = new LastLookup(GroupOfEachId(d.Episodes, _episodes, e => e.Id));
            _pathwayEvents = Group(d.PathwayEvents, e => byEpisode.Find(e.EpisodeId));
            _links = Group(d.Links, l => byChild.Find(l.ChildId));
            _assessments = Group(d.Assessments, a => byChild.Find(a.ChildId));
            _observations = Group(d.StatusObservations, o => byChild.Find(o.ChildId));
            _victimContacts = Group(d.VictimContacts, v => byChild.Find(v.ChildId));
            _board = Group(d.BoardAttendances, b => GroupOfArea(b.AreaCode));
            _populations = Group(d.Populations, p => GroupOfArea(p.AreaCode));
            _references = Group(d.ReferencePopulations, p => GroupOfArea(p.AreaCode));
            _caseEvents = Group(d.CaseEvents, e => byChild.Find(e.ChildId));
            _feedback = Group(d.Feedback, f => byChild.Find(f.ChildId));
        }

        /// <summary>The group of the first record with each id, for the ids whose first record is in a group.</summary>
        private Dictionary<string, int> GroupOfEachId<T>(IReadOnlyList<T> records, Grouped<T> grouped, Func<T, string> idOf)
        {
            if (!_someAuthorities)
            {
                var groupOf = new Dictionary<string, int>(records.Count, StringComparer.Ordinal);
                for (var i = 0; i < records.Count; i++)
                {
                    groupOf.TryAdd(idOf(records[i]), grouped.GroupOf(i));
                }
                return groupOf;
            }
            // Only the grouped records' ids are kept (few, so looking a record's id up stays cheap); an id also held by an
            // earlier record in no group is that record's, as it is in a partition among every authority.
            var firstAt = new Dictionary<string, int>(StringComparer.Ordinal);
            var last = -1;
            for (var i = 0; i < records.Count; i++)
            {
                if (grouped.GroupOf(i) >= 0 && firstAt.TryAdd(idOf(records[i]), i))
                {
                    last = i;
                }
            }
            for (var i = 0; i < last; i++)
            {
                if (grouped.GroupOf(i) < 0 && firstAt.TryGetValue(idOf(records[i]), out var at) && at > i)
                {
                    firstAt.Remove(idOf(records[i]));
                }
            }
            var groups = new Dictionary<string, int>(firstAt.Count, StringComparer.Ordinal);
            foreach (var (id, at) in firstAt)
            {
                groups.Add(id, grouped.GroupOf(at));
            }
            return groups;
        }

        private int GroupOfArea(string code)
        {
            if (!_groupOf.TryGetValue(code, out var group))
            {
                if (_someAuthorities)
                {
                    return -1;
                }
                group = _groupOf.Count;
                _groupOf.Add(code, group);
            }
            return group;
        }

        private Grouped<T> Group<T>(IReadOnlyList<T> records, Func<T, int> groupOf)
        {
            var groups = new int[records.Count];
            for (var i = 0; i < groups.Length; i++)
            {
                groups[i] = groupOf(records[i]);
            }
            return new Grouped<T>(records, groups, () => _groupOf.Count);
        }

        public Dataset ViewOf(string code)
        {
            // Groups are known once the partition is built; an authority with no records at all has none.
            var group = _groupOf.TryGetValue(code, out var g) ? g : -2;
            return _dataset with
            {
                Areas = _areas.View(group),
                Children = _children.View(group),
                Offences = _offences.View(group),
                Outcomes = _outcomes.View(group),
                Episodes = _episodes.View(group),
                PathwayEvents = _pathwayEvents.View(group),
                Links = _links.View(group),
                Assessments = _assessments.View(group),
                StatusObservations = _observations.View(group),
                VictimContacts = _victimContacts.View(group),
                BoardAttendances = _board.View(group),
                Populations = _populations.View(group),
                ReferencePopulations = _references.View(group),
                CaseEvents = _caseEvents.View(group),
                Feedback = _feedback.View(group),
            };
        }
    }

    /// <summary>A group by id, remembering the last id: a child's records usually arrive together.</summary>
    private sealed class LastLookup(Dictionary<string, int> groupOf)
    {
        private string? _lastId;
        private int _last = -1;

        public int Find(string id)
        {
            if (!string.Equals(id, _lastId, StringComparison.Ordinal))
            {
                _last = groupOf.TryGetValue(id, out var g) ? g : -1;
                _lastId = id;
            }
            return _last;
        }
    }

    /// <summary>One list's record positions sorted by group (a stable counting sort), sliced per group on first use.</summary>
    private sealed class Grouped<T>
    {
        private readonly IReadOnlyList<T> _records;
        private readonly int[] _groups;
        private readonly Func<int> _groupCount;
        private int[]? _order;
        private int[]? _start;

        public Grouped(IReadOnlyList<T> records, int[] groups, Func<int> groupCount)
        {
            _records = records;
            _groups = groups;
            _groupCount = groupCount;
        }

        public int GroupOf(int position) => _groups[position];

        public Selection<T> View(int group)
        {
            lock (_groups)
            {
                if (_order is null)
                {
                    var count = _groupCount();
                    var start = new int[count + 1];
                    foreach (var g in _groups)
                    {
                        if (g >= 0)
                        {
                            start[g + 1]++;
                        }
                    }
                    for (var i = 0; i < count; i++)
                    {
                        start[i + 1] += start[i];
                    }
                    var order = new int[start[count]];
                    var next = (int[])start.Clone();
                    for (var i = 0; i < _groups.Length; i++)
                    {
                        if (_groups[i] >= 0)
                        {
                            order[next[_groups[i]]++] = i;
                        }
                    }
                    _start = start;
                    _order = order;
                }
            }
            return group < 0 || group + 1 >= _start!.Length
                ? new Selection<T>(_records, ArraySegment<int>.Empty)
                : new Selection<T>(_records, new ArraySegment<int>(_order, _start[group], _start[group + 1] - _start[group]));
        }
    }

    /// <summary>The records at some positions of a list, read through (never copied).</summary>
    private sealed class Selection<T>(IReadOnlyList<T> records, ArraySegment<int> positions) : IReadOnlyList<T>
    {
        public T this[int index] => records[positions[index]];

        public int Count => positions.Count;

        public IEnumerator<T> GetEnumerator()
        {
            for (var i = 0; i < positions.Count; i++)
            {
                yield return records[positions[i]];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class ScopedRule(IValidationRule inner, string authorityCode) : IValidationRule
    {
        public string AuthorityCode => authorityCode;

        public string Id => inner.Id;

        public string Description => inner.Description;

        public IEnumerable<ValidationFinding> Validate(Dataset dataset) => inner.Validate(Restrict(dataset, authorityCode));
    }
}
