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
}
