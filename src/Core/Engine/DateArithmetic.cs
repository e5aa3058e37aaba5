using NodaTime;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Engine;

/// <summary>
/// How adding whole months treats a start date whose day does not exist in the target month
/// (29 February in a non-leap year, 31st in a 30-day month).
/// </summary>
public enum MonthEndRule
{
    /// <summary>
    /// Clamp to the last day of the target month, as NodaTime's <see cref="LocalDate.PlusMonths"/> does:
    /// 29 February 2020 + 12 months = 28 February 2021; 31 August + 6 months = 28 (or 29) February.
    /// The national default.
    /// </summary>
    ClampToMonthEnd = 0,

    /// <summary>
    /// Roll forward to the first day of the following month when the day does not exist:
    /// 29 February 2020 + 12 months = 1 March 2021. A local variant, for reconciling with tools that count this way.
    /// </summary>
    RollToNextDay = 1,
}

/// <summary>Calendar arithmetic on <see cref="LocalDate"/> under a stated <see cref="MonthEndRule"/>.</summary>
/// <remarks>Pure and thread-safe. No time zone or clock is involved: dates are calendar dates.</remarks>
public static class DateArithmetic
{
    /// <summary>Adds <paramref name="months"/> whole months to <paramref name="date"/> under <paramref name="rule"/>.</summary>
    /// <param name="date">The start date.</param>
    /// <param name="months">The number of months (may be zero or negative).</param>
    /// <param name="rule">What to do when the day of month does not exist in the target month.</param>
    /// <returns>The resulting date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rule"/> is not a defined value.</exception>
    public static LocalDate PlusMonths(LocalDate date, int months, MonthEndRule rule)
    {
        var clamped = date.PlusMonths(months);
        return rule switch
        {
            MonthEndRule.ClampToMonthEnd => clamped,
            MonthEndRule.RollToNextDay => clamped.Day == date.Day ? clamped : clamped.PlusDays(1),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown month-end rule."),
        };
    }

    /// <summary>The day number of <paramref name="date"/> (days since 1 January 0001), for dense integer comparisons.</summary>
    internal static int Day(LocalDate date) => date.ToDateOnly().DayNumber;

    /// <summary>The date of a day number made by <see cref="Day"/>.</summary>
    internal static LocalDate Date(int day) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(day));

    /// <summary>Adds months to a day number under a rule.</summary>
    internal static int PlusMonths(int day, int months, MonthEndRule rule) => Day(PlusMonths(Date(day), months, rule));

    /// <summary>Age in whole years on <paramref name="date"/> for a child born on <paramref name="dateOfBirth"/>: the age
    /// rises at the start of each birthday; a 29 February birthday falls on 28 February in other years (as
    /// <see cref="Domain.Child.AgeOn"/>) or, under <see cref="National.LeapDayBirthdayRule.MarchFirst"/>, on 1 March.</summary>
    internal static int Age(LocalDate dateOfBirth, LocalDate date, National.LeapDayBirthdayRule leapDay = National.LeapDayBirthdayRule.FebruaryTwentyEighth)
    {
        var age = date.Year - dateOfBirth.Year;
        var birthday = dateOfBirth.PlusYears(age);
        if (leapDay == National.LeapDayBirthdayRule.MarchFirst && dateOfBirth is { Month: 2, Day: 29 } && birthday.Day == 28)
        {
            birthday = birthday.PlusDays(1);
        }
        if (birthday > date)
        {
            age--;
        }
        return age;
    }
}
