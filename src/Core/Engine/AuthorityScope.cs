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

    private static readonly ConditionalWeakTable<Dataset, Lazy<Partition>> Partitions = [];

    private static Dataset Build(Dataset d, string code)
    {
        bool Here(string area) => string.Equals(area, code, StringComparison.OrdinalIgnoreCase);
        if (d.Children.All(c => Here(c.HomeAreaCode)) && d.Areas.All(a => Here(a.Code)))
        {
            return d;
        }
        // Every authority's view reads one partition of the dataset, made once: each record's authority is found in one
        // pass, and a view is a slice of record positions over the shared lists, not a copy of them.
        return Partitions.GetValue(d, static dataset => new Lazy<Partition>(() => new Partition(dataset))).Value.ViewOf(code);
    }

    /// <summary>The records of a dataset grouped by authority (case-insensitive area code), each group in dataset order.</summary>
    private sealed class Partition
    {
        private readonly Dataset _dataset;
        private readonly Dictionary<string, int> _groupOf = new(StringComparer.OrdinalIgnoreCase);
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

        public Partition(Dataset d)
        {
            _dataset = d;
            _areas = Group(d.Areas, a => GroupOfArea(a.Code));
            _children = Group(d.Children, c => GroupOfArea(c.HomeAreaCode));
            // A child's authority by id (the first child with the id, should an unvalidated dataset repeat one).
            var childGroup = new Dictionary<string, int>(d.Children.Count, StringComparer.Ordinal);
            for (var i = 0; i < d.Children.Count; i++)
            {
                childGroup.TryAdd(d.Children[i].Id, _children.GroupOf(i));
            }
            var byChild = new LastLookup(childGroup);
            _offences = Group(d.Offences, o => byChild.Find(o.ChildId));
            _outcomes = Group(d.Outcomes, o => byChild.Find(o.ChildId));
            _episodes = Group(d.Episodes, e => byChild.Find(e.ChildId));
            var episodeGroup = new Dictionary<string, int>(d.Episodes.Count, StringComparer.Ordinal);
            for (var i = 0; i < d.Episodes.Count; i++)
            {
                episodeGroup.TryAdd(d.Episodes[i].Id, _episodes.GroupOf(i));
            }
            var byEpisode = new LastLookup(episodeGroup);
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

        private int GroupOfArea(string code)
        {
            if (!_groupOf.TryGetValue(code, out var group))
            {
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
        public string Id => inner.Id;

        public string Description => inner.Description;

        public IEnumerable<ValidationFinding> Validate(Dataset dataset) => inner.Validate(Restrict(dataset, authorityCode));
    }
}
