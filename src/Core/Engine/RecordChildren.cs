using System.Runtime.CompilerServices;
using YouthJustice.Sdk.Domain;

namespace YouthJustice.Sdk.Engine;

/// <summary>
/// The child of each record of one list of a dataset, looked up once and shared by every indicator reading that list (the
/// caseload observations feed KPIs 1-5, the episodes four local measures), instead of each looking every record's child up
/// in the dataset's children again. At national scale those lookups, not the counting, were most of such an indicator's
/// time: each lands somewhere new in a table of a quarter of a million children.
/// </summary>
/// <remarks>Keyed by the dataset and the list instance (a list may be shared by two datasets with different children);
/// both are immutable, and the tables let the answer go with them. Thread-safe: indicators computed at the same time wait
/// for one pass.</remarks>
internal static class RecordChildren
{
    private static readonly ConditionalWeakTable<Dataset, ConditionalWeakTable<object, object>> Cache = [];

    /// <summary>For each record of <paramref name="records"/>, the dataset's child it names (the first of that id), or
    /// <see langword="null"/> where the dataset holds none; read only, shared.</summary>
    internal static Child?[] Of<T>(Dataset dataset, IReadOnlyList<T> records, Func<T, string> childOf)
        where T : class
    {
        var ofDataset = Cache.GetValue(dataset, static _ => []);
        return ((Lazy<Child?[]>)ofDataset.GetValue(records, _ => new Lazy<Child?[]>(() => Resolve(dataset, records, childOf)))).Value;
    }

    private static Child?[] Resolve<T>(Dataset dataset, IReadOnlyList<T> records, Func<T, string> childOf)
    {
        var children = Kpis.KpiEngine.ChildrenById(dataset);
        var found = new Child?[records.Count];
        for (var i = 0; i < found.Length; i++)
        {
            found[i] = children.GetValueOrDefault(childOf(records[i]));
        }
        return found;
    }
}
