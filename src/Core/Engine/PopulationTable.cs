using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Engine;

/// <summary>
/// Population estimates held in arrays keyed by (area, year) and single year of age, with the totals by sex and by
/// ethnicity group alongside the all-persons figure.
/// </summary>
/// <remarks>
/// <para><b>Which rows make the all-persons figure.</b> For an (area, year), the all-persons rows (sex and ethnicity
/// group both unset) are used when there are any; otherwise the by-sex rows summed; otherwise the by-ethnicity rows
/// summed; otherwise the rows by sex and ethnicity summed. A by-sex figure uses the rows with only sex set, else the
/// sex-and-ethnicity rows summed over ethnicity; a by-ethnicity figure likewise. Rows that repeat a key are added
/// together (import reports duplicates).</para>
/// <para>Ages above <see cref="MaxAge"/> are not held (no indicator reads them). Immutable; thread-safe for reading.</para>
/// </remarks>
internal sealed class PopulationTable
{
    /// <summary>The oldest single year of age held.</summary>
    internal const int MaxAge = 25;

    private const int SexCount = 4;

    // Slots per age: 0 all-persons; 1-4 sex only; 5-11 ethnicity only; 12 sum of sex-only; 13 sum of ethnicity-only;
    // 14-17 sex+ethnicity summed by sex; 18-24 sex+ethnicity summed by ethnicity; 25 sum of sex+ethnicity.
    private const int Slots = 26;
    private const int FlagAll = 1, FlagSex = 2, FlagEthnicity = 4, FlagBoth = 8;

    private readonly Dictionary<long, (long[] Counts, int Flags)> _cells = [];

    internal PopulationTable(IReadOnlyList<PopulationEstimate> rows, IReadOnlyDictionary<string, int> areaByCode)
    {
        foreach (var row in rows)
        {
            var area = areaByCode[row.AreaCode];
            var key = Key(area, row.Year);
            if (!_cells.TryGetValue(key, out var cell))
            {
                cell = (new long[(MaxAge + 1) * Slots], 0);
            }
            if (row.Age is >= 0 and <= MaxAge)
            {
                var b = row.Age * Slots;
                var counts = cell.Counts;
                switch (row.Sex, row.EthnicityGroup)
                {
                    case (null, null):
                        counts[b] += row.Count;
                        cell.Flags |= FlagAll;
                        break;
                    case ({ } s, null):
                        counts[b + 1 + SexIndex(s)] += row.Count;
                        counts[b + 12] += row.Count;
                        cell.Flags |= FlagSex;
                        break;
                    case (null, { } g):
                        counts[b + 5 + (int)g] += row.Count;
                        counts[b + 13] += row.Count;
                        cell.Flags |= FlagEthnicity;
                        break;
                    case ({ } s, { } g):
                        counts[b + 14 + SexIndex(s)] += row.Count;
                        counts[b + 18 + (int)g] += row.Count;
                        counts[b + 25] += row.Count;
                        cell.Flags |= FlagBoth;
                        break;
                }
            }
            _cells[key] = cell;
        }
    }

    /// <summary>Which population a figure is for.</summary>
    internal readonly record struct Slice(Sex? Sex, EthnicityGroup? Group)
    {
        internal static Slice All => default;
    }

    /// <summary>Whether the table has any row for the area and year.</summary>
    internal bool Has(int area, int year) => area >= 0 && _cells.ContainsKey(Key(area, year));

    /// <summary>
    /// The year whose estimates to use: <paramref name="wantedYear"/> when the area has estimates for it, else the latest
    /// earlier year that has, else the earliest later year; <see langword="null"/> when the area has no estimates.
    /// </summary>
    internal int? ResolveYear(int area, int wantedYear)
    {
        if (area < 0)
        {
            return null;
        }
        if (Has(area, wantedYear))
        {
            return wantedYear;
        }
        int? earlier = null, later = null;
        foreach (var key in _cells.Keys)
        {
            if (key >> 16 != area)
            {
                continue;
            }
            var year = (int)(key & 0xFFFF);
            if (year < wantedYear && (earlier is null || year > earlier))
            {
                earlier = year;
            }
            else if (year > wantedYear && (later is null || year < later))
            {
                later = year;
            }
        }
        return earlier ?? later;
    }

    /// <summary>The population of the area in the year aged <paramref name="minAge"/> to <paramref name="maxAge"/> (both inclusive).</summary>
    internal long Count(int area, int year, int minAge, int maxAge, Slice slice)
    {
        if (area < 0 || !_cells.TryGetValue(Key(area, year), out var cell))
        {
            return 0;
        }
        var slot = SlotFor(cell.Flags, slice);
        if (slot < 0)
        {
            return 0;
        }
        long total = 0;
        for (var age = Math.Max(0, minAge); age <= Math.Min(MaxAge, maxAge); age++)
        {
            total += cell.Counts[(age * Slots) + slot];
        }
        return total;
    }

    private static int SlotFor(int flags, Slice slice)
    {
        if (slice.Sex is { } s)
        {
            return (flags & FlagSex) != 0 ? 1 + SexIndex(s) : (flags & FlagBoth) != 0 ? 14 + SexIndex(s) : -1;
        }
        if (slice.Group is { } g)
        {
            return (flags & FlagEthnicity) != 0 ? 5 + (int)g : (flags & FlagBoth) != 0 ? 18 + (int)g : -1;
        }
        return (flags & FlagAll) != 0 ? 0
            : (flags & FlagSex) != 0 ? 12
            : (flags & FlagEthnicity) != 0 ? 13
            : (flags & FlagBoth) != 0 ? 25
            : -1;
    }

    private static int SexIndex(Sex sex) => Math.Clamp((int)sex, 0, SexCount - 1);

    private static long Key(int area, int year) => ((long)area << 16) | (uint)(year & 0xFFFF);
}
