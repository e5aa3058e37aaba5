using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Hosting;

namespace YouthJustice.Sdk.Plugins.Tests;

/// <summary>Test cases shipped as data files (<c>test-cases/*.case.json</c>): read through the host's loader and importer,
/// and a case file that cannot be read named by file, line and field.</summary>
public sealed class TestCaseFileTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("yj-case-files-");

    public void Dispose() => _work.Delete(recursive: true);

    private const string Input = """
        { "format_version": 1, "as_of": "2023-03-31",
          "children": [ { "id": "C1", "date_of_birth": "2006-01-01", "sex": "FEMALE", "ethnicity": "WBRI", "home_area_code": "E08000026" } ] }
        """;

    private string Write(string json, string name = "a.case.json")
    {
        var folder = Path.Combine(_work.FullName, PluginTestCaseFiles.FolderName);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void A_case_file_gives_its_query_input_and_every_expectation()
    {
        var path = Write($$"""
            {
              "name": "One child",
              "query": { "periods": ["2022/23 Q4"], "breakdowns": ["sex"] },
              "input": {{Input}},
              "expected_results": [ { "indicator": "fte-count", "breakdown": "sex=Female", "period_start": "2023-01-01", "numerator": 0, "value": 0.25, "decimals": 2 } ],
              "expected_eligibility": [ { "rule": "x.rule", "child": "C1", "as_of": "2023-03-01", "eligible": false, "outcome": "NONE" } ],
              "expected_findings": ["x.finding"]
            }
            """);

        var c = PluginTestCaseFiles.Read(path, DomainVocabulary.National);

        Assert.Equal("One child", c.Name);
        Assert.Equal("2022/23 Q4", Assert.Single(c.Query.Periods).ToString());
        Assert.Equal("sex", Assert.Single(c.Query.Breakdowns));
        Assert.Equal("C1", Assert.Single(c.Input.Children).Id);
        Assert.Equal(new LocalDate(2023, 3, 31), c.Input.AsOf);
        var r = Assert.Single(c.ExpectedResults);
        Assert.Equal(("fte-count", "sex", "Female", 0m, (decimal?)null, 0.25m, 2, new LocalDate(2023, 1, 1)),
            (r.IndicatorId, r.Breakdown!.Dimension, r.Breakdown.Value, r.Numerator, r.Denominator, r.Value!.Value, r.ValueDecimals, r.PeriodStart!.Value));
        var e = Assert.Single(c.ExpectedEligibility);
        Assert.Equal(("x.rule", "C1", new LocalDate(2023, 3, 1), false, "NONE"), (e.RuleId, e.ChildId, e.AsOf, e.IsEligible, e.Outcome));
        Assert.Equal("x.finding", Assert.Single(c.ExpectedFindingRuleIds));
    }

    [Fact]
    public void A_case_may_name_a_dataset_file_beside_it_so_cases_share_one_input()
    {
        Write(Input, "shared.dataset.json");
        var path = Write("""{ "name": "Shared", "query": { "periods": ["2022/23"] }, "input": "shared.dataset.json", "expected_findings": [] }""");

        var c = PluginTestCaseFiles.Read(path, DomainVocabulary.National);

        Assert.Equal("C1", Assert.Single(c.Input.Children).Id);
        // Only *.case.json files are cases: the shared dataset is not.
        Assert.Equal([path], PluginTestCaseFiles.Find(_work.FullName));
    }

    [Theory]
    [InlineData("""{ "name": "x", "query": { "periods": ["2022/23"] }, "input": "missing.json", "expected_findings": [] }""", "field input", "'missing.json' is neither")]
    [InlineData("""{ "name": "x", "query": { "periods": ["2022/99"] }, "input": {}, "expected_findings": [] }""", "field query.periods[0]", "'2022/99' is not a reporting period")]
    [InlineData("""{ "name": "x", "query": { "periods": ["2022/23"] }, "input": "shared.dataset.json", "expected_results": [ { "indicator": "fte-count", "breakdown": "Female", "numerator": 1 } ] }""", "field expected_results[0].breakdown", "dimension=value")]
    [InlineData("""{ "name": "x", "query": { "periods": ["2022/23"] }, "input": "shared.dataset.json", "expected_results": [ { "indicator": "fte-count" } ] }""", "field expected_results[0].numerator", "needs a numerator")]
    [InlineData("""{ "name": "x", "query": { "periods": ["2022/23"] }, "input": "shared.dataset.json" }""", "a.case.json", "must expect something")]
    [InlineData("{\n  \"name\": \"x\",\n  \"query\": { \"periods\": [\"2022/23\"] },\n  \"expect_results\": []\n}", "line 4, field expect_results", "")]
    [InlineData("{\n  \"name\": \"x\",\n  \"query\": { \"periods\": [\"2022/23\"] },\n  \"input\": \"shared.dataset.json\",\n  \"expected_results\": [ { \"indicator\": \"a\", \"numerator\": \"three\" } ]\n}", "line 5, field expected_results[0].numerator", "")]
    [InlineData("""{ "name": "x", "query": { "periods": ["2022/23"] }, "input": { "format_version": 1, "as_of": "2023-03-31", "children": [ { "id": "C1", "date_of_birth": "2006-01-01", "sex": "FEMALE", "ethnicity": "NOPE", "home_area_code": "E08000026" } ] }, "expected_findings": [] }""", "a.case.json#input children[0], field ethnicity", "NOPE")]
    public void A_case_file_that_cannot_be_read_is_named_by_file_line_and_field(string json, string where, string why)
    {
        Write(Input, "shared.dataset.json");
        var path = Write(json);

        var ex = Assert.Throws<FormatException>(() => PluginTestCaseFiles.Read(path, DomainVocabulary.National));

        Assert.StartsWith("Test case file a.case.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains(where, ex.Message, StringComparison.Ordinal);
        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_whose_case_file_cannot_be_read_is_refused_by_name_and_the_others_load()
    {
        var root = PluginFolders.With();
        var coventry = Path.Combine(root, "coventry-diversion");
        Directory.CreateDirectory(Path.Combine(coventry, PluginTestCaseFiles.FolderName));
        File.WriteAllText(Path.Combine(coventry, PluginTestCaseFiles.FolderName, "bad.case.json"), "{ \"name\": ");

        var catalog = PluginCatalog.LoadFrom(root, PluginFailurePolicy.ContinueWithoutFaultyPlugins);

        var error = Assert.Single(catalog.Report.Errors);
        Assert.Equal(("coventry-diversion", PluginErrorKind.InvalidTestCase), (error.PluginId, error.Kind));
        Assert.Contains("bad.case.json line 1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(catalog.Plugins, p => p.Id == "coventry-diversion");
        Assert.Equal(PluginFolders.RealIds.Length - 1, catalog.Plugins.Count);
    }

    [Fact]
    public void The_plugins_cases_come_from_their_data_files_through_the_loader()
    {
        var registry = LoadedPlugins.Registry;

        Assert.All(PluginFolders.RealIds, id =>
        {
            var files = PluginTestCaseFiles.Find(Path.Combine(PluginFolders.Real, id));
            Assert.NotEmpty(files);
            Assert.Equal(files.Count, registry.TestCases.Count(c => c.PluginId == id));
        });
        Assert.All(PluginTestRunner.RunAll(registry), o => Assert.True(o.Passed, o.ToString()));
    }
}
