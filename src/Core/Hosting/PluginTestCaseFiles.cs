using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Plugins;

namespace YouthJustice.Sdk.Hosting;

/// <summary>
/// Reads the test cases a plugin ships as data files: every <c>test-cases/*.case.json</c> in its folder, each one case
/// (input records, a query, and the figures, eligibility decisions and validation findings expected), in the manner of
/// OpenFisca's YAML tests. The format is in docs/plugins.md, "Test cases".
/// </summary>
/// <remarks>
/// <para>A case's <c>input</c> is either a dataset JSON document written in place (the dataset format's JSON form,
/// docs/data-format.md) or the path, relative to the case file, of a dataset JSON file or a dataset folder of CSV files,
/// so several cases can share one dataset. The input is imported strictly through the host's importer with the
/// plugin's vocabulary: a case whose input the importer would refuse is itself refused.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class PluginTestCaseFiles
{
    /// <summary>The folder, inside a plugin's folder, that holds its case files.</summary>
    public const string FolderName = "test-cases";

    /// <summary>How a case file's name ends.</summary>
    public const string FileSuffix = ".case.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>The case files in a plugin's folder, in ordinal order of name (none when it has no <see cref="FolderName"/> folder).</summary>
    /// <param name="pluginDirectory">The plugin's folder.</param>
    public static IReadOnlyList<string> Find(string pluginDirectory)
    {
        ArgumentNullException.ThrowIfNull(pluginDirectory);
        var folder = Path.Combine(pluginDirectory, FolderName);
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*" + FileSuffix).Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>Reads every case file in a plugin's folder.</summary>
    /// <param name="pluginDirectory">The plugin's folder.</param>
    /// <param name="vocabulary">The vocabulary the input's codes resolve through: the national one with the plugin's programmes and outcome types.</param>
    /// <exception cref="FormatException">A case file is not valid; the message names the file, the line and the field.</exception>
    public static IPluginTestCases Load(string pluginDirectory, DomainVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        return new FileCases([.. Find(pluginDirectory).Select(f => Read(f, vocabulary))]);
    }

    /// <summary>Reads one case file.</summary>
    /// <param name="path">The case file.</param>
    /// <param name="vocabulary">As for <see cref="Load"/>.</param>
    /// <exception cref="FormatException">The file is not a valid case; the message names the file, the line and the field.</exception>
    /// <exception cref="IOException">The file (or the input it names) cannot be read.</exception>
    public static PluginTestCase Read(string path, DomainVocabulary vocabulary)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var name = Path.GetFileName(path);
        var text = File.ReadAllText(path);
        CaseFile file;
        try
        {
            file = JsonSerializer.Deserialize<CaseFile>(text, Options)!;
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" line {line + 1}") : "";
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $", field {ex.Path.TrimStart('$', '.')}";
            throw new FormatException($"Test case file {name}{where}{field}: {FirstSentence(ex.Message)}", ex);
        }

        var periods = file.Query.Periods.Select((p, i) => ReportingPeriod.TryParse(p, out var period)
            ? period
            : throw Invalid(name, $"query.periods[{i}]", $"'{p}' is not a reporting period (2021/22, 2021/22 Q3, 2021, Oct 2020 - Sep 2021 or 2021-01-01..2021-03-31)")).ToImmutableArray();
        if (periods.IsEmpty)
        {
            throw Invalid(name, "query.periods", "a case needs at least one period");
        }
        var query = new IndicatorQuery(periods, [.. file.Query.Areas ?? []], [.. file.Query.Breakdowns ?? []]);

        var results = (file.ExpectedResults ?? []).Select((e, i) => new ExpectedResult(
            Required(e.Indicator, name, $"expected_results[{i}].indicator"),
            e.Numerator ?? throw Invalid(name, $"expected_results[{i}].numerator", "every expected figure needs a numerator"),
            e.Denominator,
            Breakdown(e.Breakdown, name, $"expected_results[{i}].breakdown"),
            e.Value,
            e.Decimals ?? 1,
            e.PeriodStart is null ? null : Date(e.PeriodStart, name, $"expected_results[{i}].period_start"))).ToImmutableArray();
        var eligibility = (file.ExpectedEligibility ?? []).Select((e, i) => new ExpectedEligibility(
            Required(e.Rule, name, $"expected_eligibility[{i}].rule"),
            Required(e.Child, name, $"expected_eligibility[{i}].child"),
            Date(Required(e.AsOf, name, $"expected_eligibility[{i}].as_of"), name, $"expected_eligibility[{i}].as_of"),
            e.Eligible ?? throw Invalid(name, $"expected_eligibility[{i}].eligible", "say true or false"),
            e.Outcome)).ToImmutableArray();
        if (results.IsEmpty && eligibility.IsEmpty && file.ExpectedFindings is null)
        {
            throw Invalid(name, null, "a case must expect something: expected_results, expected_eligibility or expected_findings (an empty list: the input must be clean)");
        }

        var input = ReadInput(file.Input, path, vocabulary);
        return new PluginTestCase(Required(file.Name, name, "name"), input, query, results, eligibility, [.. file.ExpectedFindings ?? []]);
    }

    private static Dataset ReadInput(JsonElement input, string casePath, DomainVocabulary vocabulary)
    {
        var name = Path.GetFileName(casePath);
        var options = ImportOptions.Default with { Vocabulary = vocabulary };
        ImportResult result;
        switch (input.ValueKind)
        {
            case JsonValueKind.Object:
                using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(input.GetRawText())))
                {
                    result = DatasetImporter.ImportJson(stream, options, name + "#input");
                }
                break;
            case JsonValueKind.String:
                var relative = input.GetString()!;
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(casePath))!, relative));
                result = Directory.Exists(full) ? DatasetImporter.ImportFolder(full, options)
                    : File.Exists(full) ? DatasetImporter.ImportJson(full, options)
                    : throw Invalid(name, "input", $"'{relative}' is neither a dataset file nor a dataset folder beside the case");
                break;
            default:
                throw Invalid(name, "input", "give the input dataset as a JSON document, or the path of a dataset file or folder relative to the case file");
        }
        if (result.Dataset is null)
        {
            throw Invalid(name, "input", "the input dataset does not import: " + string.Join("; ", result.Report.Errors.Take(5).Select(e => e.ToString())));
        }
        return result.Dataset;
    }

    private static BreakdownKey? Breakdown(string? text, string name, string field)
    {
        if (text is null || text == "total")
        {
            return null;
        }
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && equals < text.Length - 1
            ? new BreakdownKey(text[..equals], text[(equals + 1)..])
            : throw Invalid(name, field, $"'{text}' is not a breakdown: write dimension=value (e.g. ethnicity-group=Black), or total");
    }

    private static LocalDate Date(string text, string name, string field)
    {
        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? parsed.Value : throw Invalid(name, field, $"'{text}' is not a date (yyyy-MM-dd)");
    }

    private static string Required(string? value, string name, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw Invalid(name, field, "required") : value;

    private static FormatException Invalid(string name, string? field, string reason) =>
        new(field is null ? $"Test case file {name}: {reason}." : $"Test case file {name}, field {field}: {reason}.");

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private sealed class FileCases(ImmutableArray<PluginTestCase> cases) : IPluginTestCases
    {
        public IReadOnlyList<PluginTestCase> Cases { get; } = cases;
    }

    private sealed record CaseFile(
        string Name,
        CaseQuery Query,
        JsonElement Input,
        IReadOnlyList<CaseResult>? ExpectedResults = null,
        IReadOnlyList<CaseEligibility>? ExpectedEligibility = null,
        IReadOnlyList<string>? ExpectedFindings = null);

    private sealed record CaseQuery(IReadOnlyList<string> Periods, IReadOnlyList<string>? Areas = null, IReadOnlyList<string>? Breakdowns = null);

    private sealed record CaseResult(
        string? Indicator = null, string? Breakdown = null, string? PeriodStart = null, decimal? Numerator = null, decimal? Denominator = null,
        decimal? Value = null, int? Decimals = null);

    private sealed record CaseEligibility(string? Rule = null, string? Child = null, string? AsOf = null, bool? Eligible = null, string? Outcome = null);
}
