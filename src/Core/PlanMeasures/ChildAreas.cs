using System.Runtime.CompilerServices;
using YouthJustice.Sdk.Domain;

namespace YouthJustice.Sdk.PlanMeasures;

/// <summary>
/// The home area of each record's child, for one list of a dataset: found once (from <see cref="Engine.RecordChildren"/>)
/// and shared by every measure reading that list (the episodes feed four measures, the feedback two, the assessments
/// three), instead of each measure looking every record's child up in the dataset's children twice.
/// </summary>
/// <remarks>Keyed by the dataset and the list instance, as <see cref="Engine.RecordChildren"/> is. Thread-safe.</remarks>
internal static class ChildAreas
{
    private static readonly ConditionalWeakTable<Dataset, ConditionalWeakTable<object, object>> Cache = [];

    /// <summary>For each record of <paramref name="records"/>, its child's home area code, or <see langword="null"/> where the
    /// dataset holds no such child; read only, shared.</summary>
    internal static string?[] Of<T>(Dataset dataset, IReadOnlyList<T> records, Func<T, string> childOf)
        where T : class
    {
        var ofDataset = Cache.GetValue(dataset, static _ => []);
        return ((Lazy<string?[]>)ofDataset.GetValue(records, _ => new Lazy<string?[]>(() => Resolve(dataset, records, childOf)))).Value;
    }

    private static string?[] Resolve<T>(Dataset dataset, IReadOnlyList<T> records, Func<T, string> childOf)
        where T : class
    {
        var children = Engine.RecordChildren.Of(dataset, records, childOf);
        var areas = new string?[children.Length];
        for (var i = 0; i < areas.Length; i++)
        {
            areas[i] = children[i]?.HomeAreaCode;
        }
        return areas;
    }
}
