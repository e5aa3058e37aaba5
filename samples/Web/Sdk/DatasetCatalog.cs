using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Samples.Web.Store;

namespace YouthJustice.Sdk.Samples.Web.Sdk;

/// <summary>A dataset the web can report on: the embedded sample (<c>sample</c>) or an uploaded one (its store id).</summary>
/// <param name="Id">The id in URLs.</param>
/// <param name="Label">A description for headings.</param>
/// <param name="Dataset">The imported dataset.</param>
/// <param name="Report">Its import report.</param>
public sealed record LoadedDataset(string Id, string Label, Dataset Dataset, ImportReport Report);

/// <summary>An upload that the store refused before import: why, and which field of the request.</summary>
public sealed class UploadRejectedException(string field, string message) : Exception(message)
{
    /// <summary>The request field at fault.</summary>
    public string Field { get; } = field;
}

/// <summary>The datasets: the embedded sample and every uploaded one, imported once and kept in memory.</summary>
public sealed class DatasetCatalog(WebStore store, IYouthJusticeRegistry registry)
{
    /// <summary>The embedded sample's id.</summary>
    public const string SampleId = "sample";

    /// <summary>The most entries an uploaded zip may hold.</summary>
    public const int MaxZipEntries = 64;

    /// <summary>The most bytes an uploaded zip may expand to.</summary>
    public const long MaxUncompressedBytes = 512L * 1024 * 1024;

    private const string SamplePrefix = "SampleData/";
    private readonly ConcurrentDictionary<string, Lazy<LoadedDataset?>> _loaded = new(StringComparer.Ordinal);

    /// <summary>The dataset with <paramref name="id"/>, or <see langword="null"/> when there is none or its import failed.</summary>
    public LoadedDataset? Find(string id) => _loaded.GetOrAdd(id, key => new Lazy<LoadedDataset?>(() => Load(key))).Value;

    private LoadedDataset? Load(string id)
    {
        if (id == SampleId)
        {
            var sample = ImportSample();
            return sample.Dataset is null ? null : new LoadedDataset(SampleId, "Embedded sample dataset (synthetic, Coventry-shaped)", sample.Dataset, sample.Report);
        }
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key) || store.Dataset(key) is not { Succeeded: true } stored)
        {
            return null;
        }
        var result = Import(stored.Name, stored.Kind, store.DatasetContent(key)!);
        return result.Dataset is null ? null : new LoadedDataset(id, $"{stored.Name} (uploaded {stored.UploadedAt} by {stored.UploadedBy})", result.Dataset, result.Report);
    }

    /// <summary>Imports an uploaded file (strict policy: nothing loads if anything is wrong) and stores it with its report.</summary>
    /// <exception cref="UploadRejectedException">The file is not a zip or a JSON document, or the zip is unsafe to unpack.</exception>
    public (StoredDataset Stored, ImportResult Result) Upload(string fileName, byte[] content, string uploadedBy)
    {
        var kind = KindOf(fileName, content);
        var result = Import(fileName, kind, content);
        var id = store.AddDataset(Path.GetFileName(fileName), kind, content, uploadedBy, result.Succeeded,
            result.Dataset?.AsOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), JsonSerializer.Serialize(ImportReportView.From(result.Report, Path.GetFileName(fileName)), WebJson.Options));
        var stored = store.Dataset(id)!;
        if (result.Dataset is not null)
        {
            var key = id.ToString(CultureInfo.InvariantCulture);
            _loaded[key] = new Lazy<LoadedDataset?>(new LoadedDataset(key, $"{stored.Name} (uploaded {stored.UploadedAt} by {stored.UploadedBy})", result.Dataset, result.Report));
        }
        return (stored, result);
    }

    private static string KindOf(string fileName, byte[] content)
    {
        if (content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4)
        {
            return "zip";
        }
        var first = content.SkipWhile(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF).FirstOrDefault();
        if (first == '{')
        {
            return "json";
        }
        throw new UploadRejectedException("file", $"'{Path.GetFileName(fileName)}' is neither a zip of the dataset's CSV folder nor a JSON dataset document.");
    }

    private ImportResult Import(string fileName, string kind, byte[] content)
    {
        var options = registry.CreateImportOptions(ImportPolicy.Strict);
        if (kind == "json")
        {
            using var stream = new MemoryStream(content, writable: false);
            return DatasetImporter.ImportJson(stream, options, Path.GetFileName(fileName));
        }
        var folder = Directory.CreateTempSubdirectory("yj-web-upload-");
        try
        {
            Unzip(content, folder.FullName);
            return DatasetImporter.ImportFolder(folder.FullName, options);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Unpacks the CSV files of a zip into <paramref name="folder"/>, flat (a single top folder in the zip is allowed),
    /// refusing more than <see cref="MaxZipEntries"/> entries, more than <see cref="MaxUncompressedBytes"/> in all, and
    /// two entries with one file name.</summary>
    private static void Unzip(byte[] content, string folder)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw new UploadRejectedException("file", "The zip cannot be read: " + ex.Message);
        }
        using (archive)
        {
            var files = archive.Entries.Where(e => e.Name.Length > 0).ToList();
            if (files.Count > MaxZipEntries)
            {
                throw new UploadRejectedException("file", string.Create(CultureInfo.InvariantCulture, $"The zip holds {files.Count} files; a dataset has at most {MaxZipEntries}."));
            }
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            long total = 0;
            foreach (var entry in files)
            {
                if (!seen.Add(entry.Name))
                {
                    throw new UploadRejectedException("file", $"The zip holds two files named '{entry.Name}'.");
                }
                total += entry.Length;
                if (total > MaxUncompressedBytes)
                {
                    throw new UploadRejectedException("file", string.Create(CultureInfo.InvariantCulture, $"The zip expands to more than {MaxUncompressedBytes / (1024 * 1024)} MiB."));
                }
                // The entry's own name only: no path from the zip reaches the file system.
                entry.ExtractToFile(Path.Combine(folder, entry.Name));
            }
        }
    }

    private static ImportResult ImportSample()
    {
        var folder = Directory.CreateTempSubdirectory("yj-web-sample-");
        try
        {
            var assembly = Assembly.GetExecutingAssembly();
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(SamplePrefix, StringComparison.Ordinal)))
            {
                using var resource = assembly.GetManifestResourceStream(name)!;
                using var file = File.Create(Path.Combine(folder.FullName, name[SamplePrefix.Length..]));
                resource.CopyTo(file);
            }
            return DatasetImporter.ImportFolder(folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The embedded sample's report input file (<c>comparators.csv</c> or <c>targets.csv</c>), seeded into the store on first start.</summary>
    public static string SampleInput(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SampleComparators/" + name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
