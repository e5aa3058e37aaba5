using System.Collections.Immutable;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Engine;

/// <summary>The definition files embedded in this assembly (national indicators, YJB KPIs and local plan measures), read once.</summary>
/// <remarks>Thread-safe. A malformed file fails the first use of either catalogue with a <see cref="DefinitionFormatException"/>
/// naming the file and the field.</remarks>
internal static class CoreDefinitions
{
    /// <summary>The family of the YJB key performance indicators.</summary>
    internal const string KpiFamily = "yjb-kpis";

    private static readonly Lazy<ImmutableSortedDictionary<string, IndicatorDefinition>> Loaded =
        new(() => IndicatorDefinitions.LoadEmbedded(typeof(CoreDefinitions).Assembly));

    /// <summary>Every embedded definition, by id.</summary>
    internal static ImmutableSortedDictionary<string, IndicatorDefinition> All => Loaded.Value;

    /// <summary>The embedded definition with the id.</summary>
    /// <exception cref="InvalidOperationException">No file defines it.</exception>
    internal static IndicatorDefinition Get(string id) =>
        All.TryGetValue(id, out var d) ? d : throw new InvalidOperationException($"No embedded definition file has the id '{id}' ({id}{IndicatorDefinitions.ResourceSuffix}).");
}
