using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Spectre.Console;

namespace YouthJustice.Sdk.Samples.Console;

/// <summary>How a command prints its result.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Csv,
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
            case OutputFormat.Table when output is null:
                foreach (var o in outputs)
                {
                    console.Write(ToTable(o));
                    console.WriteLine();
                }
                return;
            case OutputFormat.Table:
                // A table written to a file is plain text: no colour codes, fixed width.
                var recorder = AnsiConsole.Create(new AnsiConsoleSettings
                {
                    Ansi = AnsiSupport.No,
                    ColorSystem = ColorSystemSupport.NoColors,
                    Out = new AnsiConsoleOutput(new StringWriter(CultureInfo.InvariantCulture)),
                });
                recorder.Profile.Width = 200;
                var text = new StringBuilder();
                foreach (var o in outputs)
                {
                    recorder.Record();
                    recorder.Write(ToTable(o));
                    text.AppendLine(recorder.ExportText()).AppendLine();
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

    public static string ToJson(IReadOnlyList<TabularOutput> outputs)
    {
        var document = outputs.ToDictionary(
            o => o.Title,
            o => o.Rows.Select(r => o.Columns.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList());
        return JsonSerializer.Serialize(document, JsonOptions) + "\n";
    }

    public static string ToCsv(IReadOnlyList<TabularOutput> outputs)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        var several = outputs.Count > 1;
        foreach (var o in outputs)
        {
            // Several tables in one CSV stream: each gets a leading "section" column so rows stay self-describing.
            if (several)
            {
                csv.WriteField("section");
            }
            foreach (var c in o.Columns)
            {
                csv.WriteField(c);
            }
            csv.NextRecord();
            foreach (var row in o.Rows)
            {
                if (several)
                {
                    csv.WriteField(o.Title);
                }
                foreach (var cell in row)
                {
                    csv.WriteField(cell);
                }
                csv.NextRecord();
            }
        }
        csv.Flush();
        return writer.ToString();
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
            table.AddRow(row.Select(cell => Markup.Escape(cell)).ToArray());
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
