using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Internal;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Kpis;

/// <summary>
/// The base of the YJB key performance indicators: holds the definition and checks the arguments. Only this assembly
/// derives from it; create instances with <see cref="KeyPerformanceIndicators.Create"/> or the derived constructors.
/// </summary>
/// <remarks>Instances are immutable and thread-safe; results never depend on record order, culture or time zone. Every
/// KPI is an <see cref="Plugins.IOverridableIndicator"/>, so a plugin's declared override can revise it.</remarks>
public abstract class KeyPerformanceIndicator : Plugins.IOverridableIndicator
{
    private protected KeyPerformanceIndicator(IndicatorDefinition definition, params string[] ids)
    {
        Preconditions.CheckNotNull(definition, nameof(definition));
        Preconditions.CheckArgument(ids.Contains(definition.Id, StringComparer.Ordinal), nameof(definition),
            $"Definition '{definition.Id}' cannot be applied by {GetType().Name}; expected {string.Join(" or ", ids)}.");
        Definition = definition;
    }

    /// <inheritdoc />
    public IndicatorDefinition Definition { get; }

    /// <summary>Returns the indicator that applies <paramref name="definition"/>, a revision of this one's (as
    /// <see cref="KeyPerformanceIndicators.Create"/> makes it).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentException">The definition has another id.</exception>
    public IIndicator WithDefinition(IndicatorDefinition definition)
    {
        Preconditions.CheckNotNull(definition, nameof(definition));
        Preconditions.CheckArgument(string.Equals(definition.Id, Definition.Id, StringComparison.Ordinal), nameof(definition),
            $"A revision of '{Definition.Id}' must keep its id, not '{definition.Id}'.");
        return KeyPerformanceIndicators.Create(definition);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="context"/> or <paramref name="query"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The definition lacks a parameter the indicator needs.</exception>
    /// <exception cref="FormatException">A parameter is malformed.</exception>
    public IReadOnlyList<IndicatorResult> Compute(IndicatorContext context, IndicatorQuery query)
    {
        Preconditions.CheckNotNull(context, nameof(context));
        Preconditions.CheckNotNull(query, nameof(query));
        return query.Periods.IsDefaultOrEmpty ? [] : ComputeCore(context, query);
    }

    private protected abstract IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query);

    /// <summary>
    /// Units for KPIs 1-3: one per caseload observation of a known child whose <paramref name="measure"/> is recorded,
    /// counted into its point and point+setting cells and, when it is at the headline point (by default the end of the
    /// intervention), into the total, its setting cell and the <paramref name="extra"/> cells.
    /// </summary>
    private protected IEnumerable<CountedUnit> ObservationUnits(
        Dataset dataset, Func<StatusObservation, Child, bool?> measure, Func<StatusObservation, Child, Contribution[]>? extra = null)
    {
        var inHeadline = KpiEngine.HeadlinePoint(Definition);
        var observations = KpiEngine.CaseloadObservations(Definition, dataset);
        var children = RecordChildren.Of(dataset, observations, static o => o.ChildId);
        for (var i = 0; i < children.Length; i++)
        {
            var o = observations[i];
            if (children[i] is not { } child || measure(o, child) is not { } inNumerator)
            {
                continue;
            }
            var headline = inHeadline(o);
            var contributions = KpiEngine.PointSettingContributions(o, inNumerator, headline);
            if (extra is not null && headline)
            {
                contributions = [.. contributions, .. extra(o, child)];
            }
            yield return new CountedUnit(o.Id, child.HomeAreaCode, o.ObservedOn, contributions);
        }
    }

    /// <summary>
    /// A funnel's layout (as <see cref="FunnelLayout"/>) and the contributions of a unit that reached each stage, 0 (none) to
    /// <paramref name="names"/>.Length: stage k counts units at stage k or beyond over units at stage k-1 or beyond (all units
    /// for the first stage), and the total is the last stage over the first. Made of the layout's own keys, built once per
    /// computation and shared, read only, by every unit, so the counting finds the cells by reference.
    /// </summary>
    private protected static (BreakdownKey[] Layout, Contribution[][] ByFurthest) FunnelCells(IReadOnlyList<string> names)
    {
        var layout = FunnelLayout(names);
        var byFurthest = new Contribution[names.Count + 1][];
        for (var furthest = 0; furthest <= names.Count; furthest++)
        {
            var list = new List<Contribution>(names.Count + 1);
            if (furthest >= 1)
            {
                list.Add(new Contribution(layout[0], furthest >= names.Count));
            }
            for (var k = 1; k <= names.Count; k++)
            {
                if (furthest >= k - 1)
                {
                    list.Add(new Contribution(layout[k], furthest >= k));
                }
            }
            byFurthest[furthest] = [.. list];
        }
        return (layout, byFurthest);
    }

    private protected static BreakdownKey[] FunnelLayout(IReadOnlyList<string> names) =>
        [BreakdownKey.Total, .. names.Select(n => new BreakdownKey(KpiEngine.DimensionStage, n))];

    private protected static Func<BreakdownKey, string?> FunnelNotes(IReadOnlyList<string> names, string baseName) => key =>
    {
        if (key.IsTotal)
        {
            return $"End to end: {names[^1]} as a share of {names[0]}.";
        }
        var index = names.ToList().IndexOf(key.Value);
        return index == 0
            ? $"Numerator: at stage {names[0]} or beyond. Denominator: {baseName}."
            : $"Numerator: at stage {names[index]} or beyond. Denominator: at stage {names[index - 1]} or beyond.";
    };
}
