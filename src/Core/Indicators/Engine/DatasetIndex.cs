using System.Runtime.CompilerServices;
using NodaTime;
using YouthJustice.Sdk.Domain;

namespace YouthJustice.Sdk.Indicators.Engine;

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
/// <para>Immutable after construction and thread-safe for reading. <see cref="For"/> is thread-safe.</para>
/// </remarks>
internal sealed class DatasetIndex
{
    /// <summary>No date (a day number that compares after every real date).</summary>
    internal const int NoDay = int.MaxValue;

    private static readonly ConditionalWeakTable<Dataset, DatasetIndex> Cache = new();

    private readonly Dictionary<string, int> _areaByCode;
    private readonly Dictionary<string, int> _typeByCode;

    private DatasetIndex(Dataset dataset)
    {
        Dataset = dataset;
        AsOf = DateArithmetic.Day(dataset.AsOf);

        // Children, by ordinal id.
        var children = dataset.Children.ToArray();
        Array.Sort(children, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        ChildCount = children.Length;
        ChildIds = new string[ChildCount];
        ChildDateOfBirth = new LocalDate[ChildCount];
        ChildSex = new Sex[ChildCount];
        ChildEthnicity = new EthnicityGroup[ChildCount];
        ChildArea = new int[ChildCount];
        var childByCode = new Dictionary<string, int>(ChildCount, StringComparer.Ordinal);

        var areaCodes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var a in dataset.Areas)
        {
            areaCodes.Add(a.Code);
        }
        var reporting = areaCodes.Count > 0 ? areaCodes.ToArray() : null;
        foreach (var c in children)
        {
            areaCodes.Add(c.HomeAreaCode);
        }
        foreach (var p in dataset.Populations)
        {
            areaCodes.Add(p.AreaCode);
        }
        AreaCodes = [.. areaCodes];
        _areaByCode = new Dictionary<string, int>(AreaCodes.Length, StringComparer.Ordinal);
        for (var i = 0; i < AreaCodes.Length; i++)
        {
            _areaByCode[AreaCodes[i]] = i;
        }

        var childAreas = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ChildCount; i++)
        {
            var c = children[i];
            if (!childByCode.TryAdd(c.Id, i))
            {
                throw new ArgumentException($"The dataset has two children with id '{c.Id}'; ids must be unique.", nameof(dataset));
            }
            ChildIds[i] = c.Id;
            ChildDateOfBirth[i] = c.DateOfBirth;
            ChildSex[i] = c.Sex;
            ChildEthnicity[i] = c.EthnicityGroup;
            ChildArea[i] = _areaByCode[c.HomeAreaCode];
            childAreas.Add(c.HomeAreaCode);
        }
        ReportingAreaCodes = reporting ?? [.. childAreas];

        // Offences, by ordinal id.
        var offences = dataset.Offences.Where(o => childByCode.ContainsKey(o.ChildId)).ToArray();
        Array.Sort(offences, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        OffenceIds = new string[offences.Length];
        OffenceChild = new int[offences.Length];
        OffenceCommitted = new int[offences.Length];
        OffenceGroups = new OffenceGroup[offences.Length];
        OffenceGravity = new int[offences.Length];
        var offenceByCode = new Dictionary<string, int>(offences.Length, StringComparer.Ordinal);
        for (var i = 0; i < offences.Length; i++)
        {
            var o = offences[i];
            if (!offenceByCode.TryAdd(o.Id, i))
            {
                throw new ArgumentException($"The dataset has two offences with id '{o.Id}'; ids must be unique.", nameof(dataset));
            }
            OffenceIds[i] = o.Id;
            OffenceChild[i] = childByCode[o.ChildId];
            OffenceCommitted[i] = DateArithmetic.Day(o.CommittedOn);
            OffenceGroups[i] = o.Group;
            OffenceGravity[i] = o.Gravity;
        }

        // Outcome types, by code.
        var types = dataset.Outcomes.Select(o => o.Type).Distinct().OrderBy(t => t.Code, StringComparer.Ordinal).ToArray();
        Types = types;
        _typeByCode = new Dictionary<string, int>(types.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < types.Length; i++)
        {
            _typeByCode[types[i].Code] = i;
        }

        // Outcomes, grouped by child and sorted by (date, id) within each child.
        var outcomes = dataset.Outcomes.Where(o => childByCode.ContainsKey(o.ChildId))
            .Select(o => (Outcome: o, Child: childByCode[o.ChildId], Day: DateArithmetic.Day(o.OutcomeDate)))
            .ToArray();
        Array.Sort(outcomes, static (a, b) =>
        {
            var c = a.Child.CompareTo(b.Child);
            if (c == 0)
            {
                c = a.Day.CompareTo(b.Day);
            }
            return c != 0 ? c : string.CompareOrdinal(a.Outcome.Id, b.Outcome.Id);
        });
        var n = outcomes.Length;
        OutcomeIds = new string[n];
        OutcomeChild = new int[n];
        OutcomeDate = new int[n];
        OutcomeType = new int[n];
        OutcomeResentenced = new bool[n];
        OutcomeRelease = new int[n];
        OutcomeEnd = new int[n];
        OutcomeEarliestOffence = new int[n];
        OutcomeOffenceStart = new int[n + 1];
        ChildOutcomeStart = new int[ChildCount + 1];
        var flat = new List<int>(n);
        var seenOutcome = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var (o, child, day) = outcomes[i];
            if (!seenOutcome.Add(o.Id))
            {
                throw new ArgumentException($"The dataset has two outcomes with id '{o.Id}'; ids must be unique.", nameof(dataset));
            }
            OutcomeIds[i] = o.Id;
            OutcomeChild[i] = child;
            OutcomeDate[i] = day;
            OutcomeType[i] = _typeByCode[o.Type.Code];
            OutcomeResentenced[i] = o.Resentenced;
            OutcomeRelease[i] = o.ReleaseDate is { } r ? DateArithmetic.Day(r) : NoDay;
            OutcomeEnd[i] = o.EndDate is { } e ? DateArithmetic.Day(e) : NoDay;
            OutcomeOffenceStart[i] = flat.Count;
            var earliest = NoDay;
            var ids = o.OffenceIds.IsDefault ? [] : o.OffenceIds;
            var start = flat.Count;
            foreach (var id in ids)
            {
                // Only the child's own offences count; an outcome naming someone else's offence is a data error.
                if (offenceByCode.TryGetValue(id, out var off) && OffenceChild[off] == child && flat.IndexOf(off, start) < 0)
                {
                    flat.Add(off);
                    earliest = Math.Min(earliest, OffenceCommitted[off]);
                }
            }
            flat.Sort(start, flat.Count - start, Comparer<int>.Default);
            OutcomeEarliestOffence[i] = earliest;
            ChildOutcomeStart[child + 1]++;
        }
        OutcomeOffenceStart[n] = flat.Count;
        OutcomeOffences = [.. flat];
        for (var c = 0; c < ChildCount; c++)
        {
            ChildOutcomeStart[c + 1] += ChildOutcomeStart[c];
        }

        Populations = new PopulationTable(dataset.Populations, _areaByCode);
    }

    /// <summary>The dataset indexed.</summary>
    internal Dataset Dataset { get; }

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
    internal static DatasetIndex For(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Cache.GetValue(dataset, static d => new DatasetIndex(d));
    }

    /// <summary>The area index of a code, or -1 when the dataset has nothing for it.</summary>
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

    /// <summary>The outcome's offences.</summary>
    internal ReadOnlySpan<int> OffencesOf(int outcome) =>
        OutcomeOffences.AsSpan(OutcomeOffenceStart[outcome], OutcomeOffenceStart[outcome + 1] - OutcomeOffenceStart[outcome]);
}
