using System.Runtime.CompilerServices;
using YouthJustice.Sdk.Domain;

namespace YouthJustice.Sdk.Engine;

/// <summary>
/// Datasets whose offence and outcome ids are known to be unique, because the CSV import made them and it rejects a
/// row that repeats an accepted id (validation rules only remove records). The index then skips checking them again,
/// which on the national dataset is two hash sets of half a million ids. Any other dataset (built in code, loaded from
/// a snapshot another tool may have rewritten, or copied with <c>with</c>) is checked.
/// </summary>
internal static class KnownUniqueIds
{
    private static readonly ConditionalWeakTable<Dataset, object> Known = new();
    private static readonly object Marker = new();

    /// <summary>Records that <paramref name="dataset"/>'s ids were checked unique when it was made.</summary>
    internal static Dataset Mark(Dataset dataset)
    {
        Known.AddOrUpdate(dataset, Marker);
        return dataset;
    }

    /// <summary>Whether <paramref name="dataset"/>'s ids were checked unique when it was made.</summary>
    internal static bool Contains(Dataset dataset) => Known.TryGetValue(dataset, out _);
}
