using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Spectre.Console;
using YouthJustice.Sdk.IO;

namespace YouthJustice.Sdk.Samples.Console;

/// <summary>How a command prints its result.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Csv,
    /// <summary>The XLSX board pack: <c>yj report</c> only, to a file.</summary>
    Xlsx,
    /// <summary>The figures as Parquet: <c>yj report</c> only, to a file.</summary>
    Parquet,
}

/// <summary>A rectangular result every command can print as a table, JSON or CSV.</summary>
/// <param name="Title">Shown above the table; the JSON property name for the rows.</param>
/// <param name="Columns">Column headings.</param>
/// <param name="Rows">Cells, already formatted for display (invariant culture).</param>
internal sealed record TabularOutput(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>Writes <see cref="TabularOutput"/>s to the console or to <c>--output</c>.</summary>
internal static class OutputWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static void Write(IReadOnlyList<TabularOutput> outputs, OutputFormat format, FileInfo? output, IAnsiConsole console)
    {
        switch (format)
        {
            case OutputFormat.Xlsx or OutputFormat.Parquet:
                // Program maps a FormatException to the usage-error exit code.
                throw new FormatException($"--format {format.ToString().ToLowerInvariant()} is for 'yj report' only: this command prints table, json or csv.");
            case OutputFormat.Table when output is null && !System.Console.IsOutputRedirected:
                foreach (var o in outputs)
                {
                    console.Write(ToTable(o));
                    console.WriteLine();
                }
                return;
            case OutputFormat.Table:
                // A table written to a file is plain text: no colour or control codes, and wide enough not to wrap.
                var text = new StringWriter(CultureInfo.InvariantCulture);
                var plain = AnsiConsole.Create(new AnsiConsoleSettings
                {
                    Ansi = AnsiSupport.No,
                    ColorSystem = ColorSystemSupport.NoColors,
                    Out = new AnsiConsoleOutput(text),
                    Interactive = InteractionSupport.No,
                });
                plain.Profile.Width = 240;
                foreach (var o in outputs)
                {
                    plain.Write(ToTable(o));
                    plain.WriteLine();
                }
                WriteText(text.ToString(), output);
                return;
            case OutputFormat.Json:
                WriteText(ToJson(outputs), output);
                return;
            default:
                WriteText(ToCsv(outputs), output);
                return;
        }
    }

    /// <summary>Writes tables to standard error (a failed import's report): rendered when it is a terminal, plain text otherwise.</summary>
    public static void WriteToStandardError(IReadOnlyList<TabularOutput> outputs)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(System.Console.Error),
            Ansi = System.Console.IsErrorRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = System.Console.IsErrorRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (System.Console.IsErrorRedirected)
        {
            console.Profile.Width = 240;
        }
        foreach (var o in outputs)
        {
            console.Write(ToTable(o));
            console.WriteLine();
        }
    }

    public static string ToJson(IReadOnlyList<TabularOutput> outputs)
    {
        var document = outputs.ToDictionary(
            o => o.Title,
            o => o.Rows.Select(r => o.Columns.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList());
        return JsonSerializer.Serialize(document, JsonOptions) + "\n";
    }

    public static string ToCsv(IReadOnlyList<TabularOutput> outputs)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var options = CsvWriterOptions.Default with { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture, ValidateFieldCount = false };
        using (var csv = CsvWriter.Create(text, options, leaveOpen: true))
        {
            var several = outputs.Count > 1;
            foreach (var o in outputs)
            {
                // Several tables in one CSV stream: each row gets a leading "section" column so rows stay self-describing.
                csv.WriteRecord(several ? ["section", .. o.Columns] : [.. o.Columns]);
                foreach (var row in o.Rows)
                {
                    csv.WriteRecord(several ? [o.Title, .. row] : [.. row]);
                }
            }
        }
        return text.ToString();
    }

    private static Table ToTable(TabularOutput o)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(o.Title));
        foreach (var c in o.Columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(c)));
        }
        foreach (var row in o.Rows)
        {
            // Control characters in data (e.g. an escape sequence in a name) are shown escaped, never sent to the terminal.
            table.AddRow(row.Select(cell => Markup.Escape(ImportText.Display(cell, int.MaxValue)!)).ToArray());
        }
        return table;
    }

    private static void WriteText(string text, FileInfo? output)
    {
        if (output is null)
        {
            System.Console.Out.Write(text);
            return;
        }
        output.Directory?.Create();
        File.WriteAllText(output.FullName, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
