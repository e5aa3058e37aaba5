using System.Buffers;
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
    /// <summary>Control characters other than tab, carriage return and line feed (C0, DEL and C1), and U+FFFD, which is
    /// what bytes that are not valid UTF-8 decode to.</summary>
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F"
        + "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F"
        + "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F\uFFFD");

    private RowSource _source = null!;

    public RowParser(LocalDate asOf, bool lenient = false)
    {
        AsOf = asOf;
        AsOfText = FormatDate(asOf);
        Lenient = lenient;
    }

    /// <summary>Lenient imports keep a record whose classification code is not recognised, as "not known", with a warning.</summary>
    public bool Lenient { get; }

    /// <summary>Problems that do not reject the record: an unrecognised classification code kept as "not known".</summary>
    public List<RowProblem> Warnings { get; } = [];

    public LocalDate AsOf { get; }

    private string AsOfText { get; }

    public List<RowProblem> Problems { get; } = [];

    public bool HasErrors => Problems.Count > 0;

    public void Begin(RowSource source)
    {
        _source = source;
        Problems.Clear();
        Warnings.Clear();
        Problems.AddRange(source.Problems);
        var cells = source.Cells;
        for (var c = 0; c < cells.Length; c++)
        {
            if (cells[c] is { } cell && cell.AsSpan().IndexOfAny(Forbidden) is var at and >= 0)
            {
                Error(c, cell[at] == '\uFFFD'
                    ? "contains U+FFFD: the file is not valid UTF-8 here (or the replacement character is in the data); fix the encoding"
                    : string.Create(CultureInfo.InvariantCulture,
                        $"contains the control character U+{(int)cell[at]:X4}: only tab and line breaks are allowed, and only in free text"));
            }
        }
    }

    public string Name(int column) => _source.Schema.Names[column];

    public string? Raw(int column) => _source.Cells[column];

    /// <summary>Where the accepted record whose id the cell holds is among its file's accepted records, or -1 when the
    /// reader did not find it (see <see cref="RowSource.HeldAt"/>).</summary>
    public int HeldAt(int column) => _source.HeldAt[column];

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
        else if (value.AsSpan().IndexOfAny('\t', '\r', '\n') >= 0)
        {
            Error(column, "an id must not contain a tab or a line break");
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
        // The format's whole number: an optional leading '-' and ASCII digits only (no '+', spaces, separators or exponent).
        if (!IsWholeNumberText(value))
        {
            Error(column, "is not a whole number (an optional leading '-' and digits only, e.g. 12)");
            return null;
        }
        var fits = int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number);
        if (!fits)
        {
            number = value.StartsWith('-') ? int.MinValue : int.MaxValue;
        }
        if (!fits || number < min || number > max)
        {
            Error(column, min == 0 && number < 0
                ? "must not be negative"
                : string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}"));
            return null;
        }
        return number;
    }

    private static bool IsWholeNumberText(string value)
    {
        var digits = value.AsSpan(value.StartsWith('-') ? 1 : 0);
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>The format's decimal: an optional leading '-', digits, and optionally '.' and more digits.</summary>
    private static bool IsDecimalText(string value)
    {
        var rest = value.AsSpan(value.StartsWith('-') ? 1 : 0);
        var point = rest.IndexOf('.');
        var whole = point < 0 ? rest : rest[..point];
        var fraction = point < 0 ? ReadOnlySpan<char>.Empty : rest[(point + 1)..];
        return whole.Length > 0 && !whole.ContainsAnyExceptInRange('0', '9')
            && (point < 0 || (fraction.Length > 0 && !fraction.ContainsAnyExceptInRange('0', '9')));
    }

    public decimal? OptionalNonNegativeDecimal(int column)
    {
        if (Raw(column) is not { } value)
        {
            return null;
        }
        if (!IsDecimalText(value) || !decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
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

    /// <summary>An optional decimal between <paramref name="min"/> and <paramref name="max"/> inclusive.</summary>
    public decimal? OptionalDecimal(int column, decimal min, decimal max)
    {
        if (Raw(column) is not { } value)
        {
            return null;
        }
        if (!IsDecimalText(value) || !decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            Error(column, "is not a number (use '.' as the decimal point, e.g. 4.5)");
            return null;
        }
        if (number < min || number > max)
        {
            Error(column, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}"));
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

    /// <summary>A required classification code with a "not known" member (e.g. sex): an unrecognised code is an error under
    /// the strict policy; under the lenient policy the record is kept with <paramref name="notKnown"/> and a warning.</summary>
    public TEnum Classification<TEnum>(int column, string what, TEnum notKnown)
        where TEnum : struct, Enum
    {
        var value = Raw(column);
        if (Lenient && value is not null && !DatasetCodes.TryParse<TEnum>(value, out _))
        {
            Warn(column, $"is not a known {what} code (allowed: {string.Join(", ", DatasetCodes.All<TEnum>())}); kept as {DatasetCodes.Of(notKnown)}");
            return notKnown;
        }
        return Code<TEnum>(column, what);
    }

    /// <summary>As <see cref="Classification{TEnum}"/> for an optional code: empty is <see langword="null"/>.</summary>
    public TEnum? OptionalClassification<TEnum>(int column, string what, TEnum notKnown)
        where TEnum : struct, Enum =>
        Raw(column) is null ? null : Classification(column, what, notKnown);

    private void Warn(int column, string reason) => Warnings.Add(new RowProblem(Name(column), Raw(column), reason));

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
        if (Lenient)
        {
            Warn(column, $"is not a known ethnicity code (allowed: {string.Join(", ", EthnicityCategory.All.Select(c => c.Code))}); kept as {EthnicityCategory.NotObtained.Code} (not obtained)");
            return EthnicityCategory.NotObtained;
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
            if (part.Length > 0 && part.Trim().Length != part.Length)
            {
                Error(column, $"'{part}' has white space around it (codes are separated by ';' with no spaces, e.g. MENTAL_HEALTH;EDUCATION)");
            }
            else if (DatasetCodes.TryParse<Needs>(part, out var flag))
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
