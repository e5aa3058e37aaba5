using System.Text.Json;
using Microsoft.Playwright;

namespace YouthJustice.Sdk.Web.BrowserTests;

public sealed class DashboardBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Non-null values per chart, as the API gives them for the same dataset, area and period.</summary>
    private async Task<Dictionary<string, int>> ExpectedPoints(string query)
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.Address };
        var dashboard = JsonDocument.Parse(await http.GetStringAsync("/api/dashboard" + query)).RootElement;
        var points = new Dictionary<string, int>();
        foreach (var (kind, prefix) in new[] { ("trends", "trend-"), ("funnels", "funnel-"), ("disparities", "rri-") })
        {
            foreach (var chart in dashboard.GetProperty(kind).EnumerateArray())
            {
                points[prefix + chart.GetProperty("id").GetString()] = chart.GetProperty("values").EnumerateArray().Count(v => v.ValueKind != JsonValueKind.Null);
            }
        }
        return points;
    }

    /// <summary>Points Chart.js drew in each canvas: the non-null values of its main data set, checked against the elements drawn (-1 when they differ).</summary>
    private static async Task<Dictionary<string, int>> DrawnPoints(IPage page)
    {
        await page.WaitForSelectorAsync("body[data-charts-drawn='true']");
        var text = await page.EvaluateAsync<string>("""
            () => JSON.stringify(Object.fromEntries([...document.querySelectorAll('canvas[data-chart]')].map(c => {
              const chart = Chart.getChart(c);
              const main = c.dataset.chart === 'trend' ? chart.data.datasets[2] : chart.data.datasets[0];
              const meta = chart.getDatasetMeta(c.dataset.chart === 'trend' ? 2 : 0);
              // Every label has an element; those Chart.js parsed a number for are the points drawn (a line skips the rest).
              const axis = c.dataset.chart === 'trend' ? 'y' : 'x';
              const shown = meta.data.length === chart.data.labels.length
                ? meta.data.filter((e, i) => Number.isFinite(meta.controller.getParsed(i)[axis]) && (axis === 'x' || !e.skip)).length : -2;
              const values = main.data.filter(v => v !== null).length;
              return [c.id, shown === values ? values : -1];
            })))
            """);
        var raw = JsonDocument.Parse(text).RootElement;
        return raw.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetInt32() : throw new InvalidOperationException(p.Name + ": " + p.Value));
    }

    private static void SamePoints(Dictionary<string, int> expected, Dictionary<string, int> drawn) =>
        Assert.Equal(string.Join("; ", expected.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")),
            string.Join("; ", drawn.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));

    [Fact]
    public async Task The_dashboard_draws_every_chart_with_its_points_and_follows_the_period_and_area_pickers()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync("/");
        Assert.Equal("Coventry · 2022/23", (await page.TextContentAsync("h1"))!.Trim());
        var drawn = await DrawnPoints(page);
        SamePoints(await ExpectedPoints(""), drawn);
        Assert.True(drawn.Count >= 20, string.Join(", ", drawn.Keys));
        Assert.Equal(6, await page.EvaluateAsync<int>("() => Chart.getChart(document.getElementById('trend-fte-rate')).data.labels.length"));
        await fixture.Screenshot(page, "dashboard", "main > h1 ~ .tiles");
        await fixture.Screenshot(page, "dashboard-trends", "#trends");
        await fixture.Screenshot(page, "dashboard-funnels", "#funnels");
        await fixture.Screenshot(page, "dashboard-disproportionality", "#disparities");

        await page.SelectOptionAsync("#period-picker", "2021/22");
        await page.ClickAsync("#pickers button[type=submit]");
        await page.WaitForURLAsync("**period=2021%2F22**");
        Assert.Equal("Coventry · 2021/22", (await page.TextContentAsync("h1"))!.Trim());
        Assert.Equal("2021/22", await page.EvaluateAsync<string>("() => Chart.getChart(document.getElementById('trend-fte-rate')).data.labels.at(-1)"));
        SamePoints(await ExpectedPoints("?period=2021/22"), await DrawnPoints(page));

        await page.GotoAsync($"/?dataset={fixture.TwoAreas}");
        var second = fixture.TwoAreaCodes[1];
        await page.SelectOptionAsync("#area-picker", second);
        await page.ClickAsync("#pickers button[type=submit]");
        await page.WaitForURLAsync($"**area={second}**");
        Assert.Equal(second, await page.InputValueAsync("#area-picker"));
        SamePoints(await ExpectedPoints($"?dataset={fixture.TwoAreas}&area={second}"), await DrawnPoints(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_downloads_give_the_figures_on_screen_as_CSV_and_as_the_board_pack()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync("/?period=2022/23");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-csv"));
        var path = await download.PathAsync();
        var lines = await File.ReadAllLinesAsync(path!);
        Assert.StartsWith("figure_id,indicator_id,methodology_version,label,area_code", lines[0], StringComparison.Ordinal);
        // The tile on screen and the row in the download agree on the counts.
        var counts = (await page.TextContentAsync("article[data-indicator='fte-rate'] .counts"))!.Trim().Split(' ');
        var (numerator, denominator) = (counts[0], counts[2]);
        Assert.Contains(lines, l => l.StartsWith("fte-rate|E08000026|2022-04-01..2023-03-31|total,", StringComparison.Ordinal)
            && l.Contains($",{numerator},{denominator},", StringComparison.Ordinal));

        // The board pack of the same screen: a workbook with the summary sheet first and the FTE counts as numbers.
        var pack = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-xlsx"));
        Assert.EndsWith(".xlsx", pack.SuggestedFilename, StringComparison.Ordinal);
        using (var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open((await pack.PathAsync())!, false))
        {
            var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.Equal("Summary", sheets[0]);
            var numbers = workbook.WorkbookPart.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>())
                .Where(c => c.DataType is null || c.DataType.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.Number)
                .Select(c => c.CellValue?.Text).ToHashSet(StringComparer.Ordinal);
            Assert.Contains(numerator, numbers);
            Assert.Contains(denominator, numbers);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_analyst_uploads_a_broken_dataset_and_reads_every_error_then_explains_a_figure()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync("/upload");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#name", WebServer.Analyst);
        await page.FillAsync("#password", WebServer.Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync("**/upload");
        Assert.Contains(WebServer.Analyst, await page.TextContentAsync("#signed-in-as"), StringComparison.Ordinal);

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "broken.zip", MimeType = "application/zip", Buffer = BrowserFixture.BrokenZip() });
        await page.ClickAsync("#upload");
        await page.WaitForURLAsync("**/datasets/*/import");
        Assert.Contains("Not imported", await page.TextContentAsync("#import-outcome"), StringComparison.Ordinal);
        var rows = await page.Locator("#import-errors tbody tr").AllInnerTextsAsync();
        var children = rows.Where(r => r.StartsWith("children.csv", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, children.Count);
        Assert.All(children, r => Assert.Contains("date_of_birth", r, StringComparison.Ordinal));
        Assert.Contains(children, r => r.Contains("\t2\t", StringComparison.Ordinal));
        Assert.Contains(children, r => r.Contains("\t3\t", StringComparison.Ordinal));
        await fixture.Screenshot(page, "import-report");

        await page.GotoAsync("/?period=2022/23");
        await page.ClickAsync("article[data-indicator='fte-rate'] a.explain");
        await page.WaitForURLAsync("**/explain**");
        var count = int.Parse((await page.TextContentAsync("#explain-numerator-count"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(count, await page.Locator("#explain-ids li").CountAsync());
        Assert.True(count > 5);
        Assert.StartsWith("E08000026-C", await page.Locator("#explain-ids li").First.TextContentAsync(), StringComparison.Ordinal);
        await fixture.Screenshot(page, "explain");
        await page.Context.CloseAsync();
    }
}
