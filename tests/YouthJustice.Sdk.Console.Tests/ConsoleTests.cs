using System.Text.Json;

namespace YouthJustice.Sdk.Console.Tests;

/// <summary>The console sample run as a separate process, as a user would run it.</summary>
public sealed class ConsoleTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("yj-console-tests-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void The_default_command_prints_the_indicator_report_for_the_embedded_sample_and_exits_0()
    {
        var run = ConsoleProcess.Run(_work.FullName);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("YouthJustice.Sdk indicator report", run.StdOut);
        Assert.Contains("embedded sample dataset", run.StdOut);
        Assert.Matches(@"read (\d+) = accepted \1 \+ rejected 0", run.StdOut);
        foreach (var section in new[]
        {
            "First time entrants", "Proven reoffending (Ministry of Justice measure and live tracker)",
            "Custody and remand", "Disproportionality", "YJB key performance indicators",
            // Coventry's own indicators; every plugin's board section (plugin figures are for the plugin's own authority).
            "plugin coventry-diversion", "(coventry-diversion)", "(leicester-early-intervention)", "(warwickshire-ecm)",
        })
        {
            Assert.Contains(section, run.StdOut);
        }
        Assert.DoesNotContain("Plugin errors", run.StdOut);
    }

    [Fact]
    public void Report_as_json_carries_numbers_as_numbers_with_methodology_period_dates_and_interval_bounds()
    {
        var run = ConsoleProcess.Run(_work.FullName, "report", "--period", "2021/22", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StdOut);
        Assert.Equal("1.0", json.RootElement.GetProperty("schemaVersion").GetString());
        var fte = json.RootElement.GetProperty("figures").EnumerateArray().Single(f =>
            f.GetProperty("methodology").GetProperty("id").GetString() == "fte-rate"
            && f.GetProperty("period").GetProperty("label").GetString() == "2021/22"
            && f.GetProperty("breakdown").GetProperty("dimension").GetString() == "total");
        Assert.Equal("2021-04-01", fte.GetProperty("period").GetProperty("start").GetString());
        Assert.Equal("2022-03-31", fte.GetProperty("period").GetProperty("end").GetString());
        Assert.Equal(1, fte.GetProperty("methodology").GetProperty("version").GetInt32());
        Assert.Contains("Youth Justice Statistics", fte.GetProperty("methodology").GetProperty("citation").GetString(), StringComparison.Ordinal);
        var numerator = fte.GetProperty("numerator").GetDecimal();
        var denominator = fte.GetProperty("denominator").GetDecimal();
        var value = fte.GetProperty("value").GetDecimal();
        Assert.Equal(Math.Round(numerator / denominator * 100_000m, 6), Math.Round(value, 6));
        var interval = fte.GetProperty("interval");
        Assert.True(interval.GetProperty("lower").GetDecimal() < value && value < interval.GetProperty("upper").GetDecimal());
    }

    /// <summary>Splits one CSV line (quoted fields may hold commas).</summary>
    private static List<string> CsvFields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else { field.Append(c); }
        }
        fields.Add(field.ToString());
        return fields;
    }

    [Fact]
    public void Report_for_publication_suppresses_small_counts()
    {
        var run = ConsoleProcess.Run(_work.FullName, "report", "--period", "2021/22", "--publish", "--format", "csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = CsvFields(lines[0]);
        var rows = lines.Skip(1).Select(CsvFields).ToList();
        string Cell(List<string> row, string column) => row[header.IndexOf(column)];
        // Remand counts for one authority and year are small: they must be withheld, not shown as numbers.
        var remand = rows.Where(r => Cell(r, "label").StartsWith("Children remanded", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(remand);
        Assert.Contains(rows, r => Cell(r, "numerator_state") == "primary" && Cell(r, "numerator") == "" && Cell(r, "value") == "");
        Assert.All(rows, r => Assert.False(
            decimal.TryParse(Cell(r, "numerator"), System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 5,
            $"{Cell(r, "figure_id")} shows numerator {Cell(r, "numerator")}"));
    }

    [Fact]
    public void Plugins_list_shows_every_plugin_built_beside_the_console_loaded()
    {
        var run = ConsoleProcess.Run(_work.FullName, "plugins", "list", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StdOut);
        var ids = ConsoleProcess.BuiltPluginIds;
        Assert.Equal(ids.Count, json.RootElement.GetProperty($"Plugins loaded ({ids.Count})").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("Load errors (0)").GetArrayLength());
        Assert.All(ids, id => Assert.Contains(id, run.StdOut, StringComparison.Ordinal));
        Assert.Contains("coventry-diversion", ids);
        Assert.Contains("E08000026", run.StdOut);
        Assert.Contains("E06000016", run.StdOut);
        Assert.Contains("E10000031", run.StdOut);
    }

    [Fact]
    public void Generate_then_validate_round_trips_and_the_same_seed_writes_the_same_bytes()
    {
        var first = Path.Combine(_work.FullName, "first");
        var second = Path.Combine(_work.FullName, "second");

        Assert.Equal(0, ConsoleProcess.Run(_work.FullName, "generate", "--seed", "7", "--preset", "leicester", first).ExitCode);
        Assert.Equal(0, ConsoleProcess.Run(_work.FullName, "generate", "--seed", "7", "--preset", "leicester", second).ExitCode);
        var validate = ConsoleProcess.Run(_work.FullName, "validate", first, "--format", "csv");

        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Contains("succeeded", validate.StdOut);
        var files = Directory.GetFiles(first).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("children.csv", files);
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file!)), File.ReadAllBytes(Path.Combine(second, file!)));
        }
    }

    [Fact]
    public void Validate_on_a_broken_dataset_exits_1_and_names_the_file_line_field_and_reason()
    {
        var folder = Path.Combine(_work.FullName, "broken");
        Assert.Equal(0, ConsoleProcess.Run(_work.FullName, "generate", "--seed", "3", folder).ExitCode);
        var children = Path.Combine(folder, "children.csv");
        var lines = File.ReadAllLines(children);
        var header = lines[0].Split(',');
        var dobColumn = Array.IndexOf(header, "date_of_birth");
        Assert.True(dobColumn >= 0, "children.csv has a date_of_birth column");
        var cells = lines[4].Split(',');
        cells[dobColumn] = "2009-02-30";
        lines[4] = string.Join(',', cells);
        File.WriteAllLines(children, lines);

        var run = ConsoleProcess.Run(_work.FullName, "validate", folder, "--format", "csv");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("FAILED", run.StdOut);
        Assert.Contains(run.StdOut.Split('\n'), l => l.StartsWith("Errors", StringComparison.Ordinal) && l.Contains("children.csv,5,date_of_birth,2009-02-30,", StringComparison.Ordinal));
    }

    [Fact]
    public void Lenient_validation_loads_the_good_rows_writes_the_rejects_and_reconciles()
    {
        var folder = Path.Combine(_work.FullName, "lenient");
        var rejects = Path.Combine(_work.FullName, "rejects");
        Assert.Equal(0, ConsoleProcess.Run(_work.FullName, "generate", "--seed", "3", folder).ExitCode);
        var offences = Path.Combine(folder, "offences.csv");
        var lines = File.ReadAllLines(offences);
        var gravity = Array.IndexOf(lines[0].Split(','), "gravity");
        var cells = lines[2].Split(',');
        cells[gravity] = "9";
        lines[2] = string.Join(',', cells);
        File.WriteAllLines(offences, lines);

        var run = ConsoleProcess.Run(_work.FullName, "validate", folder, "--policy", "lenient", "--rejects", rejects, "--format", "csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(run.StdOut.Split('\n'), l => l.Contains("offences.csv,yes,", StringComparison.Ordinal) && l.EndsWith(",yes", StringComparison.Ordinal));
        Assert.DoesNotContain(",NO", run.StdOut);
        var rejected = File.ReadAllText(Path.Combine(rejects, "offences.rejects.csv"));
        Assert.Contains("gravity", rejected);
    }

    [Fact]
    public void Explain_lists_the_children_behind_a_first_time_entrant_figure()
    {
        var run = ConsoleProcess.Run(_work.FullName, "explain", "fte-count", "2021/22", "--format", "csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("fte-count v1", run.StdOut);
        var numeratorRows = run.StdOut.Split('\n').Count(l => l.StartsWith("Records,numerator,child,", StringComparison.Ordinal));
        Assert.Matches($@"numerator records,{numeratorRows} child", run.StdOut);
        Assert.True(numeratorRows > 0);
    }

    [Theory]
    [InlineData("report", "--period", "next year")]
    [InlineData("explain", "no-such-indicator", "2021/22")]
    [InlineData("report", "--indicator", "no-such-indicator")]
    [InlineData("explain", "fte-count", "2021/23")]
    public void Bad_arguments_exit_2_with_a_message(params string[] args)
    {
        var run = ConsoleProcess.Run(_work.FullName, args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.False(string.IsNullOrWhiteSpace(run.StdErr));
    }

    [Fact]
    public void A_plugins_folder_that_does_not_exist_exits_4()
    {
        var run = ConsoleProcess.Run(_work.FullName, "plugins", "list", "--plugins", Path.Combine(_work.FullName, "missing"));

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("missing", run.StdErr);
    }

    [Fact]
    public void Report_of_some_indicators_reads_only_their_tables_and_gives_the_figures_of_the_whole_report()
    {
        var whole = ConsoleProcess.Run(_work.FullName, "report", "--format", "csv");
        var some = ConsoleProcess.Run(_work.FullName, "report", "--indicator", "fte-rate", "-i", "custody-count", "--format", "csv");

        Assert.True(whole.ExitCode == 0, whole.ToString());
        Assert.True(some.ExitCode == 0, some.ToString());
        // The tables the two indicators do not read are left unread, and the import line says so.
        Assert.Contains("not read: episodes.csv", some.StdErr + some.StdOut);
        static Dictionary<string, string> Figures(string csv, out List<string> ids)
        {
            var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var header = CsvFields(lines[0]);
            var rows = lines.Skip(1).Select(CsvFields).ToList();
            ids = [.. rows.Select(r => r[header.IndexOf("indicator_id")]).Distinct()];
            // Every column but the sections the figure appears in (a report of two indicators has fewer sections).
            var sections = header.IndexOf("sections");
            return rows.ToDictionary(r => r[0], r => string.Join("|", r.Where((_, i) => i != sections)));
        }
        var someFigures = Figures(some.StdOut, out var someIds);
        var wholeFigures = Figures(whole.StdOut, out _);
        Assert.Equal(["custody-count", "fte-rate"], someIds.Order());
        Assert.NotEmpty(someFigures);
        foreach (var (id, figure) in someFigures)
        {
            Assert.Equal(wholeFigures[id], figure);
        }
    }
}
