using System.Net;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace YouthJustice.Sdk.Web.Tests;

/// <summary>
/// Over generated datasets: no endpoint or download gives an anonymous caller a child id, or a count of 1 to 5 that the
/// disclosure policy suppresses, while the same figures asked for by an analyst do hold such counts.
/// </summary>
public sealed class AnonymousLeakPropertyTests(WebFactory factory) : IClassFixture<WebFactory>
{
    private static readonly string[] CountColumns = ["numerator", "denominator"];

    [Property(MaxTest = 4)]
    public Property No_endpoint_gives_an_anonymous_caller_a_child_id_or_an_unsuppressed_small_count() =>
        Prop.ForAll(Gen.Choose(1, 100_000).ToArbitrary(), Gen.Elements(0.02, 0.05, 0.1).ToArbitrary(), (seed, scale) => Check(seed, scale).GetAwaiter().GetResult());

    private async Task<bool> Check(int seed, double scale)
    {
        var dataset = TestData.Generate(seed, scale);
        var analyst = await factory.SignedIn();
        var upload = await analyst.PostAsync("/api/datasets", TestData.Upload(TestData.Json(dataset), $"generated-{seed}.json"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var id = (await TestData.JsonOf(upload)).GetProperty("id").GetString()!;
        var area = dataset.Areas[0].Code;
        // A broken copy too: its import report quotes the rejected rows' values (and child ids where a reference fails).
        var broken = await analyst.PostAsync("/api/datasets", TestData.Upload(TestData.Zip(dataset, TestData.BreakBirthDates), $"broken-{seed}.zip"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        var brokenId = (await TestData.JsonOf(await analyst.GetAsync("/api/datasets"))).EnumerateArray()
            .Single(d => d.GetProperty("name").GetString() == $"broken-{seed}.zip").GetProperty("id").GetString();
        var brokenReport = await analyst.GetStringAsync($"/api/datasets/{brokenId}/import-report");
        // What a rejected row held is the analyst's: the report quotes it (every seed), so the anonymous check below means something.
        Assert.Contains(TestData.BrokenBirthDate, brokenReport, StringComparison.Ordinal);

        // The same figures unsuppressed do hold small counts, so the property below is about suppression, not luck.
        var raw = await TestData.JsonOf(await analyst.GetAsync($"/api/reports?dataset={id}&period=2021/22&period=2022/23&breakdown=sex&breakdown=ethnicity-group&unsuppressed=true"));
        Assert.Contains(raw.GetProperty("figures").EnumerateArray(), f => CountColumns.Any(c => Leak.IsSmallCount(f.GetProperty(c).GetString()!)));

        var anonymous = factory.Anonymous();
        string[] urls =
        [
            $"/?dataset={id}",
            $"/?dataset={id}&period=2021/22&area={area}",
            $"/api/dashboard?dataset={id}",
            $"/api/dashboard?dataset={id}&period=2021/22",
            $"/api/reports?dataset={id}&period=2021/22&period=2022/23&breakdown=sex&breakdown=ethnicity-group",
            $"/api/reports?dataset={id}&period=2021/22&period=2022/23&breakdown=sex&breakdown=ethnicity-group&format=csv",
            $"/api/reports?dataset={id}&unsuppressed=true",
            $"/api/datasets",
            $"/api/datasets/{id}/import-report",
            $"/api/datasets/{brokenId}/import-report",
            $"/datasets/{brokenId}/import",
            $"/api/runs",
            $"/api/explain?dataset={id}&indicator=fte-count&period=2022/23",
            $"/api/tracker?dataset={id}&period=2021/22",
            $"/explain?dataset={id}&indicator=fte-count&period=2022/23",
        ];
        var childIds = dataset.Children.Select(c => c.Id).ToList();
        foreach (var url in urls)
        {
            var body = await anonymous.GetStringAsyncAllowingErrors(url);
            var leaked = childIds.FirstOrDefault(c => body.Contains(c, StringComparison.Ordinal));
            Assert.True(leaked is null, $"{url} gave an anonymous caller the child id {leaked}.");
            Assert.False(body.Contains(TestData.BrokenBirthDate, StringComparison.Ordinal), $"{url} gave an anonymous caller a rejected row's value.");
        }

        var published = await TestData.JsonOf(await anonymous.GetAsync(urls[4]));
        foreach (var figure in published.GetProperty("figures").EnumerateArray())
        {
            foreach (var column in CountColumns)
            {
                Assert.False(Leak.IsSmallCount(figure.GetProperty(column).GetString()!), $"{column} {figure}");
            }
            // A suppressed count takes the value and the interval with it.
            if (figure.GetProperty("numerator").GetString() == "~")
            {
                Assert.DoesNotMatch(@"^\d", figure.GetProperty("value").GetString()!);
                Assert.DoesNotMatch(@"^\d", figure.GetProperty("interval").GetString()!);
            }
        }
        // The plugins' board sections show counts as whole cells ("14") or as "n/d" beside a rate: none may be 1 to 5.
        foreach (var section in published.GetProperty("sections").EnumerateArray())
        {
            foreach (var cell in section.GetProperty("rows").EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(c => c.GetString()!))
            {
                Assert.False(Leak.IsSmallCount(cell), $"plugin section {section.GetProperty("id")}: '{cell}'");
                foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(cell, @"([0-9.,]+)/([0-9.,]+)"))
                {
                    Assert.False(Leak.IsSmallCount(m.Groups[1].Value) || Leak.IsSmallCount(m.Groups[2].Value), $"plugin section {section.GetProperty("id")}: '{cell}'");
                }
            }
        }

        var csv = (await anonymous.GetStringAsync(urls[5])).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].Split(',');
        var indexes = CountColumns.Select(c => Array.IndexOf(header, c)).ToList();
        foreach (var line in csv.Skip(1))
        {
            var cells = CsvCells(line);
            Assert.All(indexes, i => Assert.False(Leak.IsSmallCount(cells[i]), line));
        }

        var dashboard = await TestData.JsonOf(await anonymous.GetAsync(urls[2]));
        foreach (var tile in dashboard.GetProperty("tiles").EnumerateArray())
        {
            Assert.All(CountColumns, c => Assert.False(Leak.IsSmallCount(tile.GetProperty("latest").GetProperty(c).GetString()!), tile.ToString()));
        }
        foreach (var funnel in dashboard.GetProperty("funnels").EnumerateArray())
        {
            Assert.All(funnel.GetProperty("displays").EnumerateArray(), d => Assert.False(Leak.IsSmallCount(d.GetString()!), funnel.ToString()));
        }
        return true;
    }

    private static List<string> CsvCells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { cell.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else { cell.Append(c); }
        }
        cells.Add(cell.ToString());
        return cells;
    }
}

internal static class HttpClientExtensions
{
    /// <summary>The body whatever the status (a refusal's body must not leak either).</summary>
    public static async Task<string> GetStringAsyncAllowingErrors(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return await response.Content.ReadAsStringAsync();
    }
}
