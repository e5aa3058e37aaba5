using System.Globalization;
using System.Text.Json;
using Parquet;
using Parquet.Serialization;
using YouthJustice.Sdk.Disclosure;
using YouthJustice.Sdk.Reports;
using static YouthJustice.Sdk.Tests.Reporting.OfficeReportFixture;

namespace YouthJustice.Sdk.Tests.Reporting;

public class ParquetReportRendererTests
{
    private static readonly ParquetReportRenderer Renderer = new();

    public static async Task<DeserializationResult<ParquetFigureRow>> ReadFile(byte[] bytes) =>
        await ParquetSerializer.DeserializeAsync<ParquetFigureRow>(new MemoryStream(bytes), new ParquetOptions { UseDateOnlyTypeForDates = true });

    public static async Task<IList<ParquetFigureRow>> Read(byte[] bytes) => (await ReadFile(bytes)).Data;

    private static double? Number(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : (double)e.GetProperty(name).GetDecimal();

    private static double? Bound(JsonElement figure, string name) =>
        figure.GetProperty("interval").ValueKind == JsonValueKind.Null ? null : Number(figure.GetProperty("interval"), name);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_rows_are_the_json_figures_with_the_same_values(bool publish)
    {
        var report = publish ? DisclosurePolicy.Default.Apply(Build()) : Build();
        using var json = JsonDocument.Parse(Render(new JsonReportRenderer(), report));
        var figures = json.RootElement.GetProperty("figures").EnumerateArray().ToList();

        var rows = await Read(Render(Renderer, report));

        Assert.Equal(figures.Count, rows.Count);
        Assert.Equal(5, rows.Count);
        foreach (var (f, row) in figures.Zip(rows))
        {
            Assert.Equal(f.GetProperty("id").GetString(), row.FigureId);
            Assert.Equal(f.GetProperty("methodology").GetProperty("id").GetString(), row.IndicatorId);
            Assert.Equal(f.GetProperty("methodology").GetProperty("version").GetInt32(), row.MethodologyVersion);
            Assert.Equal(f.GetProperty("areaCode").GetString(), row.AreaCode);
            Assert.Equal(f.GetProperty("period").GetProperty("start").GetString(), row.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.Equal(f.GetProperty("period").GetProperty("end").GetString(), row.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.Equal(f.GetProperty("breakdown").GetProperty("dimension").GetString(), row.BreakdownDimension);
            Assert.Equal(Number(f, "numerator"), row.Numerator);
            Assert.Equal(Number(f, "denominator"), row.Denominator);
            Assert.Equal(Number(f, "value"), row.Value);
            Assert.Equal(Bound(f, "lower"), row.IntervalLower);
            Assert.Equal(Bound(f, "upper"), row.IntervalUpper);
            Assert.Equal(f.GetProperty("unit").GetString(), row.Unit);
            Assert.Equal(f.GetProperty("provisional").GetBoolean(), row.Provisional);
            Assert.Equal(f.GetProperty("disclosure").GetProperty("numerator").GetString(), row.NumeratorState);
            Assert.Equal(f.GetProperty("disclosure").GetProperty("value").GetString(), row.ValueState);
            Assert.Equal(publish, row.Published);
        }
    }

    [Fact]
    public async Task Withheld_numbers_are_null_and_shown_ones_are_the_figures_values()
    {
        var rows = (await Read(Render(Renderer, DisclosurePolicy.Default.Apply(Build())))).ToDictionary(r => r.FigureId);

        var small = rows[SmallRate.Id];
        Assert.Null(small.Numerator);
        Assert.Null(small.Value);
        Assert.Null(small.IntervalLower);
        Assert.Null(small.IntervalUpper);
        Assert.Equal("primary", small.NumeratorState);
        Assert.Equal("derived", small.ValueState);
        Assert.Null(rows[SmallCount.Id].Numerator);
        Assert.Equal(37.5, rows[LargeRate.Id].Value);
        Assert.Equal(45.0, rows[LargeRate.Id].Numerator);
        Assert.Equal(120.0, rows[LargeRate.Id].Denominator);
        Assert.Equal(30.25, rows[LargeRate.Id].IntervalLower);
        Assert.Equal(new DateOnly(2024, 7, 1), rows[LargeRate.Id].PeriodStart);
        Assert.Equal(new DateOnly(2024, 9, 30), rows[LargeRate.Id].PeriodEnd);
        Assert.Equal("Coventry", rows[LargeRate.Id].AreaName);
        Assert.Equal("none", rows[LargeRate.Id].ValueState);
    }

    [Fact]
    public async Task The_columns_are_typed_and_nullable_where_a_number_may_be_withheld()
    {
        var file = await ReadFile(Render(Renderer, Build()));
        var fields = file.Schema.DataFields.ToDictionary(f => f.Name);

        Assert.Equal(typeof(DateOnly), fields["period_start"].ClrType);
        Assert.Equal(typeof(double), fields["value"].ClrType);
        Assert.True(fields["value"].IsNullable);
        Assert.True(fields["numerator"].IsNullable);
        Assert.False(fields["period_start"].IsNullable);
        Assert.Equal(typeof(int), fields["methodology_version"].ClrType);
        Assert.Equal(typeof(bool), fields["provisional"].ClrType);
    }

    [Fact]
    public void The_same_report_gives_the_same_bytes()
    {
        var report = DisclosurePolicy.Default.Apply(Build());
        Assert.Equal(Render(Renderer, report), Render(Renderer, report));
    }
}
