using System.Collections.Immutable;
using System.Globalization;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Engine;

/// <summary>One result explained: the methodology that made it, the result, and the records behind its numerator and denominator.</summary>
/// <param name="Definition">The methodology (with its version, parameters and source).</param>
/// <param name="Result">The result, with <see cref="IndicatorResult.Evidence"/> set.</param>
/// <param name="Evidence">The ids of the records counted in the numerator and denominator.</param>
/// <param name="Summary">One line: the arithmetic, e.g. <c>fte-rate v1 E08000026 2019/20 total: 71 / 31700 × 100000 = 224</c>.</param>
public sealed record IndicatorExplanation(IndicatorDefinition Definition, IndicatorResult Result, ResultEvidence Evidence, string Summary)
{
    /// <summary>The parameters of the methodology, as <c>name=value</c>, ordered by name.</summary>
    public ImmutableArray<string> Parameters => [.. Definition.Parameters.Select(p => $"{p.Key}={p.Value}")];
}

/// <summary>Explains one result of an indicator: which records made up its numerator and denominator.</summary>
/// <remarks>Stateless and thread-safe. The output names individual records: put it behind a disclosure guard before
/// publishing anything from it.</remarks>
public static class IndicatorExplainer
{
    /// <summary>Computes <paramref name="indicator"/> for one area, period and breakdown, with evidence, and explains it.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="context">The data.</param>
    /// <param name="period">The period.</param>
    /// <param name="areaCode">The area.</param>
    /// <param name="breakdown">The breakdown row, or <see langword="null"/> for the total.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="InvalidOperationException">The indicator produced no result for that area, period and breakdown,
    /// or produced one without evidence.</exception>
    public static IndicatorExplanation Explain(IIndicator indicator, IndicatorContext context, ReportingPeriod period, string areaCode, BreakdownKey? breakdown = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(areaCode);
        var key = breakdown ?? BreakdownKey.Total;
        var query = new IndicatorQuery([period], [areaCode], key.IsTotal ? [] : [key.Dimension], CollectEvidence: true);
        var result = indicator.Compute(context, query).FirstOrDefault(r => r.AreaCode == areaCode && r.Period == period && r.Breakdown == key)
            ?? throw new InvalidOperationException($"{indicator.Definition.Ref} gave no result for {areaCode}, {period}, {key}.");
        var evidence = result.Evidence
            ?? throw new InvalidOperationException($"{indicator.Definition.Ref} gave no evidence for {areaCode}, {period}, {key}.");
        return new IndicatorExplanation(indicator.Definition, result, evidence, Summarise(indicator.Definition, result));
    }

    private static string Summarise(IndicatorDefinition definition, IndicatorResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        var value = r.Value is null ? "undefined" : r.FormatValue(definition.DisplayDecimals);
        var arithmetic = r.Denominator is { } d
            ? string.Create(inv, $"{r.Numerator} / {d} × {r.Multiplier}")
            : string.Create(inv, $"{r.Numerator} × {r.Multiplier}");
        return string.Create(inv, $"{definition.Ref} {r.AreaCode} {r.Period} {r.Breakdown}: {arithmetic} = {value} {definition.Unit}{(r.Provisional ? " (provisional)" : "")}");
    }
}
