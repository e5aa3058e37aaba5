using System.Reflection;
using System.Text.Json;

namespace YouthJustice.Sdk.Console.Tests;

/// <summary>The console's contract as README.md states it, each command line run as a process.</summary>
public sealed class ConsoleContractTests : IDisposable
{
    private static readonly string BuiltPlugins = Path.Combine(
        Path.GetDirectoryName(typeof(ConsoleContractTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ConsoleAssembly").Value!)!,
        "plugins");

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("yj-contract-tests-");

    public void Dispose() => _work.Delete(recursive: true);

    private ConsoleProcess.Result Run(params string[] args) => ConsoleProcess.Run(_work.FullName, args);

    [Theory]
    [InlineData("--bogus", "report", "--bogus")]
    [InlineData("--bogus", "--bogus")]
    [InlineData("xml", "report", "--format", "xml")]
    [InlineData("table, json, csv", "report", "--format", "xml")]
    [InlineData("strict, lenient", "validate", "somewhere", "--policy", "loose")]
    [InlineData("validate", "validate")]
    [InlineData("plugins", "plugins")]
    [InlineData("from 1 to", "generate", "out", "--preset", "national", "--areas", "0")]
    [InlineData("from 1 to", "generate", "out", "--preset", "national", "--areas", "-5")]
    [InlineData("greater than 0", "generate", "out", "--scale", "0")]
    [InlineData("greater than 0", "generate", "out", "--scale", "-1")]
    [InlineData("--preset national", "generate", "out", "--areas", "3")]
    [InlineData("--policy", "generate", "out", "--policy", "lenient")]
    [InlineData("--plugins", "generate", "out", "--plugins", "p")]
    [InlineData("'gender'", "report", "--breakdown", "gender")]
    [InlineData("sex, age-band, ethnicity-group", "report", "--breakdown", "gender")]
    [InlineData("'XYZ'", "report", "--area", "XYZ")]
    [InlineData("E08000026 Coventry", "report", "--area", "XYZ")]
    [InlineData("'XYZ'", "explain", "fte-rate", "2021/22", "--area", "XYZ")]
    public void A_wrong_command_line_exits_2_with_a_message_naming_the_value_and_no_type_names_or_stack(string expected, params string[] args)
    {
        var run = Run(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("YouthJustice.Sdk.", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_work.FullName, "out")), "nothing is generated from a wrong command line");
    }

    [Fact]
    public void A_comparator_row_with_an_unknown_indicator_is_an_error_naming_it()
    {
        var file = Path.Combine(_work.FullName, "comparators.csv");
        File.WriteAllText(file, "indicator_id,comparator,period,value\nfte-rate,England,,150\nfte-rates,England,,150\n");

        var run = Run("report", "--comparators", file, "--format", "csv");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("line 3", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("'fte-rates'", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("fte-rate,", run.StdErr, StringComparison.Ordinal);
    }

    private string GenerateWithBrokenOffencesHeader()
    {
        var folder = Path.Combine(_work.FullName, "data");
        Assert.Equal(0, Run("generate", "--seed", "5", folder).ExitCode);
        var offences = Path.Combine(folder, "offences.csv");
        var lines = File.ReadAllLines(offences);
        lines[0] = lines[0].Replace("gravity", "gravity_score", StringComparison.Ordinal);
        File.WriteAllLines(offences, lines);
        return folder;
    }

    [Fact]
    public void A_lenient_import_that_rejects_a_whole_file_says_so_on_standard_error_and_fail_on_rejects_exits_1()
    {
        var folder = GenerateWithBrokenOffencesHeader();

        var lenient = Run("validate", folder, "--policy", "lenient", "--format", "csv");
        var failing = Run("validate", folder, "--policy", "lenient", "--fail-on-rejects", "--format", "csv");
        var report = Run("report", folder, "--policy", "lenient", "--fail-on-rejects", "--format", "csv");

        Assert.True(lenient.ExitCode == 0, lenient.ToString());
        Assert.Contains("rejected", lenient.StdErr, StringComparison.Ordinal);
        Assert.Contains("offences.csv", lenient.StdErr, StringComparison.Ordinal);
        Assert.Contains("--fail-on-rejects", lenient.StdErr, StringComparison.Ordinal);
        Assert.True(failing.ExitCode == 1, failing.ToString());
        Assert.True(report.ExitCode == 1, report.ToString());
        Assert.DoesNotContain("First time entrants", report.StdOut, StringComparison.Ordinal);
    }

    private string PluginsWith(string extraFolder, string? copyOf = null)
    {
        var root = Path.Combine(_work.FullName, "plugins");
        foreach (var plugin in Directory.GetDirectories(BuiltPlugins))
        {
            Copy(plugin, Path.Combine(root, Path.GetFileName(plugin)));
        }
        var extra = Path.Combine(root, extraFolder);
        if (copyOf is null)
        {
            Directory.CreateDirectory(extra);
            File.WriteAllText(Path.Combine(extra, "plugin.json"), "{ this is not a manifest");
        }
        else
        {
            Copy(Path.Combine(root, copyOf), extra);
        }
        return root;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    [Fact]
    public void Plugins_list_exits_3_for_a_faulty_plugin_and_0_when_asked_to_continue_without_it()
    {
        var plugins = PluginsWith("broken-plugin");

        var strict = Run("plugins", "list", "--plugins", plugins, "--format", "csv");
        var continuing = Run("plugins", "list", "--plugins", plugins, "--continue-without-faulty-plugins", "--format", "csv");

        Assert.True(strict.ExitCode == 3, strict.ToString());
        Assert.True(continuing.ExitCode == 0, continuing.ToString());
        Assert.Contains("broken-plugin", continuing.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unrelated_faulty_plugin_does_not_block_validate_but_is_named_on_standard_error()
    {
        var plugins = PluginsWith("broken-plugin");
        var folder = Path.Combine(_work.FullName, "data");
        Assert.Equal(0, Run("generate", "--seed", "5", folder).ExitCode);

        var run = Run("validate", folder, "--plugins", plugins, "--format", "csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("broken-plugin", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_plugin_folders_claiming_one_id_are_both_named_and_neither_loads()
    {
        var plugins = PluginsWith("zz-second-coventry", copyOf: "coventry-diversion");

        var run = Run("plugins", "list", "--plugins", plugins, "--format", "json");

        Assert.True(run.ExitCode == 3, run.ToString());
        using var json = JsonDocument.Parse(run.StdOut);
        var loaded = json.RootElement.EnumerateObject().Single(p => p.Name.StartsWith("Plugins loaded", StringComparison.Ordinal)).Value;
        Assert.DoesNotContain(loaded.EnumerateArray(), p => p.GetProperty("id").GetString() == "coventry-diversion");
        Assert.Contains(Path.Combine(plugins, "coventry-diversion"), run.StdOut.Replace("\\\\", "\\", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("zz-second-coventry", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_each_argument_once_and_only_the_options_a_command_uses()
    {
        var validate = Run("validate", "--help");
        var generate = Run("generate", "--help");

        Assert.Equal(0, validate.ExitCode);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(validate.StdOut, "<dataset>  "));
        Assert.DoesNotContain("yj [<dataset>]", validate.StdOut, StringComparison.Ordinal);
        Assert.Contains("--fail-on-rejects", validate.StdOut, StringComparison.Ordinal);
        foreach (var option in new[] { "--policy", "--rejects", "--plugins", "--continue-without-faulty-plugins", "--fail-on-rejects" })
        {
            Assert.DoesNotContain(option, generate.StdOut, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("Csv|Json", generate.StdOut + validate.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_is_the_packages_version()
    {
        var sdk = typeof(YouthJustice.Sdk.IO.DatasetImporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var expected = sdk.Split('+')[0];

        var run = Run("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, run.StdOut.Trim());
        Assert.StartsWith("0.", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Plugins_list_counts_in_words_with_the_right_plurals()
    {
        var run = Run("plugins", "list", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotMatch(@"\b1 (programmes|test cases|indicators|validation rules|report sections|services|overrides)\b", run.StdOut);
    }

    [Fact]
    public void The_report_shows_indicator_ids_and_area_names()
    {
        var run = Run("report", "--period", "2021/22", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StdOut);
        var fte = json.RootElement.GetProperty("figures").EnumerateArray().First(r => r.GetProperty("methodology").GetProperty("id").GetString() == "fte-rate");
        Assert.Equal("E08000026", fte.GetProperty("areaCode").GetString());
        var area = Assert.Single(json.RootElement.GetProperty("areas").EnumerateArray());
        Assert.Equal("Coventry", area.GetProperty("name").GetString());
        var about = json.RootElement.GetProperty("sections")[0].GetProperty("blocks")[0].GetProperty("rows").EnumerateArray()
            .Single(r => r[0].GetProperty("text").GetString() == "areas");
        Assert.Equal("E08000026 Coventry", about[1].GetProperty("text").GetString());
        // The family tables still show each row's indicator id and area.
        Assert.Contains(json.RootElement.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("blocks").EnumerateArray())
            .SelectMany(b => b.TryGetProperty("rows", out var rows) ? rows.EnumerateArray() : []),
            r => r[0].TryGetProperty("text", out var t) && t.GetString() == "fte-rate");
    }

    [Fact]
    public void Explain_says_a_population_denominator_has_no_records_instead_of_0()
    {
        var run = Run("explain", "fte-rate", "2021/22", "--format", "csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("denominator records,0 population", run.StdOut, StringComparison.Ordinal);
        Assert.Matches(@"denominator records,""none listed: the denominator \(\d+\) is a population figure", run.StdOut);
        Assert.Contains("area,E08000026 Coventry", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_and_generation_show_progress_with_counts_on_standard_error()
    {
        var folder = Path.Combine(_work.FullName, "data");

        var generate = Run("generate", "--seed", "5", folder, "--format", "csv");
        var validate = Run("validate", folder, "--format", "csv");

        Assert.Contains("Generating: writing records done", generate.StdErr, StringComparison.Ordinal);
        Assert.Matches(@"Imported 15 file\(s\): read [\d,]+ = accepted [\d,]+ \+ rejected 0 records", validate.StdErr);
        Assert.DoesNotContain("Importing", validate.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_sequences_in_data_never_reach_the_terminal_raw()
    {
        var folder = Path.Combine(_work.FullName, "data");
        Assert.Equal(0, Run("generate", "--seed", "5", folder).ExitCode);
        var areas = Path.Combine(folder, "areas.csv");
        var lines = File.ReadAllLines(areas);
        lines[1] = lines[1].Split(',')[0] + ",DEP\u001b[31mUTY";
        File.WriteAllLines(areas, lines);

        var run = Run("validate", folder);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.DoesNotContain('\u001b', run.StdOut);
        Assert.Contains("DEP\\x1B[31mUTY", run.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\r\n")]
    public void A_lenient_report_on_an_empty_children_file_fails_instead_of_printing_zeros(string content)
    {
        var folder = Path.Combine(_work.FullName, "data");
        Assert.Equal(0, Run("generate", "--seed", "5", folder).ExitCode);
        File.WriteAllText(Path.Combine(folder, "children.csv"), content);

        var run = Run("report", folder, "--policy", "lenient", "--format", "csv");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("children.csv", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("First time entrants", run.StdOut, StringComparison.Ordinal);
    }
}
