using System.Globalization;
using System.Text.Json;

namespace YouthJustice.Sdk.Console.Tests;

/// <summary><c>yj tracker</c>: the live tracker's cohort child by child, for analysts only.</summary>
public sealed class TrackerCommandTests : IDisposable
{
    private const string ChildrenTable = "Children";

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("yj-tracker-tests-");

    public void Dispose() => _work.Delete(recursive: true);

    private static List<Dictionary<string, string>> Rows(JsonElement root, string table) =>
        [.. root.GetProperty(table).EnumerateArray().Select(r => r.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!))];

    [Theory]
    [InlineData("tracker", "--publish")]
    [InlineData("tracker", "--publish", "--period", "2021/22", "--format", "csv")]
    public void Tracker_is_refused_under_publish_with_a_usage_error_before_anything_is_read(params string[] args)
    {
        var run = ConsoleProcess.Run(_work.FullName, args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.StdOut);
        Assert.Contains("it is for analysts and is never published, so --publish is refused", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("yj report --publish", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Imported", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_cohort_lists_every_child_most_reoffences_first_then_earlier_first_reoffence_then_child_id()
    {
        var run = ConsoleProcess.Run(_work.FullName, "tracker", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StdOut);
        var children = Rows(json.RootElement, ChildrenTable);
        var cohorts = Rows(json.RootElement, "Cohorts");
        Assert.Equal(["2021/22", "2022/23"], cohorts.Select(c => c["period"]));
        foreach (var cohort in cohorts)
        {
            var rows = children.Where(c => c["period"] == cohort["period"]).ToList();
            Assert.Equal(cohort["children"], rows.Count.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(cohort["live"], rows.Count(r => r["status"] == "live").ToString(CultureInfo.InvariantCulture));
            Assert.Equal(cohort["reoffended"], rows.Count(r => r["reoffences"] != "0").ToString(CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r["rank"]));
            for (var i = 1; i < rows.Count; i++)
            {
                var (before, after) = (rows[i - 1], rows[i]);
                var (nb, na) = (int.Parse(before["reoffences"], CultureInfo.InvariantCulture), int.Parse(after["reoffences"], CultureInfo.InvariantCulture));
                Assert.True(nb >= na, $"{before["child"]} ({nb}) before {after["child"]} ({na})");
                if (nb == na)
                {
                    var order = string.CompareOrdinal(before["first reoffence"], after["first reoffence"]);
                    Assert.True(order < 0 || (order == 0 && string.CompareOrdinal(before["child"], after["child"]) < 0),
                        $"{before["child"]} ({before["first reoffence"]}) before {after["child"]} ({after["first reoffence"]})");
                }
            }
            // The embedded sample is as of 31 March 2023: a child is live while their reoffences may still be proven after it.
            Assert.All(rows, r => Assert.Equal(string.CompareOrdinal(r["proven by"], "2023-03-31") > 0 ? "live" : "complete", r["status"]));
        }
        Assert.Contains(children, c => c["reoffences"] != "0");
        Assert.Contains(children, c => c["status"] == "live");
        Assert.Contains(children, c => c["status"] == "complete");
    }

    [Fact]
    public void The_list_is_the_cohort_behind_the_tracker_figure_that_explain_gives()
    {
        var tracker = ConsoleProcess.Run(_work.FullName, "tracker", "--period", "2021/22", "--format", "json");
        var explain = ConsoleProcess.Run(_work.FullName, "explain", "tracker-binary", "2021/22", "--format", "json");

        Assert.True(tracker.ExitCode == 0, tracker.ToString());
        Assert.True(explain.ExitCode == 0, explain.ToString());
        using var t = JsonDocument.Parse(tracker.StdOut);
        using var e = JsonDocument.Parse(explain.StdOut);
        var children = Rows(t.RootElement, ChildrenTable);
        var records = Rows(e.RootElement, "Records");
        Assert.All(children, c => Assert.Equal("2021/22", c["period"]));
        Assert.Equal(records.Where(r => r["part"] == "denominator").Select(r => r["id"]).Order(StringComparer.Ordinal),
            children.Select(c => c["child"]).Order(StringComparer.Ordinal));
        Assert.Equal(records.Where(r => r["part"] == "numerator").Select(r => r["id"]).Order(StringComparer.Ordinal),
            children.Where(c => c["reoffences"] != "0").Select(c => c["child"]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("--period", "2021/23")]
    [InlineData("--area", "E99999999")]
    public void A_bad_period_or_area_is_a_usage_error(string option, string value)
    {
        var run = ConsoleProcess.Run(_work.FullName, "tracker", option, value);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(value, run.StdErr, StringComparison.Ordinal);
    }
}
