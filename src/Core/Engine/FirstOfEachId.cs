using System.Runtime.CompilerServices;

namespace YouthJustice.Sdk.Engine;

/// <summary>
/// A dataset list with only the first record of each id, in order: what <c>DistinctBy(r =&gt; r.Id)</c> gives, found once per
/// list and shared by every indicator that asks, instead of each hashing every id of the list again. An imported dataset
/// never has two records with one id, so the answer is then the list itself.
/// </summary>
/// <remarks>Keyed by the list instance: a dataset and its lists are immutable, and the table lets the answer go with the
/// list. Thread-safe: indicators computed at the same time wait for one scan.</remarks>
internal static class FirstOfEachId
{
    private static readonly ConditionalWeakTable<object, object> Cache = [];

    /// <summary>The first record of each id of <paramref name="records"/>, in their order.</summary>
    internal static IReadOnlyList<T> Of<T>(IReadOnlyList<T> records, Func<T, string> id)
        where T : class =>
        ((Lazy<IReadOnlyList<T>>)Cache.GetValue(records, _ => new Lazy<IReadOnlyList<T>>(() => Scan(records, id)))).Value;

    private static IReadOnlyList<T> Scan<T>(IReadOnlyList<T> records, Func<T, string> id)
    {
        var seen = new HashSet<string>(records.Count, StringComparer.Ordinal);
        List<T>? firsts = null;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (seen.Add(id(record)))
            {
                firsts?.Add(record);
            }
            else
            {
                // The first repeat: from here on the records kept are a new list.
                firsts ??= [.. records.Take(i)];
            }
        }
        return firsts is null ? records : firsts.AsReadOnly();
    }
}
