using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace YouthJustice.Sdk.Console.Tests;

/// <summary>A Warwickshire-shaped dataset generated once for the settings tests (Warwickshire's SROI needs its children).</summary>
public sealed class WarwickshireDataset : IDisposable
{
    public WarwickshireDataset()
    {
        var run = ConsoleProcess.Run(Root.FullName, "generate", Folder, "--preset", "warwickshire", "--seed", "2023");
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    public DirectoryInfo Root { get; } = Directory.CreateTempSubdirectory("yj-settings-tests-");

    public string Folder => Path.Combine(Root.FullName, "warwickshire");

    public void Dispose() => Root.Delete(recursive: true);
}

/// <summary>Plugin settings given on the command line (<c>--plugin-setting</c>) and in a file (<c>--plugin-settings</c>).</summary>
public sealed class PluginSettingsCommandTests(WarwickshireDataset data) : IClassFixture<WarwickshireDataset>
{
    private const string Sroi = "warwickshire-ecm.sroi";

    /// <summary>Unit costs for three offence groups, their source and a service cost of £20,000.</summary>
    private string SettingsFile(decimal costScale = 1m, string serviceCost = "20000")
    {
        var file = Path.Combine(data.Root.FullName, $"settings-{costScale.ToString(CultureInfo.InvariantCulture)}-{serviceCost.GetHashCode(StringComparison.Ordinal)}.json");
        string Cost(decimal c) => (c * costScale).ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(file, $$"""
            {
              "warwickshire-ecm": {
                "sroi.unitCost.ViolenceAgainstThePerson": {{Cost(5930m)}},
                "sroi.unitCost.Theft": {{Cost(1000m)}},
                "sroi.unitCost.Burglary": "{{Cost(5930m)}}",
                "sroi.unitCostSource": "Illustrative unit costs for the test",
                "sroi.serviceCost": "{{serviceCost}}"
              }
            }
            """);
        return file;
    }

    /// <summary>The SROI figure's arithmetic as <c>yj explain</c> prints it: avoided cost / service cost = value.</summary>
    private (decimal AvoidedCost, decimal ServiceCost, string Value) Explain(params string[] settings)
    {
        var run = ConsoleProcess.Run(data.Root.FullName, ["explain", Sroi, "2021/22", "--dataset", data.Folder, "--area", "E10000031", "--format", "json", .. settings]);
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StdOut);
        var summary = json.RootElement.EnumerateObject().Single(p => p.Name.StartsWith("Explanation of", StringComparison.Ordinal)).Value;
        var arithmetic = summary.EnumerateArray().Single(r => r.GetProperty("item").GetString() == "arithmetic").GetProperty("value").GetString()!;
        var match = Regex.Match(arithmetic, @": (-?[\d.]+) / ([\d.]+) × 1 = (\S+)");
        Assert.True(match.Success, arithmetic);
        return (decimal.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), decimal.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), match.Groups[3].Value);
    }

    private static string TwoPlaces(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    [Fact]
    public void The_sroi_figure_follows_the_settings_file_and_a_command_line_setting_wins_over_it()
    {
        var fromFile = Explain("--plugin-settings", SettingsFile());
        var overridden = Explain("--plugin-settings", SettingsFile(), "--plugin-setting", "warwickshire-ecm:sroi.serviceCost=10000");

        Assert.Equal(20000m, fromFile.ServiceCost);
        Assert.Equal(10000m, overridden.ServiceCost);
        Assert.Equal(fromFile.AvoidedCost, overridden.AvoidedCost);
        Assert.NotEqual(0m, fromFile.AvoidedCost);
        Assert.Equal(TwoPlaces(fromFile.AvoidedCost / 20000m), fromFile.Value);
        Assert.Equal(TwoPlaces(fromFile.AvoidedCost / 10000m), overridden.Value);
        Assert.NotEqual(fromFile.Value, overridden.Value);
    }

    [Fact]
    public void Doubling_every_unit_cost_doubles_the_avoided_cost()
    {
        var single = Explain("--plugin-settings", SettingsFile());
        var doubled = Explain("--plugin-settings", SettingsFile(costScale: 2m));

        Assert.Equal(2m * single.AvoidedCost, doubled.AvoidedCost);
    }

    [Fact]
    public void Without_settings_plugin_json_leaves_the_sroi_uncomputed_and_command_line_settings_alone_compute_it()
    {
        var without = Explain();
        var onCommandLine = Explain(
            "--plugin-setting", "warwickshire-ecm:sroi.unitCost.ViolenceAgainstThePerson=5930",
            "--plugin-setting", "warwickshire-ecm:sroi.unitCost.Theft=1000",
            "--plugin-setting", "warwickshire-ecm:sroi.unitCost.Burglary=5930",
            "--plugin-setting", "warwickshire-ecm:sroi.serviceCost=20000");

        Assert.Equal((0m, 0m), (without.AvoidedCost, without.ServiceCost));
        Assert.Equal(Explain("--plugin-settings", SettingsFile()).Value, onCommandLine.Value);
    }

    [Theory]
    [InlineData("warwickshire-ecm:sroi.serviceCost=ten", "sroi.serviceCost", "'ten'")]
    [InlineData("warwickshire-ecm:sroi.unitCost.Theft=£1000", "sroi.unitCost.Theft", "'£1000'")]
    [InlineData("warwickshire-ecm:sroi.serviceCost=-5", "sroi.serviceCost", "an amount of 0 or more")]
    [InlineData("warwickshire-ecm:eligibility.minimumOffences=three", "eligibility.minimumOffences", "a whole number")]
    public void A_malformed_value_on_the_command_line_is_a_usage_error_naming_the_setting(string setting, string name, string reason)
    {
        var run = ConsoleProcess.Run(data.Root.FullName, "explain", Sroi, "2021/22", "--dataset", data.Folder, "--plugin-setting", setting);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.StdOut);
        Assert.Contains($"--plugin-setting {setting}: plugin 'warwickshire-ecm' cannot use this value. Setting '{name}'", run.StdErr, StringComparison.Ordinal);
        Assert.Contains(reason, run.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report")]
    [InlineData("validate")]
    [InlineData("tracker")]
    [InlineData("plugins", "list")]
    public void Every_command_that_composes_the_sdk_takes_plugin_settings(params string[] command)
    {
        string[] dataset = command[0] == "plugins" ? [] : [data.Folder];

        var run = ConsoleProcess.Run(data.Root.FullName, [.. command, .. dataset, "--plugin-setting", "warwickshire-ecm:sroi.serviceCost=ten"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Setting 'sroi.serviceCost' is 'ten', which is not a number", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_value_in_the_settings_file_is_a_usage_error_naming_the_file_and_setting_even_when_continuing_without_faulty_plugins()
    {
        var file = SettingsFile(serviceCost: "lots");

        var run = ConsoleProcess.Run(data.Root.FullName, "report", data.Folder, "--plugin-settings", file, "--continue-without-faulty-plugins");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"--plugin-settings {Path.GetFileName(file)} property 'warwickshire-ecm.sroi.serviceCost': plugin 'warwickshire-ecm' cannot use this value. Setting 'sroi.serviceCost' is 'lots'", run.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nobody:x=1", "no plugin 'nobody' is loaded. The plugins: coventry-diversion, leicester-early-intervention, warwickshire-ecm.")]
    [InlineData("sroi.serviceCost=1", "is not a plugin setting: write plugin-id:name=value")]
    public void A_setting_for_no_plugin_or_without_a_plugin_id_is_a_usage_error(string setting, string message)
    {
        var run = ConsoleProcess.Run(data.Root.FullName, "report", data.Folder, "--plugin-setting", setting);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(message, run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_settings_file_that_is_not_json_is_a_usage_error_and_a_missing_one_exit_4()
    {
        var bad = Path.Combine(data.Root.FullName, "bad-settings.json");
        File.WriteAllText(bad, "{ \"warwickshire-ecm\": ");

        var malformed = ConsoleProcess.Run(data.Root.FullName, "plugins", "list", "--plugin-settings", bad);
        var missing = ConsoleProcess.Run(data.Root.FullName, "plugins", "list", "--plugin-settings", Path.Combine(data.Root.FullName, "none.json"));

        Assert.True(malformed.ExitCode == 2, malformed.ToString());
        Assert.Contains("bad-settings.json line 1: not valid JSON", malformed.StdErr, StringComparison.Ordinal);
        Assert.True(missing.ExitCode == 4, missing.ToString());
        Assert.Contains("none.json", missing.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_the_plugin_does_not_declare_is_passed_on_with_a_warning()
    {
        var run = ConsoleProcess.Run(data.Root.FullName, "plugins", "list", "--plugin-setting", "warwickshire-ecm:sroi.servicecost=1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("warning: --plugin-setting warwickshire-ecm:sroi.servicecost=1: plugin 'warwickshire-ecm' declares no setting 'sroi.servicecost'", run.StdErr, StringComparison.Ordinal);
    }
}
