using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Reporting;

namespace YouthJustice.Sdk.Reports;

/// <summary>
/// The board pack as an Excel workbook (Office Open XML, written with DocumentFormat.OpenXml): a <c>Summary</c> sheet (the
/// report's title, dataset, disclosure and the headline page), a sheet per further section, and a <c>Notes</c> sheet with the
/// symbols' legend and every definition's methodology id, version and citation.
/// </summary>
/// <remarks>
/// <para>Numbers are numeric cells holding the model's unrounded value, displayed to the figure's decimals by a number format
/// (percentages with a % sign; changes in percentage points or per cent). A table cell showing a rate with its counts becomes
/// three columns (value, numerator, denominator), an interval two (lower, upper), a comparator two (its value, the RAG rating).</para>
/// <para>A withheld number is never written: its cell holds the text <see cref="Confidential"/> (<c>[c]</c>, the shorthand UK
/// official statistics use for a confidential cell: Government Analysis Function, Releasing statistics in spreadsheets) in a shaded style; an undefined value holds
/// <see cref="NotAvailable"/> (<c>[x]</c>). Provisional numbers are italic.</para>
/// <para>Deterministic: the same report gives the same bytes (every zip entry carries one fixed time).</para>
/// </remarks>
public sealed class XlsxReportRenderer : IReportRenderer
{
    /// <summary>What a withheld (confidential) cell shows.</summary>
    public const string Confidential = "[c]";

    /// <summary>What a cell with an undefined value shows.</summary>
    public const string NotAvailable = "[x]";

    /// <summary>The name of the first sheet.</summary>
    public const string SummarySheet = "Summary";

    /// <summary>The name of the last sheet.</summary>
    public const string NotesSheet = "Notes";

    /// <inheritdoc />
    public string Format => "xlsx";

    /// <inheritdoc />
    public string FileExtension => ".xlsx";

    /// <inheritdoc />
    public string MediaType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <inheritdoc />
    public bool IsText => false;

    /// <inheritdoc />
    public void Render(Report report, Stream output, ReportRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var sheets = XlsxLayout.Sheets(report);
        using var package = new MemoryStream();
        XlsxWriter.Write(sheets, package);
        package.Position = 0;
        Repack(package, output);
    }

    /// <summary>Copies the package's entries in order with one fixed time, so the bytes depend on the report alone.</summary>
    private static void Repack(Stream package, Stream output)
    {
        var fixedTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = fixedTime;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }
}

/// <summary>A font a workbook cell uses.</summary>
internal enum XlsxFont
{
    Normal = 0,
    Bold = 1,
    Italic = 2,
    Title = 3,
}

/// <summary>A fill a workbook cell uses.</summary>
internal enum XlsxFill
{
    None = 0,
    Green = 2,
    Amber = 3,
    Red = 4,
    Withheld = 5,
}

/// <summary>A cell style: number format code (null for General), font, fill, right alignment.</summary>
internal readonly record struct XlsxStyle(string? NumberFormat, XlsxFont Font = XlsxFont.Normal, XlsxFill Fill = XlsxFill.None, bool Right = false)
{
    public static XlsxStyle Plain { get; } = new(null);
}

/// <summary>One cell: text or a number, and its style. A blank cell has neither.</summary>
internal readonly record struct XlsxCell(string? Text, decimal? Number, XlsxStyle Style)
{
    public static XlsxCell Blank { get; } = new(null, null, XlsxStyle.Plain);

    public static XlsxCell Of(string text, XlsxFont font = XlsxFont.Normal) => new(text, null, new XlsxStyle(null, font));
}

/// <summary>A sheet: its name and rows of cells.</summary>
internal sealed record XlsxSheet(string Name, IReadOnlyList<IReadOnlyList<XlsxCell>> Rows);

/// <summary>Lays a report out as sheets of typed cells (no OpenXML here: <see cref="XlsxWriter"/> writes them).</summary>
internal static class XlsxLayout
{
    public static IReadOnlyList<XlsxSheet> Sheets(Report report)
    {
        var names = new XlsxSheetNames();
        var sheets = new List<XlsxSheet>();
        var summary = new List<IReadOnlyList<XlsxCell>>
        {
            new[] { XlsxCell.Of(report.Title, XlsxFont.Title) },
            new[] { XlsxCell.Of("Dataset: " + report.Dataset) },
            new[] { XlsxCell.Of("As of: " + report.AsOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)) },
            new[] { XlsxCell.Of("Disclosure: " + report.Disclosure.Describe()) },
            new[] { XlsxCell.Of($"Symbols: {XlsxReportRenderer.Confidential} confidential (withheld); {XlsxReportRenderer.NotAvailable} not available; italic: provisional. Definitions and sources: the {XlsxReportRenderer.NotesSheet} sheet.") },
            Array.Empty<XlsxCell>(),
        };
        names.Reserve(XlsxReportRenderer.SummarySheet);
        names.Reserve(XlsxReportRenderer.NotesSheet);
        sheets.Add(new XlsxSheet(XlsxReportRenderer.SummarySheet, summary));
        foreach (var section in report.Sections)
        {
            if (section.Kind == ReportSectionKind.Headline)
            {
                // The summary holds the headline page's tables and text; the data of its charts (long series) gets its own sheet.
                var charts = section.Blocks.Where(b => b is SeriesChart or FunnelChart or RankedBarChart).ToList();
                summary.Add([XlsxCell.Of(section.Title, XlsxFont.Title)]);
                summary.AddRange(Section(section with { Blocks = [.. section.Blocks.Except(charts)] }, report.Disclosure));
                if (charts.Count > 0)
                {
                    var chartRows = new List<IReadOnlyList<XlsxCell>> { new[] { XlsxCell.Of(section.Title + ": charts", XlsxFont.Title) }, Array.Empty<XlsxCell>() };
                    chartRows.AddRange(Section(section with { Blocks = [.. charts], Notes = [] }, report.Disclosure));
                    sheets.Add(new XlsxSheet(names.Add(section.Title + " charts"), chartRows));
                }
                continue;
            }
            var rows = new List<IReadOnlyList<XlsxCell>> { new[] { XlsxCell.Of(section.Title, XlsxFont.Title) }, Array.Empty<XlsxCell>() };
            rows.AddRange(Section(section, report.Disclosure));
            sheets.Add(new XlsxSheet(names.Add(section.Title), rows));
        }
        sheets.Add(new XlsxSheet(XlsxReportRenderer.NotesSheet, Notes(report)));
        return sheets;
    }

    private static List<IReadOnlyList<XlsxCell>> Section(ReportSection section, ReportDisclosure disclosure)
    {
        var rows = new List<IReadOnlyList<XlsxCell>>();
        foreach (var block in section.Blocks)
        {
            if (block.Title.Length > 0)
            {
                rows.Add([XlsxCell.Of(block.Title, XlsxFont.Bold)]);
            }
            switch (block)
            {
                case ReportTable table:
                    rows.AddRange(Table(table, disclosure));
                    break;
                case ReportText text:
                    rows.AddRange(text.Paragraphs.Select(p => (IReadOnlyList<XlsxCell>)[XlsxCell.Of(p)]));
                    break;
                case SeriesChart chart:
                    rows.Add(Headings("Series", "Period", "Value"));
                    rows.AddRange(chart.Series.SelectMany(s => s.Points.Select(p =>
                        (IReadOnlyList<XlsxCell>)[XlsxCell.Of(s.Label), XlsxCell.Of(p.Period.ToString()), Value(p)])));
                    break;
                case FunnelChart funnel:
                    rows.AddRange(Items(funnel.Stages));
                    break;
                case RankedBarChart bars:
                    rows.AddRange(Items(bars.Bars));
                    break;
            }
            rows.AddRange(block.Notes.Select(n => (IReadOnlyList<XlsxCell>)[XlsxCell.Of(n, XlsxFont.Italic)]));
            rows.Add([]);
        }
        rows.AddRange(section.Notes.Select(n => (IReadOnlyList<XlsxCell>)[XlsxCell.Of(n, XlsxFont.Italic)]));
        return rows;
    }

    private static IReadOnlyList<XlsxCell> Headings(params string[] titles) => [.. titles.Select(t => XlsxCell.Of(t, XlsxFont.Bold))];

    private static IEnumerable<IReadOnlyList<XlsxCell>> Items(IEnumerable<ChartItem> items)
    {
        yield return Headings("Label", "Value", "Numerator", "Denominator", "Lower", "Upper");
        foreach (var i in items)
        {
            var f = i.Figure;
            yield return [XlsxCell.Of(i.Label), Value(f), Count(f.Numerator, f.Disclosure.Numerator, f.Provisional),
                f.HasDenominator ? Count(f.Denominator, f.Disclosure.Denominator, f.Provisional) : XlsxCell.Blank, .. Interval(f)];
        }
    }

    /// <summary>How many workbook columns a table cell takes.</summary>
    private static int Span(ReportCell cell) => cell switch
    {
        FigureCell { Part: FigurePart.ValueWithCounts, Figure.HasDenominator: true } => 3,
        FigureCell { Part: FigurePart.Interval } => 2,
        RatingCell => 2,
        _ => 1,
    };

    private static IEnumerable<IReadOnlyList<XlsxCell>> Table(ReportTable table, ReportDisclosure disclosure)
    {
        var spans = table.Columns.Select((_, j) => table.Rows.Select(r => j < r.Length ? Span(r[j]) : 1).DefaultIfEmpty(1).Max()).ToList();
        var headings = new List<XlsxCell>();
        for (var j = 0; j < table.Columns.Length; j++)
        {
            var title = table.Columns[j].Title;
            var kind = table.Rows.Select(r => j < r.Length ? r[j] : null).FirstOrDefault(c => c is not null && Span(c) == spans[j]);
            string[] titles = kind switch
            {
                FigureCell { Part: FigurePart.Interval } => [title + " lower", title + " upper"],
                RatingCell => [title, title + " RAG"],
                _ when spans[j] == 3 => [title, title + " numerator", title + " denominator"],
                _ => [title],
            };
            headings.AddRange(titles.Select(t => XlsxCell.Of(t, XlsxFont.Bold)));
        }
        yield return headings;
        foreach (var row in table.Rows)
        {
            var cells = new List<XlsxCell>();
            for (var j = 0; j < table.Columns.Length; j++)
            {
                var shown = j < row.Length ? Cell(row[j], disclosure) : [XlsxCell.Blank];
                cells.AddRange(shown);
                cells.AddRange(Enumerable.Repeat(XlsxCell.Blank, spans[j] - shown.Count));
            }
            yield return cells;
        }
    }

    private static IReadOnlyList<XlsxCell> Cell(ReportCell cell, ReportDisclosure disclosure)
    {
        switch (cell)
        {
            case TextCell t:
                return [XlsxCell.Of(t.Text)];
            case FigureCell { Figure: var f, Part: var part }:
                return part switch
                {
                    FigurePart.Value => [Value(f)],
                    FigurePart.Numerator => [Count(f.Numerator, f.Disclosure.Numerator, f.Provisional)],
                    FigurePart.Denominator => [f.HasDenominator ? Count(f.Denominator, f.Disclosure.Denominator, f.Provisional) : XlsxCell.Blank],
                    FigurePart.Interval => Interval(f),
                    _ => f.HasDenominator
                        ? [Value(f), Count(f.Numerator, f.Disclosure.Numerator, f.Provisional), Count(f.Denominator, f.Disclosure.Denominator, f.Provisional)]
                        : [Count(f.Numerator, f.Disclosure.Numerator, f.Provisional)],
                };
            case ChangeCell c:
                var change = c.Change;
                if (change.State != SuppressionState.None)
                {
                    return [Withheld()];
                }
                if (change.Difference is not { } d)
                {
                    return [XlsxCell.Blank];
                }
                var places = change.Unit == ChangeUnit.PercentagePoints ? c.Latest.Decimals : 1;
                var suffix = change.Unit == ChangeUnit.PercentagePoints ? "\" pp\"" : "\"%\"";
                var body = Places(places);
                return [new XlsxCell(null, d, new XlsxStyle($"+{body}{suffix};-{body}{suffix};{body}{suffix}",
                    Fill: change.Improved switch { true => XlsxFill.Green, false => XlsxFill.Red, _ => XlsxFill.None }))];
            case TrendCell:
                return [XlsxCell.Of(ReportFormatting.Cell(cell, disclosure))];
            case RatingCell r:
                if (r.Comparison is not { } comparison)
                {
                    return [XlsxCell.Blank, XlsxCell.Blank];
                }
                var rag = r.Figure.Disclosure.Value != SuppressionState.None ? Withheld()
                    : comparison.Rag switch
                    {
                        RagRating.Green => new XlsxCell("green", null, new XlsxStyle(null, Fill: XlsxFill.Green)),
                        RagRating.Amber => new XlsxCell("amber", null, new XlsxStyle(null, Fill: XlsxFill.Amber)),
                        RagRating.Red => new XlsxCell("red", null, new XlsxStyle(null, Fill: XlsxFill.Red)),
                        _ => XlsxCell.Blank,
                    };
                return [new XlsxCell(null, comparison.Value, new XlsxStyle(ValueFormat(r.Figure))), rag];
            default:
                return [XlsxCell.Blank];
        }
    }

    private static XlsxCell Withheld() =>
        new(XlsxReportRenderer.Confidential, null, new XlsxStyle(null, Fill: XlsxFill.Withheld, Right: true));

    private static XlsxCell Value(ReportFigure f) =>
        f.Disclosure.Value != SuppressionState.None ? Withheld()
        : f.Value is not { } v ? new XlsxCell(XlsxReportRenderer.NotAvailable, null, new XlsxStyle(null, Right: true))
        : new XlsxCell(null, v, new XlsxStyle(ValueFormat(f), f.Provisional ? XlsxFont.Italic : XlsxFont.Normal));

    private static XlsxCell Count(decimal? count, SuppressionState state, bool provisional) =>
        state != SuppressionState.None ? Withheld()
        : count is not { } n ? XlsxCell.Blank
        : new XlsxCell(null, n, new XlsxStyle(n == decimal.Truncate(n) ? "#,##0" : null, provisional ? XlsxFont.Italic : XlsxFont.Normal));

    private static IReadOnlyList<XlsxCell> Interval(ReportFigure f) =>
        f.IntervalLevel is null ? [XlsxCell.Blank, XlsxCell.Blank]
        : f.Disclosure.Value != SuppressionState.None ? [Withheld(), Withheld()]
        : [Bound(f.IntervalLower, f), Bound(f.IntervalUpper, f)];

    private static XlsxCell Bound(decimal? bound, ReportFigure f) =>
        bound is { } b ? new XlsxCell(null, b, new XlsxStyle(ValueFormat(f))) : XlsxCell.Blank;

    private static string Places(int decimals) => decimals <= 0 ? "#,##0" : "#,##0." + new string('0', Math.Min(decimals, 15));

    /// <summary>The number format of a figure's value: its decimals, a % sign for a percentage, a £ sign for money.</summary>
    internal static string ValueFormat(ReportFigure f) =>
        f.IsPercentage ? Places(f.Decimals) + "\"%\""
        : f.Unit.StartsWith('£') ? "\"£\"" + Places(f.Decimals)
        : Places(f.Decimals);

    private static List<IReadOnlyList<XlsxCell>> Notes(Report report)
    {
        var rows = new List<IReadOnlyList<XlsxCell>>
        {
            new[] { XlsxCell.Of("Notes", XlsxFont.Title) },
            Array.Empty<XlsxCell>(),
            new[] { XlsxCell.Of("Symbols", XlsxFont.Bold) },
            new[] { Withheld(), XlsxCell.Of("Confidential: withheld under the disclosure policy, with any value derived from it. " + report.Disclosure.Describe()) },
            new[] { new XlsxCell(XlsxReportRenderer.NotAvailable, null, new XlsxStyle(null, Right: true)), XlsxCell.Of("Not available: the value is undefined (e.g. a zero denominator).") },
            new[] { new XlsxCell("1.0", null, new XlsxStyle(null, XlsxFont.Italic, Right: true)), XlsxCell.Of("Italic: provisional (the figure may still change, e.g. a cohort still being tracked).") },
            new[] { new XlsxCell("green", null, new XlsxStyle(null, Fill: XlsxFill.Green)), XlsxCell.Of("RAG rating against a comparator or target, respecting the indicator's direction; a change shaded green is for the better, red for the worse.") },
            new[] { XlsxCell.Of("Numbers"), XlsxCell.Of("Cells hold unrounded values; the number format shows each figure to its definition's decimals (rounded half away from zero). Rates are computed from unrounded counts.") },
            Array.Empty<XlsxCell>(),
            new[] { XlsxCell.Of("Definitions", XlsxFont.Bold) },
            Headings("Methodology id", "Version", "Variant", "Name", "Citation"),
        };
        var seen = new HashSet<MethodologyRef>();
        foreach (var f in report.Figures())
        {
            if (seen.Add(f.Methodology))
            {
                rows.Add([XlsxCell.Of(f.Methodology.Id), new XlsxCell(null, f.Methodology.Version, XlsxStyle.Plain),
                    XlsxCell.Of(f.Methodology.Variant ?? ""), XlsxCell.Of(f.Label), XlsxCell.Of(f.Citation?.ToString() ?? "")]);
            }
        }
        return rows;
    }
}

/// <summary>Sheet names Excel accepts: at most 31 characters, none of <c>[]:*?/\</c>, not starting or ending with an apostrophe,
/// not <c>History</c>, unique ignoring case (a repeat gets " (2)", " (3)"...).</summary>
internal sealed class XlsxSheetNames
{
    /// <summary>The longest name Excel accepts.</summary>
    public const int MaxLength = 31;

    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Marks <paramref name="name"/> as taken.</summary>
    public void Reserve(string name) => _used.Add(name);

    /// <summary>A valid, unused name made from <paramref name="title"/>, marked as taken.</summary>
    public string Add(string title)
    {
        var clean = new StringBuilder();
        foreach (var ch in title)
        {
            clean.Append("[]:*?/\\".Contains(ch, StringComparison.Ordinal) || char.IsControl(ch) ? ' ' : ch);
        }
        var name = string.Join(' ', clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('\'').Trim();
        if (name.Length == 0 || string.Equals(name, "History", StringComparison.OrdinalIgnoreCase))
        {
            name = "Section";
        }
        name = Cut(name, MaxLength);
        var candidate = name;
        for (var n = 2; !_used.Add(candidate); n++)
        {
            var suffix = string.Create(CultureInfo.InvariantCulture, $" ({n})");
            candidate = Cut(name, MaxLength - suffix.Length) + suffix;
        }
        return candidate;
    }

    private static string Cut(string name, int length) => name.Length <= length ? name : name[..length].TrimEnd().TrimEnd('\'');
}

/// <summary>Writes <see cref="XlsxSheet"/>s as a workbook with DocumentFormat.OpenXml.</summary>
internal static class XlsxWriter
{
    private static readonly string[] FillColours = ["", "", "FFC6EFCE", "FFFFEB9C", "FFFFC7CE", "FFD9D9D9"];

    public static void Write(IReadOnlyList<XlsxSheet> sheets, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        // Fixed relationship ids (the SDK would make random ones), so the bytes depend on the report alone.
        var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
        workbookPart.Workbook = new Workbook();
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        var styles = new List<XlsxStyle> { XlsxStyle.Plain };
        uint StyleIndex(XlsxStyle style)
        {
            var i = styles.IndexOf(style);
            if (i < 0)
            {
                styles.Add(style);
                i = styles.Count - 1;
            }
            return (uint)i;
        }
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>("rId" + id.ToString(CultureInfo.InvariantCulture));
            var data = new SheetData();
            var widths = new Dictionary<int, double>();
            for (var r = 0; r < sheet.Rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < sheet.Rows[r].Count; c++)
                {
                    var cell = sheet.Rows[r][c];
                    if (string.IsNullOrEmpty(cell.Text) && cell.Number is null)
                    {
                        continue;
                    }
                    var written = new Cell { CellReference = Column(c) + (r + 1).ToString(CultureInfo.InvariantCulture) };
                    var style = StyleIndex(cell.Style);
                    if (style != 0)
                    {
                        written.StyleIndex = style;
                    }
                    if (cell.Number is { } n)
                    {
                        written.CellValue = new CellValue(n);
                        written.DataType = CellValues.Number;
                    }
                    else
                    {
                        written.DataType = CellValues.InlineString;
                        written.InlineString = new InlineString(new Text(XmlSafe(cell.Text!)) { Space = SpaceProcessingModeValues.Preserve });
                    }
                    row.Append(written);
                    // Titles and long notes (one cell alone on a row) overflow into empty cells: they do not widen column A.
                    var alone = sheet.Rows[r].Count == 1;
                    var width = cell.Number is not null ? 12 : alone ? 10 : Math.Min(60, cell.Text!.Length + 2);
                    widths[c] = Math.Max(widths.GetValueOrDefault(c, 10), width);
                }
                data.Append(row);
            }
            // Printed (or converted to PDF) landscape on A4, one page wide: a board reads the whole row.
            var worksheet = new Worksheet(new SheetProperties(new PageSetupProperties { FitToPage = true }));
            if (widths.Count > 0)
            {
                worksheet.Append(new Columns(widths.OrderBy(w => w.Key).Select(w =>
                    new Column { Min = (uint)(w.Key + 1), Max = (uint)(w.Key + 1), Width = w.Value, CustomWidth = true })));
            }
            worksheet.Append(data);
            worksheet.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
            worksheet.Append(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
            part.Worksheet = worksheet;
            sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id, Name = sheet.Name });
            id++;
        }
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>("rId" + id.ToString(CultureInfo.InvariantCulture));
        stylesPart.Stylesheet = Stylesheet(styles);
    }

    private static Stylesheet Stylesheet(List<XlsxStyle> styles)
    {
        var formats = styles.Select(s => s.NumberFormat).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        uint FormatId(string? code) => code is null ? 0u : code == "#,##0" ? 3u : 164u + (uint)formats.IndexOf(code);
        var custom = formats.Where(f => f != "#,##0").ToList();
        var stylesheet = new Stylesheet();
        if (custom.Count > 0)
        {
            stylesheet.Append(new NumberingFormats(custom.Select(f => new NumberingFormat { NumberFormatId = FormatId(f), FormatCode = f })) { Count = (uint)custom.Count });
        }
        stylesheet.Append(new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Italic(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" })) { Count = 4 });
        stylesheet.Append(new Fills(FillColours.Select((colour, i) => i switch
        {
            0 => new Fill(new PatternFill { PatternType = PatternValues.None }),
            1 => new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            _ => new Fill(new PatternFill(new ForegroundColor { Rgb = colour }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }),
        })) { Count = (uint)FillColours.Length });
        stylesheet.Append(new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 });
        stylesheet.Append(new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 });
        stylesheet.Append(new CellFormats(styles.Select(s =>
        {
            var format = new CellFormat
            {
                NumberFormatId = FormatId(s.NumberFormat),
                FontId = (uint)s.Font,
                FillId = (uint)s.Fill,
                BorderId = 0,
                FormatId = 0,
                ApplyNumberFormat = s.NumberFormat is not null,
                ApplyFont = s.Font != XlsxFont.Normal,
                ApplyFill = s.Fill != XlsxFill.None,
            };
            if (s.Right)
            {
                format.Append(new Alignment { Horizontal = HorizontalAlignmentValues.Right });
                format.ApplyAlignment = true;
            }
            return format;
        })) { Count = (uint)styles.Count });
        stylesheet.Append(new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
        return stylesheet;
    }

    /// <summary>The column letters of a zero-based index (0 → A, 26 → AA).</summary>
    internal static string Column(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }
        return letters;
    }

    /// <summary>Text without the control characters XML cannot hold (tab, line feed and carriage return are kept).</summary>
    private static string XmlSafe(string text) =>
        text.Any(ch => char.IsControl(ch) && ch is not ('\t' or '\n' or '\r') || char.IsSurrogate(ch))
            ? new string([.. text.Where((ch, i) => !(char.IsControl(ch) && ch is not ('\t' or '\n' or '\r')) && !IsLoneSurrogate(text, i))])
            : text;

    private static bool IsLoneSurrogate(string text, int i) =>
        char.IsHighSurrogate(text[i]) ? i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])
        : char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
}
