using System.Reflection;
using System.Text.RegularExpressions;

namespace YouthJustice.Sdk.Console.Tests;

/// <summary>README.md's exit-code table and option lists are the console's.</summary>
public sealed class ReadmeContractTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(
        typeof(ReadmeContractTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SampleData").Value!,
        "..", "..", "..", "README.md"));

    [Fact]
    public void The_exit_code_table_lists_exactly_the_documented_codes()
    {
        var codes = Regex.Matches(Readme, @"^\| (\d+) \| ", RegexOptions.Multiline).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal([0, 1, 2, 3, 4, 5, 70], codes);
        Assert.Contains("--fail-on-rejects", Readme, StringComparison.Ordinal);
        Assert.Contains("--continue-without-faulty-plugins", Readme, StringComparison.Ordinal);
    }
}
