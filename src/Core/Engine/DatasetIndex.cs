using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using NodaTime;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Engine;

/// <summary>
/// A compact, read-only index of one <see cref="Dataset"/>, built once and cached per dataset instance:
/// children, offences, outcomes and areas mapped to dense integers, dates held as day numbers, each child's outcomes
/// in one contiguous run sorted by (date, id), and population estimates in arrays keyed by (area, year, age).
/// </summary>
/// <remarks>
/// <para>Every ordering is by ordinal id, so nothing computed from the index depends on the order the records
/// arrived in, the culture or the time zone.</para>
/// <para>Records that refer to an unknown child (offences, outcomes) or an unknown offence (an outcome's offence ids)
/// are left out of the index: import reports such rows; the index never guesses.</para>
/// <para>Besides the columns the national indicators read, the index answers record-level questions for any indicator,
/// rule or plugin (<see cref="TryGetChild"/>, <see cref="OutcomesOfChild"/>, <see cref="EpisodesOfProgrammes"/>, …);
/// those lookups are built on first use, so a report that never asks for them never pays for them.</para>
/// <para>Immutable after construction and thread-safe for reading. <see cref="For"/> is thread-safe.</para>
/// </remarks>
public sealed partial class DatasetIndex
{
    /// <summary>No date (a day number that compares after every real date).</summary>
    internal const int NoDay = int.MaxValue;

    // Lazy, so indicators computed at the same time over a new dataset wait for one build instead of each making its own.
    private static readonly ConditionalWeakTable<Dataset, Lazy<DatasetIndex>> Cache = new();

    private readonly Dictionary<string, int> _areaByCode;
    private readonly Dictionary<string, int> _typeByCode;
    private readonly Dictionary<string, int> _childByCode;

    private DatasetIndex(Dataset dataset)
    {
        Dataset = dataset;
        AsOf = DateArithmetic.Day(dataset.AsOf);

        // Children, by ordinal id. Only the ids are sorted (see SortOrdinal), yielding a permutation to read the records
        // through, rather than sorting the records with a comparison delegate; ChildIds is the sorted ids.
        var children = AsArray(dataset.Children);
        ChildCount = children.Length;
        ChildIds = new string[ChildCount];
        for (var i = 0; i < ChildCount; i++)
        {
            ChildIds[i] = children[i].Id;
        }
        var childOrder = SortOrdinal(ChildIds);
        ChildDateOfBirth = new LocalDate[ChildCount];
        ChildSex = new Sex[ChildCount];
        ChildEthnicity = new EthnicityGroup[ChildCount];
        ChildArea = new int[ChildCount];
        var childByCode = new Dictionary<string, int>(ChildCount, StringComparer.Ordinal);
        _childByCode = childByCode;

        // Area codes: hash sets, sorted once at the end (a SortedSet paid a tree insertion per child). Consecutive
        // children mostly share a home area, so the set is only consulted when the code changes.
        var reportingSet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in dataset.Areas)
        {
            reportingSet.Add(a.Code);
        }
        var areaSet = new HashSet<string>(reportingSet, StringComparer.Ordinal);
        var childAreaSet = new HashSet<string>(StringComparer.Ordinal);
        string? lastArea = null;
        foreach (var c in children)
        {
            if (!string.Equals(c.HomeAreaCode, lastArea, StringComparison.Ordinal))
            {
                lastArea = c.HomeAreaCode;
                areaSet.Add(lastArea);
                childAreaSet.Add(lastArea);
            }
        }
        foreach (var p in dataset.Populations)
        {
            areaSet.Add(p.AreaCode);
        }
        AreaCodes = SortedOrdinal(areaSet);
        _areaByCode = new Dictionary<string, int>(AreaCodes.Length, StringComparer.Ordinal);
        for (var i = 0; i < AreaCodes.Length; i++)
        {
            _areaByCode[AreaCodes[i]] = i;
        }
        ReportingAreaCodes = reportingSet.Count > 0 ? SortedOrdinal(reportingSet) : SortedOrdinal(childAreaSet);

        lastArea = null;
        var lastAreaIndex = -1;
        for (var i = 0; i < ChildCount; i++)
        {
            var c = children[childOrder?[i] ?? i];
            if (!childByCode.TryAdd(c.Id, i))
            {
                throw new ArgumentException($"The dataset has two children with id '{c.Id}'; ids must be unique.", nameof(dataset));
            }
            ChildDateOfBirth[i] = c.DateOfBirth;
            ChildSex[i] = c.Sex;
            ChildEthnicity[i] = c.EthnicityGroup;
            if (!string.Equals(c.HomeAreaCode, lastArea, StringComparison.Ordinal))
            {
                lastArea = c.HomeAreaCode;
                lastAreaIndex = _areaByCode[lastArea];
            }
            ChildArea[i] = lastAreaIndex;
        }

        // The offences and the outcomes' grouping read only the children built above, not each other, so they are built
        // on two threads: on the national dataset each half is about 300 ms, and a report's indicators all wait for the
        // index. The outcomes' grouping runs on this thread, so a busy pool costs no more than building them in turn;
        // the offences' errors are reported before the outcomes', as when they were built in turn.
        var allOffences = AsArray(dataset.Offences);
        var allOutcomes = AsArray(dataset.Outcomes);
        var childCount = ChildCount;
        var checkUnique = !KnownUniqueIds.Contains(dataset);
        var offenceBuild = Task.Factory.StartNew(
            () => new OffenceColumns(allOffences, childByCode, childCount, checkUnique),
            CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
        OutcomeColumns? outcomeColumns = null;
        ExceptionDispatchInfo? outcomeError = null;
        try
        {
            outcomeColumns = new OutcomeColumns(allOutcomes, childByCode, childCount, checkUnique);
        }
        catch (Exception e)
        {
            outcomeError = ExceptionDispatchInfo.Capture(e);
        }
        var offences = Completed(offenceBuild);
        if (offences.DuplicateId is { } offenceId)
        {
            throw new ArgumentException($"The dataset has two offences with id '{offenceId}'; ids must be unique.", nameof(dataset));
        }
        outcomeError?.Throw();
        var outcomes = outcomeColumns!;
        if (outcomes.DuplicateId is { } outcomeId)
        {
            throw new ArgumentException($"The dataset has two outcomes with id '{outcomeId}'; ids must be unique.", nameof(dataset));
        }

        OffenceIds = offences.Ids;
        OffenceChild = offences.Child;
        OffenceCommitted = offences.Committed;
        OffenceGroups = offences.Groups;
        OffenceGravity = offences.Gravity;
        Types = outcomes.Types;
        _typeByCode = outcomes.TypeByCode;
        ChildOutcomeStart = outcomes.ChildOutcomeStart;
        OutcomeIds = outcomes.Ids;
        OutcomeChild = outcomes.Child;
        OutcomeDate = outcomes.Date;
        OutcomeType = outcomes.Type;
        OutcomeResentenced = outcomes.Resentenced;
        OutcomeRelease = outcomes.Release;
        OutcomeEnd = outcomes.End;

        // Each outcome's offences, which needs both halves.
        var n = outcomes.Ids.Length;
        var order = outcomes.Order;
        var childOffenceStart = offences.ChildOffenceStart;
        OutcomeEarliestOffence = new int[n];
        OutcomeOffenceStart = new int[n + 1];
        var flat = new int[outcomes.OffenceIdCount];
        var flatCount = 0;
        for (var i = 0; i < n; i++)
        {
            var o = allOutcomes[order[i]];
            var child = outcomes.Child[i];
            OutcomeOffenceStart[i] = flatCount;
            var earliest = NoDay;
            var start = flatCount;
            if (!o.OffenceIds.IsDefault)
            {
                foreach (var id in o.OffenceIds)
                {
                    // Only the child's own offences count; an outcome naming someone else's offence is a data error.
                    var off = FindOffence(id, childOffenceStart[child], childOffenceStart[child + 1]);
                    if (off >= 0 && Array.IndexOf(flat, off, start, flatCount - start) < 0)
                    {
                        flat[flatCount++] = off;
                        earliest = Math.Min(earliest, OffenceCommitted[off]);
                    }
                }
            }
            Array.Sort(flat, start, flatCount - start);
            OutcomeEarliestOffence[i] = earliest;
        }
        OutcomeOffenceStart[n] = flatCount;
        OutcomeOffences = flatCount == flat.Length ? flat : flat.AsSpan(0, flatCount).ToArray();

        Populations = new PopulationTable(dataset.Populations, _areaByCode);
    }

    /// <summary>The dataset indexed.</summary>
    public Dataset Dataset { get; }

    /// <summary>The dataset's <see cref="Dataset.AsOf"/> as a day number.</summary>
    internal int AsOf { get; }

    internal int ChildCount { get; }
    internal string[] ChildIds { get; }
    internal LocalDate[] ChildDateOfBirth { get; }
    internal Sex[] ChildSex { get; }
    internal EthnicityGroup[] ChildEthnicity { get; }
    internal int[] ChildArea { get; }

    /// <summary>Where each child's outcomes start in the outcome arrays; child c's are [start[c], start[c+1]).</summary>
    internal int[] ChildOutcomeStart { get; }

    /// <summary>Every area code seen (areas, children's home areas, population rows), ordinal order.</summary>
    internal string[] AreaCodes { get; }

    /// <summary>The areas reported when a query names none: <see cref="Dataset.Areas"/> if any, else the children's home areas.</summary>
    internal string[] ReportingAreaCodes { get; }

    internal string[] OffenceIds { get; }
    internal int[] OffenceChild { get; }
    internal int[] OffenceCommitted { get; }
    internal OffenceGroup[] OffenceGroups { get; }
    internal int[] OffenceGravity { get; }

    /// <summary>The distinct outcome types the outcomes use, by code.</summary>
    internal OutcomeType[] Types { get; }

    internal string[] OutcomeIds { get; }
    internal int[] OutcomeChild { get; }
    internal int[] OutcomeDate { get; }
    internal int[] OutcomeType { get; }
    internal bool[] OutcomeResentenced { get; }
    internal int[] OutcomeRelease { get; }
    internal int[] OutcomeEnd { get; }

    /// <summary>The earliest committed date of the outcome's offences, or <see cref="NoDay"/> when it lists none.</summary>
    internal int[] OutcomeEarliestOffence { get; }

    /// <summary>Where each outcome's offences start in <see cref="OutcomeOffences"/>; outcome i's are [start[i], start[i+1]).</summary>
    internal int[] OutcomeOffenceStart { get; }

    /// <summary>Offence indices of every outcome, flat.</summary>
    internal int[] OutcomeOffences { get; }

    /// <summary>Population estimates.</summary>
    internal PopulationTable Populations { get; }

    /// <summary>The (cached) index of <paramref name="dataset"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    /// <exception cref="ArgumentException">The dataset has duplicate ids.</exception>
    public static DatasetIndex For(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Cache.GetValue(dataset, static d => new Lazy<DatasetIndex>(() => new DatasetIndex(d))).Value;
    }

    /// <summary>The area index of a code, or -1 when the dataset has nothing for it.</summary>
    /// <summary>Whether the index of <paramref name="dataset"/> has been built.</summary>
    internal static bool IsBuilt(Dataset dataset) => Cache.TryGetValue(dataset, out var index) && index.IsValueCreated;

    internal int AreaIndex(string code) => _areaByCode.TryGetValue(code, out var i) ? i : -1;

    /// <summary>Marks which of the dataset's outcome types have one of <paramref name="codes"/>.</summary>
    internal bool[] TypeMask(IEnumerable<string> codes)
    {
        var mask = new bool[Types.Length];
        foreach (var code in codes)
        {
            if (_typeByCode.TryGetValue(code, out var t))
            {
                mask[t] = true;
            }
        }
        return mask;
    }

    /// <summary>Marks which of the dataset's outcome types satisfy <paramref name="predicate"/>.</summary>
    internal bool[] TypeMask(Func<OutcomeType, bool> predicate)
    {
        var mask = new bool[Types.Length];
        for (var i = 0; i < Types.Length; i++)
        {
            mask[i] = predicate(Types[i]);
        }
        return mask;
    }

    /// <summary>The child's age on a day.</summary>
    internal int AgeOn(int child, int day) => DateArithmetic.Age(ChildDateOfBirth[child], DateArithmetic.Date(day));

    /// <summary>A child's age on a day under a rule for 29 February birthdays.</summary>
    internal int AgeOn(int child, int day, National.LeapDayBirthdayRule leapDay) =>
        DateArithmetic.Age(ChildDateOfBirth[child], DateArithmetic.Date(day), leapDay);

    /// <summary>The outcome's offences.</summary>
    internal ReadOnlySpan<int> OffencesOf(int outcome) =>
        OutcomeOffences.AsSpan(OutcomeOffenceStart[outcome], OutcomeOffenceStart[outcome + 1] - OutcomeOffenceStart[outcome]);

    /// <summary>The list's elements as an array, without copying when it already is one (or wraps one). Read only.</summary>
    private static T[] AsArray<T>(IReadOnlyList<T> list) => list switch
    {
        T[] array => array,
        ImmutableArray<T> { IsDefault: false } immutable => ImmutableCollectionsMarshal.AsArray(immutable)!,
        _ => [.. list],
    };

    /// <summary>
    /// Sorts <paramref name="ids"/> into ordinal order in place and returns where each sorted id was: result[i] is the
    /// original position of ids[i], or <see langword="null"/> when nothing moved. Input that is already in order (children
    /// often are: generated and exported datasets list them by id) is only checked, in one linear pass.
    /// </summary>
    private static int[]? SortOrdinal(string[] ids)
    {
        for (var i = 1; i < ids.Length; i++)
        {
            if (string.CompareOrdinal(ids[i - 1], ids[i]) > 0)
            {
                var order = new int[ids.Length];
                for (var k = 0; k < order.Length; k++)
                {
                    order[k] = k;
                }
                var source = (string[])ids.Clone();
                new OrdinalRadixSort(source, order).Sort(0, order.Length, 0);
                for (var k = 0; k < order.Length; k++)
                {
                    ids[k] = source[order[k]];
                }
                return order;
            }
        }
        return null;
    }

    /// <summary>
    /// Sorts positions by the ordinal order of their strings, most significant characters first: four UTF-16 code units
    /// at a time are packed into a 64-bit key and sorted as integers, and each run of equal keys is sorted on the next
    /// four. Ids share long prefixes (area and child codes), so a comparison sort would compare those prefixes again
    /// in every one of its n log n comparisons, each a cache miss on two scattered strings; this reads each string about
    /// once per four characters that tell it apart.
    /// </summary>
    private sealed class OrdinalRadixSort(string[] ids, int[] order)
    {
        private const int SmallRun = 24;
        private readonly ulong[] _keys = new ulong[order.Length];

        /// <summary>Sorts order[lo..hi), whose strings all share their first <paramref name="depth"/> characters.</summary>
        internal void Sort(int lo, int hi, int depth)
        {
            while (hi - lo > 1)
            {
                if (hi - lo <= SmallRun)
                {
                    InsertionSort(lo, hi);
                    return;
                }
                // Skip what the whole run shares; a string no longer than that is the run's least.
                var first = ids[order[lo]];
                var common = first.Length - depth;
                for (var i = lo + 1; i < hi && common > 0; i++)
                {
                    var s = ids[order[i]];
                    common = s.Length <= depth ? 0 : Math.Min(common, first.AsSpan(depth).CommonPrefixLength(s.AsSpan(depth)));
                }
                depth += Math.Max(common, 0);
                var allEnd = true;
                for (var i = lo; i < hi; i++)
                {
                    var s = ids[order[i]];
                    allEnd &= s.Length <= depth;
                    _keys[i] = Pack(s, depth);
                }
                if (allEnd)
                {
                    // Every string has ended: they are equal (a duplicate id, which the caller reports) or differ only
                    // in trailing U+0000, which the zero padding cannot tell apart; compare them whole.
                    Array.Sort(order, lo, hi - lo, Comparer<int>.Create((x, y) => string.CompareOrdinal(ids[x], ids[y])));
                    return;
                }
                Array.Sort(_keys, order, lo, hi - lo);
                // Each run of equal keys shares depth + 4 characters (padding with 0 orders a shorter string first, and
                // where that ties with a real U+0000 the next round decides); the last run is handled by the loop.
                var start = lo;
                for (var i = lo + 1; i <= hi; i++)
                {
                    if (i == hi || _keys[i] != _keys[start])
                    {
                        if (i == hi)
                        {
                            lo = start;
                            break;
                        }
                        Sort(start, i, depth + 4);
                        start = i;
                    }
                }
                depth += 4;
            }
        }

        private static ulong Pack(string s, int depth)
        {
            ulong key = 0;
            for (var c = depth; c < depth + 4; c++)
            {
                key = (key << 16) | (c < s.Length ? s[c] : 0u);
            }
            return key;
        }

        private void InsertionSort(int lo, int hi)
        {
            for (var i = lo + 1; i < hi; i++)
            {
                var item = order[i];
                var s = ids[item];
                var j = i - 1;
                while (j >= lo && string.CompareOrdinal(ids[order[j]], s) > 0)
                {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = item;
            }
        }
    }

    /// <summary>The offence (index) with <paramref name="id"/> among the offences [<paramref name="lo"/>,
    /// <paramref name="end"/>), which are in id order (one child's); -1 if none.</summary>
    private int FindOffence(string id, int lo, int end)
    {
        var hi = end - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var c = string.CompareOrdinal(OffenceIds[mid], id);
            if (c == 0)
            {
                return mid;
            }
            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /// <summary>The set's strings in ordinal order.</summary>
    private static string[] SortedOrdinal(HashSet<string> set)
    {
        var array = new string[set.Count];
        set.CopyTo(array);
        Array.Sort(array, StringComparer.Ordinal);
        return array;
    }

    /// <summary>A child's index by id (-1 when unknown), remembering the last id resolved: a child's records usually
    /// arrive together, so most look-ups are one string comparison instead of a hash.</summary>
    private sealed class ChildLookup(Dictionary<string, int> childByCode)
    {
        private string? _lastId;
        private int _lastIndex = -1;

        internal int Find(string id)
        {
            if (!string.Equals(id, _lastId, StringComparison.Ordinal))
            {
                _lastIndex = childByCode.TryGetValue(id, out var i) ? i : -1;
                _lastId = id;
            }
            return _lastIndex;
        }
    }

    /// <summary>Orders positions in the dataset's outcome list by (day, ordinal id): the order within one child.</summary>
    private sealed class OutcomeOrder(int[] dayOf, Outcome[] outcomes) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var c = dayOf[x].CompareTo(dayOf[y]);
            return c != 0 ? c : string.CompareOrdinal(outcomes[x].Id, outcomes[y].Id);
        }
    }
    /// <summary>The task's result, or its own exception (not wrapped). Waiting runs the task on this thread if no pool
    /// thread has started it yet.</summary>
    private static T Completed<T>(Task<T> task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return task.Result;
    }

    /// <summary>
    /// The offences of known children, grouped by child (in child order) and in ordinal id order within each child. An
    /// outcome may only name its own child's offences, so its offence ids are found by binary search in its child's short
    /// run; within one child, index order is id order, which the rules' "then the lowest id" ties rely on.
    /// </summary>
    /// <remarks>Grouping by child is a counting sort (linear) with a comparison sort of each child's few offences: sorting
    /// every offence id at once cost a third of the whole index on the national dataset, and the grouped order keeps a
    /// child's offences together in memory, as the indicators read them.</remarks>
    private sealed class OffenceColumns
    {
        internal OffenceColumns(Offence[] allOffences, Dictionary<string, int> childByCode, int childCount, bool checkUnique)
        {
            // A child's records usually arrive together, so the child lookup remembers the last id resolved (same result
            // as the dictionary, fewer hashes).
            var childLookup = new ChildLookup(childByCode);
            var total = allOffences.Length;
            var childOf = new int[total];
            ChildOffenceStart = new int[childCount + 1];
            for (var j = 0; j < total; j++)
            {
                var child = childLookup.Find(allOffences[j].ChildId);
                childOf[j] = child;
                if (child >= 0)
                {
                    ChildOffenceStart[child + 1]++;
                }
            }
            for (var c = 0; c < childCount; c++)
            {
                ChildOffenceStart[c + 1] += ChildOffenceStart[c];
            }
            var n = ChildOffenceStart[childCount];
            var order = new int[n];
            var next = ChildOffenceStart[..^1];
            for (var j = 0; j < total; j++)
            {
                if (childOf[j] >= 0)
                {
                    order[next[childOf[j]]++] = j;
                }
            }
            var byId = Comparer<int>.Create((x, y) => string.CompareOrdinal(allOffences[x].Id, allOffences[y].Id));
            for (var c = 0; c < childCount; c++)
            {
                var start = ChildOffenceStart[c];
                var length = ChildOffenceStart[c + 1] - start;
                if (length > 1)
                {
                    Array.Sort(order, start, length, byId);
                }
            }

            Ids = new string[n];
            Child = new int[n];
            Committed = new int[n];
            Groups = new OffenceGroup[n];
            Gravity = new int[n];
            for (var i = 0; i < n; i++)
            {
                var j = order[i];
                var o = allOffences[j];
                Ids[i] = o.Id;
                Child[i] = childOf[j];
                Committed[i] = DateArithmetic.Day(o.CommittedOn);
                Groups[i] = o.Group;
                Gravity[i] = o.Gravity;
            }
            DuplicateId = checkUnique ? FirstRepeated(Ids) : null;
        }

        /// <summary>An id two offences share, if any (then the index is not built).</summary>
        internal string? DuplicateId { get; }

        internal string[] Ids { get; }
        internal int[] Child { get; }
        internal int[] Committed { get; }
        internal OffenceGroup[] Groups { get; }
        internal int[] Gravity { get; }

        /// <summary>Where each child's offences start; child c's are [start[c], start[c+1]).</summary>
        internal int[] ChildOffenceStart { get; }
    }

    /// <summary>The first id (in the given order) that an earlier one repeats, or <see langword="null"/>.</summary>
    private static string? FirstRepeated(string[] ids)
    {
        var seen = new HashSet<string>(ids.Length, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                return id;
            }
        }
        return null;
    }

    /// <summary>The outcomes of known children, grouped by child and sorted by (date, id) within each, with the columns
    /// that need nothing from the offences.</summary>
    private sealed class OutcomeColumns
    {
        internal OutcomeColumns(Outcome[] allOutcomes, Dictionary<string, int> childByCode, int childCount, bool checkUnique)
        {
            // One pass over every outcome: the distinct types (the first instance of each code, over all outcomes, as
            // Distinct kept), each outcome's child and day, and whether the ids arrive strictly ascending (then they are
            // unique and the hash set check at the end is skipped). Outcomes share a handful of type instances, so the type is
            // looked up only when the instance changes.
            var childLookup = new ChildLookup(childByCode);
            var total = allOutcomes.Length;
            var outcomeChildOf = new int[total];
            var outcomeDayOf = new int[total];
            var firstTypes = new List<OutcomeType>();
            var firstTypeByCode = new Dictionary<string, int>(StringComparer.Ordinal);
            OutcomeType? lastType = null;
            var lastTypeIndex = -1;
            var idsAscending = true;
            string? previousId = null;
            var outcomeCount = 0;
            for (var j = 0; j < total; j++)
            {
                var o = allOutcomes[j];
                if (!ReferenceEquals(o.Type, lastType))
                {
                    lastType = o.Type;
                    if (!firstTypeByCode.TryGetValue(lastType.Code, out lastTypeIndex))
                    {
                        lastTypeIndex = firstTypes.Count;
                        firstTypeByCode.Add(lastType.Code, lastTypeIndex);
                        firstTypes.Add(lastType);
                    }
                }
                if (idsAscending && previousId is not null && string.CompareOrdinal(previousId, o.Id) >= 0)
                {
                    idsAscending = false;
                }
                previousId = o.Id;
                var child = childLookup.Find(o.ChildId);
                outcomeChildOf[j] = child;
                if (child >= 0)
                {
                    outcomeDayOf[j] = DateArithmetic.Day(o.OutcomeDate);
                    outcomeCount++;
                }
            }

            // Outcome types, by code.
            var types = firstTypes.ToArray();
            Array.Sort(types, static (a, b) => string.CompareOrdinal(a.Code, b.Code));
            Types = types;
            TypeByCode = new Dictionary<string, int>(types.Length, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < types.Length; i++)
            {
                TypeByCode[types[i].Code] = i;
            }

            // Grouped by child and sorted by (date, id) within each child. Child indices are dense, so the grouping is
            // a counting sort (linear); only each child's short run is sorted by comparison.
            var n = outcomeCount;
            ChildOutcomeStart = new int[childCount + 1];
            for (var j = 0; j < total; j++)
            {
                if (outcomeChildOf[j] >= 0)
                {
                    ChildOutcomeStart[outcomeChildOf[j] + 1]++;
                }
            }
            for (var c = 0; c < childCount; c++)
            {
                ChildOutcomeStart[c + 1] += ChildOutcomeStart[c];
            }
            var order = new int[n];
            var next = ChildOutcomeStart[..^1];
            for (var j = 0; j < total; j++)
            {
                var c = outcomeChildOf[j];
                if (c >= 0)
                {
                    order[next[c]++] = j;
                }
            }
            var byDateThenId = new OutcomeOrder(outcomeDayOf, allOutcomes);
            for (var c = 0; c < childCount; c++)
            {
                var start = ChildOutcomeStart[c];
                var length = ChildOutcomeStart[c + 1] - start;
                if (length > 1)
                {
                    Array.Sort(order, start, length, byDateThenId);
                }
            }
            Order = order;

            Ids = new string[n];
            Child = new int[n];
            Date = new int[n];
            Type = new int[n];
            Resentenced = new bool[n];
            Release = new int[n];
            End = new int[n];
            lastType = null;
            for (var i = 0; i < n; i++)
            {
                var j = order[i];
                var o = allOutcomes[j];
                Ids[i] = o.Id;
                Child[i] = outcomeChildOf[j];
                Date[i] = outcomeDayOf[j];
                if (!ReferenceEquals(o.Type, lastType))
                {
                    lastType = o.Type;
                    lastTypeIndex = TypeByCode[lastType.Code];
                }
                Type[i] = lastTypeIndex;
                Resentenced[i] = o.Resentenced;
                Release[i] = o.ReleaseDate is { } r ? DateArithmetic.Day(r) : NoDay;
                End[i] = o.EndDate is { } e ? DateArithmetic.Day(e) : NoDay;
                OffenceIdCount += o.OffenceIds.IsDefault ? 0 : o.OffenceIds.Length;
            }
            DuplicateId = checkUnique && !idsAscending ? FirstRepeated(Ids) : null;
        }

        /// <summary>An id two outcomes share; when set, the index is not built.</summary>
        internal string? DuplicateId { get; }

        internal OutcomeType[] Types { get; }
        internal Dictionary<string, int> TypeByCode { get; }
        internal int[] ChildOutcomeStart { get; }

        /// <summary>Position in the dataset's outcome list of each indexed outcome.</summary>
        internal int[] Order { get; }

        internal string[] Ids { get; }
        internal int[] Child { get; }
        internal int[] Date { get; }
        internal int[] Type { get; }
        internal bool[] Resentenced { get; }
        internal int[] Release { get; }
        internal int[] End { get; }

        /// <summary>How many offence ids the indexed outcomes list, duplicates and unknown ids included.</summary>
        internal int OffenceIdCount { get; }
    }
}
