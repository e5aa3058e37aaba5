using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using Parquet;
using Parquet.Schema;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Internal;
using YouthJustice.Sdk.IO;

namespace YouthJustice.Sdk.Snapshots;

/// <summary>
/// A binary snapshot of an imported dataset: a folder holding the dataset's <c>manifest.csv</c> and one Apache Parquet
/// file per entity (<c>children.parquet</c>, <c>offences.parquet</c>, …) with the same columns, in the same order, as
/// the CSV format (see <c>docs/snapshot.md</c>). It reloads several times faster than the CSV folder imports, and the same
/// files can be read by DuckDB, Spark or pandas.
/// </summary>
/// <remarks>
/// <para>A snapshot holds the records an import accepted, so loading one does not validate rows again: it is the
/// import's result stored, not new input. Outcome type and programme codes are resolved through
/// <see cref="ImportOptions.Vocabulary"/>: a code no loaded plugin declares is an error naming the file, row and field,
/// and the load fails.</para>
/// <para>Files are read in parallel. Methods are thread-safe; each call is independent.</para>
/// </remarks>
public static class DatasetSnapshot
{
    /// <summary>The file extension of a snapshot's entity files.</summary>
    public const string Extension = ".parquet";

    /// <summary>Whether <paramref name="path"/> is a snapshot folder (it has <c>children.parquet</c>).</summary>
    public static bool IsSnapshot(string? path) =>
        path is not null && File.Exists(Path.Combine(path, FileName(DatasetSchema.Children)));

    internal static string FileName(EntitySchema schema) => Path.ChangeExtension(schema.FileName, Extension);

    /// <summary>Writes <paramref name="dataset"/> as a snapshot folder, replacing the entity files of an earlier one.</summary>
    /// <param name="dataset">The dataset (normally the result of an import).</param>
    /// <param name="path">The folder; created when missing.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank.</exception>
    public static void Write(Dataset dataset, string path)
    {
        Preconditions.CheckNotNull(dataset, nameof(dataset));
        Preconditions.CheckNotBlank(path, nameof(path));
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, DatasetFormat.ManifestFileName),
            string.Create(CultureInfo.InvariantCulture, $"{DatasetFormat.FormatVersionField},{DatasetFormat.AsOfField}\n{DatasetFormat.CurrentVersion},{RowParser.FormatDate(dataset.AsOf)}\n"));
        Parallel.ForEach(DatasetSchema.All, schema => WriteEntityAsync(dataset, schema, Path.Combine(path, FileName(schema))).GetAwaiter().GetResult());
    }

    /// <summary>The Parquet field of a column: text, codes, lists and decimals as strings (decimals keep their digits as
    /// written), dates as DATE, whole numbers as INT32, booleans as BOOLEAN; every field nullable.</summary>
    internal static DataField Field(ColumnSpec column) => column.Kind switch
    {
        ColumnKind.Date => new DataField<DateOnly?>(column.Name),
        ColumnKind.Integer => new DataField<int?>(column.Name),
        ColumnKind.Boolean => new DataField<bool?>(column.Name),
        _ => new DataField<string>(column.Name, true),
    };

    private static async Task WriteEntityAsync(Dataset dataset, EntitySchema schema, string file)
    {
        var rows = DatasetExporter.Rows(dataset, schema.Entity).ToList();
        var fields = schema.Columns.Select(Field).ToArray();
        var stream = File.Create(file);
        await using (stream.ConfigureAwait(false))
        {
            var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                using var group = writer.CreateRowGroup();
                for (var c = 0; c < fields.Length; c++)
                {
                    switch (schema.Columns[c].Kind)
                    {
                        case ColumnKind.Date:
                            var dates = new DateOnly?[rows.Count];
                            for (var r = 0; r < rows.Count; r++)
                            {
                                dates[r] = rows[r][c] is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
                            }
                            await group.WriteAsync<DateOnly>(fields[c], dates).ConfigureAwait(false);
                            break;
                        case ColumnKind.Integer:
                            var ints = new int?[rows.Count];
                            for (var r = 0; r < rows.Count; r++)
                            {
                                ints[r] = rows[r][c] is { } i ? int.Parse(i, CultureInfo.InvariantCulture) : null;
                            }
                            await group.WriteAsync<int>(fields[c], ints).ConfigureAwait(false);
                            break;
                        case ColumnKind.Boolean:
                            var bools = new bool?[rows.Count];
                            for (var r = 0; r < rows.Count; r++)
                            {
                                bools[r] = rows[r][c] is { } b ? b == "true" : null;
                            }
                            await group.WriteAsync<bool>(fields[c], bools).ConfigureAwait(false);
                            break;
                        default:
                            var texts = new string[rows.Count];
                            for (var r = 0; r < rows.Count; r++)
                            {
                                texts[r] = rows[r][c]!;
                            }
                            await group.WriteAsync(fields[c], texts).ConfigureAwait(false);
                            break;
                    }
                }
            }
        }
    }

    /// <summary>Loads a snapshot folder written by <see cref="Write"/>.</summary>
    /// <param name="path">The folder.</param>
    /// <param name="options">Only <see cref="ImportOptions.Vocabulary"/> is used; <see langword="null"/> for the defaults.</param>
    /// <returns>The dataset and a report (every file read = accepted, nothing rejected), or a failed result whose report
    /// says what could not be read, with the file, row and field.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static ImportResult Load(string path, ImportOptions? options = null)
    {
        Preconditions.CheckNotBlank(path, nameof(path));
        options ??= ImportOptions.Default;
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"The snapshot folder '{path}' does not exist.");
        }
        var errors = new ConcurrentQueue<ImportError>();
        var asOf = ReadManifest(path, errors);
        var tables = new Table?[DatasetSchema.All.Length];
        if (asOf is not null)
        {
            Parallel.For(0, DatasetSchema.All.Length, i =>
            {
                var schema = DatasetSchema.All[i];
                var file = Path.Combine(path, FileName(schema));
                if (File.Exists(file))
                {
                    tables[i] = ReadTableAsync(schema, file, errors).GetAwaiter().GetResult();
                }
                else if (schema == DatasetSchema.Children)
                {
                    errors.Enqueue(new ImportError(FileName(schema), null, null, null, null, "the required file is missing"));
                }
            });
        }
        Dataset? dataset = null;
        if (errors.IsEmpty && asOf is { } date)
        {
            var builder = new Builder(tables, options.Vocabulary, errors);
            dataset = builder.Build(date);
        }
        var files = DatasetSchema.All.Select((schema, i) => new ImportFileReport
        {
            Entity = schema.Entity,
            File = FileName(schema),
            Present = tables[i] is not null,
            Read = tables[i]?.Rows ?? 0,
            Accepted = tables[i]?.Rows ?? 0,
            Rejected = 0,
        }).ToList();
        var ordered = errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ToList();
        var ok = ordered.Count == 0 && dataset is not null;
        return new ImportResult(ok ? dataset : null, new ImportReport(path, options.Policy, ok, files, ordered, []));
    }

    private static LocalDate? ReadManifest(string folder, ConcurrentQueue<ImportError> errors)
    {
        var file = Path.Combine(folder, DatasetFormat.ManifestFileName);
        if (!File.Exists(file))
        {
            errors.Enqueue(new ImportError(DatasetFormat.ManifestFileName, null, null, null, null, "the required manifest is missing"));
            return null;
        }
        var lines = File.ReadAllLines(file);
        var values = lines.Length >= 2 ? lines[1].Split(',') : [];
        if (lines.Length < 2 || lines[0] != $"{DatasetFormat.FormatVersionField},{DatasetFormat.AsOfField}" || values.Length != 2
            || values[0] != DatasetFormat.CurrentVersion.ToString(CultureInfo.InvariantCulture) || !RowParser.TryParseIsoDate(values[1], out var asOf))
        {
            errors.Enqueue(new ImportError(DatasetFormat.ManifestFileName, 2, null, null, null,
                $"expected {DatasetFormat.FormatVersionField},{DatasetFormat.AsOfField} then {DatasetFormat.CurrentVersion} and a date yyyy-MM-dd"));
            return null;
        }
        return asOf;
    }

    /// <summary>One entity file's columns, typed by <see cref="ColumnKind"/>; a column absent from the file is null.</summary>
    internal sealed class Table(EntitySchema schema, int rows)
    {
        public EntitySchema Schema { get; } = schema;

        public int Rows { get; } = rows;

        public Array?[] Columns { get; } = new Array?[schema.Columns.Count];

        public string? Text(int column, int row) => ((string?[]?)Columns[column])?[row] is { Length: > 0 } s ? s : null;

        public DateOnly? Date(int column, int row) => ((DateOnly?[]?)Columns[column])?[row];

        public int? Int(int column, int row) => ((int?[]?)Columns[column])?[row];

        public bool? Bool(int column, int row) => ((bool?[]?)Columns[column])?[row];
    }

    private static async Task<Table?> ReadTableAsync(EntitySchema schema, string file, ConcurrentQueue<ImportError> errors)
    {
        var name = FileName(schema);
        var stream = File.OpenRead(file);
        await using (stream.ConfigureAwait(false))
        {
            ParquetReader reader;
            try
            {
                reader = await ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true }).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Any failure to read the file is reported against it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                errors.Enqueue(new ImportError(name, null, null, null, null, $"not a readable Parquet file: {ex.Message}"));
                return null;
            }
            await using (reader.ConfigureAwait(false))
            {
                var fields = reader.Schema.GetDataFields();
                long total = 0;
                for (var g = 0; g < reader.RowGroupCount; g++)
                {
                    total += reader.RowGroups[g].RowCount;
                }
                var table = new Table(schema, checked((int)total));
                for (var c = 0; c < schema.Columns.Count; c++)
                {
                    var spec = schema.Columns[c];
                    var field = Array.Find(fields, f => f.Name == spec.Name);
                    if (field is null)
                    {
                        if (spec.Required)
                        {
                            errors.Enqueue(new ImportError(name, null, null, spec.Name, null, $"required column '{spec.Name}' is missing"));
                        }
                        continue;
                    }
                    var expected = Field(spec);
                    if (field.ClrType != expected.ClrType)
                    {
                        errors.Enqueue(new ImportError(name, null, null, spec.Name, null,
                            $"column '{spec.Name}' holds {field.ClrType.Name} values, expected {expected.ClrType.Name}"));
                        continue;
                    }
                    table.Columns[c] = await ReadColumnAsync(reader, field, spec.Kind, table.Rows).ConfigureAwait(false);
                }
                return table;
            }
        }
    }

    private static async Task<Array> ReadColumnAsync(ParquetReader reader, DataField field, ColumnKind kind, int rows)
    {
        Array values = kind switch
        {
            ColumnKind.Date => new DateOnly?[rows],
            ColumnKind.Integer => new int?[rows],
            ColumnKind.Boolean => new bool?[rows],
            _ => new string?[rows],
        };
        var at = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = checked((int)group.RowCount);
            switch (values)
            {
                case DateOnly?[] dates:
                    await group.ReadAsync<DateOnly>(field, dates.AsMemory(at, n)).ConfigureAwait(false);
                    break;
                case int?[] ints:
                    await group.ReadAsync<int>(field, ints.AsMemory(at, n)).ConfigureAwait(false);
                    break;
                case bool?[] bools:
                    await group.ReadAsync<bool>(field, bools.AsMemory(at, n)).ConfigureAwait(false);
                    break;
                case string?[] texts:
                    await group.ReadAsync(field, texts.AsMemory(at, n)!).ConfigureAwait(false);
                    break;
            }
            at += n;
        }
        return values;
    }
}
