using System.Globalization;
using System.Text;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.IO;
using static YouthJustice.Sdk.Tests.IO.TestDatasets;

namespace YouthJustice.Sdk.Tests.IO;

public class RoundTripTests
{
    public static TheoryData<string> Datasets => new() { "full", "sparse" };

    private static Dataset Get(string name) => name == "full" ? Full() : Sparse();

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Writing_a_folder_and_importing_it_gives_an_equal_dataset(string name)
    {
        var dataset = Get(name);
        var folder = NewTempFolder();

        DatasetExporter.WriteFolder(dataset, folder);
        var result = DatasetImporter.ImportFolder(folder);

        Assert.True(result.Succeeded, result.Report.ToString());
        DatasetAssert.Equal(dataset, result.Dataset);
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Writing_json_and_importing_it_gives_an_equal_dataset(string name)
    {
        var dataset = Get(name);
        using var stream = new MemoryStream();

        DatasetExporter.WriteJson(dataset, stream);
        stream.Position = 0;
        var result = DatasetImporter.ImportJson(stream);

        Assert.True(result.Succeeded, result.Report.ToString());
        DatasetAssert.Equal(dataset, result.Dataset);
    }

    [Fact]
    public void The_csv_and_json_forms_of_the_same_data_import_to_equal_datasets()
    {
        var fromCsv = Import(ValidFiles()).Dataset!;
        using var stream = new MemoryStream();
        DatasetExporter.WriteJson(fromCsv, stream);
        stream.Position = 0;

        var fromJson = DatasetImporter.ImportJson(stream).Dataset;

        DatasetAssert.Equal(fromCsv, fromJson);
    }

    [Fact]
    public void Writing_the_same_dataset_twice_gives_identical_bytes()
    {
        var first = NewTempFolder();
        var second = NewTempFolder();
        DatasetExporter.WriteFolder(Full(), first);
        DatasetExporter.WriteFolder(Full(), second);

        var names = Directory.GetFiles(first).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(16, names.Count);
        foreach (var file in names)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file!)), File.ReadAllBytes(Path.Combine(second, file!)));
        }
        Assert.Equal(Json(Full()), Json(Full()));
    }

    [Fact]
    public void Written_files_are_utf8_without_bom_with_lf_line_endings_and_invariant_numbers()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var folder = NewTempFolder();
            DatasetExporter.WriteFolder(Full(), folder);

            var bytes = File.ReadAllBytes(Path.Combine(folder, "status-observations.csv"));
            Assert.NotEqual(0xEF, bytes[0]);
            var text = Encoding.UTF8.GetString(bytes);
            Assert.DoesNotContain("\r\n", text, StringComparison.Ordinal);
            Assert.Contains(",16.25,", text, StringComparison.Ordinal);
            Assert.Equal("format_version,as_of\n1,2024-03-31\n", File.ReadAllText(Path.Combine(folder, "manifest.csv")));
            var json = Json(Full());
            Assert.Contains("\"ete_hours\": 16.25", json, StringComparison.Ordinal);
            Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Json_import_reports_the_record_position_and_field()
    {
        var json = """
            {
              "format_version": 1,
              "as_of": "2024-03-31",
              "children": [
                { "id": "C1", "date_of_birth": "2008-05-01", "sex": "MALE", "ethnicity": "WBRI", "home_area_code": "E08000026" },
                { "id": "C2", "date_of_birth": "2009-02-30", "sex": "FEMALE", "ethnicity": "BCRB", "home_area_code": "E08000026" }
              ],
              "offences": [
                { "id": "O1", "child_id": "C2", "committed_on": "2022-01-10", "offence_group": "THEFT", "gravity": 3 }
              ]
            }
            """;

        var result = DatasetImporter.ImportJson(new MemoryStream(Encoding.UTF8.GetBytes(json)), new ImportOptions { Policy = ImportPolicy.Lenient });

        var error = result.Report.Errors[0];
        Assert.Equal(("dataset.json", (int?)null, "children[1]", "date_of_birth"), (error.File, error.Line, error.Position, error.Field));
        Assert.Contains("not a real calendar date", error.Reason, StringComparison.Ordinal);
        var cascade = result.Report.Errors[1];
        Assert.Equal(("offences[0]", "child_id"), (cascade.Position, cascade.Field));
        Assert.Equal("child C2 was rejected (children[1] in dataset.json)", cascade.Reason);
        Assert.Equal("dataset.json children[1], field date_of_birth, value '2009-02-30': is not a real calendar date", error.ToString());
        var children = result.Report.Files.Single(f => f.Entity == DatasetEntity.Children);
        Assert.Equal(("dataset.json#children", 2L, 1L, 1L), (children.File, children.Read, children.Accepted, children.Rejected));
    }

    [Fact]
    public void Malformed_json_fails_with_a_reported_error_not_an_exception()
    {
        var result = DatasetImporter.ImportJson(new MemoryStream(Encoding.UTF8.GetBytes("{ \"format_version\": 1, ")), new ImportOptions { Policy = ImportPolicy.Lenient });

        Assert.Null(result.Dataset);
        Assert.Contains("not valid JSON", Assert.Single(result.Report.Errors).Reason, StringComparison.Ordinal);
    }

    private static string Json(Dataset dataset)
    {
        using var stream = new MemoryStream();
        DatasetExporter.WriteJson(dataset, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
