using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Synthetic;

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
                dataset = SyntheticDatasetGenerator.Generate(SyntheticOptions.National(Seed, areas));
                Generated[areas] = dataset;
            }
            return dataset;
        }
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
