using NodaTime;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Internal;
using YouthJustice.Sdk.Kpis;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Sdk.PlanMeasures;

/// <summary>What a local measure's value is: a share, a plain count, or a mean (a sum over a count).</summary>
internal enum MeasureShape
{
    /// <summary>Numerator over denominator as a percentage, with a Wilson interval.</summary>
    Proportion = 0,
    /// <summary>The numerator alone (no denominator), with an exact Poisson interval.</summary>
    Count = 1,
    /// <summary>A sum over a count (a mean score, an average caseload): no interval.</summary>
    Mean = 2,
}

/// <summary>One unit's contribution to one cell: added to the cell's numerator and denominator.</summary>
internal readonly record struct MeasureCell(BreakdownKey Key, decimal Numerator, decimal Denominator)
{
    /// <summary>A unit counted in the cell's denominator, and in its numerator when <paramref name="inNumerator"/>.</summary>
    internal static MeasureCell Of(BreakdownKey key, bool inNumerator) => new(key, inNumerator ? 1m : 0m, 1m);

    /// <summary>A unit counted once in a plain count.</summary>
    internal static MeasureCell Counted(BreakdownKey key) => new(key, 1m, 0m);
}

/// <summary>A unit (assessment, child, outcome, event…) ready to be counted: its id, area, date and cells.</summary>
internal readonly record struct MeasureUnit(string Id, string AreaCode, LocalDate Date, IReadOnlyList<MeasureCell> Cells);

/// <summary>
/// The base of the local measures: holds the definition and checks the arguments; derived classes turn the dataset into
/// units and <see cref="Aggregate"/> counts them into a fixed layout of cells for every period and area, so every cell
/// appears even when it is empty and the output never depends on record order.
/// </summary>
/// <remarks>Immutable and thread-safe. Every measure is an <see cref="Plugins.IOverridableIndicator"/>, so a plugin's
/// declared override can revise it.</remarks>
internal abstract class PlanMeasure : Plugins.IOverridableIndicator
{
    private protected PlanMeasure(IndicatorDefinition definition, params string[] ids)
    {
        Preconditions.CheckNotNull(definition, nameof(definition));
        Preconditions.CheckArgument(ids.Contains(definition.Id, StringComparer.Ordinal), nameof(definition),
            $"Definition '{definition.Id}' cannot be applied by {GetType().Name}; expected {string.Join(" or ", ids)}.");
        Definition = definition;
    }

    public IndicatorDefinition Definition { get; }

    public IIndicator WithDefinition(IndicatorDefinition definition)
    {
        Preconditions.CheckNotNull(definition, nameof(definition));
        Preconditions.CheckArgument(string.Equals(definition.Id, Definition.Id, StringComparison.Ordinal), nameof(definition),
            $"A revision of '{Definition.Id}' must keep its id, not '{definition.Id}'.");
        return YouthJustice.Sdk.PlanMeasures.LocalMeasures.Create(definition);
    }

    public IReadOnlyList<IndicatorResult> Compute(IndicatorContext context, IndicatorQuery query)
    {
        Preconditions.CheckNotNull(context, nameof(context));
        Preconditions.CheckNotNull(query, nameof(query));
        return query.Periods.IsDefaultOrEmpty ? [] : ComputeCore(context, query);
    }

    private protected abstract IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query);

    private protected static Dictionary<string, Child> Children(Dataset dataset) => KpiEngine.ChildrenById(dataset);

    /// <summary>The first record of each id of <paramref name="records"/> whose child the dataset holds, in order, with the
    /// child's home area (the lookups shared with the other measures reading the list).</summary>
    private protected static IEnumerable<(T Record, string Area)> WithArea<T>(Dataset dataset, IReadOnlyList<T> records, Func<T, string> id, Func<T, string> childOf)
        where T : class
    {
        var firsts = FirstOfEachId.Of(records, id);
        var areas = RecordChildren.AreasOf(dataset, firsts, childOf);
        for (var i = 0; i < areas.Length; i++)
        {
            if (areas[i] is { } area)
            {
                yield return (firsts[i], area);
            }
        }
    }

    /// <summary>A list parameter read as enum members (names, ignoring case).</summary>
    /// <exception cref="FormatException">An item is not a member.</exception>
    private protected List<TEnum> EnumList<TEnum>(string parameter)
        where TEnum : struct, Enum =>
        [.. Definition.GetList(parameter)
            .Select(s => Enum.TryParse<TEnum>(s, ignoreCase: true, out var v) && Enum.IsDefined(v)
                ? v
                : throw new FormatException($"Parameter '{parameter}' of indicator '{Definition.Id}': '{s}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}."))
            .Distinct()];

    /// <summary>A list parameter of codes, upper case; empty when the parameter is empty (meaning "every code").</summary>
    private protected HashSet<string> Codes(string parameter) =>
        new(Definition.GetList(parameter).Select(c => c.ToUpperInvariant()), StringComparer.Ordinal);

    /// <summary>Whether an episode was open at some time in <paramref name="period"/>: started (or referred, when no start is
    /// recorded) on or before its end, and not closed before its start.</summary>
    private protected static bool OpenDuring(ProgrammeEpisode e, ReportingPeriod period) =>
        (e.StartDate ?? e.ReferralDate) <= period.End && (e.EndDate is not { } end || end >= period.Start);

    /// <summary>Whether an episode was open on <paramref name="date"/> (start or referral on or before it, not yet closed).</summary>
    private protected static bool OpenOn(ProgrammeEpisode e, LocalDate date) =>
        (e.StartDate ?? e.ReferralDate) <= date && (e.EndDate is not { } end || end >= date);

    /// <summary>
    /// Counts <paramref name="units"/> into <paramref name="layout"/> for every requested period (a unit counts in each period
    /// containing its date) and area (the query's, else the dataset's). A period running past the dataset's as-of date, or
    /// one <paramref name="provisional"/> names, gives provisional results. Evidence (when the query collects it) lists the
    /// units with a non-zero numerator and those with a non-zero denominator.
    /// </summary>
    private protected IReadOnlyList<IndicatorResult> Aggregate(
        IndicatorContext context,
        IndicatorQuery query,
        IEnumerable<MeasureUnit> units,
        IReadOnlyList<BreakdownKey> layout,
        MeasureShape shape,
        string numeratorKind,
        string denominatorKind,
        Func<BreakdownKey, string?>? note = null,
        Func<ReportingPeriod, bool>? provisional = null)
    {
        var periods = query.Periods;
        // One slot per (period, area, cell), resolved once per unit and cell: no dictionary of tuples, and the ids are kept
        // only when the query collects evidence.
        var grid = new CountingGrid(periods.Length, KpiEngine.ResolveAreas(context.Dataset, query), layout);
        var areas = grid.Areas;
        var cellCount = layout.Count;
        var slots = grid.SlotCount;
        var numerators = new decimal[slots];
        var denominators = new decimal[slots];
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
                foreach (var cell in unit.Cells)
                {
                    if (!grid.TrySlot(p, area, cell.Key, out var slot))
                    {
                        continue;
                    }
                    numerators[slot] += cell.Numerator;
                    denominators[slot] += cell.Denominator;
                    if (evidence is not null)
                    {
                        (evidence[slot] ??= new Tally()).Add(unit.Id, cell.Numerator, cell.Denominator);
                    }
                }
            }
        }
        var interval = shape switch
        {
            MeasureShape.Proportion => IntervalMethod.Wilson,
            MeasureShape.Count => IntervalMethod.PoissonExact,
            _ => IntervalMethod.None,
        };
        var results = new List<IndicatorResult>(slots);
        for (var p = 0; p < periods.Length; p++)
        {
            var period = periods[p];
            var isProvisional = period.End > context.AsOf || (provisional?.Invoke(period) ?? false);
            for (var a = 0; a < areas.Count; a++)
            {
                for (var k = 0; k < cellCount; k++)
                {
                    var key = layout[k];
                    var slot = grid.ResultSlot(p, a, k);
                    var result = IndicatorResultBuilder.Ratio(Definition, areas[a], period, numerators[slot],
                        shape == MeasureShape.Count ? null : denominators[slot], interval, key);
                    if (evidence is not null)
                    {
                        var tally = evidence[slot] ?? new Tally();
                        result = result with
                        {
                            Evidence = new ResultEvidence(
                                [.. tally.NumeratorIds.Order(StringComparer.Ordinal)], [.. tally.DenominatorIds.Order(StringComparer.Ordinal)],
                                numeratorKind, denominatorKind),
                        };
                    }
                    if (note?.Invoke(key) is { } text)
                    {
                        result = result with { Note = text };
                    }
                    if (isProvisional)
                    {
                        // The period runs past the data (or a follow-up window does): later records may change the figure.
                        result = result with { Provisional = true };
                    }
                    results.Add(result);
                }
            }
        }
        return results;
    }

    /// <summary>Aggregates units built for one period at a time (where who is counted depends on the period).</summary>
    private protected IReadOnlyList<IndicatorResult> AggregateByPeriod(
        IndicatorContext context,
        IndicatorQuery query,
        Func<ReportingPeriod, IEnumerable<MeasureUnit>> unitsOf,
        IReadOnlyList<BreakdownKey> layout,
        MeasureShape shape,
        string numeratorKind,
        string denominatorKind,
        Func<ReportingPeriod, bool>? provisional = null)
    {
        var results = new List<IndicatorResult>();
        foreach (var period in query.Periods)
        {
            results.AddRange(Aggregate(context, query with { Periods = [period] }, unitsOf(period), layout, shape, numeratorKind, denominatorKind,
                provisional: provisional));
        }
        return results;
    }

    /// <summary>The ids counted into one cell, kept only when the query collects evidence.</summary>
    private sealed class Tally
    {
        internal List<string> NumeratorIds { get; } = [];

        internal List<string> DenominatorIds { get; } = [];

        internal void Add(string id, decimal numerator, decimal denominator)
        {
            if (numerator != 0)
            {
                NumeratorIds.Add(id);
            }
            if (denominator != 0)
            {
                DenominatorIds.Add(id);
            }
        }
    }
}
