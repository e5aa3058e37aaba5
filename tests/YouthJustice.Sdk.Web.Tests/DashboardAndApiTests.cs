using System.Net;
using System.Text.Json;

namespace YouthJustice.Sdk.Web.Tests;

public sealed class DashboardAndApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Fact]
    public async Task The_dashboard_shows_the_embedded_sample_with_a_canvas_per_chart_and_the_import_reconciled()
    {
        var response = await factory.Anonymous().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("read 27809 = accepted 27809 + rejected 0", html, StringComparison.Ordinal);
        Assert.Contains("Coventry · 2022/23", html, StringComparison.Ordinal);
        Assert.Contains("/lib/chart.js/chart.umd.js", html, StringComparison.Ordinal);
        // A trend for every headline tile (the national headlines, the ten KPIs, the plugins' own), the KPI funnels
        // (4, 5 and 10) and the five relative rate index charts.
        var tiles = Count(html, "<article class=\"tile");
        Assert.True(tiles >= 14, html);
        Assert.Equal(tiles, Count(html, "data-chart=\"trend\""));
        foreach (var kpi in new[] { "yjb-kpi-4-mental-health", "yjb-kpi-5-substance-misuse", "yjb-kpi-10-victims" })
        {
            Assert.Contains($"id=\"funnel-{kpi}\"", html, StringComparison.Ordinal);
        }
        Assert.Equal(5, Count(html, "data-chart=\"rri\""));
        Assert.Contains("Diversion and the youth worker offer", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_the_chart_library_is_served_locally()
    {
        var client = factory.Anonymous();
        var page = await client.GetAsync("/");
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(page.Headers.Contains("Server"));
        var chart = await client.GetAsync("/lib/chart.js/chart.umd.js");
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Contains("Chart.js", await chart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_period_shows_that_period_and_a_trend_ending_there()
    {
        var client = factory.Anonymous();
        var dashboard = await TestData.JsonOf(await client.GetAsync("/api/dashboard?period=2021/22"));
        Assert.Equal("2021/22", dashboard.GetProperty("period").GetString());
        var fte = dashboard.GetProperty("trends").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "fte-rate");
        Assert.Equal(["2016/17", "2017/18", "2018/19", "2019/20", "2020/21", "2021/22"], fte.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        // The console's report of the same sample prints 181 per 100,000 for 2021/22 (shown to no decimals).
        Assert.Equal(181m, fte.GetProperty("values")[5].GetDecimal());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_endpoint()
    {
        var document = await TestData.JsonOf(await factory.Anonymous().GetAsync("/openapi/v1.json"));
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] expected = ["/api/datasets", "/api/datasets/{id}/import-report", "/api/reports", "/api/dashboard", "/api/runs", "/api/definitions",
            "/api/plugins", "/api/explain", "/api/tracker", "/api/comparators"];
        Assert.Empty(expected.Except(paths));
        Assert.True(document.GetProperty("paths").GetProperty("/api/datasets").TryGetProperty("post", out _));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/scalar")).StatusCode);
    }

    [Fact]
    public async Task Definitions_carry_versions_and_citations_and_plugins_list_the_repository_plugins()
    {
        var client = factory.Anonymous();
        var definitions = await TestData.JsonOf(await client.GetAsync("/api/definitions"));
        var fte = definitions.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "fte-rate");
        Assert.True(fte.GetProperty("version").GetInt32() >= 1);
        Assert.NotEmpty(fte.GetProperty("citations").EnumerateArray());
        var plugins = await TestData.JsonOf(await client.GetAsync("/api/plugins"));
        Assert.Equal(["coventry-diversion", "leicester-early-intervention", "warwickshire-ecm"],
            plugins.GetProperty("loaded").EnumerateArray().Select(p => p.GetProperty("id").GetString()).Order());
        Assert.Empty(plugins.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task A_published_report_suppresses_small_counts_in_JSON_and_CSV()
    {
        var client = factory.Anonymous();
        var report = await TestData.JsonOf(await client.GetAsync("/api/reports?period=2022/23&breakdown=sex"));
        Assert.True(report.GetProperty("published").GetBoolean());
        var figures = report.GetProperty("figures").EnumerateArray().ToList();
        Assert.Contains(figures, f => f.GetProperty("numerator").GetString() == "~");
        Assert.DoesNotContain(figures, f => Leak.IsSmallCount(f.GetProperty("numerator").GetString()!));
        // The SDK's tidy CSV: a withheld count is an empty cell with its state beside it.
        var csv = await client.GetStringAsync("/api/reports?period=2022/23&breakdown=sex&format=csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("figure_id,indicator_id,methodology_version,label,area_code", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Count > figures.Count / 2, csv);
        var rendered = await client.GetAsync("/api/reports?period=2022/23&format=report");
        Assert.Equal("application/json", rendered.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"schemaVersion\"", await rendered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_pack_and_the_parquet_figures_download_published_for_anyone()
    {
        var client = factory.Anonymous();
        var report = await TestData.JsonOf(await client.GetAsync("/api/reports?period=2022/23&format=report"));
        var figures = report.GetProperty("figures").EnumerateArray().ToList();

        var xlsx = await client.GetAsync("/api/reports?period=2022/23&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using (var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.Equal("Summary", sheets[0]);
            Assert.Contains("Notes", sheets);
            // The published pack marks withheld cells; the figures' numbers are numeric cells.
            var cells = workbook.WorkbookPart.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()).ToList();
            Assert.Contains(cells, c => c.InnerText == "[c]");
            Assert.Contains(cells, c => (c.DataType is null || c.DataType.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.Number) && c.CellValue is not null && double.TryParse(c.CellValue?.Text, System.Globalization.CultureInfo.InvariantCulture, out _));
        }

        var parquet = await client.GetAsync("/api/reports?period=2022/23&format=parquet");
        Assert.Equal(HttpStatusCode.OK, parquet.StatusCode);
        var rows = (await Parquet.Serialization.ParquetSerializer.DeserializeAsync<YouthJustice.Sdk.Reports.ParquetFigureRow>(
            new MemoryStream(await parquet.Content.ReadAsByteArrayAsync()), new Parquet.ParquetOptions { UseDateOnlyTypeForDates = true })).Data;
        Assert.Equal(figures.Count, rows.Count);
        // Withheld in the JSON, absent in the Parquet: the same published report.
        var withheld = figures.Count(f => f.GetProperty("numerator").ValueKind == JsonValueKind.Null);
        Assert.True(withheld > 0);
        Assert.Equal(withheld, rows.Count(r => r.Numerator is null));
    }

    [Fact]
    public async Task Report_runs_record_the_definitions_versions_they_used()
    {
        var client = factory.Anonymous();
        await client.GetAsync("/api/reports?period=2020/21");
        var runs = await TestData.JsonOf(await client.GetAsync("/api/runs"));
        var run = runs.EnumerateArray().First(r => r.GetProperty("periods").GetString() == "2020/21");
        Assert.Contains("fte-rate v", run.GetProperty("definitions").GetString(), StringComparison.Ordinal);
        Assert.True(run.GetProperty("results").GetInt32() > 0);
    }

    [Theory]
    [InlineData("/api/reports?period=sometime", "period", 400)]
    [InlineData("/api/reports?area=E99999999", "area", 400)]
    [InlineData("/api/reports?dataset=42", "dataset", 404)]
    [InlineData("/api/reports?format=xml", "format", 400)]
    [InlineData("/api/reports?breakdown=shoe-size", "breakdown", 400)]
    [InlineData("/api/dashboard?period=Q9", "period", 400)]
    public async Task Bad_requests_are_problem_details_naming_the_field(string url, string field, int status)
    {
        var response = await factory.Anonymous().GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await TestData.JsonOf(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var reasons), problem.ToString());
        Assert.NotEmpty(reasons.EnumerateArray().Single().GetString()!);
    }

    [Fact]
    public async Task An_unknown_dataset_import_report_is_404_problem_details()
    {
        var response = await (await factory.SignedIn()).GetAsync("/api/datasets/999/import-report");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_sample_is_listed_with_read_equal_to_accepted_plus_rejected()
    {
        var list = await TestData.JsonOf(await factory.Anonymous().GetAsync("/api/datasets"));
        var sample = list.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "sample");
        Assert.Equal(27809, sample.GetProperty("read").GetInt64());
        Assert.Equal(sample.GetProperty("read").GetInt64(), sample.GetProperty("accepted").GetInt64() + sample.GetProperty("rejected").GetInt64());
    }

    private static int Count(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
