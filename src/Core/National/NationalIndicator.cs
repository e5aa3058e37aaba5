using System.Collections.Immutable;
using System.Globalization;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.National;

/// <summary>
/// The base of the national indicators: reads its parameters from the <see cref="Definition"/> once, computes over the
/// dataset's cached <c>DatasetIndex</c>, rates every total against the comparators supplied, and lists in each result's
/// <see cref="IndicatorResult.AppliedOverrides"/> every parameter that differs from the built-in national definition.
/// </summary>
/// <remarks>Instances are immutable and thread-safe. Results are ordered by period (as queried), then area (as queried,
/// or ordinal code), then the total followed by each requested breakdown in the order requested. Every national
/// indicator is an <see cref="Plugins.IOverridableIndicator"/>, so a plugin's declared override can revise it.</remarks>
public abstract class NationalIndicator : Plugins.IOverridableIndicator
{
    private readonly ImmutableArray<string> _overrides;

    private protected NationalIndicator(IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        _overrides = NationalIndicators.OverridesOf(definition);
        MinAge = definition.HasParameter(NationalParameters.MinAge) ? definition.GetInt(NationalParameters.MinAge) : 10;
        MaxAge = definition.HasParameter(NationalParameters.MaxAge) ? definition.GetInt(NationalParameters.MaxAge) : 17;
        LeapDayRule = Enum(definition, NationalParameters.LeapDayBirthdayRule, LeapDayBirthdayRule.MarchFirst);
    }

    /// <summary>Which day a 29 February birthday falls on in other years (parameter <c>leapDayBirthdayRule</c>).</summary>
    private protected LeapDayBirthdayRule LeapDayRule { get; }

    /// <inheritdoc />
    public IndicatorDefinition Definition { get; }

    private protected int MinAge { get; }

    /// <summary>Returns the national indicator that applies <paramref name="definition"/>, a revision of this one's
    /// (as <see cref="NationalIndicators.Create"/> makes it).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentException">The definition has another id, or its calculation is not a national one.</exception>
    public IIndicator WithDefinition(IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!string.Equals(definition.Id, Definition.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A revision of '{Definition.Id}' must keep its id, not '{definition.Id}'.", nameof(definition));
        }
        return NationalIndicators.Create(definition);
    }

    private protected int MaxAge { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="context"/> or <paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentException">The dataset has duplicate ids.</exception>
    public IReadOnlyList<IndicatorResult> Compute(IndicatorContext context, IndicatorQuery query)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(query);
        var index = DatasetIndex.For(context.Dataset);
        var areas = query.AreaCodes.IsDefaultOrEmpty
            ? index.ReportingAreaCodes
            : query.AreaCodes.Distinct(StringComparer.Ordinal).ToArray();
        var breakdowns = query.Breakdowns.IsDefault ? [] : query.Breakdowns.Distinct(StringComparer.Ordinal).ToArray();
        var results = new List<IndicatorResult>();
        var batch = new List<IndicatorResult>();
        foreach (var period in query.Periods.IsDefault ? [] : query.Periods)
        {
            batch.Clear();
            ComputePeriod(new PeriodRequest(index, context, period, areas, breakdowns, query.CollectEvidence), batch);
            foreach (var r in batch)
            {
                results.Add(_overrides.IsEmpty ? r : r with { AppliedOverrides = _overrides });
            }
        }
        return results;
    }

    /// <summary>Computes every area's results for one period, appending them to <paramref name="sink"/>.</summary>
    private protected abstract void ComputePeriod(PeriodRequest request, List<IndicatorResult> sink);

    /// <summary>Whether a child of this age is inside the definition's age range.</summary>
    private protected bool InAgeRange(int age) => age >= MinAge && age <= MaxAge;

    internal IndicatorResult Result(
        PeriodRequest request, int slot, decimal numerator, decimal? denominator, IntervalMethod interval, BreakdownKey breakdown) =>
        IndicatorResultBuilder.Ratio(Definition, request.AreaCodes[slot], request.Period, numerator, denominator, interval, breakdown);

    private protected static ResultEvidence Evidence(
        IEnumerable<string> numeratorIds, IEnumerable<string> denominatorIds, string numeratorKind, string denominatorKind) =>
        new([.. numeratorIds.Order(StringComparer.Ordinal)], [.. denominatorIds.Order(StringComparer.Ordinal)], numeratorKind, denominatorKind);

    private protected static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The population year a period uses in an area, and a note saying which estimate was used.</summary>
    private protected static (int? Year, string Note) PopulationYear(PeriodRequest request, int slot, PopulationYearRule rule)
    {
        var wanted = rule == PopulationYearRule.PeriodEndYear ? request.Period.End.Year : request.Period.Start.Year;
        var year = request.Index.Populations.ResolveYear(request.AreaIndexes[slot], wanted);
        return year switch
        {
            null => (null, Invariant($"No population estimate for {request.AreaCodes[slot]}: the rate is undefined.")),
            { } y when y == wanted => (y, Invariant($"Population: mid-{y} estimate.")),
            { } y => (y, Invariant($"Population: mid-{y} estimate (no mid-{wanted} estimate for the area).")),
        };
    }

    /// <summary>The population aged <paramref name="minAge"/>-<paramref name="maxAge"/> of an area slot in a year (0 when unknown).</summary>
    private protected static long Population(PeriodRequest request, int slot, int? year, int minAge, int maxAge, PopulationTable.Slice slice) =>
        year is { } y ? request.Index.Populations.Count(request.AreaIndexes[slot], y, minAge, maxAge, slice) : 0;

    /// <summary>
    /// Emits the total and the <c>sex</c>, <c>age-band</c> and <c>ethnicity-group</c> breakdowns of a count over
    /// <paramref name="units"/>, as a count or as a rate of the matching 10-17 population slice.
    /// </summary>
    private protected void EmitPopulationBased<T>(
        PeriodRequest request, int slot, List<T> units, Func<T, int> childOf, Func<T, int> ageOf, CountOrRate measure,
        PopulationYearRule yearRule, Func<List<T>, decimal> numeratorOf, Func<List<T>, ResultEvidence> evidenceOf, List<IndicatorResult> sink)
    {
        var ix = request.Index;
        var (year, note) = measure == CountOrRate.Rate ? PopulationYear(request, slot, yearRule) : (null, null);
        sink.Add(Make(units, MinAge, MaxAge, PopulationTable.Slice.All, BreakdownKey.Total, always: true)!);
        foreach (var dimension in request.Breakdowns)
        {
            switch (dimension)
            {
                case Dimensions.Sex:
                    foreach (var sex in System.Enum.GetValues<Sex>())
                    {
                        AddIfAny(Make(units.FindAll(u => ix.ChildSex[childOf(u)] == sex), MinAge, MaxAge, new PopulationTable.Slice(sex, null), Dimensions.SexKey(sex), false));
                    }
                    break;
                case Dimensions.AgeBand:
                    for (var band = 0; band < Dimensions.AgeBands.Length; band++)
                    {
                        var (lo, hi) = Dimensions.AgeBandRange(band);
                        var b = band;
                        AddIfAny(Make(units.FindAll(u => Dimensions.AgeBandOf(ageOf(u)) == b), Math.Max(lo, MinAge), Math.Min(hi, MaxAge),
                            PopulationTable.Slice.All, new BreakdownKey(Dimensions.AgeBand, Dimensions.AgeBands[band]), false));
                    }
                    break;
                case Dimensions.EthnicityGroup:
                    foreach (var group in System.Enum.GetValues<EthnicityGroup>())
                    {
                        AddIfAny(Make(units.FindAll(u => ix.ChildEthnicity[childOf(u)] == group), MinAge, MaxAge, new PopulationTable.Slice(null, group), Dimensions.GroupKey(group), false));
                    }
                    break;
                default:
                    break;
            }
        }

        void AddIfAny(IndicatorResult? result)
        {
            if (result is not null)
            {
                sink.Add(result);
            }
        }

        IndicatorResult? Make(List<T> subset, int minAge, int maxAge, PopulationTable.Slice slice, BreakdownKey key, bool always)
        {
            decimal? denominator = measure == CountOrRate.Rate ? Population(request, slot, year, Math.Max(minAge, 0), maxAge, slice) : null;
            var numerator = numeratorOf(subset);
            if (!always && numerator == 0 && denominator is null or 0)
            {
                return null;
            }
            var result = Result(request, slot, numerator, denominator, IntervalMethod.PoissonExact, key) with { Note = note };
            return request.CollectEvidence ? result with { Evidence = evidenceOf(subset) } : result;
        }
    }

    private protected static T Enum<T>(IndicatorDefinition definition, string name, T fallback)
        where T : struct, System.Enum =>
        definition.HasParameter(name) ? definition.GetEnum<T>(name) : fallback;
}

/// <summary>One period's computation request: the index, the areas (as slots), breakdowns and whether to collect evidence.</summary>
internal sealed class PeriodRequest
{
    private readonly int[] _slotOfArea;

    internal PeriodRequest(DatasetIndex index, IndicatorContext context, ReportingPeriod period, string[] areaCodes, string[] breakdowns, bool collectEvidence)
    {
        Index = index;
        Context = context;
        Period = period;
        AreaCodes = areaCodes;
        Breakdowns = breakdowns;
        CollectEvidence = collectEvidence;
        Start = DateArithmetic.Day(period.Start);
        End = DateArithmetic.Day(period.End);
        AreaIndexes = new int[areaCodes.Length];
        _slotOfArea = new int[index.AreaCodes.Length];
        Array.Fill(_slotOfArea, -1);
        for (var s = 0; s < areaCodes.Length; s++)
        {
            var a = index.AreaIndex(areaCodes[s]);
            AreaIndexes[s] = a;
            if (a >= 0)
            {
                _slotOfArea[a] = s;
            }
        }
    }

    internal DatasetIndex Index { get; }
    internal IndicatorContext Context { get; }
    internal ReportingPeriod Period { get; }
    internal string[] AreaCodes { get; }
    internal int[] AreaIndexes { get; }
    internal string[] Breakdowns { get; }
    internal bool CollectEvidence { get; }

    /// <summary>The first day of the period, as a day number.</summary>
    internal int Start { get; }

    /// <summary>The last day of the period (inclusive), as a day number.</summary>
    internal int End { get; }

    internal int AreaCount => AreaCodes.Length;

    /// <summary>The requested-area slot of a child's home area, or -1 when the area was not asked for.</summary>
    internal int SlotOfChild(int child) => _slotOfArea[Index.ChildArea[child]];

    /// <summary>One list per area slot.</summary>
    internal List<T>[] PerArea<T>()
    {
        var lists = new List<T>[AreaCount];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i] = [];
        }
        return lists;
    }
}

/// <summary>Breakdown dimensions and their values, in a fixed order independent of culture and record order.</summary>
internal static class Dimensions
{
    internal const string Sex = "sex";
    internal const string AgeBand = "age-band";
    internal const string Age = "age";
    internal const string EthnicityGroup = "ethnicity-group";
    internal const string OutcomeType = "outcome-type";
    internal const string OutcomeCategory = "outcome-category";
    internal const string Substantive = "substantive";
    internal const string OffenceGroup = "offence-group";
    internal const string Gravity = "gravity";
    internal const string WhiteBritishVsOthers = "white-british-vs-others";

    internal static readonly string[] AgeBands = ["10-14", "15-17"];

    internal static BreakdownKey SexKey(Domain.Sex sex) => new(Sex, sex.ToString());

    internal static BreakdownKey GroupKey(Domain.EthnicityGroup group) => new(EthnicityGroup, group.ToString());

    /// <summary>The age band (0 = 10-14, 1 = 15-17) of an age, or -1 outside 10-17.</summary>
    internal static int AgeBandOf(int age) => age is >= 10 and <= 14 ? 0 : age is >= 15 and <= 17 ? 1 : -1;

    internal static (int Min, int Max) AgeBandRange(int band) => band == 0 ? (10, 14) : (15, 17);

    /// <summary>Groups <paramref name="units"/> by a key (an order and a label), in order, skipping units with no key.</summary>
    internal static IEnumerable<(BreakdownKey Key, List<T> Units)> Group<T>(string dimension, List<T> units, Func<T, (int Order, string Label)?> key)
    {
        var groups = new SortedDictionary<int, (string Label, List<T> Units)>();
        foreach (var u in units)
        {
            if (key(u) is { } k)
            {
                if (!groups.TryGetValue(k.Order, out var g))
                {
                    g = (k.Label, []);
                    groups.Add(k.Order, g);
                }
                g.Units.Add(u);
            }
        }
        foreach (var (_, g) in groups)
        {
            yield return (new BreakdownKey(dimension, g.Label), g.Units);
        }
    }

    /// <summary>The order of an outcome type on the ladder (remand and breach last), for stable breakdown ordering.</summary>
    internal static int TypeOrder(Domain.OutcomeType type, int index) =>
        ((type.Category is Domain.OutcomeCategory.Remand or Domain.OutcomeCategory.Breach ? 1 : 0) * 1_000_000) + (type.LadderRank * 1000) + index;
}
