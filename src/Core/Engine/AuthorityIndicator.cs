using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Engine;

/// <summary>
/// The base of a local model's indicator: it reports for one authority only, reads that authority's records only
/// (<see cref="AuthorityScope"/>), and builds its results with the same <see cref="IndicatorResultBuilder"/> as the
/// national indicators (value from unrounded counts, Wilson interval for proportions, methodology reference). Comparators
/// and RAG ratings are added by the host, once, for every indicator.
/// </summary>
/// <remarks>Derived classes must be thread-safe and must not depend on record order, culture or time zone.</remarks>
public abstract class AuthorityIndicator : IIndicator
{
    /// <summary>Creates the indicator.</summary>
    /// <param name="definition">The methodology.</param>
    /// <param name="authorityCode">The authority (ONS code) the indicator reports for.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    protected AuthorityIndicator(IndicatorDefinition definition, string authorityCode)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        AuthorityCode = authorityCode ?? throw new ArgumentNullException(nameof(authorityCode));
    }

    /// <inheritdoc />
    public IndicatorDefinition Definition { get; }

    /// <summary>The authority the indicator reports for.</summary>
    public string AuthorityCode { get; }

    /// <summary>The programme codes this indicator counts, from its <see cref="ProgrammeCodes.Parameter"/> parameter.</summary>
    /// <exception cref="KeyNotFoundException">The definition has no such parameter.</exception>
    protected IReadOnlyList<string> Programmes => ProgrammeCodes.Parse(Definition.GetString(ProgrammeCodes.Parameter));

    /// <inheritdoc />
    public IReadOnlyList<IndicatorResult> Compute(IndicatorContext context, IndicatorQuery query)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(query);
        if (query.Periods.IsDefaultOrEmpty
            || (!query.AreaCodes.IsDefaultOrEmpty && !query.AreaCodes.Contains(AuthorityCode, StringComparer.OrdinalIgnoreCase)))
        {
            return [];
        }
        var local = context with { Dataset = AuthorityScope.Restrict(context.Dataset, AuthorityCode) };
        var index = DatasetIndex.For(local.Dataset);
        var results = new List<IndicatorResult>();
        foreach (var period in query.Periods)
        {
            results.AddRange(ComputePeriod(local, query, period, index));
        }
        return results;
    }

    /// <summary>Computes one period's results (the total first, then any breakdowns) over the authority's records.</summary>
    /// <param name="context">The context, its dataset restricted to the authority.</param>
    /// <param name="query">The query.</param>
    /// <param name="period">The period.</param>
    /// <param name="index">The index of the restricted dataset.</param>
    protected abstract IEnumerable<IndicatorResult> ComputePeriod(IndicatorContext context, IndicatorQuery query, ReportingPeriod period, DatasetIndex index);

    /// <summary>A proportion of distinct ids (the numerator's ids are a subset of the denominator's), with a Wilson interval.</summary>
    /// <param name="query">The query (whether to collect evidence).</param>
    /// <param name="period">The period.</param>
    /// <param name="breakdown">The breakdown.</param>
    /// <param name="numerator">The ids counted in the numerator.</param>
    /// <param name="denominator">The ids counted in the denominator.</param>
    /// <param name="recordKind">What the ids are (e.g. <c>episode</c>, <c>child</c>).</param>
    /// <param name="provisional">Whether the figure may still change (a follow-up not yet finished).</param>
    /// <param name="note">A note for the reader, if any.</param>
    protected IndicatorResult Proportion(IndicatorQuery query, ReportingPeriod period, BreakdownKey breakdown,
        IReadOnlyCollection<string> numerator, IReadOnlyCollection<string> denominator, string recordKind,
        bool provisional = false, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(numerator);
        ArgumentNullException.ThrowIfNull(denominator);
        var result = IndicatorResultBuilder.Ratio(Definition, AuthorityCode, period, numerator.Count, denominator.Count, IntervalMethod.Wilson, breakdown);
        return result with
        {
            Provisional = provisional,
            Note = note,
            Evidence = query.CollectEvidence ? Evidence(numerator, denominator, recordKind) : null,
        };
    }

    /// <summary>A plain count of distinct ids.</summary>
    /// <param name="query">The query (whether to collect evidence).</param>
    /// <param name="period">The period.</param>
    /// <param name="breakdown">The breakdown.</param>
    /// <param name="ids">The ids counted.</param>
    /// <param name="recordKind">What the ids are.</param>
    /// <param name="note">A note for the reader, if any.</param>
    protected IndicatorResult Count(IndicatorQuery query, ReportingPeriod period, BreakdownKey breakdown,
        IReadOnlyCollection<string> ids, string recordKind, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(ids);
        var result = IndicatorResultBuilder.Ratio(Definition, AuthorityCode, period, ids.Count, null, IntervalMethod.None, breakdown);
        return result with
        {
            Note = note,
            Evidence = query.CollectEvidence ? Evidence(ids, [], recordKind) : null,
        };
    }

    private static ResultEvidence Evidence(IEnumerable<string> numerator, IEnumerable<string> denominator, string kind) =>
        new([.. numerator.Order(StringComparer.Ordinal)], [.. denominator.Order(StringComparer.Ordinal)], kind, kind);
}
