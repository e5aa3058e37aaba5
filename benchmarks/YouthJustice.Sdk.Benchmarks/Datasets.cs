using YouthJustice.Sdk.Domain;
using System.Reflection;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Synthetic;
using YouthJustice.Sdk.Hosting;

namespace YouthJustice.Sdk.Benchmarks;

/// <summary>Seeded synthetic datasets shared by the benchmarks, generated once per process.</summary>
internal static class Datasets
{
    public const int Seed = 42;

    private static readonly Dictionary<int, Dataset> Generated = [];

    /// <summary>A national-mode dataset of <paramref name="areas"/> areas (Coventry, Leicester, Warwickshire, then synthetic ones).</summary>
    public static Dataset National(int areas)
    {
        lock (Generated)
        {
            if (!Generated.TryGetValue(areas, out var dataset))
            {
                dataset = SyntheticDatasetGenerator.Generate(SyntheticOptions.National(Seed, areas) with { Programmes = Programmes() });
                Generated[areas] = dataset;
            }
            return dataset;
        }
    }

    /// <summary>The local programmes the repository's plugins declare, as the console passes them to the generator.</summary>
    private static System.Collections.Immutable.ImmutableArray<LocalProgrammeModel> Programmes()
    {
        var local = Path.Combine(AppContext.BaseDirectory, "plugins");
        var folder = Directory.Exists(local) ? local
            : typeof(Datasets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PluginsDirectory").Value!;
        return LocalProgrammeModel.FromRegistry(new YouthJusticeRegistry(PluginCatalog.LoadFrom(folder), []));
    }

    /// <summary>Writes the dataset as a CSV folder under the temp directory and returns the folder.</summary>
    public static string WriteFolder(Dataset dataset, string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "yj-bench-" + name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        DatasetExporter.WriteFolder(dataset, folder);
        return folder;
    }
}
