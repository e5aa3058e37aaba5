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
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank, or the dataset was imported without some
    /// tables (<see cref="Dataset.TablesNotRead"/>).</exception>
    public static void Write(Dataset dataset, string path) => Write(dataset, path, RowGroupRows);

    /// <summary>Writes with <paramref name="rowGroupRows"/> rows to a row group (tests use small ones).</summary>
    internal static void Write(Dataset dataset, string path, int rowGroupRows)
    {
        Preconditions.CheckNotNull(dataset, nameof(dataset));
        Preconditions.CheckNotBlank(path, nameof(path));
        DatasetFormat.CheckHasEveryTable(dataset, nameof(dataset));
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, DatasetFormat.ManifestFileName),
            string.Create(CultureInfo.InvariantCulture, $"{DatasetFormat.FormatVersionField},{DatasetFormat.AsOfField}\n{DatasetFormat.CurrentVersion},{RowParser.FormatDate(dataset.AsOf)}\n"));
        Parallel.ForEach(DatasetSchema.All, schema => WriteEntityAsync(dataset, schema, Path.Combine(path, FileName(schema)), rowGroupRows).GetAwaiter().GetResult());
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

    /// <summary>Rows per row group. A loader reads and converts one row group at a time, so the reader's own buffers (a
    /// small array per text value, in Parquet.Net) die young instead of surviving a whole file; 65,536 rows keep the
    /// files as small and as fast for DuckDB as one row group.</summary>
    internal const int RowGroupRows = 65_536;

    private static async Task WriteEntityAsync(Dataset dataset, EntitySchema schema, string file, int rowGroupRows)
    {
        var rows = DatasetExporter.Rows(dataset, schema.Entity).ToList();
        var fields = schema.Columns.Select(Field).ToArray();
        var stream = File.Create(file);
        await using (stream.ConfigureAwait(false))
        {
            var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                var size = Math.Max(1, rowGroupRows);
                // An empty file still has its one (empty) row group, so its columns are there to read.
                for (var start = 0; start == 0 || start < rows.Count; start += size)
                {
                    var count = Math.Min(size, rows.Count - start);
                    using var group = writer.CreateRowGroup();
                    for (var c = 0; c < fields.Length; c++)
                    {
                        await WriteColumnAsync(group, fields[c], schema.Columns[c].Kind, rows, start, count, c).ConfigureAwait(false);
                    }
                }
            }
        }
    }

    private static async Task WriteColumnAsync(ParquetRowGroupWriter group, DataField field, ColumnKind kind, List<string?[]> rows, int start, int count, int c)
    {
        switch (kind)
        {
            case ColumnKind.Date:
                var dates = new DateOnly?[count];
                for (var r = 0; r < count; r++)
                {
                    dates[r] = rows[start + r][c] is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
                }
                await group.WriteAsync<DateOnly>(field, dates).ConfigureAwait(false);
                break;
            case ColumnKind.Integer:
                var ints = new int?[count];
                for (var r = 0; r < count; r++)
                {
                    ints[r] = rows[start + r][c] is { } i ? int.Parse(i, CultureInfo.InvariantCulture) : null;
                }
                await group.WriteAsync<int>(field, ints).ConfigureAwait(false);
                break;
            case ColumnKind.Boolean:
                var bools = new bool?[count];
                for (var r = 0; r < count; r++)
                {
                    bools[r] = rows[start + r][c] is { } b ? b == "true" : null;
                }
                await group.WriteAsync<bool>(field, bools).ConfigureAwait(false);
                break;
            default:
                var texts = new string[count];
                for (var r = 0; r < count; r++)
                {
                    texts[r] = rows[start + r][c]!;
                }
                await group.WriteAsync(field, texts).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Loads a snapshot folder written by <see cref="Write(Dataset, string)"/>.</summary>
    /// <param name="path">The folder.</param>
    /// <param name="options">Only <see cref="ImportOptions.Vocabulary"/> is used (a snapshot is loaded whole, whatever
    /// <see cref="ImportOptions.Tables"/> says); <see langword="null"/> for the defaults.</param>
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
        try
        {
            if (asOf is not null)
            {
                // Every file is opened and its columns checked first, so that every missing or mistyped column is reported;
                // the rows are read only once every file is known to be readable.
                Parallel.For(0, DatasetSchema.All.Length, i =>
                {
                    var schema = DatasetSchema.All[i];
                    var file = Path.Combine(path, FileName(schema));
                    if (File.Exists(file))
                    {
                        tables[i] = OpenTableAsync(schema, file, errors).GetAwaiter().GetResult();
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
        finally
        {
            foreach (var table in tables)
            {
                table?.Dispose();
            }
        }
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

    /// <summary>One entity file, open, read one row group at a time: <see cref="Columns"/> hold the current row group's
    /// columns, typed by <see cref="ColumnKind"/> (a column absent from the file is null).</summary>
    /// <remarks>Text is read as spans of the reader's buffers, not strings, and made into a string only through
    /// <see cref="Strings"/>: the loader shares one string among equal codes and texts, and a reference (a child's id in
    /// an offence) is the referenced record's own id string, as the CSV import shares them.</remarks>
    internal sealed class Table(EntitySchema schema, int rows, ParquetReader reader, Stream stream, DataField?[] fields) : IDisposable
    {
        private int[] _levels = [];
        private ReadOnlyMemory<char>[] _values = [];

        public EntitySchema Schema { get; } = schema;

        /// <summary>Rows in the whole file.</summary>
        public int Rows { get; } = rows;

        /// <summary>The current row group's columns.</summary>
        public Array?[] Columns { get; } = new Array?[schema.Columns.Count];

        /// <summary>The first row of the current row group, in the file.</summary>
        public int RowOffset { get; private set; }

        /// <summary>Rows in the current row group.</summary>
        public int GroupRows { get; private set; }

        /// <summary>How each text column's values become strings; set by the loader before the rows are read.</summary>
        public Func<ReadOnlySpan<char>, string>[] Strings { get; } = new Func<ReadOnlySpan<char>, string>[schema.Columns.Count];

        /// <summary>A text cell; empty when the cell is empty or null (the CSV format does not tell them apart).</summary>
        public ReadOnlySpan<char> Span(int column, int row) => Columns[column] is ReadOnlyMemory<char>[] texts ? texts[row].Span : default;

        public string? Text(int column, int row) => Span(column, row) is { IsEmpty: false } span ? Strings[column](span) : null;

        public DateOnly? Date(int column, int row) => ((DateOnly?[]?)Columns[column])?[row];

        public int? Int(int column, int row) => ((int?[]?)Columns[column])?[row];

        public bool? Bool(int column, int row) => ((bool?[]?)Columns[column])?[row];

        /// <summary>Reads each row group in turn into <see cref="Columns"/> and calls <paramref name="each"/> with it.</summary>
        public void ForEachRowGroup(Action<Table> each)
        {
            RowOffset = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                GroupRows = checked((int)group.RowCount);
                for (var c = 0; c < fields.Length; c++)
                {
                    if (fields[c] is { } field)
                    {
                        ReadColumnAsync(group, field, Schema.Columns[c].Kind, c).GetAwaiter().GetResult();
                    }
                }
                each(this);
                RowOffset += GroupRows;
            }
        }

        private async Task ReadColumnAsync(ParquetRowGroupReader group, DataField field, ColumnKind kind, int c)
        {
            var n = GroupRows;
            switch (kind)
            {
                case ColumnKind.Date:
                    var dates = Buffer<DateOnly?>(c, n);
                    await group.ReadAsync<DateOnly>(field, dates.AsMemory(0, n)).ConfigureAwait(false);
                    break;
                case ColumnKind.Integer:
                    var ints = Buffer<int?>(c, n);
                    await group.ReadAsync<int>(field, ints.AsMemory(0, n)).ConfigureAwait(false);
                    break;
                case ColumnKind.Boolean:
                    var bools = Buffer<bool?>(c, n);
                    await group.ReadAsync<bool>(field, bools.AsMemory(0, n)).ConfigureAwait(false);
                    break;
                default:
                    // Values come without the nulls, the definition levels say which rows have one.
                    var texts = Buffer<ReadOnlyMemory<char>>(c, n);
                    if (_levels.Length < n)
                    {
                        _levels = new int[n];
                        _values = new ReadOnlyMemory<char>[n];
                    }
                    if (field.MaxDefinitionLevel == 0)
                    {
                        // A column written as required (by another tool) has no nulls and no levels.
                        await group.ReadRawAsync<ReadOnlyMemory<char>>(field, texts.AsMemory(0, n), null, null).ConfigureAwait(false);
                        break;
                    }
                    await group.ReadRawAsync<ReadOnlyMemory<char>>(field, _values.AsMemory(0, n), _levels.AsMemory(0, n), null).ConfigureAwait(false);
                    var v = 0;
                    for (var r = 0; r < n; r++)
                    {
                        texts[r] = _levels[r] == 0 ? default : _values[v++];
                    }
                    break;
            }
        }

        private T[] Buffer<T>(int column, int rows)
        {
            if (Columns[column] is T[] buffer && buffer.Length >= rows)
            {
                return buffer;
            }
            var made = new T[rows];
            Columns[column] = made;
            return made;
        }

        public void Dispose()
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            stream.Dispose();
        }
    }

    private static async Task<Table?> OpenTableAsync(EntitySchema schema, string file, ConcurrentQueue<ImportError> errors)
    {
        var name = FileName(schema);
        var stream = File.OpenRead(file);
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true }).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure to read the file is reported against it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            errors.Enqueue(new ImportError(name, null, null, null, null, $"not a readable Parquet file: {ex.Message}"));
            return null;
        }
        var present = reader.Schema.GetDataFields();
        long total = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            total += reader.RowGroups[g].RowCount;
        }
        var fields = new DataField?[schema.Columns.Count];
        for (var c = 0; c < schema.Columns.Count; c++)
        {
            var spec = schema.Columns[c];
            var field = Array.Find(present, f => f.Name == spec.Name);
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
            fields[c] = field;
        }
        return new Table(schema, checked((int)total), reader, stream, fields);
    }
}
