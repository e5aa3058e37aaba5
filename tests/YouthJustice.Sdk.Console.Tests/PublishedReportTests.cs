using System.Text.RegularExpressions;

namespace YouthJustice.Sdk.Console.Tests;

/// <summary>What <c>yj report --publish</c> prints: no small count anywhere, plugin board sections included.</summary>
public sealed partial class PublishedReportTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("yj-published-tests-");

    public void Dispose() => _work.Delete(recursive: true);

    /// <summary>"3/16": a numerator of 1 to 5 over a denominator, as a board section shows a rate's counts.</summary>
    [GeneratedRegex(@"(?<![\d.,])([1-5])/(\d+)")]
    private static partial Regex SmallCountOverDenominator();

    [Fact]
    public void The_internal_report_shows_the_plugin_board_sections_small_counts_and_the_published_one_withholds_them()
    {
        var internalRun = ConsoleProcess.Run(_work.FullName, "report");
        var published = ConsoleProcess.Run(_work.FullName, "report", "--publish");

        Assert.True(internalRun.ExitCode == 0, internalRun.ToString());
        Assert.True(published.ExitCode == 0, published.ToString());
        // The sample's Coventry board section has small counts (e.g. re-arrests within 12 months of diversion) ...
        var coventry = Section(internalRun.StdOut, "Diversion and the youth worker offer");
        Assert.Matches(SmallCountOverDenominator(), coventry);
        // ... which the published report withholds, in the plugin sections as everywhere else.
        var leaks = SmallCountOverDenominator().Matches(published.StdOut).Select(m => m.Value).ToList();
        Assert.True(leaks.Count == 0, "published small counts: " + string.Join(", ", leaks));
        Assert.Contains("~ (~/16)", Section(published.StdOut, "Diversion and the youth worker offer"), StringComparison.Ordinal);
    }

    private static string Section(string output, string title)
    {
        var start = output.IndexOf(title, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section '{title}'");
        var end = output.IndexOf("\n\n\n", start, StringComparison.Ordinal);
        return end < 0 ? output[start..] : output[start..end];
    }
}
