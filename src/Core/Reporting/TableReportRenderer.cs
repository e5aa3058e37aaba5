using System.Text;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Reporting;

namespace YouthJustice.Sdk.Reports;

/// <summary>
/// Plain text for a console or a file: each section's title, then each table fitted to <see cref="ReportRenderOptions.Width"/>
/// (120 characters by default): detail columns are dropped first, then secondary ones, then the widest text columns wrap.
/// Charts are listed as their figures. Control characters in data are shown escaped.
/// </summary>
public sealed class TableReportRenderer : IReportRenderer
{
    /// <inheritdoc />
    public string Format => "table";

    /// <inheritdoc />
    public string FileExtension => ".txt";

    /// <inheritdoc />
    public string MediaType => "text/plain";

    /// <inheritdoc />
    public bool IsText => true;

    /// <inheritdoc />
    public void Render(Report report, Stream output, ReportRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var width = Math.Max(40, (options ?? ReportRenderOptions.Default).Width);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        foreach (var section in report.Sections)
        {
            writer.WriteLine(Clean(section.Title));
            writer.WriteLine(new string('=', Math.Min(width, Clean(section.Title).Length)));
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportTable table:
                        WriteTable(writer, table, report.Disclosure, width, block.Title != section.Title);
                        break;
                    case ReportText text:
                        WriteTitle(writer, text.Title);
                        foreach (var p in text.Paragraphs)
                        {
                            foreach (var line in Wrap(Clean(p), width))
                            {
                                writer.WriteLine(line);
                            }
                        }
                        break;
                    default:
                        // Charts are drawn by renderers that can; here they are already in the tables as their figures.
                        break;
                }
                foreach (var note in block.Notes)
                {
                    foreach (var line in Wrap("Note: " + Clean(note), width))
                    {
                        writer.WriteLine(line);
                    }
                }
                writer.WriteLine();
            }
            foreach (var note in section.Notes)
            {
                foreach (var line in Wrap("Note: " + Clean(note), width))
                {
                    writer.WriteLine(line);
                }
            }
            writer.WriteLine();
        }
    }

    private static void WriteTitle(StreamWriter writer, string title)
    {
        if (title.Length > 0)
        {
            writer.WriteLine(Clean(title));
        }
    }

    private static string Clean(string text) => ImportText.Display(text, int.MaxValue) ?? "";

    private static void WriteTable(StreamWriter writer, ReportTable table, ReportDisclosure disclosure, int width, bool withTitle)
    {
        if (withTitle)
        {
            WriteTitle(writer, table.Title);
        }
        var texts = table.Rows.Select(r => r.Select(c => Clean(ReportFormatting.Cell(c, disclosure))).ToArray()).ToList();
        var right = table.Rows.Length == 0 ? new bool[table.Columns.Length]
            : [.. Enumerable.Range(0, table.Columns.Length).Select(i => table.Rows.All(r => i >= r.Length || r[i] is FigureCell or ChangeCell or RatingCell or TextCell { Text.Length: 0 }))];
        var visible = Enumerable.Range(0, table.Columns.Length).ToList();
        // Columns empty in every row say nothing.
        visible.RemoveAll(i => texts.Count > 0 && texts.All(r => i >= r.Length || r[i].Length == 0) && table.Columns[i].Priority != ColumnPriority.Essential);
        int Natural(int i) => Math.Max(Clean(table.Columns[i].Title).Length, texts.Count == 0 ? 0 : texts.Max(r => i < r.Length ? r[i].Length : 0));
        int Total(IEnumerable<int> cols, Func<int, int> w) => cols.Sum(w) + (3 * Math.Max(0, cols.Count() - 1));
        foreach (var drop in new[] { ColumnPriority.Detail, ColumnPriority.Secondary })
        {
            if (Total(visible, Natural) <= width)
            {
                break;
            }
            visible.RemoveAll(i => table.Columns[i].Priority == drop);
        }
        var widths = visible.ToDictionary(i => i, Natural);
        while (Total(visible, i => widths[i]) > width)
        {
            var widest = visible.OrderByDescending(i => widths[i]).First();
            if (widths[widest] <= 8)
            {
                break;
            }
            widths[widest]--;
        }
        void Line(IReadOnlyList<string> cells, Func<int, bool> alignRight)
        {
            var wrapped = visible.Select((col, k) => Wrap(cells[k], widths[col]).ToList()).ToList();
            var height = wrapped.Max(w => w.Count);
            for (var h = 0; h < height; h++)
            {
                var parts = visible.Select((col, k) =>
                {
                    var t = h < wrapped[k].Count ? wrapped[k][h] : "";
                    return alignRight(col) ? t.PadLeft(widths[col]) : t.PadRight(widths[col]);
                });
                writer.WriteLine(string.Join(" | ", parts).TrimEnd());
            }
        }
        Line([.. visible.Select(i => Clean(table.Columns[i].Title))], _ => false);
        writer.WriteLine(string.Join("-+-", visible.Select(i => new string('-', widths[i]))));
        foreach (var row in texts)
        {
            Line([.. visible.Select(i => i < row.Length ? row[i] : "")], i => right[i]);
        }
        if (visible.Count < table.Columns.Length)
        {
            var hidden = table.Columns.Where((c, i) => !visible.Contains(i) && (texts.Count == 0 || texts.Any(r => i < r.Length && r[i].Length > 0))).Select(c => c.Title).ToList();
            if (hidden.Count > 0)
            {
                foreach (var line in Wrap($"(Not shown at {width} characters: {string.Join(", ", hidden)}; every format but the table has them.)", width))
                {
                    writer.WriteLine(line);
                }
            }
        }
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        if (text.Length <= width)
        {
            yield return text;
            yield break;
        }
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            var w = word;
            while (w.Length > width)
            {
                if (line.Length > 0)
                {
                    yield return line.ToString();
                    line.Clear();
                }
                yield return w[..width];
                w = w[width..];
            }
            if (line.Length > 0 && line.Length + 1 + w.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0)
            {
                line.Append(' ');
            }
            line.Append(w);
        }
        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
