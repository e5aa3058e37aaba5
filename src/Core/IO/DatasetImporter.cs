using NodaTime;
using System.Text.Json;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Internal;

namespace YouthJustice.Sdk.IO;

/// <summary>
/// Imports a dataset from a folder of CSV files or from one JSON document, validating every record
/// (see <c>docs/data-format.md</c> for the format and the rules).
/// </summary>
/// <remarks>
/// <para>CSV files are streamed record by record straight into domain records: only the records themselves and hash
/// lookups of ids are held, never the raw rows. Parsing is culture-invariant; the result never depends on the
/// machine's culture or time zone.</para>
/// <para>Bad data never throws: it is reported in <see cref="ImportResult.Report"/>. Only bad arguments and I/O failures
/// (e.g. the folder does not exist) throw. Methods are thread-safe; each call is independent.</para>
/// </remarks>
public static class DatasetImporter
{
    /// <summary>Imports a dataset folder: <c>manifest.csv</c>, <c>children.csv</c> and the optional files.</summary>
    /// <param name="path">The folder.</param>
    /// <param name="options">Policy, vocabulary, rejects directory and extra rules; <see langword="null"/> for <see cref="ImportOptions.Default"/>.</param>
    /// <returns>The dataset (unless the import failed) and the report.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static ImportResult ImportFolder(string path, ImportOptions? options = null) =>
        ImportFolderCore(path, options, DefaultParallelFiles);

    /// <summary>How many CSV files an import converts at once: one per core, up to four. On one core, one file after
    /// another, each tokenised a batch ahead on a second thread (see <see cref="PrefetchingRowSource"/>).</summary>
    /// <remarks>On two cores, two, three and four at once took the same time (national scale); more than one file at a
    /// time is 0.5-1 s shorter than one file with its tokenising thread.</remarks>
    internal static int DefaultParallelFiles => Math.Min(Environment.ProcessorCount, 4);

    /// <summary>As <see cref="ImportFolder(string, ImportOptions?)"/>, converting at most <paramref name="parallelFiles"/>
    /// files at once (1: one after another); the result is the same whatever the number.</summary>
    internal static ImportResult ImportFolderCore(string path, ImportOptions? options, int parallelFiles)
    {
        Preconditions.CheckNotBlank(path, nameof(path));
        options ??= ImportOptions.Default;
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"The dataset folder '{path}' does not exist.");
        }
        var session = new ImportSession(path, options);
        var asOf = ReadManifest(session, path);
        if (asOf is null)
        {
            return session.Fail();
        }
        var childrenPath = Path.Combine(path, DatasetSchema.Children.FileName);
        if (Directory.Exists(childrenPath))
        {
            session.FatalError(DatasetSchema.Children.FileName, null, "the required file is a folder, not a file");
            return session.Fail();
        }
        if (!File.Exists(childrenPath))
        {
            session.FatalError(DatasetSchema.Children.FileName, null, "the required file is missing");
            return session.Fail();
        }
        using (var probe = new CsvRowSource(DatasetSchema.Children, childrenPath))
        {
            if (probe.RejectHeader.Count == 0)
            {
                // 0 bytes, a byte order mark or blank lines only: no header, so no children, which is as good as missing.
                session.FatalError(DatasetSchema.Children.FileName, 1,
                    $"the required file is empty: expected a header line with the columns {string.Join(",", DatasetSchema.Children.Names)}");
                return session.Fail();
            }
        }
        return session.Run(asOf.Value, (schema, errors, readAhead) =>
        {
            var file = Path.Combine(path, schema.FileName);
            if (Directory.Exists(file))
            {
                errors.Add(new ImportError(schema.FileName, null, null, null, null, "is a folder, not a file; read as empty"));
                return null;
            }
            if (!File.Exists(file))
            {
                return null;
            }
            // Tokenised a batch ahead on a second thread while this one converts and validates (see PrefetchingRowSource),
            // unless other files are converted meanwhile.
            var source = new CsvRowSource(schema, file, session.HeldReferences(schema));
            return !readAhead || (source.FileErrors.Count > 0 && source.RejectHeader.Count == 0)
                ? source
                : new PrefetchingRowSource(source, keepRejectValues: options.Policy == ImportPolicy.Lenient && options.RejectsDirectory is not null);
        }, schema => File.Exists(Path.Combine(path, schema.FileName)), DatasetSchema.All.Sum(schema => new FileInfo(Path.Combine(path, schema.FileName)) is { Exists: true } f ? f.Length : 0), parallelFiles);
    }

    /// <summary>Imports a JSON dataset document from a file.</summary>
    /// <param name="path">The JSON file.</param>
    /// <param name="options">As for <see cref="ImportFolder"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static ImportResult ImportJson(string path, ImportOptions? options = null)
    {
        Preconditions.CheckNotBlank(path, nameof(path));
        using var stream = File.OpenRead(path);
        return ImportJson(stream, options, Path.GetFileName(path));
    }

    /// <summary>Imports a JSON dataset document from a stream (read to its end; not closed).</summary>
    /// <param name="stream">The UTF-8 JSON document.</param>
    /// <param name="options">As for <see cref="ImportFolder"/>.</param>
    /// <param name="name">The name errors are reported against.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public static ImportResult ImportJson(Stream stream, ImportOptions? options = null, string name = DatasetFormat.JsonFileName)
    {
        Preconditions.CheckNotNull(stream, nameof(stream));
        Preconditions.CheckNotBlank(name, nameof(name));
        options ??= ImportOptions.Default;
        var session = new ImportSession(name, options, json: true);
        JsonDocument document;
        try
        {
            // A property given twice is refused rather than letting the last one win silently.
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            session.FatalError(name, ex.LineNumber is { } line ? (int)line + 1 : null, $"not valid JSON: {ex.Message}");
            return session.Fail();
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                session.FatalError(name, null, "the document must be a JSON object with format_version, as_of and one array per entity");
                return session.Fail();
            }
            var asOf = ReadJsonManifest(session, name, root);
            if (asOf is null)
            {
                return session.Fail();
            }
            if (!root.TryGetProperty(DatasetSchema.Children.JsonName, out _))
            {
                session.FatalError(name, null, $"the required array '{DatasetSchema.Children.JsonName}' is missing");
                return session.Fail();
            }
            // One file after another: the arrays of one document are read on this thread.
            return session.Run(asOf.Value, (schema, errors, _) =>
            {
                if (!root.TryGetProperty(schema.JsonName, out var array) || array.ValueKind == JsonValueKind.Null)
                {
                    return null;
                }
                if (array.ValueKind != JsonValueKind.Array)
                {
                    errors.Add(new ImportError(name, null, schema.JsonName, null, null, "must be an array of objects; read as empty"));
                    return null;
                }
                return new JsonRowSource(schema, name, array);
            }, schema => root.TryGetProperty(schema.JsonName, out var array) && array.ValueKind != JsonValueKind.Null);
        }
    }

    private static LocalDate? ReadManifest(ImportSession session, string folder)
    {
        var schema = DatasetSchema.Manifest;
        var path = Path.Combine(folder, DatasetFormat.ManifestFileName);
        if (Directory.Exists(path))
        {
            session.FatalError(DatasetFormat.ManifestFileName, null, "the required manifest is a folder, not a file");
            return null;
        }
        if (!File.Exists(path))
        {
            session.FatalError(DatasetFormat.ManifestFileName, null,
                "the required manifest is missing: it gives the format version and the dataset's as-of date");
            return null;
        }
        using var source = new CsvRowSource(schema, path);
        foreach (var error in source.FileErrors)
        {
            session.Error(error);
        }
        if (!source.MoveNext())
        {
            session.FatalError(source.File, null, "the manifest has no data line: expected format_version,as_of then one line of values");
            return null;
        }
        var line = source.Line;
        LocalDate? asOf = CheckManifest(session, source.File, line, null, source.Cells[0], source.Cells[1]);
        foreach (var problem in source.Problems)
        {
            session.Error(new ImportError(source.File, line, null, problem.Field, problem.Value, problem.Reason));
            asOf = null;
        }
        if (source.MoveNext())
        {
            session.Error(new ImportError(source.File, source.Line, null, null, null, "the manifest must have exactly one data line"));
            asOf = null;
        }
        return session.HasErrors ? null : asOf;
    }

    private static LocalDate? ReadJsonManifest(ImportSession session, string name, JsonElement root)
    {
        string? Text(string property) =>
            root.TryGetProperty(property, out var value) ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Null => null,
                _ => value.GetRawText(),
            } : null;

        foreach (var property in root.EnumerateObject())
        {
            if (property.Name is not (DatasetFormat.FormatVersionField or DatasetFormat.AsOfField)
                && Array.FindIndex(DatasetSchema.All, s => s.JsonName == property.Name) < 0)
            {
                session.Error(new ImportError(name, null, property.Name, property.Name, null, "unknown top-level field; it is ignored"));
            }
        }
        // Unknown top-level fields are reported but do not stop a lenient import; only a bad manifest does.
        return CheckManifest(session, name, null, "$", Text(DatasetFormat.FormatVersionField), Text(DatasetFormat.AsOfField));
    }

    private static LocalDate? CheckManifest(ImportSession session, string file, int? line, string? position, string? version, string? asOfText)
    {
        var ok = true;
        if (version != "1")
        {
            session.Error(new ImportError(file, line, position, DatasetFormat.FormatVersionField, version,
                version is null ? "is required" : $"unsupported format version: this SDK reads version {DatasetFormat.CurrentVersion}"));
            ok = false;
        }
        if (asOfText is null || !RowParser.TryParseIsoDate(asOfText, out var asOf))
        {
            session.Error(new ImportError(file, line, position, DatasetFormat.AsOfField, asOfText,
                asOfText is null ? "is required" : "is not a real date in ISO 8601 form yyyy-MM-dd"));
            return null;
        }
        return ok ? asOf : null;
    }
}
