using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using YouthJustice.Sdk.IO;
using static YouthJustice.Sdk.Tests.IO.TestDatasets;

namespace YouthJustice.Sdk.Tests.IO;

/// <summary>
/// Mutated rows and files, imported in process under both policies: the import never throws, every file reconciles
/// (read = accepted + rejected), no row made invalid is accepted (a lenient import keeps an unrecognised classification
/// code only as "not known", with a warning at that line), and the report stays bounded however many errors there are.
/// Bounded to well under a minute on two cores.
/// </summary>
public class ImportFuzzTests
{
    /// <summary>Values that break the format's rule for a column kind (docs/data-format.md §1); each makes its row invalid.</summary>
    private static readonly Dictionary<ColumnKind, string[]> Invalid = new()
    {
        [ColumnKind.Date] = ["2021-02-30", "2021-1-31", "31/01/2021", "2021-01-31T00:00", "+021-01-01", "2999-01-01", "２０２１-01-01"],
        [ColumnKind.Integer] = ["+5", "1e3", "5.0", " 5", "5 ", "٣", "0x10", "1,000", "--1"],
        [ColumnKind.Decimal] = ["+1.5", "1,5", "NaN", "1.", ".5", "1e2", "Infinity"],
        [ColumnKind.Boolean] = ["yes", "1", "Y", "tru", "false;true"],
        [ColumnKind.Code] = ["NOT_A_CODE", "MALE;FEMALE", "0"],
        [ColumnKind.Text] = [],
        [ColumnKind.List] = [],
    };

    /// <summary>Breaks any cell, whatever its kind.</summary>
    private static readonly string[] Anywhere = ["bad\u0000nul", "DEP\u001b[31mUTY", "bell\u0007", "c1\u0085control", "lone \uD800 surrogate", "del\u007f"];

    private static readonly Dictionary<string, string[]> InvalidLists = new(StringComparer.Ordinal)
    {
        ["offence_ids"] = ["O1; O2", "O1 ;O2", "O1;;O2", "O1;O1", "O9", ";"],
        ["needs"] = ["MENTAL_HEALTH; EDUCATION", "BAD_NEED", "MENTAL_HEALTH;;EDUCATION"],
    };

    /// <summary>Columns whose unrecognised code a lenient import keeps as "not known" with a warning.</summary>
    private static readonly HashSet<(string, string)> Classifications = [("children.csv", "sex"), ("children.csv", "ethnicity"), ("episodes.csv", "engagement")];

    public sealed record CellMutation(string File, int Line, string Column, string Value, bool IsCode)
    {
        public override string ToString() => $"{File} line {Line} {Column} = '{ImportText.Display(Value)}'";
    }

    private static readonly EntitySchema[] Schemas = [DatasetSchema.Manifest, .. DatasetSchema.All];

    /// <summary>Data lines (1-based, header = 1) that hold no quotes, so cells can be replaced exactly.</summary>
    private static int[] PlainLines(string content)
    {
        var lines = content.Split('\n');
        return [.. Enumerable.Range(2, Math.Max(0, lines.Length - 1)).Where(n => lines[n - 1].Length > 0 && !lines[n - 1].Contains('"', StringComparison.Ordinal))];
    }

    private static Arbitrary<CellMutation> CellMutations()
    {
        var files = WithLocalMeasures();
        var targets = (
            from schema in Schemas
            let lines = PlainLines(files[schema.FileName])
            where lines.Length > 0
            from column in schema.Columns
            from value in (InvalidLists.TryGetValue(column.Name, out var list) ? list : Invalid[column.Kind]).Select(v => (v, code: column.Kind == ColumnKind.Code))
                .Concat(Anywhere.Select(v => (v, code: false)))
            // The as-of date itself may be any real date; only the dates in the data may not be after it.
            where !(schema == DatasetSchema.Manifest && value.v == "2999-01-01")
            from line in lines
            select new CellMutation(schema.FileName, line, column.Name, value.v, value.code)).ToArray();
        return Gen.Elements(targets).ToArbitrary();
    }

    private static Dictionary<string, string> Apply(CellMutation m)
    {
        var files = WithLocalMeasures();
        var lines = files[m.File].Split('\n');
        var header = lines[0].Split(',');
        var cells = lines[m.Line - 1].Split(',');
        cells[Array.IndexOf(header, m.Column)] = "\"" + m.Value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        lines[m.Line - 1] = string.Join(',', cells);
        files[m.File] = string.Join('\n', lines);
        return files;
    }

    [Property(MaxTest = 400)]
    public Property No_row_made_invalid_is_accepted() => Prop.ForAll(CellMutations(), m =>
    {
        var files = Apply(m);
        var strict = Import(files, ImportPolicy.Strict);
        var lenient = Import(files, ImportPolicy.Lenient);

        AssertSound(strict.Report);
        AssertSound(lenient.Report);
        Assert.Null(strict.Dataset);
        Assert.Contains(strict.Report.Errors, e => e.File == m.File && e.Line == m.Line);
        if (m.File == DatasetFormat.ManifestFileName)
        {
            Assert.Null(lenient.Dataset);
            return;
        }
        var file = lenient.Report.Files.Single(f => f.File == m.File);
        if (m.IsCode && Classifications.Contains((m.File, m.Column)))
        {
            Assert.Contains(lenient.Report.Warnings, w => w.File == m.File && w.Line == m.Line && w.Field == m.Column);
            Assert.True(file.AcceptedWithWarnings >= 1, m.ToString());
            return;
        }
        Assert.True(file.Rejected >= 1, $"{m}: {lenient.Report}");
        Assert.Contains(lenient.Report.Errors, e => e.File == m.File && e.Line == m.Line);
    });

    public sealed record FileMutation(string File, string Kind, int Count, string Value);

    private static Arbitrary<FileMutation> FileMutations()
    {
        var names = DatasetSchema.All.Select(s => s.FileName).ToArray();
        return (
            from file in Gen.Elements(names)
            from kind in Gen.Elements("empty", "bom", "crlf", "blank-lines", "rename-column", "drop-column", "duplicate-column", "flood", "duplicate-rows", "huge-field", "truncate", "garbage")
            from count in Gen.Choose(1, 3_000)
            from value in Gen.OneOf(Gen.Elements([.. Anywhere, "+5", "2021-02-30", "NOT_A_CODE", "O1; O2"]), ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""))
            select new FileMutation(file, kind, count, value)).ToArbitrary();
    }

    private static Dictionary<string, string> Apply(FileMutation m)
    {
        var files = WithLocalMeasures();
        var content = files[m.File];
        var lines = content.Split('\n').Where(l => l.Length > 0).ToList();
        var header = lines[0];
        var first = lines.Count > 1 ? lines[1] : header;
        files[m.File] = m.Kind switch
        {
            "empty" => "",
            "bom" => "\uFEFF",
            "crlf" => "\r\n",
            "blank-lines" => string.Join("\n\n\r\n", lines) + "\n",
            "rename-column" => content.Replace(header, header.Replace(header.Split(',')[m.Count % header.Split(',').Length], "renamed", StringComparison.Ordinal), StringComparison.Ordinal),
            "drop-column" => string.Join('\n', lines.Select(l => string.Join(',', l.Split(',').Skip(1)))) + "\n",
            "duplicate-column" => string.Join('\n', lines.Select(l => l + "," + l.Split(',')[0])) + "\n",
            "flood" => header + "\n" + string.Concat(Enumerable.Repeat(string.Join(',', header.Split(',').Select(_ => "\"" + m.Value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")) + "\n", m.Count)),
            "duplicate-rows" => header + "\n" + string.Concat(Enumerable.Repeat(first + "\n", Math.Min(m.Count, 500) + 1)),
            "huge-field" => header + "\n" + new string('9', 100_000 + m.Count) + "," + first + "\n",
            "truncate" => content[..(m.Count % Math.Max(1, content.Length))],
            _ => header + "\n" + m.Value + "\n",
        };
        return files;
    }

    [Property(MaxTest = 150)]
    public Property Mutated_files_never_throw_always_reconcile_and_keep_the_report_bounded() => Prop.ForAll(FileMutations(), m =>
    {
        var files = Apply(m);
        var strict = Import(files, ImportPolicy.Strict);
        var lenient = Import(files, ImportPolicy.Lenient);

        AssertSound(strict.Report);
        AssertSound(lenient.Report);
        if (m.File == "children.csv" && m.Kind is "empty" or "bom" or "crlf")
        {
            Assert.Null(strict.Dataset);
            Assert.Null(lenient.Dataset);
        }
        if (m.Kind is "flood" && lenient.Report.Files.SingleOrDefault(f => f.File == m.File) is { } flooded)
        {
            Assert.Equal(m.Count, flooded.Read);
        }
        if (m.Kind is "duplicate-rows" && DatasetSchema.All.Single(s => s.FileName == m.File).Names[0] is "id" or "code")
        {
            Assert.Null(strict.Dataset);
            Assert.True(lenient.Report.Files.Single(f => f.File == m.File).Rejected >= Math.Min(m.Count, 500), m.ToString());
        }
    });

    /// <summary>The invariants of every import report, whatever the input.</summary>
    private static void AssertSound(ImportReport report)
    {
        foreach (var file in report.Files)
        {
            Assert.True(file.Read == file.Accepted + file.Rejected, file.ToString());
            Assert.InRange(file.AcceptedWithWarnings, 0, file.Accepted);
        }
        Assert.True(report.TotalRejected == 0 || report.ErrorCount > 0, "every rejection has an error");
        Assert.True(report.Errors.Count <= report.ErrorCount + (report.Files.Count + 2) * 40, "the listed errors are at most the errors found plus one summary per file and field");
        var keys = report.Errors.Select(e => (e.File, e.Field)).Distinct().Count();
        Assert.True(report.Errors.Count <= keys * (ImportReport.MaxListedPerFileAndField + 1), "at most 100 errors listed per file and field");
        foreach (var error in report.Errors.Concat(report.Warnings))
        {
            Assert.True((error.Value?.Length ?? 0) <= ImportError.MaxValueLength + 40, error.ToString());
            Assert.True(error.Reason.Length <= ImportError.MaxReasonLength + 40);
            Assert.DoesNotContain(error.ToString(), c => char.IsControl(c) && c != '\n');
        }
        Assert.True(report.ToString().Length < 200_000, "the report's text is bounded");
    }
}
