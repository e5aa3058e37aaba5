using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Plugins;

namespace YouthJustice.Sdk.IO;

/// <summary>What an import does with rows that fail validation.</summary>
public enum ImportPolicy
{
    /// <summary>Any error fails the whole import: no dataset is returned, and the report lists every error found.</summary>
    Strict = 0,

    /// <summary>Rows that fail validation are rejected (and written to a rejects file when asked); the good rows load.</summary>
    Lenient = 1,
}

/// <summary>Options for <see cref="DatasetImporter"/>.</summary>
/// <remarks>Immutable; use <c>with</c> to change a copy. Thread-safe.</remarks>
public sealed record ImportOptions
{
    /// <summary>The default options: strict, the national vocabulary, no rejects directory, no extra rules.</summary>
    public static ImportOptions Default { get; } = new();

    /// <summary>Strict (the default) or lenient.</summary>
    public ImportPolicy Policy { get; init; } = ImportPolicy.Strict;

    /// <summary>The vocabulary that outcome type and programme codes (and programme aliases) resolve through.
    /// Defaults to <see cref="DomainVocabulary.National"/>; pass a plugin-extended vocabulary to accept local codes.</summary>
    public DomainVocabulary Vocabulary { get; init; } = DomainVocabulary.National;

    /// <summary>Lenient imports only: the directory rejected rows are written to, one <c>&lt;entity&gt;.rejects.csv</c>
    /// per file that had rejections. <see langword="null"/> (the default) writes nothing.</summary>
    public string? RejectsDirectory { get; init; }

    /// <summary>Extra dataset-level rules (e.g. every loaded plugin's, see
    /// <see cref="Hosting.YouthJusticeRegistryExtensions.CreateImportOptions"/>), run after the built-in row rules on the loaded
    /// dataset. Under <see cref="ImportPolicy.Strict"/> an error finding fails the import; under
    /// <see cref="ImportPolicy.Lenient"/> it rejects the record it names (and the records that depend on it). A warning
    /// finding is listed in <see cref="ImportReport.Warnings"/> and rejects nothing.</summary>
    public IReadOnlyList<IValidationRule> ValidationRules { get; init; } = [];

    /// <summary>Told, on the importing thread, how far the import has got: after every 4,096 records and at the end of
    /// each file. <see langword="null"/> (the default) tells nothing.</summary>
    public IProgress<ImportProgress>? Progress { get; init; }

    /// <summary>The tables to read; <see langword="null"/> (the default) reads every table. Besides those given, the
    /// areas and children are always read, and so is every table a table read refers to (offences for outcomes and victim
    /// contacts, episodes for pathway events, status observations and feedback, outcomes for case events), so each record
    /// read is checked exactly as in a full import. Every other table is left unread: its
    /// <see cref="ImportFileReport.NotRead"/> is set, its list in the dataset is empty, and the dataset's
    /// <see cref="Dataset.TablesNotRead"/> names it, so that the SDK refuses to compute from it anything that reads it.</summary>
    /// <remarks>For a host that computes only some indicators: <see cref="Hosting.YouthJusticeRegistryExtensions.TablesRead"/>
    /// gives the tables they read. At national scale, the four tables the national case indicators read are about a quarter
    /// of the bytes.</remarks>
    public IReadOnlyCollection<DatasetEntity>? Tables { get; init; }

    /// <summary>Where to log the import's totals (read, accepted, rejected, errors, warnings) when it ends;
    /// <see langword="null"/> (the default) logs nothing.</summary>
    public Microsoft.Extensions.Logging.ILogger? Logger { get; init; }
}

/// <summary>How far an import has got, for a progress display.</summary>
/// <param name="File">The file being read, e.g. <c>offences.csv</c>.</param>
/// <param name="RecordsRead">Records read so far from every file.</param>
/// <param name="BytesRead">Bytes read so far from every CSV file (0 for JSON).</param>
/// <param name="TotalBytes">The size of every CSV file of the dataset (0 for JSON): with <paramref name="BytesRead"/>, the fraction done.</param>
public sealed record ImportProgress(string File, long RecordsRead, long BytesRead, long TotalBytes);

/// <summary>One problem found while importing: where it is, which field, the value and why it was refused.</summary>
/// <param name="File">The file name, e.g. <c>offences.csv</c> or <c>dataset.json</c>.</param>
/// <param name="Line">For CSV: the 1-based physical line the record starts on (the header is line 1);
/// <see langword="null"/> for JSON and for problems not tied to a line.</param>
/// <param name="Position">For JSON: the record's position, e.g. <c>children[12]</c> (0-based); <see langword="null"/> for CSV.</param>
/// <param name="Field">The column (or JSON property) at fault; <see langword="null"/> when the whole record or file is at fault.</param>
/// <param name="Value">The offending value as read; <see langword="null"/> when empty or not applicable.</param>
/// <param name="Reason">Why the value or record was refused, in words a data officer can act on.</param>
/// <remarks>Field, value and reason are stored for display: control characters are escaped (<c>\x1B</c>, <c>\uFFFD</c>) so
/// that data cannot drive a terminal, and a value longer than <see cref="MaxValueLength"/> characters is cut, with its
/// length given, so one huge bad field cannot make a huge report.</remarks>
public sealed record ImportError(string File, int? Line, string? Position, string? Field, string? Value, string Reason)
{
    /// <summary>The most characters of a value (or field name) kept in an error.</summary>
    public const int MaxValueLength = 200;

    /// <summary>The most characters of a reason kept in an error (reasons list the allowed codes, so they may be long).</summary>
    public const int MaxReasonLength = 2000;

    /// <summary>The file name, escaped.</summary>
    public string File { get; init; } = ImportText.Display(File, MaxValueLength)!;

    /// <summary>The column or JSON property at fault, escaped and cut to <see cref="MaxValueLength"/>.</summary>
    public string? Field { get; init; } = ImportText.Display(Field, MaxValueLength);

    /// <summary>The offending value as read, escaped and cut to <see cref="MaxValueLength"/>.</summary>
    public string? Value { get; init; } = ImportText.Display(Value, MaxValueLength);

    /// <summary>Why the value or record was refused, escaped and cut to <see cref="MaxReasonLength"/>.</summary>
    public string Reason { get; init; } = ImportText.Display(Reason, MaxReasonLength)!;

    /// <summary>Where the problem is, e.g. <c>offences.csv line 7</c> or <c>dataset.json children[12]</c>.</summary>
    public string Location =>
        Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"{File} line {line}")
        : Position is { } position ? $"{File} {position}"
        : File;

    /// <summary>The error on one line: location, field, value and reason.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Location);
        if (Field is not null)
        {
            text.Append(", field ").Append(Field);
        }
        if (Value is not null)
        {
            text.Append(", value '").Append(Value).Append('\'');
        }
        return text.Append(": ").Append(Reason).ToString();
    }
}

/// <summary>The counts for one file (or, for JSON, one array of the document).</summary>
/// <remarks>Always <c>Read == Accepted + Rejected</c>. Immutable.</remarks>
public sealed record ImportFileReport
{
    /// <summary>Which entity the file holds.</summary>
    public required DatasetEntity Entity { get; init; }

    /// <summary>The file name, e.g. <c>children.csv</c>; for JSON, the document's name with the array, e.g. <c>dataset.json#children</c>.</summary>
    public required string File { get; init; }

    /// <summary>Whether the file (or JSON array) was present. A missing optional file reads as empty.</summary>
    public required bool Present { get; init; }

    /// <summary>Data records read (the header is not counted).</summary>
    public required long Read { get; init; }

    /// <summary>Records that passed validation. In a failed strict import they were still not loaded.</summary>
    public required long Accepted { get; init; }

    /// <summary>Records refused, each with at least one <see cref="ImportError"/> in the report.</summary>
    public required long Rejected { get; init; }

    /// <summary>Whether the file was left unread because the import was asked for other tables
    /// (<see cref="ImportOptions.Tables"/>); its counts are then zero and <see cref="Present"/> says whether it is there.</summary>
    public bool NotRead { get; init; }

    /// <summary>Of <see cref="Accepted"/>, the records kept with a warning (under the lenient policy, an unrecognised
    /// classification code kept as "not known"), each with at least one entry in <see cref="ImportReport.Warnings"/>.</summary>
    public long AcceptedWithWarnings { get; init; }

    /// <summary>The reconciliation, e.g. <c>offences.csv: read 120 = accepted 118 + rejected 2</c>.</summary>
    public override string ToString() =>
        NotRead
            ? $"{File}: not read (the import was asked for other tables)"
            : Present
            ? string.Create(CultureInfo.InvariantCulture, $"{File}: read {Read} = accepted {Accepted} + rejected {Rejected}")
                + (AcceptedWithWarnings > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({AcceptedWithWarnings} accepted with warnings)") : "")
            : $"{File}: not present (read as empty)";
}

/// <summary>What an import found: per-file counts that reconcile, and every error with its location.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ImportReport
{
    /// <summary>The most errors (and, separately, warnings) listed for one file and field; the rest are counted in one
    /// summary entry, like a compiler's error limit. <see cref="ErrorCount"/> and the file counts stay exact.</summary>
    public const int MaxListedPerFileAndField = 100;

    internal ImportReport(string source, ImportPolicy policy, bool succeeded, IList<ImportFileReport> files, IList<ImportError> errors, IList<ImportError> warnings)
    {
        Source = source;
        Policy = policy;
        Succeeded = succeeded;
        Files = new ReadOnlyCollection<ImportFileReport>([.. files]);
        ErrorCount = errors.Count;
        WarningCount = warnings.Count;
        Errors = new ReadOnlyCollection<ImportError>(Cap(errors, "error"));
        Warnings = new ReadOnlyCollection<ImportError>(Cap(warnings, "warning"));
    }

    private static List<ImportError> Cap(IList<ImportError> all, string what)
    {
        var listed = new List<ImportError>(Math.Min(all.Count, 1024));
        var seen = new Dictionary<(string, string?), int>();
        var omitted = new Dictionary<(string File, string? Field), int>();
        var order = new List<(string File, string? Field)>();
        foreach (var error in all)
        {
            var key = (error.File, error.Field);
            var count = seen.GetValueOrDefault(key) + 1;
            seen[key] = count;
            if (count <= MaxListedPerFileAndField)
            {
                listed.Add(error);
            }
            else if (omitted.TryGetValue(key, out var n))
            {
                omitted[key] = n + 1;
            }
            else
            {
                omitted[key] = 1;
                order.Add(key);
            }
        }
        foreach (var key in order)
        {
            listed.Add(new ImportError(key.File, null, null, key.Field, null, string.Create(CultureInfo.InvariantCulture,
                $"{omitted[key]} more {what}(s) for this file{(key.Field is null ? "" : " and field")} not listed (the first {MaxListedPerFileAndField} are; the counts are exact)")));
        }
        return listed;
    }

    /// <summary>How many errors were found, including those not listed in <see cref="Errors"/>.</summary>
    public int ErrorCount { get; }

    /// <summary>How many warnings were found, including those not listed in <see cref="Warnings"/>.</summary>
    public int WarningCount { get; }

    /// <summary>Records accepted with a warning, across every file (a subset of <see cref="TotalAccepted"/>).</summary>
    public long TotalAcceptedWithWarnings => Sum(static f => f.AcceptedWithWarnings);

    /// <summary>The folder or JSON file imported.</summary>
    public string Source { get; }

    /// <summary>The policy the import ran under.</summary>
    public ImportPolicy Policy { get; }

    /// <summary>Whether a dataset was produced: a strict import with no errors, or a lenient import that could read
    /// its manifest and required files (its rows may still have been rejected).</summary>
    public bool Succeeded { get; }

    /// <summary>Counts per file, in dependency order (areas, children, offences, outcomes, ...).</summary>
    public IReadOnlyList<ImportFileReport> Files { get; }

    /// <summary>The errors found, in the order found: at most <see cref="MaxListedPerFileAndField"/> per file and field,
    /// then one entry per file and field saying how many more there were.</summary>
    public IReadOnlyList<ImportError> Errors { get; }

    /// <summary>Warning findings of the <see cref="ImportOptions.ValidationRules"/>, located like errors: reported, but
    /// they reject nothing and never fail an import.</summary>
    public IReadOnlyList<ImportError> Warnings { get; }

    /// <summary>Total records read across every file.</summary>
    public long TotalRead => Sum(static f => f.Read);

    /// <summary>Total records accepted across every file.</summary>
    public long TotalAccepted => Sum(static f => f.Accepted);

    /// <summary>Total records rejected across every file.</summary>
    public long TotalRejected => Sum(static f => f.Rejected);

    /// <summary>A summary: the outcome, the reconciliation of every file, and the errors (the first 50 of them).</summary>
    public override string ToString()
    {
        const int MaxListed = 50;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Policy} import of {Source}: {(Succeeded ? "succeeded" : "FAILED, no records loaded")}")
            .Append('\n');
        foreach (var file in Files)
        {
            text.Append("  ").Append(file).Append('\n');
        }
        text.Append(CultureInfo.InvariantCulture, $"  total: read {TotalRead} = accepted {TotalAccepted} + rejected {TotalRejected}\n");
        text.Append(CultureInfo.InvariantCulture, $"{ErrorCount} error(s)").Append(Errors.Count == 0 ? "\n" : ":\n");
        for (var i = 0; i < Errors.Count && i < MaxListed; i++)
        {
            text.Append("  ").Append(Errors[i]).Append('\n');
        }
        if (Errors.Count > MaxListed)
        {
            text.Append(CultureInfo.InvariantCulture, $"  ... and {Errors.Count - MaxListed} more (see Errors)\n");
        }
        if (Warnings.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{WarningCount} warning(s):\n");
            for (var i = 0; i < Warnings.Count && i < MaxListed; i++)
            {
                text.Append("  ").Append(Warnings[i]).Append('\n');
            }
            if (Warnings.Count > MaxListed)
            {
                text.Append(CultureInfo.InvariantCulture, $"  ... and {Warnings.Count - MaxListed} more (see Warnings)\n");
            }
        }
        return text.ToString();
    }

    private long Sum(Func<ImportFileReport, long> selector)
    {
        long total = 0;
        foreach (var file in Files)
        {
            total += selector(file);
        }
        return total;
    }
}

/// <summary>The result of an import: the dataset (unless a strict import failed) and the report.</summary>
/// <param name="Dataset">The imported dataset; <see langword="null"/> when the import failed (any error under
/// <see cref="ImportPolicy.Strict"/>, or an unreadable manifest, or a missing, empty or folder <c>children.csv</c>, under either policy).</param>
/// <param name="Report">What the import found.</param>
public sealed record ImportResult(Dataset? Dataset, ImportReport Report)
{
    /// <summary>Whether a dataset was produced.</summary>
    public bool Succeeded => Dataset is not null;
}

/// <summary>The entities (one file each) a dataset is made of, in the order they are read.</summary>
public enum DatasetEntity
{
    /// <summary><c>areas.csv</c>: local authority areas.</summary>
    Areas = 0,
    /// <summary><c>children.csv</c>: children (required).</summary>
    Children = 1,
    /// <summary><c>offences.csv</c>: offences.</summary>
    Offences = 2,
    /// <summary><c>outcomes.csv</c>: outcomes.</summary>
    Outcomes = 3,
    /// <summary><c>episodes.csv</c>: programme episodes.</summary>
    Episodes = 4,
    /// <summary><c>pathway-events.csv</c>: steps along programme pathways.</summary>
    PathwayEvents = 5,
    /// <summary><c>links.csv</c>: links between children.</summary>
    Links = 6,
    /// <summary><c>assessments.csv</c>: assessments.</summary>
    Assessments = 7,
    /// <summary><c>status-observations.csv</c>: status observations.</summary>
    StatusObservations = 8,
    /// <summary><c>victim-contacts.csv</c>: victim contacts.</summary>
    VictimContacts = 9,
    /// <summary><c>board-attendance.csv</c>: management board attendance.</summary>
    BoardAttendance = 10,
    /// <summary><c>populations.csv</c>: population estimates.</summary>
    Populations = 11,
    /// <summary><c>reference-populations.csv</c>: reference populations.</summary>
    ReferencePopulations = 12,
    /// <summary><c>case-events.csv</c>: case events (management oversight, exploitation, missing episodes, bail support, …).</summary>
    CaseEvents = 13,
    /// <summary><c>feedback.csv</c>: feedback requested of children, parents and carers, and victims.</summary>
    Feedback = 14,
}

/// <summary>Text from a dataset made safe to show: control characters escaped and long values cut.</summary>
public static class ImportText
{
    /// <summary>Escapes control characters (C0 including tab and line breaks, DEL, C1) and U+FFFD as <c>\xNN</c> or <c>\uNNNN</c> and cuts the
    /// text to <paramref name="maxLength"/> characters, adding how long it was.</summary>
    /// <param name="text">The text as read; <see langword="null"/> gives <see langword="null"/>.</param>
    /// <param name="maxLength">The most characters of <paramref name="text"/> kept.</param>
    public static string? Display(string? text, int maxLength = ImportError.MaxValueLength)
    {
        if (text is null)
        {
            return null;
        }
        var cut = text.Length > maxLength;
        var kept = cut ? text.AsSpan(0, maxLength) : text.AsSpan();
        var clean = true;
        foreach (var c in kept)
        {
            if (NeedsEscape(c))
            {
                clean = false;
                break;
            }
        }
        if (clean && !cut)
        {
            return text;
        }
        var builder = new StringBuilder(kept.Length + 32);
        foreach (var c in kept)
        {
            if (!NeedsEscape(c))
            {
                builder.Append(c);
            }
            else if (c <= '\u00FF')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }
        if (cut)
        {
            builder.Append(CultureInfo.InvariantCulture, $"… ({text.Length} characters in all)");
        }
        return builder.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c == '\uFFFD';
}
