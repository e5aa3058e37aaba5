using System.Text;
using YouthJustice.Sdk.Disclosure;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Reporting;
using YouthJustice.Sdk.Reports;

namespace YouthJustice.Sdk.Tests.Reporting;

public class ReportModelTests
{
    private static readonly ReportingPeriod Year = ReportingPeriod.FinancialYear(2021);

    private static ReportFigure Figure(decimal numerator, decimal? denominator, string unit = "%", decimal multiplier = 100m,
        ReportingPeriod? period = null, Direction direction = Direction.LowerIsBetter, string breakdown = "") => new()
    {
        Label = "Test",
        Methodology = new MethodologyRef("test.rate", 1),
        AreaCode = "E08000026",
        Period = period ?? Year,
        Breakdown = breakdown.Length == 0 ? BreakdownKey.Total : new BreakdownKey("sex", breakdown),
        Numerator = numerator,
        Denominator = denominator,
        HasDenominator = denominator is not null,
        Multiplier = multiplier,
        Value = denominator is { } d ? numerator / d * multiplier : numerator * multiplier,
        Unit = unit,
        Direction = direction,
    };

    [Fact]
    public void A_change_in_a_percentage_is_in_percentage_points_and_any_other_in_per_cent()
    {
        var rate = FigureChange.Between(Figure(20, 100, period: Year.Previous()), Figure(15, 100));
        var count = FigureChange.Between(Figure(40, null, "children", 1m, Year.Previous()), Figure(50, null, "children", 1m));

        Assert.Equal(ChangeUnit.PercentagePoints, rate.Unit);
        Assert.Equal(-5m, rate.Difference);
        Assert.True(rate.Improved); // lower is better
        Assert.Equal("-5.0 pp", rate.Format());
        Assert.Equal(ChangeUnit.PerCent, count.Unit);
        Assert.Equal(25m, count.Difference);
        Assert.False(count.Improved);
        Assert.Equal("+25.0%", count.Format());
    }

    [Fact]
    public void Publishing_withholds_a_small_numerator_its_percentage_and_every_change_from_it()
    {
        var previous = Figure(20, 100, period: Year.Previous());
        var latest = Figure(3, 16);
        var report = new Report
        {
            Title = "t",
            AsOf = new LocalDate(2023, 3, 31),
            Sections =
            [
                new ReportSection
                {
                    Id = "s", Title = "s",
                    Blocks = [new ReportTable { Id = "t", Columns = [new("a", "a"), new("b", "b")], Rows = [[new FigureCell(latest), new ChangeCell(previous, latest)]] }],
                },
            ],
        };

        var published = DisclosurePolicy.Default.Apply(report);

        var row = published.Sections[0].Tables().Single().Rows[0];
        var figure = ((FigureCell)row[0]).Figure;
        Assert.Null(figure.Numerator);
        Assert.Equal(16m, figure.Denominator);
        Assert.Null(figure.Value);
        Assert.Equal(SuppressionState.Primary, figure.Disclosure.Numerator);
        Assert.Equal(SuppressionState.Derived, figure.Disclosure.Value);
        Assert.Null(((ChangeCell)row[1]).Change.Difference);
        Assert.Equal("~ (~/16)", ReportFormatting.Cell(row[0], published.Disclosure));
        Assert.Equal("18.8% (3/16)", ReportFormatting.Cell(report.Sections[0].Tables().Single().Rows[0][0], report.Disclosure));
        Assert.Throws<InvalidOperationException>(() => DisclosurePolicy.Default.Apply(published));
    }

    [Fact]
    public void The_input_files_name_the_file_line_and_field_of_a_bad_row()
    {
        var known = new HashSet<string>(StringComparer.Ordinal) { "fte-rate" };

        var targets = ReportInputFiles.ReadTargets(new StringReader("indicator_id,area_code,period,value,source\nfte-rate,E08000026,2021/22,150,Plan\nfte-rate,,,140,\n"), "targets.csv", known);
        var badValue = Assert.Throws<FormatException>(() => ReportInputFiles.ReadTargets(new StringReader("indicator_id,area_code,period,value\nfte-rate,,,high\n"), "targets.csv", known));
        var badPeriod = Assert.Throws<FormatException>(() => ReportInputFiles.ReadComparators(new StringReader("indicator_id,comparator,period,value\nfte-rate,region,2021/2x,1\n"), "c.csv", known));

        Assert.Equal(2, targets.Length);
        Assert.Equal(("fte-rate", "E08000026", Year, 150m, "Plan"), (targets[0].IndicatorId, targets[0].AreaCode, targets[0].Period, targets[0].Value, targets[0].Source));
        Assert.Equal(("fte-rate", (string?)null, (ReportingPeriod?)null, 140m, (string?)null), (targets[1].IndicatorId, targets[1].AreaCode, targets[1].Period, targets[1].Value, targets[1].Source));
        Assert.Equal("targets.csv line 2, field value: 'high' is not a number.", badValue.Message);
        Assert.Equal("c.csv line 2, field period: '2021/2x' is not a reporting period.", badPeriod.Message);
    }

    private sealed class FakeRenderer(string format) : IReportRenderer
    {
        public string Format => format;
        public string FileExtension => "." + format;
        public string MediaType => "application/octet-stream";
        public bool IsText => false;
        public void Render(Report report, Stream output, ReportRenderOptions? options = null) => output.WriteByte(1);
    }

    [Fact]
    public void Renderers_are_found_by_format_and_a_host_adds_or_replaces_one()
    {
        var extended = ReportRenderers.Default.With(new FakeRenderer("xlsx")).With(new FakeRenderer("JSON"));

        Assert.Equal(["table", "json", "csv"], ReportRenderers.Default.Formats);
        Assert.Equal(["table", "JSON", "csv", "xlsx"], extended.Formats);
        Assert.IsType<FakeRenderer>(extended.Find("json"));
        Assert.IsType<JsonReportRenderer>(ReportRenderers.Default.Find("Json"));
        Assert.Null(ReportRenderers.Default.Find("xlsx"));
    }

    [Fact]
    public void The_table_renderer_keeps_every_line_within_the_width()
    {
        var long_ = new string('x', 70);
        var report = new Report
        {
            Title = "t",
            AsOf = new LocalDate(2023, 3, 31),
            Sections =
            [
                new ReportSection
                {
                    Id = "s", Title = "s",
                    Blocks =
                    [
                        new ReportTable
                        {
                            Id = "t",
                            Columns = [new("a", "a"), new("b", "b"), new("c", "detail", ColumnPriority.Detail)],
                            Rows = [[new TextCell(long_ + " " + long_), new FigureCell(Figure(30, 100)), new TextCell(long_)]],
                        },
                    ],
                },
            ],
        };
        using var stream = new MemoryStream();

        new TableReportRenderer().Render(report, stream, new ReportRenderOptions { Width = 80 });

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
        Assert.Contains(lines, l => l.Contains("30.0% (30/100)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Not shown at 80 characters: detail", StringComparison.Ordinal));
    }
}
