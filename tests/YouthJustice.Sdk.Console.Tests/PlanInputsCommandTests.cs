using System.IO.Compression;
using System.Text.Json;
using Parquet;
using Parquet.Serialization;
using YouthJustice.Sdk.Reports;

namespace YouthJustice.Sdk.Console.Tests;

/// <summary><c>yj report --inputs</c>: the embedded sample's plan inputs in every format, a folder of one's own, and bad files.</summary>
public sealed class PlanInputsCommandTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("yj-plan-inputs-tests-");

    public void Dispose() => _work.Delete(recursive: true);

    private ConsoleProcess.Result Run(params string[] args) => ConsoleProcess.Run(_work.FullName, args);

    /// <summary>Every measure the plan inputs feed, and the Coventry audit, with its display name.</summary>
    private static readonly (string Id, string Name)[] Measures =
    [
        ("looked-after-known-share", "Looked-after children known to the service"),
        ("partner-contributions", "Partner contributions to the pooled budget"),
        ("partner-contributions-change", "Change in partner contributions against the previous year"),
        ("yjb-grant-outturn", "YJB grant: forecast outturn against budget"),
        ("workforce-ethnicity", "Workforce by ethnicity group"),
        ("workforce-population-served-ethnicity", "Children open to the service by ethnicity group"),
        ("national-standards-good-or-better", "National Standards self-assessment: graded good or better"),
        ("action-plan-overdue", "Overdue actions of the plan"),
        ("coventry-diversion.oocd-audit", "Out-of-court decisions outside the routing matrix"),
    ];

    private string Folder(params (string Name, string Text)[] files)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_work.FullName, "inputs-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }
        return folder;
    }

    [Fact]
    public void The_embedded_sample_shows_every_plan_input_measure_with_a_figure_in_json_csv_and_the_table()
    {
        var json = Run("report", "--format", "json");
        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = JsonDocument.Parse(json.StdOut);
        var figures = document.RootElement.GetProperty("figures").EnumerateArray().ToList();
        foreach (var (id, _) in Measures)
        {
            Assert.Contains(figures, f => f.GetProperty("methodology").GetProperty("id").GetString() == id
                && f.GetProperty("value").ValueKind == JsonValueKind.Number);
        }
        var about = document.RootElement.GetProperty("sections")[0].ToString();
        Assert.Contains("rows from the embedded sample's plan inputs (Coventry)", about, StringComparison.Ordinal);

        var csv = Run("report", "--format", "csv");
        Assert.True(csv.ExitCode == 0, csv.ToString());
        Assert.All(Measures, m => Assert.Contains("," + m.Id + ",", csv.StdOut, StringComparison.Ordinal));

        var table = Run("report");
        Assert.True(table.ExitCode == 0, table.ToString());
        // The table wraps long names: the first words of each are on the row with its figures.
        Assert.All(Measures, m => Assert.Contains(string.Join(' ', m.Name.Split(' ')[..2]), table.StdOut, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_board_pack_and_the_parquet_figures_hold_every_plan_input_measure()
    {
        var pack = Path.Combine(_work.FullName, "pack.xlsx");
        var figures = Path.Combine(_work.FullName, "figures.parquet");
        Assert.Equal(0, Run("report", "--format", "xlsx", "--output", pack).ExitCode);
        Assert.Equal(0, Run("report", "--format", "parquet", "--output", figures).ExitCode);

        using (var zip = ZipFile.OpenRead(pack))
        {
            var text = string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
                .Select(e => new StreamReader(e.Open()).ReadToEnd()));
            Assert.All(Measures, m => Assert.Contains(m.Name, text, StringComparison.Ordinal));
            Assert.Contains("Informal Peer Review of Management Board", text, StringComparison.Ordinal);
        }
        var rows = (await ParquetSerializer.DeserializeAsync<ParquetFigureRow>(File.OpenRead(figures), new ParquetOptions { UseDateOnlyTypeForDates = true })).Data;
        Assert.All(Measures, m => Assert.Contains(rows, r => r.IndicatorId == m.Id));
    }

    [Fact]
    public void The_headline_page_counts_the_overdue_actions_and_the_section_lists_them_without_child_data()
    {
        var run = Run("report", "--format", "json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.StdOut);
        var sections = document.RootElement.GetProperty("sections").EnumerateArray().ToList();
        var headline = sections.Single(s => s.GetProperty("id").GetString() == "headline").ToString();
        Assert.Contains("action-plan-overdue|E08000026|2022-04-01..2023-03-31|total", headline, StringComparison.Ordinal);
        var overdue = document.RootElement.GetProperty("figures").EnumerateArray()
            .Single(f => f.GetProperty("id").GetString() == "action-plan-overdue|E08000026|2022-04-01..2023-03-31|total");
        // The sample's illustrative statuses: four actions past their end-of-quarter date and not complete on 31 March 2023.
        Assert.Equal(4, overdue.GetProperty("numerator").GetInt32());

        var plan = sections.Single(s => s.GetProperty("id").GetString() == "plan-inputs").ToString();
        Assert.Contains("Informal Peer Review of Management Board", plan, StringComparison.Ordinal);
        Assert.Contains("NOT_STARTED", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("E08000026-C", plan, StringComparison.Ordinal); // no child id
    }

    [Fact]
    public void Published_staff_headcounts_of_five_or_fewer_are_withheld()
    {
        var run = Run("report", "--publish", "--format", "json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.StdOut);
        var whiteOther = document.RootElement.GetProperty("figures").EnumerateArray()
            .Single(f => f.GetProperty("id").GetString() == "workforce-ethnicity|E08000026|2022-04-01..2023-03-31|ethnicity-group=WhiteOther");

        Assert.Equal(JsonValueKind.Null, whiteOther.GetProperty("numerator").ValueKind);
        Assert.Equal(JsonValueKind.Null, whiteOther.GetProperty("value").ValueKind);
        Assert.Equal("primary", whiteOther.GetProperty("disclosure").GetProperty("numerator").GetString());
    }

    [Fact]
    public void A_folder_given_with_inputs_replaces_the_samples()
    {
        var folder = Folder(("council-figures.csv", "area_code,period,measure,value,source\nE08000026,2022/23,LOOKED_AFTER_CHILDREN,350,test\n"));

        var run = Run("report", "--inputs", folder, "--format", "csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        var looked = run.StdOut.Split('\n').Single(l => l.Contains(",looked-after-known-share,", StringComparison.Ordinal) && l.Contains("2022/23", StringComparison.Ordinal));
        Assert.Contains(",350,", looked, StringComparison.Ordinal);
        Assert.DoesNotContain(",partner-contributions,", run.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain(",action-plan-overdue,", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_input_file_is_a_usage_error_naming_the_file_line_and_field()
    {
        var folder = Folder(("budget.csv", "area_code,financial_year,partner,staffing,in_kind,other_delegated,total\nE08000026,2022/23,Police Service,,59507,,59507\nE08000026,2022/23,Health Service,,116526,13309,129853\n"));

        var run = Run("report", "--inputs", folder);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("budget.csv line 3, field total: 129853 is not staffing + in_kind + other_delegated (129835)", run.StdErr, StringComparison.Ordinal);
        Assert.Equal("", run.StdOut);
    }

    [Fact]
    public void An_unknown_file_in_the_folder_is_refused_and_a_missing_folder_is_an_io_error()
    {
        var folder = Folder(("workforce-2022.csv", "area_code\n"));

        var unknown = Run("report", "--inputs", folder);
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.Contains("workforce-2022.csv line 1: not a plan input file", unknown.StdErr, StringComparison.Ordinal);

        var missing = Run("report", "--inputs", Path.Combine(_work.FullName, "no-such-folder"));
        Assert.True(missing.ExitCode == 4, missing.ToString());
        Assert.Contains("No plan inputs folder", missing.StdErr, StringComparison.Ordinal);
    }
}
