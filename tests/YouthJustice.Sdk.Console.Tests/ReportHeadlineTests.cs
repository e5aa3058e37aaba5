using System.Text.Json;

namespace YouthJustice.Sdk.Console.Tests;

/// <summary>The default report's headline page: latest, previous, change, trend, target and every comparator with its RAG.</summary>
public sealed class ReportHeadlineTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("yj-headline-tests-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void Every_headline_shows_the_previous_period_the_change_a_trend_and_a_rating()
    {
        var run = ConsoleProcess.Run(_work.FullName, "report", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StdOut);
        var figures = json.RootElement.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        var sections = json.RootElement.GetProperty("sections").EnumerateArray().ToList();
        // The headline page comes first after the about section.
        Assert.Equal("about", sections[0].GetProperty("kind").GetString());
        Assert.Equal("headline", sections[1].GetProperty("kind").GetString());
        var table = sections[1].GetProperty("blocks")[0];
        var columns = table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(["indicator", "latest", "previous", "change", "trend", "target", "comparator-family-group", "comparator-region", "comparator-england-and-wales"], columns);
        var rows = table.GetProperty("rows").EnumerateArray().ToList();
        var indicators = rows.Select(r => figures[r[1].GetProperty("figure").GetString()!].GetProperty("methodology").GetProperty("id").GetString()).ToList();
        Assert.Equal(["fte-rate", "reoffending-binary", "reoffending-frequency", "custody-rate"], indicators.Take(4));
        Assert.Contains("yjb-kpi-1-accommodation", indicators);
        Assert.Contains("coventry-diversion.referrals", indicators);
        Assert.True(indicators.IndexOf("action-plan-overdue") > indicators.IndexOf("yjb-kpi-10-victims"), "the overdue actions follow the KPIs");
        foreach (var row in rows)
        {
            var latest = figures[row[1].GetProperty("figure").GetString()!];
            var previous = figures[row[2].GetProperty("figure").GetString()!];
            Assert.Equal("2022/23", latest.GetProperty("period").GetProperty("label").GetString());
            Assert.Equal("2021/22", previous.GetProperty("period").GetProperty("label").GetString());
            var change = row[3];
            Assert.Equal("change", change.GetProperty("type").GetString());
            var a = previous.GetProperty("value").GetDecimal();
            var b = latest.GetProperty("value").GetDecimal();
            var percentage = latest.GetProperty("unit").GetString()!.StartsWith('%');
            Assert.Equal(percentage ? "percentagePoints" : "perCent", change.GetProperty("unit").GetString());
            if (!percentage && a == 0m)
            {
                // A per cent change from nothing (the sample's overdue actions: none the year before) is undefined.
                Assert.Equal(JsonValueKind.Null, change.GetProperty("difference").ValueKind);
            }
            else
            {
                Assert.Equal(Math.Round(percentage ? b - a : (b - a) / a * 100m, 6), Math.Round(change.GetProperty("difference").GetDecimal(), 6));
            }
            Assert.InRange(row[4].GetProperty("points").GetArrayLength(), 4, 8);
            var ratings = row.EnumerateArray().Skip(5).Where(c => c.GetProperty("rag").ValueKind == JsonValueKind.String).ToList();
            Assert.True(ratings.Count > 0, $"{latest.GetProperty("id").GetString()} has no rating");
        }
    }

    [Fact]
    public void Each_comparator_is_rated_by_the_indicators_direction()
    {
        var run = ConsoleProcess.Run(_work.FullName, "report", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StdOut);
        var fte = json.RootElement.GetProperty("figures").EnumerateArray().Single(f =>
            f.GetProperty("methodology").GetProperty("id").GetString() == "fte-rate" && f.GetProperty("period").GetProperty("label").GetString() == "2022/23");
        var value = fte.GetProperty("value").GetDecimal();
        Assert.Equal("lowerIsBetter", fte.GetProperty("direction").GetString());
        var comparisons = fte.GetProperty("comparisons").EnumerateArray().ToList();
        Assert.Equal(["family-group", "region", "england-and-wales"], comparisons.Select(c => c.GetProperty("name").GetString()));
        foreach (var c in comparisons)
        {
            var comparator = c.GetProperty("value").GetDecimal();
            // Lower is better: beyond 5% of the comparator above it is red, below it green, within it amber.
            var expected = Math.Abs(value - comparator) <= comparator * 0.05m ? "amber" : value < comparator ? "green" : "red";
            Assert.Equal(expected, c.GetProperty("rag").GetString());
        }
    }
}
