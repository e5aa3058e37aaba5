using System.Reflection;

namespace YouthJustice.Sdk.Console.Tests;

/// <summary><c>yj plugins test</c>: every loaded plugin's shipped cases, pass or fail per case, and a failing exit code.</summary>
public sealed class PluginsTestCommandTests : IDisposable
{
    private static readonly string BuiltPlugins = Path.Combine(
        Path.GetDirectoryName(typeof(PluginsTestCommandTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ConsoleAssembly").Value!)!,
        "plugins");

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("yj-plugins-test-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void Every_shipped_case_of_every_built_plugin_passes_and_is_listed()
    {
        var run = ConsoleProcess.Run(_work.FullName, "plugins", "test", "--format", "csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var cases = Directory.GetFiles(BuiltPlugins, "*.case.json", SearchOption.AllDirectories);
        Assert.Equal(cases.Length, rows.Count);
        Assert.All(rows, r => Assert.EndsWith(",PASS,", r, StringComparison.Ordinal));
        Assert.All(ConsoleProcess.BuiltPluginIds, id => Assert.Contains(rows, r => r.StartsWith(id + ",", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_case_whose_expected_figure_is_wrong_fails_by_name_with_what_differed_and_exits_5()
    {
        var root = Path.Combine(_work.FullName, "plugins");
        Copy(Path.Combine(BuiltPlugins, "warwickshire-ecm"), Path.Combine(root, "warwickshire-ecm"));
        var caseFile = Directory.GetFiles(Path.Combine(root, "warwickshire-ecm", "test-cases"), "*.case.json").Order(StringComparer.Ordinal).First();
        var text = File.ReadAllText(caseFile);
        // The plugin's own hand-worked figure: 1 of the 2 eligible children enrolled. Say 2 instead.
        const string Right = "\"indicator\": \"warwickshire-ecm.eligible-enrolled\",\n      \"numerator\": 1,";
        Assert.Contains(Right, text, StringComparison.Ordinal);
        File.WriteAllText(caseFile, text.Replace(Right, Right.Replace("1,", "2,", StringComparison.Ordinal), StringComparison.Ordinal));

        var run = ConsoleProcess.Run(_work.FullName, "plugins", "test", "--plugins", root, "--format", "csv");

        Assert.True(run.ExitCode == 5, run.ToString());
        var row = Assert.Single(run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.StartsWith("warwickshire-ecm,\"A year of ECM", row, StringComparison.Ordinal);
        Assert.Contains(",FAIL,", row, StringComparison.Ordinal);
        Assert.Contains("warwickshire-ecm.eligible-enrolled [total]: numerator 1, expected 2.", row, StringComparison.Ordinal);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var folder in Directory.GetDirectories(from))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
