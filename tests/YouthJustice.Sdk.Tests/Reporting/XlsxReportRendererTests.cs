using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using YouthJustice.Sdk.Disclosure;
using YouthJustice.Sdk.Reporting;
using YouthJustice.Sdk.Reports;
using static YouthJustice.Sdk.Tests.Reporting.OfficeReportFixture;

namespace YouthJustice.Sdk.Tests.Reporting;

public class XlsxReportRendererTests
{
    private const string Family = "Test family rates, counts other";

    private static readonly XlsxReportRenderer Renderer = new();

    /// <summary>The cells of the row whose column A holds <paramref name="label"/>, by column letter.</summary>
    private static Dictionary<string, ReadCell> Row(List<ReadCell> cells, string sheet, string label)
    {
        var first = cells.Single(c => c.Sheet == sheet && c.Text == label && c.Reference.StartsWith('A') && char.IsDigit(c.Reference[1]));
        var row = first.Reference[1..];
        return cells.Where(c => c.Sheet == sheet && c.Reference.TrimStart((char[])[.. "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]) == row)
            .ToDictionary(c => c.Reference[..^row.Length], StringComparer.Ordinal);
    }

    [Fact]
    public void The_workbook_is_valid_open_xml_with_a_summary_a_sheet_per_section_and_notes()
    {
        var bytes = Render(Renderer, Build());

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => e.Description).ToList();
        Assert.Empty(errors);
        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal(["Summary", Family, "Diversion summary", "Notes"], names);
    }

    [Fact]
    public void Numbers_are_numeric_cells_holding_the_figure_values_with_their_number_formats()
    {
        var cells = ReadWorkbook(Render(Renderer, Build()));

        var rate = Row(cells, Family, LargeRate.Label);
        Assert.Equal([37.5m, 45m, 120m, 30.25m, 46.625m], "BCDEF".Select(c => rate[c.ToString()].Number!.Value));
        Assert.Equal(["#,##0.0\"%\"", "#,##0", "#,##0", "#,##0.0\"%\"", "#,##0.0\"%\""], "BCDEF".Select(c => rate[c.ToString()].NumberFormat));
        Assert.Equal("95% interval lower", cells.Single(c => c.Sheet == Family && c.Text?.StartsWith("95%", StringComparison.Ordinal) == true && c.Reference.StartsWith('E')).Text);

        var count = Row(cells, Family, LargeCount.Label);
        Assert.Equal(59m, count["B"].Number);
        Assert.Equal(59m, count["C"].Number);
        Assert.Equal("#,##0", count["B"].NumberFormat);
        Assert.False(count.ContainsKey("D"));

        // The headline: latest, previous, the change in percentage points, the comparator's value and its RAG rating.
        var headline = Row(cells, "Summary", "First time entrants");
        Assert.Equal(37.5m, headline["B"].Number);
        Assert.Equal(52m / 118m * 100m, headline["C"].Number);
        Assert.Equal(37.5m - 52m / 118m * 100m, headline["D"].Number);
        Assert.Equal("+#,##0.0\" pp\";-#,##0.0\" pp\";#,##0.0\" pp\"", headline["D"].NumberFormat);
        Assert.Equal(41.25m, headline["F"].Number);
        Assert.Equal("green", headline["G"].Text);

        // A plugin's rate with its counts is three numeric columns, not "18.8% (3/16)".
        var plugin = Row(cells, "Diversion summary", "Completed");
        Assert.Equal([18.75m, 3m, 16m], "BCD".Select(c => plugin[c.ToString()].Number!.Value));
        Assert.Contains(cells, c => c.Sheet == "Diversion summary" && c.Text == "Result numerator");
    }

    [Fact]
    public void A_published_workbook_marks_every_suppressed_cell_and_holds_no_suppressed_count()
    {
        var published = DisclosurePolicy.Default.Apply(Build());
        var small = published.Figures().Single(f => f.Id == SmallRate.Id);
        Assert.Equal(SuppressionState.Primary, small.Disclosure.Numerator);
        Assert.Equal(SuppressionState.None, published.Figures().Single(f => f.Id == LargeRate.Id).Disclosure.Value);

        var cells = ReadWorkbook(Render(Renderer, published));

        var smallRow = Row(cells, Family, SmallRate.Label);
        Assert.Equal(["[c]", "[c]", "[c]", "[c]"], "BCEF".Select(c => smallRow[c.ToString()].Text));
        Assert.Equal(small.Disclosure.Denominator == SuppressionState.None ? null : "[c]", smallRow["D"].Text);
        Assert.Equal("[c]", Row(cells, Family, SmallCount.Label)["B"].Text);
        Assert.Equal("[c]", Row(cells, Family, SmallCount.Label)["C"].Text);
        var plugin = Row(cells, "Diversion summary", "Completed");
        Assert.Equal(["[c]", "[c]"], "BC".Select(c => plugin[c.ToString()].Text));
        Assert.Equal("[c]", Row(cells, "Diversion summary", "Custody")["B"].Text);
        var headline = Row(cells, "Summary", "Diversion completion");
        Assert.Equal("[c]", headline["B"].Text);
        Assert.Equal(41.25m, headline["F"].Number);
        Assert.Equal("[c]", headline["G"].Text);
        Assert.Equal(37.5m, Row(cells, Family, LargeRate.Label)["B"].Number);
        Assert.Equal(45m, Row(cells, Family, LargeRate.Label)["C"].Number);

        // No withheld count, nor the value or bounds derived from it, anywhere: not as a number and not inside any text.
        var withheld = new[] { 3m, 2m, 18.75m, 18.75m - 7.25m, 18.75m + 9.125m };
        Assert.DoesNotContain(cells, c => c.Number is { } n && withheld.Contains(n));
        Assert.DoesNotContain(cells, c => c.Text is { } t && (t.Contains("3/16", StringComparison.Ordinal) || t.Contains("18.8", StringComparison.Ordinal)));
        Assert.Contains(cells, c => c.Sheet == "Notes" && c.Text!.Contains("counts of 5 or fewer suppressed", StringComparison.Ordinal));
    }

    [Fact]
    public void The_notes_sheet_cites_every_definition_with_its_methodology_id_and_version()
    {
        var cells = ReadWorkbook(Render(Renderer, Build()));
        Assert.Equal(4m, Row(cells, "Notes", "test-fte")["B"].Number);
        Assert.Equal(4m, Row(cells, "Notes", "test-diversion-completion")["B"].Number);
        Assert.Equal(1m, Row(cells, "Notes", "test-custody")["B"].Number);
        Assert.Equal(1m, Row(cells, "Notes", "test-remand")["B"].Number);
        Assert.Equal("Youth Justice Board, Youth Justice Statistics: 2023 to 2024 (2025), Chapter 3: First time entrants",
            Row(cells, "Notes", "test-fte")["E"].Text);
        Assert.Equal("[c]", cells.First(c => c.Sheet == "Notes" && c.Reference.StartsWith('A') && c.Text == "[c]").Text);
    }

    [Fact]
    public void The_same_report_gives_the_same_bytes()
    {
        var report = DisclosurePolicy.Default.Apply(Build());
        Assert.Equal(Render(Renderer, report), Render(Renderer, report));
    }

    [Theory]
    [InlineData("Summary", "Summary (2)")]
    [InlineData("Rates: a/b [detail] *?\\", "Rates a b detail")]
    [InlineData("A section title that is much longer than thirty-one characters", "A section title that is much lo")]
    [InlineData("'quoted'", "quoted")]
    [InlineData("history", "Section")]
    [InlineData("[]", "Section")]
    public void Sheet_names_are_valid_and_unique(string title, string expected)
    {
        var names = new XlsxSheetNames();
        names.Reserve("Summary");
        Assert.Equal(expected, names.Add(title));
    }

    [Fact]
    public void Repeated_long_sheet_names_stay_within_31_characters()
    {
        var names = new XlsxSheetNames();
        var title = new string('x', 40);
        Assert.Equal([new string('x', 31), new string('x', 27) + " (2)", new string('X', 27) + " (3)"], [names.Add(title), names.Add(title), names.Add(title.ToUpperInvariant())]);
    }
}
