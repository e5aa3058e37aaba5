using System.Collections.Immutable;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Reporting;
using YouthJustice.Sdk.Reports;

namespace YouthJustice.Sdk.Disclosure;

/// <summary>
/// Applies a <see cref="DisclosurePolicy"/> to a whole <see cref="Report"/>: every distinct figure of every section (the
/// headline page, the families, plugin sections, trends and charts) is treated once, as one set of results, so primary and
/// secondary suppression are the same wherever a figure is shown and hold across every table a section shows. A withheld
/// count becomes <see langword="null"/> on the figure; so do the values, intervals, comparison differences and ratings
/// derived from it, and every change derived from a withheld value.
/// </summary>
internal static class ReportSuppressor
{
    internal static Report Apply(DisclosurePolicy policy, Report report)
    {
        var figures = report.Figures();
        var results = figures.Select(ToResult).ToList();
        var published = policy.Apply(results, DisclosureMode.Publication);
        var byId = new Dictionary<string, ReportFigure>(StringComparer.Ordinal);
        for (var i = 0; i < figures.Count; i++)
        {
            byId[figures[i].Id] = Publish(policy, figures[i], published[i]);
        }
        return report.MapFigures(f => byId[f.Id]) with
        {
            Disclosure = new ReportDisclosure(true, policy.Threshold, policy.SuppressZeros, policy.SecondarySuppression, policy.RoundTo,
                policy.Symbols.Suppressed, policy.Symbols.NotAvailable),
        };
    }

    private static IndicatorResult ToResult(ReportFigure f) => new()
    {
        Methodology = f.Methodology,
        AreaCode = f.AreaCode,
        Period = f.Period,
        CohortPeriod = f.CohortPeriod,
        Breakdown = f.Breakdown,
        Numerator = f.Numerator ?? 0m,
        Denominator = f.HasDenominator ? f.Denominator ?? 0m : null,
        Multiplier = f.Multiplier,
        Value = f.Value,
        Unit = f.Unit,
    };

    private static SuppressionState State(SuppressionReason reason) => reason switch
    {
        SuppressionReason.None => SuppressionState.None,
        SuppressionReason.AtOrBelowThreshold => SuppressionState.Primary,
        SuppressionReason.Zero => SuppressionState.Zero,
        SuppressionReason.Complementary => SuppressionState.Complementary,
        _ => SuppressionState.Derived,
    };

    private static ReportFigure Publish(DisclosurePolicy policy, ReportFigure f, PublishedResult p)
    {
        var numerator = State(p.Numerator.Reason);
        var denominator = f.HasDenominator ? State(p.Denominator.Reason) : SuppressionState.None;
        var value = p.Value.IsSuppressed ? SuppressionState.Derived : SuppressionState.None;
        var rounded = policy.RoundTo is { } step;
        decimal? Count(decimal? c, SuppressionState s) => s != SuppressionState.None || c is null ? null
            : policy.RoundTo is { } b ? DisclosurePolicy.RoundToBase(c.Value, b) : c;
        var shownValue = value != SuppressionState.None ? null
            : !f.HasDenominator && policy.RoundTo is { } b2 && f.Numerator is { } n ? DisclosurePolicy.RoundToBase(n, b2) * f.Multiplier
            : f.Value;
        var withheld = value != SuppressionState.None;
        return f with
        {
            Numerator = Count(f.Numerator, numerator),
            Denominator = Count(f.Denominator, denominator),
            Value = shownValue,
            IntervalLower = withheld ? null : f.IntervalLower,
            IntervalUpper = withheld ? null : f.IntervalUpper,
            Comparisons = withheld ? [.. f.Comparisons.Select(c => c with { Difference = null, Rag = null })] : f.Comparisons,
            Target = withheld && f.Target is { } t ? t with { Difference = null, Rag = null } : f.Target,
            Disclosure = new FigureDisclosure { Numerator = numerator, Denominator = denominator, Value = value, Rounded = rounded },
        };
    }
}
