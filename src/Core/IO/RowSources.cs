using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace YouthJustice.Sdk.IO;

/// <summary>A problem with one field (or, when <see cref="Field"/> is null, the whole record).</summary>
internal readonly record struct RowProblem(string? Field, string? Value, string Reason);

/// <summary>
/// Reads the records of one dataset file one at a time into <see cref="Cells"/>, one cell per schema column (null when
/// empty or absent), so that CSV and JSON go through the same conversion and validation code.
/// </summary>
internal abstract class RowSource : IDisposable
{
    protected RowSource(EntitySchema schema, string file, string displayName)
    {
        Schema = schema;
        File = file;
        DisplayName = displayName;
        Cells = new string?[schema.Columns.Count];
        HeldAt = new int[schema.Columns.Count];
        Array.Fill(HeldAt, -1);
    }

    public EntitySchema Schema { get; }

    /// <summary>The file errors are reported against.</summary>
    public string File { get; }

    /// <summary>How messages name this file, e.g. <c>children.csv</c> or <c>children in dataset.json</c>.</summary>
    public string DisplayName { get; }

    /// <summary>The current record's cells, in schema column order. Reused from record to record.</summary>
    public string?[] Cells { get; }

    /// <summary>By column, where the accepted record whose own id string the current cell holds is among the accepted
    /// records of its file (see <see cref="HeldText"/>), or -1: the converter then has the record without looking the id
    /// up again. Reused from record to record.</summary>
    public int[] HeldAt { get; }

    public int? Line { get; protected set; }

    public string? Position { get; protected set; }

    /// <summary>Problems found in the current record's structure (bad quoting, wrong field count, bad JSON value).</summary>
    public List<RowProblem> Problems { get; } = [];

    /// <summary>Problems with the file as a whole (its header), not tied to a record.</summary>
    public List<ImportError> FileErrors { get; } = [];

    /// <summary>The current record's location for messages, e.g. <c>line 7 of children.csv</c>.</summary>
    public string Where =>
        Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"line {line} of {File}") : $"{Position} in {File}";

    /// <summary>The column names of the rejects file (before the reject columns).</summary>
    public abstract IReadOnlyList<string> RejectHeader { get; }

    /// <summary>The first reject column: <c>reject_line</c> (CSV) or <c>reject_position</c> (JSON).</summary>
    public abstract string RejectLocationColumn { get; }

    /// <summary>The current record's values as they were read, for the rejects file.</summary>
    public abstract string[] RejectValues();

    public abstract bool MoveNext();

    /// <summary>How far into the file reading has got, in bytes (0 when not known, as for JSON).</summary>
    public virtual long BytesRead => 0;

    /// <summary>The size of the file in bytes (0 when not known, as for JSON).</summary>
    public virtual long Length => 0;

    public abstract void Dispose();
}

/// <summary>The string already held for a text (an accepted record's own id), or null when none is; with it, the record's
/// position among its file's accepted records.</summary>
/// <remarks>Called on the thread that reads the file; it must only read what no thread is still changing.</remarks>
internal delegate string? HeldText(ReadOnlySpan<char> text, out int position);

/// <summary>Reads a CSV file with CsvHelper, row by row.</summary>
internal sealed class CsvRowSource : RowSource
{
    // Longer values are read as new strings: ids are far shorter, and the buffer is on the stack.
    private const int MaxHeldLength = 128;

    private readonly CsvReader _reader;
    private readonly FileStream _stream;
    private readonly int[] _columnIndex;
    private readonly string[] _headers;
    private readonly Dictionary<long, CsvMalformedReason> _malformed = [];
    private readonly HeldText?[]? _held;

    /// <param name="schema">The file's schema.</param>
    /// <param name="path">The file.</param>
    /// <param name="held">By schema column, where to find the strings already held for that column's values: a reference
    /// to an accepted record is then read as that record's own id string, not made again (the converter would replace it
    /// with that string anyway, so the new one was garbage: about 300 MB of strings at national scale). A value not found,
    /// or not ASCII, is read as before.</param>
    public CsvRowSource(EntitySchema schema, string path, HeldText?[]? held = null)
        : base(schema, Path.GetFileName(path), Path.GetFileName(path))
    {
        _held = held;
        var options = CsvReaderOptions.Default with
        {
            // Fixed, not detected: a file whose first line has no comma must not be read with another separator.
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            TrimWhitespace = false,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            FormatProvider = CultureInfo.InvariantCulture,
            PoolStrings = true,
            // The reader scans ahead, so problems are kept by line until their record is returned.
            OnMalformedRecord = m => _malformed[m.LineNumber] = m.Reason,
        };
        // The stream is opened here (not by the reader) so that progress can be told in bytes.
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        try
        {
            _reader = CsvReader.Create(_stream, options, leaveOpen: true);
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
        _headers = [.. _reader.Headers];
        _columnIndex = new int[schema.Columns.Count];
        Array.Fill(_columnIndex, -1);
        CheckHeader();
    }

    public override IReadOnlyList<string> RejectHeader => _headers;

    public override string RejectLocationColumn => "reject_line";

    private void CheckHeader()
    {
        if (_headers.Length == 0)
        {
            FileErrors.Add(new ImportError(File, 1, null, null, null,
                $"the file is empty: expected a header line with the columns {string.Join(",", Schema.Names)}"));
            return;
        }
        for (var i = 0; i < _headers.Length; i++)
        {
            var name = _headers[i];
            if (!Schema.IndexOf.TryGetValue(name, out var column))
            {
                FileErrors.Add(new ImportError(File, 1, null, name, null,
                    $"unknown column '{name}' (expected columns: {string.Join(",", Schema.Names)}); its values are ignored"));
            }
            else if (_columnIndex[column] >= 0)
            {
                FileErrors.Add(new ImportError(File, 1, null, name, null, $"column '{name}' appears more than once; only the first is read"));
            }
            else
            {
                _columnIndex[column] = i;
            }
        }
        for (var c = 0; c < Schema.Columns.Count; c++)
        {
            if (_columnIndex[c] < 0 && Schema.Columns[c].Required)
            {
                FileErrors.Add(new ImportError(File, 1, null, Schema.Columns[c].Name, null,
                    $"required column '{Schema.Columns[c].Name}' is missing from the header"));
            }
        }
    }

    public override bool MoveNext()
    {
        Problems.Clear();
        if (_headers.Length == 0 || !_reader.Read())
        {
            return false;
        }
        var line = _reader.LineNumber;
        Line = (int)Math.Min(line, int.MaxValue);
        if (_malformed.Remove(line, out var reason))
        {
            Problems.Add(new RowProblem(null, null, $"malformed CSV ({Describe(reason)})"));
        }
        var count = _reader.FieldCount;
        if (count != _headers.Length)
        {
            Problems.Add(new RowProblem(null, null,
                string.Create(CultureInfo.InvariantCulture, $"the row has {count} field(s) but the header has {_headers.Length}")));
        }
        for (var c = 0; c < Cells.Length; c++)
        {
            var index = _columnIndex[c];
            HeldAt[c] = -1;
            if (index < 0 || index >= count)
            {
                Cells[c] = null;
                continue;
            }
            if (_held?[c] is { } held && Held(index, held, out var position) is { } found)
            {
                Cells[c] = found;
                HeldAt[c] = position;
                continue;
            }
            var value = _reader.GetString(index);
            Cells[c] = string.IsNullOrEmpty(value) ? null : value;
        }
        return true;
    }

    /// <summary>The string held for field <paramref name="index"/>'s text, if any. Only ASCII is looked up, so the text
    /// compared is exactly the text <see cref="CsvReader.GetString(int)"/> would have made.</summary>
    private string? Held(int index, HeldText held, out int position)
    {
        position = -1;
        var bytes = _reader.GetSpan(index);
        if (bytes.Length == 0 || bytes.Length > MaxHeldLength || !Ascii.IsValid(bytes))
        {
            return null;
        }
        Span<char> text = stackalloc char[MaxHeldLength];
        Ascii.ToUtf16(bytes, text, out var written);
        return held(text[..written], out position);
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
        CsvMalformedReason.UnterminatedQuote => "a quoted field that is never closed",
        CsvMalformedReason.FieldCountMismatch => "the wrong number of fields",
        _ => reason.ToString(),
    };

    public override string[] RejectValues()
    {
        var count = Math.Max(_reader.FieldCount, _headers.Length);
        var values = new string[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = i < _reader.FieldCount ? _reader.GetString(i) ?? "" : "";
        }
        return values;
    }

    public override long BytesRead => _stream.CanSeek ? _stream.Position : 0;

    public override long Length => _stream.CanSeek ? _stream.Length : 0;

    public override void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}

/// <summary>Reads the records of one array of a JSON dataset document.</summary>
internal sealed class JsonRowSource : RowSource
{
    private JsonElement.ArrayEnumerator _items;
    private readonly bool _present;
    private int _index = -1;

    public JsonRowSource(EntitySchema schema, string file, JsonElement? array)
        : base(schema, file, $"{schema.JsonName} in {file}")
    {
        _present = array is not null;
        if (array is { } items)
        {
            _items = items.EnumerateArray();
        }
    }

    public override IReadOnlyList<string> RejectHeader => Schema.Names;

    public override string RejectLocationColumn => "reject_position";

    public override bool MoveNext()
    {
        Problems.Clear();
        if (!_present || !_items.MoveNext())
        {
            return false;
        }
        _index++;
        Line = null;
        Position = string.Create(CultureInfo.InvariantCulture, $"{Schema.JsonName}[{_index}]");
        Array.Clear(Cells);
        var item = _items.Current;
        if (item.ValueKind != JsonValueKind.Object)
        {
            Problems.Add(new RowProblem(null, null, $"expected a JSON object, found {Kind(item.ValueKind)}"));
            return true;
        }
        foreach (var property in item.EnumerateObject())
        {
            if (!Schema.IndexOf.TryGetValue(property.Name, out var column))
            {
                Problems.Add(new RowProblem(property.Name, null,
                    $"unknown field '{property.Name}' (expected fields: {string.Join(", ", Schema.Names)})"));
                continue;
            }
            Cells[column] = CellText(property.Name, property.Value, Schema.Columns[column].Kind == ColumnKind.List);
        }
        return true;
    }

    private string? CellText(string name, JsonElement value, bool isList)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                var text = value.GetString();
                return string.IsNullOrEmpty(text) ? null : text;
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Array when isList:
                var joined = new StringBuilder();
                foreach (var element in value.EnumerateArray())
                {
                    var item = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
                    if (item is null || item.Contains(';', StringComparison.Ordinal))
                    {
                        Problems.Add(new RowProblem(name, element.GetRawText(), "each item of the list must be a string without ';'"));
                        continue;
                    }
                    if (joined.Length > 0)
                    {
                        joined.Append(';');
                    }
                    joined.Append(item);
                }
                return joined.Length == 0 ? null : joined.ToString();
            default:
                Problems.Add(new RowProblem(name, value.GetRawText(),
                    isList ? $"expected an array of strings, found {Kind(value.ValueKind)}" : $"expected a string, number or boolean, found {Kind(value.ValueKind)}"));
                return null;
        }
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    public override void Dispose()
    {
        // The document belongs to the importer, which disposes it.
    }

    public override string[] RejectValues()
    {
        var values = new string[Cells.Length];
        for (var i = 0; i < Cells.Length; i++)
        {
            values[i] = Cells[i] ?? "";
        }
        return values;
    }
}
