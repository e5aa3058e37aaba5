using System.Runtime.CompilerServices;
using YouthJustice.Sdk.Domain;

namespace YouthJustice.Sdk.Engine;

/// <summary>
/// The child of each record of one list of a dataset, and that child's home area, looked up once and shared by every
/// indicator reading that list (the caseload observations feed KPIs 1-5; the episodes four local measures, the feedback
/// two, the assessments three), instead of each looking every record's child up in the dataset's children again. At
/// national scale those lookups, not the counting, were most of such an indicator's time: each lands somewhere new in a
/// table of a quarter of a million children. The areas are kept apart from the children so that a measure that needs only
/// the area does not visit every child record too.
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
        where T : class => EntryOf(dataset, records, childOf).Children.Value;

    /// <summary>For each record of <paramref name="records"/>, its child's home area code, or <see langword="null"/> where
    /// the dataset holds no such child; read only, shared.</summary>
    internal static string?[] AreasOf<T>(Dataset dataset, IReadOnlyList<T> records, Func<T, string> childOf)
        where T : class => EntryOf(dataset, records, childOf).Areas.Value;

    private static Entry EntryOf<T>(Dataset dataset, IReadOnlyList<T> records, Func<T, string> childOf)
        where T : class =>
        (Entry)Cache.GetValue(dataset, static _ => []).GetValue(records, _ => new Entry(() => Resolve(dataset, records, childOf)));

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

    private sealed class Entry
    {
        internal Entry(Func<Child?[]> resolve)
        {
            Children = new(resolve);
            Areas = new(() => Array.ConvertAll(Children.Value, static c => c?.HomeAreaCode));
        }

        internal Lazy<Child?[]> Children { get; }

        internal Lazy<string?[]> Areas { get; }
    }
}
