using System.IO.Compression;
using System.Text.Json;

namespace YouthJustice.Sdk.Console.Tests;

/// <summary><c>yj report --format xlsx|parquet</c>: files only, and the same figures as the JSON.</summary>
public sealed class ReportOfficeFormatTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("yj-office-tests-");

    public void Dispose() => _work.Delete(recursive: true);

    [Theory]
    [InlineData("xlsx")]
    [InlineData("parquet")]
    public void A_binary_format_without_output_is_a_usage_error_and_writes_nothing_to_standard_output(string format)
    {
        var run = ConsoleProcess.Run(_work.FullName, "report", "--format", format);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--output", run.StdErr, StringComparison.Ordinal);
        Assert.Equal("", run.StdOut);
    }

    [Fact]
    public void A_table_command_refuses_a_binary_format()
    {
        var run = ConsoleProcess.Run(_work.FullName, "plugins", "list", "--format", "parquet");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("'yj report' only", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_published_board_pack_and_figures_are_written_to_their_files()
    {
        var pack = Path.Combine(_work.FullName, "pack.xlsx");
        var figures = Path.Combine(_work.FullName, "figures.parquet");
        var json = Path.Combine(_work.FullName, "report.json");

        Assert.Equal(0, ConsoleProcess.Run(_work.FullName, "report", "--publish", "--format", "xlsx", "--output", pack).ExitCode);
        Assert.Equal(0, ConsoleProcess.Run(_work.FullName, "report", "--publish", "--format", "parquet", "--output", figures).ExitCode);
        Assert.Equal(0, ConsoleProcess.Run(_work.FullName, "report", "--publish", "--format", "json", "--output", json).ExitCode);

        using (var zip = ZipFile.OpenRead(pack))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "xl/workbook.xml");
        }
        var magic = File.ReadAllBytes(figures);
        Assert.Equal("PAR1"u8.ToArray(), magic[..4]);
        Assert.Equal("PAR1"u8.ToArray(), magic[^4..]);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.True(document.RootElement.GetProperty("figures").GetArrayLength() > 0);
    }
}
