using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using YouthJustice.Sdk.Internal;

namespace YouthJustice.Sdk.Periods;

/// <summary>The kinds of reporting period.</summary>
public enum PeriodKind
{
    /// <summary>An English financial year, 1 April to 31 March, written <c>2021/22</c>.</summary>
    FinancialYear = 0,
    /// <summary>A quarter of a financial year (Q1 = April-June), written <c>2021/22 Q3</c>.</summary>
    FinancialQuarter = 1,
    /// <summary>A calendar year, written <c>2021</c>.</summary>
    CalendarYear = 2,
    /// <summary>Twelve whole months ending with a given month, written <c>Oct 2020 - Sep 2021</c>.</summary>
    Rolling12Months = 3,
    /// <summary>Any interval of whole days, written <c>2021-01-01..2021-03-31</c>.</summary>
    Custom = 4,
}

/// <summary>
/// A period that figures are reported for: a financial year, financial quarter, calendar year, rolling 12 months
/// or a custom interval. Every period is a <see cref="DateInterval"/> whose start and end are both inclusive.
/// </summary>
/// <remarks>
/// <para>The text forms round-trip: <c>Parse(p.ToString()) == p</c>. Parsing and printing use the invariant culture,
/// so a period never reads differently on a machine set to another culture.</para>
/// <para>Two periods are equal when their kind and interval are equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed partial class ReportingPeriod : IEquatable<ReportingPeriod>, IComparable<ReportingPeriod>
{
    private static readonly string[] MonthAbbreviations =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private ReportingPeriod(PeriodKind kind, DateInterval interval)
    {
        Kind = kind;
        Interval = interval;
    }

    /// <summary>The kind of period.</summary>
    public PeriodKind Kind { get; }

    /// <summary>The dates the period covers, both ends inclusive.</summary>
    public DateInterval Interval { get; }

    /// <summary>The first day of the period.</summary>
    public LocalDate Start => Interval.Start;

    /// <summary>The last day of the period (inclusive).</summary>
    public LocalDate End => Interval.End;

    /// <summary>Whether <paramref name="date"/> falls within the period (both ends inclusive).</summary>
    public bool Contains(LocalDate date) => Interval.Contains(date);

    /// <summary>The financial year starting 1 April <paramref name="startYear"/>, e.g. 2021 for 2021/22.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startYear"/> is outside 1900-2999.</exception>
    public static ReportingPeriod FinancialYear(int startYear)
    {
        Preconditions.CheckRange(startYear, 1900, 2999, nameof(startYear));
        var start = new LocalDate(startYear, 4, 1);
        return new(PeriodKind.FinancialYear, new DateInterval(start, start.PlusYears(1).PlusDays(-1)));
    }

    /// <summary>The financial year containing <paramref name="date"/>.</summary>
    public static ReportingPeriod FinancialYearContaining(LocalDate date) =>
        FinancialYear(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>Quarter <paramref name="quarter"/> (1-4, Q1 = April-June) of the financial year starting in <paramref name="startYear"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static ReportingPeriod FinancialQuarter(int startYear, int quarter)
    {
        Preconditions.CheckRange(startYear, 1900, 2999, nameof(startYear));
        Preconditions.CheckRange(quarter, 1, 4, nameof(quarter));
        var start = new LocalDate(startYear, 4, 1).PlusMonths(3 * (quarter - 1));
        return new(PeriodKind.FinancialQuarter, new DateInterval(start, start.PlusMonths(3).PlusDays(-1)));
    }

    /// <summary>The calendar year <paramref name="year"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1900-2999.</exception>
    public static ReportingPeriod CalendarYear(int year)
    {
        Preconditions.CheckRange(year, 1900, 2999, nameof(year));
        return new(PeriodKind.CalendarYear, new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)));
    }

    /// <summary>The twelve whole months ending with <paramref name="lastMonth"/>, e.g. Oct 2020 - Sep 2021.</summary>
    public static ReportingPeriod Rolling12Months(YearMonth lastMonth)
    {
        var end = lastMonth.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1);
        var start = lastMonth.OnDayOfMonth(1).PlusMonths(-11);
        return new(PeriodKind.Rolling12Months, new DateInterval(start, end));
    }

    /// <summary>A custom period covering <paramref name="interval"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="interval"/> is null.</exception>
    public static ReportingPeriod Custom(DateInterval interval) =>
        new(PeriodKind.Custom, Preconditions.CheckNotNull(interval, nameof(interval)));

    /// <summary>A custom period from <paramref name="start"/> to <paramref name="end"/>, both inclusive.</summary>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public static ReportingPeriod Custom(LocalDate start, LocalDate end)
    {
        Preconditions.CheckArgument(end >= start, nameof(end), $"The end {end:uuuu-MM-dd} is before the start {start:uuuu-MM-dd}.");
        return Custom(new DateInterval(start, end));
    }

    /// <summary>
    /// The four financial quarters of this financial year, or this period itself for any other kind.
    /// </summary>
    public IReadOnlyList<ReportingPeriod> Quarters() =>
        Kind == PeriodKind.FinancialYear
            ? [.. Enumerable.Range(1, 4).Select(q => FinancialQuarter(Start.Year, q))]
            : [this];

    /// <summary>The period of the same kind and length immediately before this one.</summary>
    public ReportingPeriod Previous() => Kind switch
    {
        PeriodKind.FinancialYear => FinancialYear(Start.Year - 1),
        PeriodKind.FinancialQuarter => Start.Month == 4
            ? FinancialQuarter(Start.Year - 1, 4)
            : FinancialQuarter(Start.Month >= 4 ? Start.Year : Start.Year - 1, QuarterNumber - 1),
        PeriodKind.CalendarYear => CalendarYear(Start.Year - 1),
        PeriodKind.Rolling12Months => Rolling12Months(new YearMonth(End.Year, End.Month).PlusMonths(-12)),
        _ => Custom(Start.PlusDays(-(Period.Between(Start, End, PeriodUnits.Days).Days + 1)), Start.PlusDays(-1)),
    };

    private int QuarterNumber => ((Start.Month + 8) % 12 / 3) + 1;

    /// <summary>Parses any of the printed forms: <c>2021/22</c>, <c>2021/22 Q3</c>, <c>2021</c>,
    /// <c>Oct 2020 - Sep 2021</c>, <c>2021-01-01..2021-03-31</c>.</summary>
    /// <exception cref="FormatException">The text is not a period in one of those forms.</exception>
    public static ReportingPeriod Parse(string text) =>
        TryParse(text, out var period)
            ? period
            : throw new FormatException(
                $"'{text}' is not a reporting period. Expected a financial year (2021/22), a quarter (2021/22 Q3), " +
                "a calendar year (2021), a rolling 12 months (Oct 2020 - Sep 2021) or dates (2021-01-01..2021-03-31).");

    /// <summary>Tries to parse any of the printed forms (see <see cref="Parse"/>).</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReportingPeriod? period)
    {
        period = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var s = text.Trim();
        Match m;
        if ((m = FinancialYearPattern().Match(s)).Success)
        {
            var startYear = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            var endTwoDigits = int.Parse(m.Groups["e"].Value, CultureInfo.InvariantCulture);
            if ((startYear + 1) % 100 != endTwoDigits || startYear < 1900 || startYear > 2999)
            {
                return false;
            }
            period = m.Groups["q"].Success
                ? FinancialQuarter(startYear, int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture))
                : FinancialYear(startYear);
            return true;
        }
        if ((m = CalendarYearPattern().Match(s)).Success)
        {
            var year = int.Parse(s, CultureInfo.InvariantCulture);
            if (year is < 1900 or > 2999)
            {
                return false;
            }
            period = CalendarYear(year);
            return true;
        }
        if ((m = RollingPattern().Match(s)).Success)
        {
            var m1 = Array.FindIndex(MonthAbbreviations, a => string.Equals(a, m.Groups["m1"].Value, StringComparison.OrdinalIgnoreCase));
            var m2 = Array.FindIndex(MonthAbbreviations, a => string.Equals(a, m.Groups["m2"].Value, StringComparison.OrdinalIgnoreCase));
            if (m1 < 0 || m2 < 0)
            {
                return false;
            }
            var first = new YearMonth(int.Parse(m.Groups["y1"].Value, CultureInfo.InvariantCulture), m1 + 1);
            var last = new YearMonth(int.Parse(m.Groups["y2"].Value, CultureInfo.InvariantCulture), m2 + 1);
            if (first.PlusMonths(11) != last)
            {
                return false;
            }
            period = Rolling12Months(last);
            return true;
        }
        if ((m = CustomPattern().Match(s)).Success)
        {
            var pattern = NodaTime.Text.LocalDatePattern.Iso;
            var start = pattern.Parse(m.Groups["a"].Value);
            var end = pattern.Parse(m.Groups["b"].Value);
            if (!start.Success || !end.Success || end.Value < start.Value)
            {
                return false;
            }
            period = Custom(start.Value, end.Value);
            return true;
        }
        return false;
    }

    /// <summary>The period's standard text form (see <see cref="Parse"/>).</summary>
    public override string ToString() => Kind switch
    {
        PeriodKind.FinancialYear => FormattableString.Invariant($"{Start.Year}/{(Start.Year + 1) % 100:00}"),
        PeriodKind.FinancialQuarter => FormattableString.Invariant(
            $"{(Start.Month >= 4 ? Start.Year : Start.Year - 1)}/{((Start.Month >= 4 ? Start.Year : Start.Year - 1) + 1) % 100:00} Q{QuarterNumber}"),
        PeriodKind.CalendarYear => Start.Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Rolling12Months => FormattableString.Invariant(
            $"{MonthAbbreviations[Start.Month - 1]} {Start.Year} - {MonthAbbreviations[End.Month - 1]} {End.Year}"),
        _ => FormattableString.Invariant($"{Iso(Start)}..{Iso(End)}"),
    };

    private static string Iso(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);

    /// <inheritdoc />
    public bool Equals(ReportingPeriod? other) => other is not null && Kind == other.Kind && Interval.Equals(other.Interval);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ReportingPeriod);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Interval);

    /// <summary>Orders by start date, then end date, then kind.</summary>
    public int CompareTo(ReportingPeriod? other)
    {
        if (other is null)
        {
            return 1;
        }
        var c = Start.CompareTo(other.Start);
        if (c == 0)
        {
            c = End.CompareTo(other.End);
        }
        return c != 0 ? c : Kind.CompareTo(other.Kind);
    }

    /// <summary>Equality by kind and interval.</summary>
    public static bool operator ==(ReportingPeriod? left, ReportingPeriod? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality by kind and interval.</summary>
    public static bool operator !=(ReportingPeriod? left, ReportingPeriod? right) => !(left == right);

    /// <summary>Orders as <see cref="CompareTo"/>.</summary>
    public static bool operator <(ReportingPeriod? left, ReportingPeriod? right) => Compare(left, right) < 0;

    /// <summary>Orders as <see cref="CompareTo"/>.</summary>
    public static bool operator <=(ReportingPeriod? left, ReportingPeriod? right) => Compare(left, right) <= 0;

    /// <summary>Orders as <see cref="CompareTo"/>.</summary>
    public static bool operator >(ReportingPeriod? left, ReportingPeriod? right) => Compare(left, right) > 0;

    /// <summary>Orders as <see cref="CompareTo"/>.</summary>
    public static bool operator >=(ReportingPeriod? left, ReportingPeriod? right) => Compare(left, right) >= 0;

    private static int Compare(ReportingPeriod? left, ReportingPeriod? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    [GeneratedRegex(@"^(?<y>\d{4})/(?<e>\d{2})(\s*Q(?<q>[1-4]))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FinancialYearPattern();

    [GeneratedRegex(@"^\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex CalendarYearPattern();

    [GeneratedRegex(@"^(?<m1>[A-Za-z]{3})\s+(?<y1>\d{4})\s*-\s*(?<m2>[A-Za-z]{3})\s+(?<y2>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex RollingPattern();

    [GeneratedRegex(@"^(?<a>\d{4}-\d{2}-\d{2})\.\.(?<b>\d{4}-\d{2}-\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex CustomPattern();
}
