using System.Diagnostics.CodeAnalysis;
using NodaTime;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Engine;

// Record-level lookups: what a plugin's indicator or rule asks of a dataset ("this child's outcomes", "episodes of these
// programmes"). One implementation for every caller, national or local, so no plugin keeps an index of its own.
public sealed partial class DatasetIndex
{
    private RecordLookups? _records;

    private RecordLookups Records
    {
        get
        {
            // Built at most once per index; a race builds two identical copies and keeps one.
            var records = Volatile.Read(ref _records);
            if (records is null)
            {
                records = new RecordLookups(this);
                records = Interlocked.CompareExchange(ref _records, records, null) ?? records;
            }
            return records;
        }
    }

    /// <summary>Finds a child by id.</summary>
    /// <returns>Whether the dataset has a child with that id.</returns>
    public bool TryGetChild(string childId, [NotNullWhen(true)] out Child? child)
    {
        ArgumentNullException.ThrowIfNull(childId);
        if (_childByCode.TryGetValue(childId, out var i))
        {
            child = Records.Children[i];
            return true;
        }
        child = null;
        return false;
    }

    /// <summary>Finds an offence by id (the first, in dataset order, if an unvalidated dataset repeats one).</summary>
    /// <returns>Whether the dataset has an offence with that id.</returns>
    public bool TryGetOffence(string offenceId, [NotNullWhen(true)] out Offence? offence)
    {
        ArgumentNullException.ThrowIfNull(offenceId);
        return Records.Offences.TryGetValue(offenceId, out offence);
    }

    /// <summary>The child's offences, in dataset order; empty for an unknown child.</summary>
    public IReadOnlyList<Offence> OffencesOfChild(string childId) => Records.OffencesByChild.Of(ChildIndexOf(childId));

    /// <summary>The child's outcomes, in dataset order; empty for an unknown child.</summary>
    public IReadOnlyList<Outcome> OutcomesOfChild(string childId) => Records.OutcomesByChild.Of(ChildIndexOf(childId));

    /// <summary>The child's assessments, in dataset order; empty for an unknown child.</summary>
    public IReadOnlyList<Assessment> AssessmentsOfChild(string childId) => Records.AssessmentsByChild.Of(ChildIndexOf(childId));

    /// <summary>The child's programme episodes, in dataset order; empty for an unknown child.</summary>
    public IReadOnlyList<ProgrammeEpisode> EpisodesOfChild(string childId) => Records.EpisodesByChild.Of(ChildIndexOf(childId));

    /// <summary>The pathway events of an episode, in dataset order; empty for an unknown episode.</summary>
    public IReadOnlyList<PathwayEvent> EventsOfEpisode(string episodeId)
    {
        ArgumentNullException.ThrowIfNull(episodeId);
        return Records.EventsByEpisode.TryGetValue(episodeId, out var events) ? events : [];
    }

    /// <summary>Episodes whose programme code is one of <paramref name="programmeCodes"/> (ignoring case), in dataset order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="programmeCodes"/> is null.</exception>
    public IReadOnlyList<ProgrammeEpisode> EpisodesOfProgrammes(IReadOnlyCollection<string> programmeCodes)
    {
        ArgumentNullException.ThrowIfNull(programmeCodes);
        var codes = new HashSet<string>(programmeCodes, StringComparer.OrdinalIgnoreCase);
        var episodes = new List<ProgrammeEpisode>();
        foreach (var e in Dataset.Episodes)
        {
            if (codes.Contains(e.Programme.Code))
            {
                episodes.Add(e);
            }
        }
        return episodes;
    }

    /// <summary>The date the child became a first time entrant: the date of their first outcome that counts as one
    /// (<see cref="OutcomeType.CountsAsFirstTimeEntrant"/>), or <see langword="null"/> if they have none.</summary>
    public LocalDate? FirstTimeEntrantDate(string childId)
    {
        LocalDate? first = null;
        foreach (var o in OutcomesOfChild(childId))
        {
            if (o.Type.CountsAsFirstTimeEntrant && (first is null || o.OutcomeDate < first))
            {
                first = o.OutcomeDate;
            }
        }
        return first;
    }

    /// <summary>The child's offences committed after <paramref name="after"/> up to and including <paramref name="upTo"/>.</summary>
    public IEnumerable<Offence> OffencesCommittedBetween(string childId, LocalDate after, LocalDate upTo) =>
        OffencesOfChild(childId).Where(o => o.CommittedOn > after && o.CommittedOn <= upTo);

    private int ChildIndexOf(string childId)
    {
        ArgumentNullException.ThrowIfNull(childId);
        return _childByCode.TryGetValue(childId, out var i) ? i : -1;
    }

    /// <summary>The record-level lookups, grouped by the index's dense child numbers.</summary>
    private sealed class RecordLookups
    {
        internal RecordLookups(DatasetIndex index)
        {
            var dataset = index.Dataset;
            Children = new Child[index.ChildCount];
            foreach (var c in dataset.Children)
            {
                Children[index._childByCode[c.Id]] = c;
            }
            Offences = new Dictionary<string, Offence>(dataset.Offences.Count, StringComparer.Ordinal);
            foreach (var o in dataset.Offences)
            {
                Offences.TryAdd(o.Id, o);
            }
            OffencesByChild = ChildRuns<Offence>.Group(index, dataset.Offences, static o => o.ChildId);
            OutcomesByChild = ChildRuns<Outcome>.Group(index, dataset.Outcomes, static o => o.ChildId);
            AssessmentsByChild = ChildRuns<Assessment>.Group(index, dataset.Assessments, static a => a.ChildId);
            EpisodesByChild = ChildRuns<ProgrammeEpisode>.Group(index, dataset.Episodes, static e => e.ChildId);
            var events = new Dictionary<string, List<PathwayEvent>>(StringComparer.Ordinal);
            foreach (var e in dataset.PathwayEvents)
            {
                if (!events.TryGetValue(e.EpisodeId, out var list))
                {
                    events[e.EpisodeId] = list = [];
                }
                list.Add(e);
            }
            EventsByEpisode = events.ToDictionary(p => p.Key, p => (IReadOnlyList<PathwayEvent>)p.Value.ToArray(), StringComparer.Ordinal);
        }

        internal Child[] Children { get; }
        internal Dictionary<string, Offence> Offences { get; }
        internal ChildRuns<Offence> OffencesByChild { get; }
        internal ChildRuns<Outcome> OutcomesByChild { get; }
        internal ChildRuns<Assessment> AssessmentsByChild { get; }
        internal ChildRuns<ProgrammeEpisode> EpisodesByChild { get; }
        internal Dictionary<string, IReadOnlyList<PathwayEvent>> EventsByEpisode { get; }
    }

    /// <summary>Records grouped by child: child c's are items[start[c]..start[c+1]), in dataset order (a stable counting sort).</summary>
    private sealed class ChildRuns<T>
    {
        private readonly int[] _start;
        private readonly T[] _items;

        private ChildRuns(int[] start, T[] items)
        {
            _start = start;
            _items = items;
        }

        internal ArraySegment<T> Of(int child) =>
            child < 0 ? ArraySegment<T>.Empty : new ArraySegment<T>(_items, _start[child], _start[child + 1] - _start[child]);

        internal static ChildRuns<T> Group(DatasetIndex index, IReadOnlyList<T> records, Func<T, string> childOf)
        {
            var childOfRecord = new int[records.Count];
            var start = new int[index.ChildCount + 1];
            for (var j = 0; j < records.Count; j++)
            {
                // Records of an unknown child are left out, as in the rest of the index (import reports them).
                var c = index._childByCode.TryGetValue(childOf(records[j]), out var i) ? i : -1;
                childOfRecord[j] = c;
                if (c >= 0)
                {
                    start[c + 1]++;
                }
            }
            for (var c = 0; c < index.ChildCount; c++)
            {
                start[c + 1] += start[c];
            }
            var items = new T[start[index.ChildCount]];
            var next = start[..^1];
            for (var j = 0; j < records.Count; j++)
            {
                if (childOfRecord[j] >= 0)
                {
                    items[next[childOfRecord[j]]++] = records[j];
                }
            }
            return new ChildRuns<T>(start, items);
        }
    }
}
