using System.Globalization;
using CsvHelper;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Samples.Console;

/// <summary>Reads comparator values: <c>indicator_id,comparator,period,value</c> (an empty period applies to every period).</summary>
internal static class ComparatorCsv
{
    private static readonly string[] Columns = ["indicator_id", "comparator", "period", "value"];

    /// <exception cref="FormatException">A header or cell is wrong; the message names the file, line and field.</exception>
    /// <param name="reader">The CSV text.</param>
    /// <param name="name">The file name messages give.</param>
    /// <param name="knownIndicators">The indicator ids a row may name; any other is an error naming it.</param>
    public static IReadOnlyList<ComparatorValue> Read(TextReader reader, string name, IReadOnlySet<string> knownIndicators)
    {
        var options = CsvReaderOptions.Default with { Separator = ',', HasHeader = true, TrackLineNumbers = true, FormatProvider = CultureInfo.InvariantCulture };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        var headers = csv.Headers.ToArray();
        var index = Columns.Select(c => Array.IndexOf(headers, c)).ToArray();
        if (index.Any(i => i < 0))
        {
            throw new FormatException($"{name} line 1: the header must be {string.Join(",", Columns)}.");
        }
        var values = new List<ComparatorValue>();
        while (csv.Read())
        {
            var line = csv.LineNumber;
            string Cell(int column) => index[column] < csv.FieldCount ? (csv.GetString(index[column]) ?? "").Trim() : "";
            var period = Cell(2);
            if (!decimal.TryParse(Cell(3), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException($"{name} line {line}, field value: '{Cell(3)}' is not a number.");
            }
            ReportingPeriod? parsed = null;
            if (period.Length > 0 && !ReportingPeriod.TryParse(period, out parsed))
            {
                throw new FormatException($"{name} line {line}, field period: '{period}' is not a reporting period.");
            }
            if (Cell(0).Length == 0 || Cell(1).Length == 0)
            {
                throw new FormatException($"{name} line {line}: indicator_id and comparator are required.");
            }
            if (!knownIndicators.Contains(Cell(0)))
            {
                throw new FormatException($"{name} line {line}, field indicator_id: no indicator '{Cell(0)}'. Known: {string.Join(", ", knownIndicators.Order(StringComparer.Ordinal))}.");
            }
            values.Add(new ComparatorValue(Cell(0), Cell(1), parsed, value));
        }
        return values;
    }
}
