using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Sdk.Reports;

/// <summary>A target set for an indicator (e.g. a plan's 80% or a board's 50/50 referral split).</summary>
/// <param name="IndicatorId">The indicator.</param>
/// <param name="AreaCode">The area it is for, or <see langword="null"/> for every area.</param>
/// <param name="Period">The period it is for, or <see langword="null"/> for every period.</param>
/// <param name="Value">The target, in the indicator's units.</param>
/// <param name="Source">Where the target comes from (a plan, by publisher, title, year and section), or a statement that it is illustrative.</param>
public sealed record ReportTarget(string IndicatorId, string? AreaCode, ReportingPeriod? Period, decimal Value, string? Source = null);

/// <summary>
/// Reads the report's input files: <c>comparators.csv</c> (<c>indicator_id,comparator,period,value</c>, optionally
/// <c>area_code</c> and <c>source</c>) and <c>targets.csv</c> (<c>indicator_id,area_code,period,value,source</c>).
/// An empty period or area applies to every period or area. See <c>docs/reports.md</c>.
/// </summary>
/// <remarks>Every error is a <see cref="FormatException"/> naming the file, the line and the field.</remarks>
public static class ReportInputFiles
{
    private static readonly string[] ComparatorColumns = ["indicator_id", "comparator", "period", "value"];
    private static readonly string[] TargetColumns = ["indicator_id", "period", "value"];

    /// <summary>Reads comparator values.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="name">The file name messages give.</param>
    /// <param name="knownIndicators">The indicator ids a row may name; any other is an error naming it.</param>
    /// <exception cref="FormatException">A header or cell is wrong; the message names the file, line and field.</exception>
    public static ImmutableArray<ComparatorValue> ReadComparators(TextReader reader, string name, IReadOnlySet<string> knownIndicators) =>
        [.. Read(reader, name, knownIndicators, ComparatorColumns, (cell, period, value) =>
            new ComparatorValue(cell("indicator_id"), cell("comparator"), period, value, NullIfEmpty(cell("source")), NullIfEmpty(cell("area_code"))))];

    /// <summary>Reads targets.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="name">The file name messages give.</param>
    /// <param name="knownIndicators">The indicator ids a row may name; any other is an error naming it.</param>
    /// <exception cref="FormatException">A header or cell is wrong; the message names the file, line and field.</exception>
    public static ImmutableArray<ReportTarget> ReadTargets(TextReader reader, string name, IReadOnlySet<string> knownIndicators) =>
        [.. Read(reader, name, knownIndicators, TargetColumns, (cell, period, value) =>
            new ReportTarget(cell("indicator_id"), NullIfEmpty(cell("area_code")), period, value, NullIfEmpty(cell("source"))))];

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static List<T> Read<T>(TextReader reader, string name, IReadOnlySet<string> knownIndicators, string[] required,
        Func<Func<string, string>, ReportingPeriod?, decimal, T> make)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(knownIndicators);
        var options = CsvReaderOptions.Default with { Separator = ',', HasHeader = true, TrackLineNumbers = true, FormatProvider = CultureInfo.InvariantCulture };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        var headers = csv.Headers.Select(h => h.Trim()).ToArray();
        if (required.Any(c => Array.IndexOf(headers, c) < 0))
        {
            throw new FormatException($"{name} line 1: the header must have the columns {string.Join(",", required)}.");
        }
        var rows = new List<T>();
        while (csv.Read())
        {
            var line = csv.LineNumber;
            string Cell(string column)
            {
                var i = Array.IndexOf(headers, column);
                return i >= 0 && i < csv.FieldCount ? (csv.GetString(i) ?? "").Trim() : "";
            }
            var id = Cell("indicator_id");
            if (id.Length == 0 || (required.Contains("comparator") && Cell("comparator").Length == 0))
            {
                throw new FormatException($"{name} line {line}: {(required.Contains("comparator") ? "indicator_id and comparator are" : "indicator_id is")} required.");
            }
            if (!knownIndicators.Contains(id))
            {
                throw new FormatException($"{name} line {line}, field indicator_id: no indicator '{id}'. Known: {string.Join(", ", knownIndicators.Order(StringComparer.Ordinal))}.");
            }
            var periodText = Cell("period");
            ReportingPeriod? period = null;
            if (periodText.Length > 0 && !ReportingPeriod.TryParse(periodText, out period))
            {
                throw new FormatException($"{name} line {line}, field period: '{periodText}' is not a reporting period.");
            }
            if (!decimal.TryParse(Cell("value"), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException($"{name} line {line}, field value: '{Cell("value")}' is not a number.");
            }
            rows.Add(make(Cell, period, value));
        }
        return rows;
    }
}
