using System.Reflection;
using System.Text.Json;

namespace YouthJustice.Sdk.Console.Tests;

/// <summary><c>yj inspect</c>: HMIP ratings from a case-sample file, by default the shipped Coventry 2023 sample.</summary>
public sealed class InspectCommandTests : IDisposable
{
    private static readonly string ShippedSample = Path.GetFullPath(Path.Combine(
        typeof(InspectCommandTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SampleData").Value!,
        "..", "SampleInspection", "coventry-2023.case-sample.csv"));

    /// <summary>As published: HM Inspectorate of Probation, An inspection of youth offending services in Coventry (February 2023), "Ratings".</summary>
    private static readonly Dictionary<string, string> PublishedRatings = new()
    {
        ["1.1"] = "Outstanding", ["1.2"] = "Outstanding", ["1.3"] = "Good", ["1.4"] = "Outstanding",
        ["2.1"] = "Outstanding", ["2.2"] = "Good", ["2.3"] = "Good", ["2.4"] = "Good",
        ["3.1"] = "Outstanding", ["3.2"] = "Outstanding", ["3.3"] = "Outstanding", ["3.4"] = "Outstanding",
        ["4.1"] = "Good",
    };

    /// <summary>As published: the same report's key-question tables (domains two and three), desistance / child's safety / others' safety, in whole percent.</summary>
    private static readonly Dictionary<string, string[]> PublishedPercents = new()
    {
        ["2.1"] = ["94", "88", "88"], ["2.2"] = ["94", "81", "69"], ["2.3"] = ["81", "81", "69"], ["2.4"] = ["81", "88", "69"],
        ["3.1"] = ["100", "88", "94"], ["3.2"] = ["100", "100", "100"], ["3.3"] = ["100", "100", "94"],
    };

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("yj-inspect-tests-");

    public void Dispose() => _work.Delete(recursive: true);

    private static string Item(JsonElement root, string item) =>
        root.GetProperty("HM Inspectorate of Probation inspection rating").EnumerateArray().Single(r => r.GetProperty("item").GetString() == item).GetProperty("value").GetString()!;

    [Fact]
    public void Inspect_with_no_file_prints_the_shipped_coventry_sample_as_32_out_of_36_outstanding_with_each_standards_rating()
    {
        var run = ConsoleProcess.Run(_work.FullName, "inspect");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("32/36 Outstanding", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("Coventry, February 2023", run.StdOut, StringComparison.Ordinal);
        foreach (var (id, rating) in PublishedRatings)
        {
            Assert.Matches($@"│ {System.Text.RegularExpressions.Regex.Escape(id)}\s+│[^│]+│[^│]+│ {rating}\s+│", run.StdOut);
        }
    }

    [Fact]
    public void Inspect_as_json_gives_the_published_ratings_percentages_and_domain_scores()
    {
        var run = ConsoleProcess.Run(_work.FullName, "inspect", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StdOut);
        var root = json.RootElement;
        Assert.Equal("32/36 Outstanding", Item(root, "overall"));
        Assert.Equal("read 27 = accepted 27 + rejected 0", Item(root, "rows"));
        var standards = root.GetProperty("Standards").EnumerateArray().ToList();
        Assert.Equal(PublishedRatings, standards.ToDictionary(s => s.GetProperty("standard").GetString()!, s => s.GetProperty("rating").GetString()!));
        Assert.Equal("no", standards.Single(s => s.GetProperty("standard").GetString() == "4.1").GetProperty("counted").GetString());
        var percents = root.GetProperty("Key questions").EnumerateArray()
            .GroupBy(k => k.GetProperty("standard").GetString()!)
            .ToDictionary(g => g.Key, g => g.Select(k => k.GetProperty("%").GetString()!).ToArray());
        Assert.Equal(PublishedPercents, percents);
        Assert.Equal(["11/12", "9/12", "12/12", "0/0"],
            root.GetProperty("Domains").EnumerateArray().Select(d => $"{d.GetProperty("score").GetString()}/{d.GetProperty("max").GetString()}"));
    }

    [Fact]
    public void The_shipped_sample_is_a_case_sample_file_that_inspect_reads_by_path_with_the_same_result()
    {
        var byDefault = ConsoleProcess.Run(_work.FullName, "inspect", "--format", "json");
        var byPath = ConsoleProcess.Run(_work.FullName, "inspect", ShippedSample, "--format", "json");

        Assert.True(byPath.ExitCode == 0, byPath.ToString());
        using var a = JsonDocument.Parse(byDefault.StdOut);
        using var b = JsonDocument.Parse(byPath.StdOut);
        Assert.Equal(ShippedSample, Item(b.RootElement, "case sample"));
        foreach (var table in new[] { "Standards", "Key questions", "Domains" })
        {
            Assert.Equal(a.RootElement.GetProperty(table).GetRawText(), b.RootElement.GetProperty(table).GetRawText());
        }
    }

    [Fact]
    public void A_case_sample_file_of_ones_own_is_rated_by_its_lowest_key_questions()
    {
        // 2.2's safety-of-others at 7 of 16 (43.75%) is Inadequate: 0 points instead of 2, so 30/36, still Outstanding (26-36).
        var file = Path.Combine(_work.FullName, "mock-inspection.csv");
        File.WriteAllText(file, File.ReadAllText(ShippedSample).Replace("2.2,safety-of-others,11,16,", "2.2,safety-of-others,7,16,", StringComparison.Ordinal));

        var run = ConsoleProcess.Run(_work.FullName, "inspect", file, "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StdOut);
        Assert.Equal("30/36 Outstanding", Item(json.RootElement, "overall"));
        Assert.Equal("Inadequate", json.RootElement.GetProperty("Standards").EnumerateArray().Single(s => s.GetProperty("standard").GetString() == "2.2").GetProperty("rating").GetString());
    }

    [Fact]
    public void A_bad_case_sample_is_exit_1_naming_file_line_field_and_reason_and_reconciling_the_rows()
    {
        var file = Path.Combine(_work.FullName, "bad.csv");
        File.WriteAllText(file, File.ReadAllText(ShippedSample).Replace("2.3,desistance,13,16,", "2.3,desistance,17,16,", StringComparison.Ordinal));

        var run = ConsoleProcess.Run(_work.FullName, "inspect", file);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("", run.StdOut);
        Assert.Contains("bad.csv has 1 error(s): read 27 = accepted 26 + rejected 1 rows. Nothing was rated.", run.StdErr, StringComparison.Ordinal);
        Assert.Matches(@"bad\.csv\s+│ 12\s+│ sufficient\s+│ 17\s+│ more cases judged sufficient than cases \(16\)", run.StdErr);
    }

    [Fact]
    public void A_missing_case_sample_is_exit_4()
    {
        var run = ConsoleProcess.Run(_work.FullName, "inspect", Path.Combine(_work.FullName, "nowhere.csv"));

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("nowhere.csv", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_writes_csv_to_the_output_file()
    {
        var output = Path.Combine(_work.FullName, "out", "inspection.csv");

        var run = ConsoleProcess.Run(_work.FullName, "inspect", "--format", "csv", "--output", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.StdOut);
        var lines = File.ReadAllLines(output);
        Assert.Contains("HM Inspectorate of Probation inspection rating,overall,32/36 Outstanding", lines);
        Assert.Contains(lines, l => l.StartsWith("Standards,2 Court disposals,2.2,Planning,cases,Good,2,yes,", StringComparison.Ordinal));
    }
}
