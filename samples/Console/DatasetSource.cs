using System.Reflection;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Snapshots;

namespace YouthJustice.Sdk.Samples.Console;

/// <summary>Where a command's dataset comes from: a CSV folder, a JSON document, or the sample embedded in this executable.</summary>
internal static class DatasetSource
{
    private const string SamplePrefix = "SampleData/";

    /// <summary>The seed and preset the embedded sample was generated with (see <c>SampleData/README.md</c>).</summary>
    public const int SampleSeed = 2023;

    /// <summary>A short description of where the data came from, for report headings.</summary>
    public static string Describe(string? path) => path is null ? "embedded sample dataset (synthetic, Coventry-shaped)" : path;

    /// <summary>Imports the dataset at <paramref name="path"/> (a CSV folder, a .json file or a snapshot folder written by
    /// <c>yj import --to</c>), or the embedded sample when null.</summary>
    public static ImportResult Import(string? path, ImportOptions options)
    {
        if (path is null)
        {
            return ImportEmbeddedSample(options);
        }
        if (DatasetSnapshot.IsSnapshot(path))
        {
            return DatasetSnapshot.Load(path, options);
        }
        return File.Exists(path) && path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? DatasetImporter.ImportJson(path, options)
            : DatasetImporter.ImportFolder(path, options);
    }

    private static ImportResult ImportEmbeddedSample(ImportOptions options)
    {
        // The importer reads folders; the sample is unpacked to a private temporary folder and removed afterwards.
        var folder = Directory.CreateTempSubdirectory("yj-sample-");
        try
        {
            var assembly = Assembly.GetExecutingAssembly();
            var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(SamplePrefix, StringComparison.Ordinal)).ToList();
            if (names.Count == 0)
            {
                throw new InvalidOperationException("The embedded sample dataset is missing from this build of yj.");
            }
            foreach (var name in names)
            {
                using var resource = assembly.GetManifestResourceStream(name)!;
                using var file = File.Create(Path.Combine(folder.FullName, name[SamplePrefix.Length..]));
                resource.CopyTo(file);
            }
            return DatasetImporter.ImportFolder(folder.FullName, options);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Counts of each kind of record, for the dataset summary.</summary>
    public static IReadOnlyList<(string Kind, long Count)> Summarise(Dataset d) =>
    [
        ("areas", d.Areas.Count), ("children", d.Children.Count), ("offences", d.Offences.Count), ("outcomes", d.Outcomes.Count),
        ("programme episodes", d.Episodes.Count), ("pathway events", d.PathwayEvents.Count), ("links", d.Links.Count),
        ("assessments", d.Assessments.Count), ("status observations", d.StatusObservations.Count),
        ("victim contacts", d.VictimContacts.Count), ("board attendances", d.BoardAttendances.Count),
        ("population estimates", d.Populations.Count), ("reference populations", d.ReferencePopulations.Count),
        ("case events", d.CaseEvents.Count), ("feedback requests", d.Feedback.Count),
    ];
}
