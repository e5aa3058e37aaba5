using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Disclosure;

/// <summary>
/// Secondary (complementary) suppression. Results sharing indicator, version, area and period form tables: the cells of
/// one breakdown dimension with the total as margin; and, for a cross dimension named <c>a+b</c> (values <c>x+y</c>), each
/// row and column of cells with the <c>a=x</c> / <c>b=y</c> result as margin, as well as the whole dimension with the total.
/// Each table is a linear constraint (cells add up to the margin), so a table may never have exactly one suppressed entry
/// among its cells and margin: while one does, the smallest non-zero unsuppressed cell (then a zero cell, then the margin)
/// is suppressed too, repeated over every table until nothing changes. Tables are visited in a fixed order (simple
/// dimensions by name, then cross dimensions: the whole dimension, then its lines by part and value), so the outcome never
/// depends on the order of the input.
/// </summary>
/// <remarks>Numerator tables always apply (except over non-additive dimensions); denominator tables apply where the cells'
/// denominators add up exactly to the margin's. Deterministic: ties break on the breakdown value (ordinal).</remarks>
internal static class SecondarySuppressor
{
    private sealed record Table(int Margin, int[] Cells, bool DenominatorsAdd);

    internal static void Run(DisclosurePolicy policy, List<IndicatorResult> results, SuppressionReason[] numerators, SuppressionReason[] denominators)
    {
        var tables = BuildTables(policy, results);
        bool changed;
        do
        {
            changed = false;
            foreach (var table in tables)
            {
                changed |= Protect(policy, table, results, numerators, r => r.Numerator);
                if (table.DenominatorsAdd && policy.ApplyToDenominators)
                {
                    changed |= Protect(policy, table, results, denominators, r => r.Denominator ?? 0m);
                }
            }
        }
        while (changed);
    }

    private static bool Protect(DisclosurePolicy policy, Table table, List<IndicatorResult> results, SuppressionReason[] reasons, Func<IndicatorResult, decimal> count)
    {
        var suppressedCells = table.Cells.Where(i => reasons[i] != SuppressionReason.None).ToList();
        var marginSuppressed = reasons[table.Margin] != SuppressionReason.None;
        var suppressedEntries = suppressedCells.Count + (marginSuppressed ? 1 : 0);
        var needMore = suppressedEntries == 1
            || (policy.ProtectSuppressedSum && !marginSuppressed && suppressedCells.Count >= 2
                && suppressedCells.Count < table.Cells.Length
                && suppressedCells.Sum(i => count(results[i])) <= policy.Threshold);
        if (!needMore)
        {
            return false;
        }
        var candidate = table.Cells
            .Where(i => reasons[i] == SuppressionReason.None)
            .OrderBy(i => count(results[i]) == 0m ? 1 : 0)
            .ThenBy(i => count(results[i]))
            .ThenBy(i => results[i].Breakdown.Value, StringComparer.Ordinal)
            .Select(i => (int?)i)
            .FirstOrDefault();
        if (candidate is { } c)
        {
            reasons[c] = SuppressionReason.Complementary;
            return true;
        }
        if (!marginSuppressed)
        {
            reasons[table.Margin] = SuppressionReason.Complementary;
            return true;
        }
        return false;
    }

    private static List<Table> BuildTables(DisclosurePolicy policy, List<IndicatorResult> results)
    {
        var tables = new List<Table>();
        var groups = Enumerable.Range(0, results.Count)
            .GroupBy(i => (results[i].Methodology, results[i].AreaCode, results[i].Period, results[i].CohortPeriod));
        foreach (var group in groups)
        {
            var byKey = new Dictionary<BreakdownKey, int>();
            foreach (var i in group)
            {
                byKey.TryAdd(results[i].Breakdown, i);
            }
            byKey.TryGetValue(BreakdownKey.Total, out var total);
            var hasTotal = byKey.ContainsKey(BreakdownKey.Total);
            var dimensions = byKey.Keys
                .Where(k => !k.IsTotal && !policy.NonAdditiveDimensions.Contains(k.Dimension, StringComparer.Ordinal))
                .GroupBy(k => k.Dimension, StringComparer.Ordinal)
                .OrderBy(d => d.Key.Contains('+', StringComparison.Ordinal) ? 1 : 0)
                .ThenBy(d => d.Key, StringComparer.Ordinal);
            foreach (var dimension in dimensions)
            {
                var cells = dimension.OrderBy(k => k.Value, StringComparer.Ordinal).Select(k => byKey[k]).ToArray();
                if (hasTotal)
                {
                    tables.Add(Make(results, total, cells));
                }
                var parts = dimension.Key.Split('+');
                if (parts.Length < 2 || dimension.Any(k => k.Value.Split('+').Length != parts.Length))
                {
                    continue;
                }
                for (var j = 0; j < parts.Length; j++)
                {
                    var part = j;
                    foreach (var line in dimension.GroupBy(k => k.Value.Split('+')[part], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
                    {
                        if (byKey.TryGetValue(new BreakdownKey(parts[part], line.Key), out var margin))
                        {
                            tables.Add(Make(results, margin, [.. line.Select(k => byKey[k])]));
                        }
                    }
                }
            }
        }
        return tables;
    }

    private static Table Make(List<IndicatorResult> results, int margin, int[] cells)
    {
        var denominatorsAdd = results[margin].Denominator is { } m
            && cells.All(i => results[i].Denominator is not null)
            && cells.Sum(i => results[i].Denominator!.Value) == m;
        return new Table(margin, cells, denominatorsAdd);
    }
}
