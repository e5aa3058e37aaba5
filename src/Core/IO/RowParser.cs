using System.Globalization;
using NodaTime;
using NodaTime.Text;
using YouthJustice.Sdk.Domain;

namespace YouthJustice.Sdk.IO;

/// <summary>
/// Converts the cells of the current record into typed values, collecting a <see cref="RowProblem"/> for every bad
/// field rather than stopping at the first, so a rejected row is reported completely. Parsing is culture-invariant.
/// </summary>
internal sealed class RowParser
{
    private RowSource _source = null!;

    public RowParser(LocalDate asOf)
    {
        AsOf = asOf;
        AsOfText = FormatDate(asOf);
    }

    public LocalDate AsOf { get; }

    private string AsOfText { get; }

    public List<RowProblem> Problems { get; } = [];

    public bool HasErrors => Problems.Count > 0;

    public void Begin(RowSource source)
    {
        _source = source;
        Problems.Clear();
        Problems.AddRange(source.Problems);
    }

    public string Name(int column) => _source.Schema.Names[column];

    public string? Raw(int column) => _source.Cells[column];

    public void Error(int column, string reason) => Problems.Add(new RowProblem(Name(column), Raw(column), reason));

    public void Error(int column, string? value, string reason) => Problems.Add(new RowProblem(Name(column), value, reason));

    /// <summary>A required text field; empty or white space is an error.</summary>
    public string Text(int column)
    {
        var value = Raw(column);
        if (string.IsNullOrWhiteSpace(value))
        {
            Error(column, "is required but empty");
            return "";
        }
        return value;
    }

    /// <summary>A required id: as <see cref="Text"/>, and it must not have surrounding spaces or a <c>;</c>
    /// (which separates the ids of an outcome's offences).</summary>
    public string Id(int column)
    {
        var value = Text(column);
        if (value.Length > 0 && (value.Contains(';', StringComparison.Ordinal) || value.Trim().Length != value.Length))
        {
            Error(column, "an id must not contain ';' or start or end with white space");
        }
        return value;
    }

    public string? OptionalText(int column) => string.IsNullOrWhiteSpace(Raw(column)) ? null : Raw(column);

    public LocalDate Date(int column)
    {
        var value = Raw(column);
        if (value is null)
        {
            Error(column, "is required but empty");
            return AsOf;
        }
        return ParseDate(column, value) ?? AsOf;
    }

    public LocalDate? OptionalDate(int column) => Raw(column) is { } value ? ParseDate(column, value) : null;

    private LocalDate? ParseDate(int column, string value)
    {
        if (!LooksIso(value))
        {
            Error(column, "is not a date in ISO 8601 form yyyy-MM-dd (e.g. 2021-03-31)");
            return null;
        }
        if (!TryParseIsoDate(value, out var date))
        {
            Error(column, "is not a real calendar date");
            return null;
        }
        if (date > AsOf)
        {
            Error(column, $"is after the dataset's as-of date {AsOfText}");
            return null;
        }
        return date;
    }

    /// <summary>Parses <c>yyyy-MM-dd</c> by hand: this runs for every date cell of every row, and a pattern parser is
    /// several times slower. Culture plays no part.</summary>
    internal static bool TryParseIsoDate(string value, out LocalDate date)
    {
        date = default;
        if (!LooksIso(value))
        {
            return false;
        }
        var year = ((value[0] - '0') * 1000) + ((value[1] - '0') * 100) + ((value[2] - '0') * 10) + (value[3] - '0');
        var month = ((value[5] - '0') * 10) + (value[6] - '0');
        var day = ((value[8] - '0') * 10) + (value[9] - '0');
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }
        date = new LocalDate(year, month, day);
        return true;
    }

    private static bool LooksIso(string value) =>
        value.Length == 10 && value[4] == '-' && value[7] == '-'
        && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[1]) && char.IsAsciiDigit(value[2]) && char.IsAsciiDigit(value[3])
        && char.IsAsciiDigit(value[5]) && char.IsAsciiDigit(value[6]) && char.IsAsciiDigit(value[8]) && char.IsAsciiDigit(value[9]);

    public int Int(int column, int min, int max)
    {
        var value = Raw(column);
        if (value is null)
        {
            Error(column, "is required but empty");
            return min;
        }
        return ParseInt(column, value, min, max) ?? min;
    }

    public int? OptionalInt(int column, int min, int max) => Raw(column) is { } value ? ParseInt(column, value, min, max) : null;

    private int? ParseInt(int column, string value, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            Error(column, "is not a whole number");
            return null;
        }
        if (number < min || number > max)
        {
            Error(column, min == 0 && number < 0
                ? "must not be negative"
                : string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}"));
            return null;
        }
        return number;
    }

    public decimal? OptionalNonNegativeDecimal(int column)
    {
        if (Raw(column) is not { } value)
        {
            return null;
        }
        if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            Error(column, "is not a number (use '.' as the decimal point, e.g. 12.5)");
            return null;
        }
        if (number < 0)
        {
            Error(column, "must not be negative");
            return null;
        }
        return number;
    }

    public bool Bool(int column)
    {
        if (Raw(column) is null)
        {
            Error(column, "is required but empty");
            return false;
        }
        return OptionalBool(column) ?? false;
    }

    public bool? OptionalBool(int column)
    {
        var value = Raw(column);
        if (value is null)
        {
            return null;
        }
        if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        Error(column, "must be true or false");
        return null;
    }

    public TEnum Code<TEnum>(int column, string what)
        where TEnum : struct, Enum
    {
        if (Raw(column) is null)
        {
            Error(column, "is required but empty");
            return default;
        }
        return OptionalCode<TEnum>(column, what) ?? default;
    }

    public TEnum? OptionalCode<TEnum>(int column, string what)
        where TEnum : struct, Enum
    {
        var value = Raw(column);
        if (value is null)
        {
            return null;
        }
        if (DatasetCodes.TryParse<TEnum>(value, out var code))
        {
            return code;
        }
        Error(column, $"is not a known {what} code (allowed: {string.Join(", ", DatasetCodes.All<TEnum>())})");
        return null;
    }

    public EthnicityCategory? Ethnicity(int column)
    {
        var value = Raw(column);
        if (value is null)
        {
            Error(column, "is required but empty (use NOBT when not obtained or REFU when refused)");
            return null;
        }
        if (EthnicityCategory.TryFromCode(value, out var category))
        {
            return category;
        }
        Error(column, $"is not a known ethnicity code (allowed: {string.Join(", ", EthnicityCategory.All.Select(c => c.Code))})");
        return null;
    }

    public Needs NeedsList(int column)
    {
        var value = Raw(column);
        if (value is null)
        {
            return Needs.None;
        }
        var needs = Needs.None;
        foreach (var part in value.Split(';'))
        {
            if (DatasetCodes.TryParse<Needs>(part, out var flag))
            {
                needs |= flag;
            }
            else
            {
                Error(column, $"'{part}' is not a known need code (allowed, separated by ';': {string.Join(", ", DatasetCodes.All<Needs>())})");
            }
        }
        return needs;
    }

    public static string FormatDate(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
