using System.Collections.Immutable;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Hosting;

namespace YouthJustice.Sdk.Synthetic.Tests;

/// <summary>The local programmes the repository's plugins declare, loaded from the build output by the real loader, and
/// the generator fed with them (as the console feeds it).</summary>
internal static class Declared
{
    private static readonly Lazy<ImmutableArray<LocalProgrammeModel>> LazyProgrammes = new(() =>
        LocalProgrammeModel.FromRegistry(new YouthJusticeRegistry(PluginCatalog.LoadFrom(Path.Combine(AppContext.BaseDirectory, "plugins")), [])));

    /// <summary>Coventry's diversion, Leicester's early intervention and Warwickshire's enriched case management (and any
    /// other programme with a pathway the plugins declare).</summary>
    internal static ImmutableArray<LocalProgrammeModel> Programmes => LazyProgrammes.Value;

    /// <summary>Generates with <see cref="Programmes"/> in place of the options' own.</summary>
    internal static Dataset Generate(SyntheticOptions options) =>
        SyntheticDatasetGenerator.Generate(options with { Programmes = Programmes });
}
