using NodaTime;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Engine;

/// <summary>Follow-up after a date (e.g. a programme's closure): a new offence, or a first statutory outcome, within a number of months.</summary>
/// <remarks>Months are added with NodaTime's <see cref="LocalDate.PlusMonths"/>, which clamps to the month end
/// (31 August + 6 months = 28 or 29 February), as the national reoffending measures do. Stateless and thread-safe.</remarks>
public static class FollowUp
{
    /// <summary>The last day of a follow-up of <paramref name="months"/> months from <paramref name="start"/>.</summary>
    public static LocalDate End(LocalDate start, int months) => start.PlusMonths(months);

    /// <summary>Whether the follow-up has not finished by <paramref name="asOf"/>, so a figure over it may still change.</summary>
    public static bool IsOpen(LocalDate start, int months, LocalDate asOf) => End(start, months) > asOf;

    /// <summary>Offences the child committed in the follow-up: after <paramref name="start"/>, up to its end or <paramref name="asOf"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="index"/> or <paramref name="childId"/> is null.</exception>
    public static int OffencesWithin(DatasetIndex index, string childId, LocalDate start, int months, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(index);
        var end = End(start, months);
        return index.OffencesCommittedBetween(childId, start, end < asOf ? end : asOf).Count();
    }

    /// <summary>Whether the child's first statutory outcome falls after <paramref name="after"/> and within the follow-up
    /// from <paramref name="start"/> (up to its end or <paramref name="asOf"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="index"/> or <paramref name="childId"/> is null.</exception>
    public static bool BecameFirstTimeEntrant(DatasetIndex index, string childId, LocalDate after, LocalDate start, int months, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(index);
        var end = End(start, months);
        return index.FirstTimeEntrantDate(childId) is { } first && first > after && first <= (end < asOf ? end : asOf);
    }
}
