using System.Globalization;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Samples.Web.Store;

namespace YouthJustice.Sdk.Samples.Web.Sdk;

/// <summary>Reads comparator and target values: <c>indicator_id,comparator,period,value</c> (an empty period applies to every period).</summary>
public static class ComparatorText
{
    private const string Header = "indicator_id,comparator,period,value";

    /// <exception cref="FormatException">A line is wrong; the message names the file, line and field.</exception>
    public static IReadOnlyList<StoredComparator> Read(TextReader reader, string name)
    {
        var header = reader.ReadLine();
        if (header?.Trim() != Header)
        {
            throw new FormatException($"{name} line 1: the header must be {Header}.");
        }
        var values = new List<StoredComparator>();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Trim().Length == 0)
            {
                continue;
            }
            var cells = text.Split(',');
            if (cells.Length != 4)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{name} line {line}: 4 fields expected, {cells.Length} found."));
            }
            if (cells[0].Trim().Length == 0)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{name} line {line}, field indicator_id: empty."));
            }
            if (cells[2].Trim().Length > 0 && !ReportingPeriod.TryParse(cells[2].Trim(), out _))
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{name} line {line}, field period: '{cells[2]}' is not a reporting period."));
            }
            if (!decimal.TryParse(cells[3].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{name} line {line}, field value: '{cells[3]}' is not a number."));
            }
            values.Add(new StoredComparator(cells[0].Trim(), cells[1].Trim(), cells[2].Trim(), value));
        }
        return values;
    }
}
