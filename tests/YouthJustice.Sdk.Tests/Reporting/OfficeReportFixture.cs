using System.Collections.Immutable;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Reporting;
using YouthJustice.Sdk.Reports;

namespace YouthJustice.Sdk.Tests.Reporting;

/// <summary>A small report with counts both above and at or below the disclosure threshold, laid out as the report builder
/// lays one out (a headline page, a family section of value / numerator / denominator / interval columns, a plugin section of
/// rates with their counts), and readers for the binary formats.</summary>
internal static class OfficeReportFixture
{
    public static readonly SourceCitation Citation = SourceCitation.Publication(
        "Youth Justice Board", "Youth Justice Statistics: 2023 to 2024", "2025", "Chapter 3: First time entrants");

    public static readonly ReportingPeriod Latest = ReportingPeriod.FinancialQuarter(2024, 2);
    public static readonly ReportingPeriod Previous = ReportingPeriod.FinancialQuarter(2024, 1);

    /// <summary>A rate: <paramref name="numerator"/> of <paramref name="denominator"/>, in per cent.</summary>
    public static ReportFigure Rate(string id, decimal numerator, decimal denominator, ReportingPeriod? period = null, string area = "E08000026",
        bool provisional = false) => new()
    {
        Label = id + " rate",
        Methodology = new MethodologyRef(id, 4),
        Citation = Citation,
        AreaCode = area,
        Period = period ?? Latest,
        Numerator = numerator,
        Denominator = denominator,
        HasDenominator = true,
        Multiplier = 100m,
        Value = denominator == 0m ? null : numerator / denominator * 100m,
        Unit = "%",
        Decimals = 1,
        IntervalLower = denominator == 0m ? null : numerator / denominator * 100m - 7.25m,
        IntervalUpper = denominator == 0m ? null : numerator / denominator * 100m + 9.125m,
        IntervalLevel = denominator == 0m ? null : 0.95m,
        Direction = Direction.LowerIsBetter,
        Provisional = provisional,
        Comparisons = [new FigureComparison("england-and-wales", 41.25m, numerator / denominator * 100m - 41.25m, RagRating.Green)],
    };

    /// <summary>A plain count.</summary>
    public static ReportFigure Count(string id, decimal count, ReportingPeriod? period = null) => new()
    {
        Label = id + " count",
        Methodology = new MethodologyRef(id, 1),
        AreaCode = "E08000026",
        Period = period ?? Latest,
        Numerator = count,
        Value = count,
        Unit = "children",
        Decimals = 0,
    };

    /// <summary>The small rate of the plugin section that leaked as "3/16 (18.8%)".</summary>
    public static ReportFigure SmallRate { get; } = Rate("test-diversion-completion", 3, 16);

    public static ReportFigure LargeRate { get; } = Rate("test-fte", 45, 120);

    public static ReportFigure LargeRatePrevious { get; } = Rate("test-fte", 52, 118, Previous);

    public static ReportFigure SmallCount { get; } = Count("test-custody", 2);

    public static ReportFigure LargeCount { get; } = Count("test-remand", 59);

    public static Report Build(IEnumerable<ReportFigure>? extra = null)
    {
        var family = new[] { LargeRate, SmallRate, SmallCount, LargeCount }.Concat(extra ?? []).ToList();
        return new Report
        {
            Title = "Test board report",
            Dataset = "a test dataset",
            AsOf = new LocalDate(2024, 10, 31),
            Areas = [new ReportArea("E08000026", "Coventry")],
            Periods = [Previous, Latest],
            Sections =
            [
                new ReportSection
                {
                    Id = "headline",
                    Title = "Headline",
                    Kind = ReportSectionKind.Headline,
                    Blocks =
                    [
                        new ReportTable
                        {
                            Id = "headline",
                            Columns =
                            [
                                new ReportColumn("indicator", "Indicator"), new ReportColumn("latest", "Latest"), new ReportColumn("previous", "Previous"),
                                new ReportColumn("change", "Change"), new ReportColumn("trend", "Trend"), new ReportColumn("comparator-england-and-wales", "england-and-wales"),
                            ],
                            Rows =
                            [
                                [new TextCell("First time entrants"), new FigureCell(LargeRate, FigurePart.Value), new FigureCell(LargeRatePrevious, FigurePart.Value),
                                    new ChangeCell(LargeRatePrevious, LargeRate), new TrendCell([LargeRatePrevious, LargeRate]), new RatingCell(LargeRate, "england-and-wales")],
                                [new TextCell("Diversion completion"), new FigureCell(SmallRate, FigurePart.Value), TextCell.Empty,
                                    TextCell.Empty, new TrendCell([SmallRate]), new RatingCell(SmallRate, "england-and-wales")],
                            ],
                        },
                    ],
                },
                new ReportSection
                {
                    Id = "family-test",
                    Title = "Test family: rates, counts / other [detail] and a long title",
                    Kind = ReportSectionKind.Family,
                    Blocks =
                    [
                        new ReportTable
                        {
                            Id = "detail",
                            Title = "Detail",
                            Columns =
                            [
                                new ReportColumn("indicator", "Indicator"), new ReportColumn("value", "Value"), new ReportColumn("numerator", "Numerator"),
                                new ReportColumn("denominator", "Denominator"), new ReportColumn("interval", "95% interval"),
                            ],
                            Rows = [.. family.Select(f => ImmutableArray.Create<ReportCell>(new TextCell(f.Label), new FigureCell(f, FigurePart.Value),
                                new FigureCell(f, FigurePart.Numerator), new FigureCell(f, FigurePart.Denominator), new FigureCell(f, FigurePart.Interval)))],
                        },
                    ],
                },
                new ReportSection
                {
                    Id = "test-plugin/summary",
                    Title = "Diversion summary",
                    Kind = ReportSectionKind.Plugin,
                    Owner = "test-plugin",
                    Blocks =
                    [
                        new ReportTable
                        {
                            Id = "summary",
                            Columns = [new ReportColumn("measure", "Measure"), new ReportColumn("result", "Result")],
                            Rows = [[new TextCell("Completed"), new FigureCell(SmallRate)], [new TextCell("Entrants"), new FigureCell(LargeRate)], [new TextCell("Custody"), new FigureCell(SmallCount)]],
                        },
                        new RankedBarChart { Id = "bars", Title = "Areas", Bars = [new ChartItem("Coventry", LargeRate), new ChartItem("Small", SmallRate)] },
                    ],
                },
            ],
        };
    }

    /// <summary>One cell read back from a workbook.</summary>
    public sealed record ReadCell(string Sheet, string Reference, string? Text, decimal? Number, string? NumberFormat);

    /// <summary>Every non-empty cell of a workbook, read with DocumentFormat.OpenXml: inline or shared text, or the number
    /// with the format code its style gives it.</summary>
    public static List<ReadCell> ReadWorkbook(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var formats = stylesheet?.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode!.Value!) ?? [];
        formats[3] = "#,##0";
        var cellFormats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var cells = new List<ReadCell>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                var style = cell.StyleIndex?.Value is { } s && s < cellFormats.Count ? cellFormats[(int)s].NumberFormatId?.Value : null;
                var format = style is { } id && formats.TryGetValue(id, out var code) ? code : null;
                if (cell.DataType?.Value == CellValues.InlineString)
                {
                    cells.Add(new(sheet.Name!.Value!, cell.CellReference!.Value!, cell.InlineString!.InnerText, null, format));
                }
                else if (cell.DataType?.Value == CellValues.SharedString)
                {
                    cells.Add(new(sheet.Name!.Value!, cell.CellReference!.Value!, shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)], null, format));
                }
                else if (cell.DataType?.Value == CellValues.String)
                {
                    cells.Add(new(sheet.Name!.Value!, cell.CellReference!.Value!, cell.CellValue?.Text, null, format));
                }
                else if (cell.CellValue is { } value)
                {
                    cells.Add(new(sheet.Name!.Value!, cell.CellReference!.Value!, null,
                        decimal.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture), format));
                }
            }
        }
        return cells;
    }

    public static byte[] Render(IReportRenderer renderer, Report report)
    {
        using var stream = new MemoryStream();
        renderer.Render(report, stream);
        return stream.ToArray();
    }
}
