using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Hosting;

/// <summary>Helpers that connect a composed <see cref="IYouthJusticeRegistry"/> to the rest of the SDK.</summary>
public static class YouthJusticeRegistryExtensions
{
    /// <summary>
    /// Import options that accept every loaded plugin's codes and run every loaded plugin's validation rules: the
    /// registry's <see cref="IYouthJusticeRegistry.Vocabulary"/> and <see cref="IYouthJusticeRegistry.ValidationRules"/>.
    /// </summary>
    /// <param name="registry">The composed registry.</param>
    /// <param name="policy">Strict (the default) or lenient.</param>
    /// <returns>New options; change them further with <c>with</c> (e.g. a <see cref="ImportOptions.RejectsDirectory"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registry"/> is null.</exception>
    public static ImportOptions CreateImportOptions(this IYouthJusticeRegistry registry, ImportPolicy policy = ImportPolicy.Strict)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return new ImportOptions
        {
            Policy = policy,
            Vocabulary = registry.Vocabulary,
            ValidationRules = [.. registry.ValidationRules],
        };
    }

    /// <summary>
    /// The tables the indicators read, to import only those (<see cref="ImportOptions.Tables"/>): for the national
    /// indicators, the case records (areas, children, offences, outcomes) and, for rates and disproportionality, the
    /// population estimates. Any other indicator (a YJB KPI, a plan measure, a plugin's) is taken to read every table.
    /// </summary>
    /// <param name="registry">The composed registry.</param>
    /// <param name="indicatorIds">Registered indicator ids.</param>
    /// <returns>The tables, in the dataset format's order; every table when any of the indicators does not say.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">An id is not a registered indicator.</exception>
    public static IReadOnlyList<DatasetEntity> TablesRead(this IYouthJusticeRegistry registry, IEnumerable<string> indicatorIds)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(indicatorIds);
        var byId = registry.Indicators.ToDictionary(i => i.Definition.Id, StringComparer.Ordinal);
        var tables = new SortedSet<DatasetEntity>();
        foreach (var id in indicatorIds)
        {
            if (!byId.TryGetValue(id, out var indicator))
            {
                throw new KeyNotFoundException($"No indicator '{id}' is registered.");
            }
            if (IndicatorTables.Of(registry, indicator) is not { } reads)
            {
                return Enum.GetValues<DatasetEntity>();
            }
            tables.UnionWith(reads);
        }
        return [.. tables];
    }
}
