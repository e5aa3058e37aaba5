using System.Text;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.IO;
using static YouthJustice.Sdk.Tests.IO.TestDatasets;

namespace YouthJustice.Sdk.Tests.IO;

/// <summary>The rules of docs/data-format.md that new users' bad input found unenforced, run in process.</summary>
public class DataRuleTests
{
    [Theory]
    [InlineData("offences.csv", 2, "O1,C1,2022-01-10,THEFT,+3,false", "gravity")]
    [InlineData("offences.csv", 2, "O1,C1,2022-01-10,THEFT, 3,false", "gravity")]
    [InlineData("populations.csv", 2, "E08000026,2022,15,,,+4210", "count")]
    [InlineData("populations.csv", 2, "E08000026,2022,15,,,4_210", "count")]
    [InlineData("status-observations.csv", 2, "S1,C1,E1,2022-02-10,INTERVENTION_START,COMMUNITY,true,false,+12.5,,NEED_IDENTIFIED,", "ete_hours")]
    [InlineData("status-observations.csv", 2, "S1,C1,E1,2022-02-10,INTERVENTION_START,COMMUNITY,true,false,12.,,NEED_IDENTIFIED,", "ete_hours")]
    public void A_number_is_an_optional_minus_and_digits_only(string file, int line, string text, string field)
    {
        var result = Import(WithLine(file, line, text));

        Assert.Null(result.Dataset);
        Assert.Contains(result.Report.Errors, e => e.File == file && e.Line == line && e.Field == field);
    }

    [Theory]
    [InlineData("X2,C1,O1; O2,2022-08-01,YC,POLICE,true,false,,,", "offence_ids")]
    [InlineData("X2,C1,O1 ;O2,2022-08-01,YC,POLICE,true,false,,,", "offence_ids")]
    public void A_list_has_no_spaces_around_its_items(string text, string field)
    {
        var result = Import(WithLine("outcomes.csv", 3, text));

        Assert.Null(result.Dataset);
        Assert.Contains(result.Report.Errors, e => e is { File: "outcomes.csv", Line: 3 } && e.Field == field && e.Reason.Contains("white space", StringComparison.Ordinal));
    }

    [Fact]
    public void A_needs_list_has_no_spaces_around_its_items()
    {
        var result = Import(WithLine("assessments.csv", 2, "A1,C1,2022-02-08,ASSETPLUS,LOW,MEDIUM,3,MENTAL_HEALTH; EDUCATION,true"));

        Assert.Contains(result.Report.Errors, e => e is { File: "assessments.csv", Line: 2, Field: "needs" });
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\uFEFF")]
    [InlineData("\r\n")]
    public void An_empty_children_file_fails_the_import_under_both_policies(string content)
    {
        foreach (var policy in new[] { ImportPolicy.Strict, ImportPolicy.Lenient })
        {
            var files = ValidFiles();
            files["children.csv"] = content;

            var result = Import(files, policy);

            Assert.Null(result.Dataset);
            Assert.Contains(result.Report.Errors, e => e.File == "children.csv" && e.Reason.Contains("empty", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("children.csv")]
    [InlineData("offences.csv")]
    [InlineData("manifest.csv")]
    public void A_dataset_file_that_is_a_folder_is_an_error_not_an_absent_file(string file)
    {
        var files = ValidFiles();
        files.Remove(file);
        var folder = WriteFolder(files);
        Directory.CreateDirectory(Path.Combine(folder, file));

        var result = DatasetImporter.ImportFolder(folder);

        Assert.Null(result.Dataset);
        Assert.Contains(result.Report.Errors, e => e.File == file && e.Reason.Contains("folder", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("C\u00002")]
    [InlineData("C\u001B[31m2")]
    [InlineData("C\u00072")]
    [InlineData("C\u00852")]
    [InlineData("C\t2")]
    public void Control_characters_in_an_id_reject_the_row(string id)
    {
        var result = Import(WithLine("children.csv", 3, $"\"{id}\",2009-02-28,FEMALE,BCRB,E08000026,LOOKED_AFTER,SEN_SUPPORT"), ImportPolicy.Lenient);

        var error = Assert.Single(result.Report.Errors, e => e is { File: "children.csv", Line: 3, Field: "id" });
        Assert.DoesNotContain(error.Value!, c => char.IsControl(c));
        Assert.Equal(1, result.Report.Files.Single(f => f.File == "children.csv").Rejected - 0);
    }

    [Fact]
    public void Control_characters_in_free_text_reject_the_row_and_are_escaped_in_the_report()
    {
        var result = Import(WithLine("areas.csv", 2, "E08000026,DEP\u001B[31mUTY"), ImportPolicy.Lenient);

        var error = Assert.Single(result.Report.Errors, e => e.Field == "name");
        Assert.Equal("DEP\\x1B[31mUTY", error.Value);
        Assert.DoesNotContain('\u001B', result.Report.ToString());
    }

    [Fact]
    public void Line_breaks_and_tabs_are_allowed_in_free_text()
    {
        var result = Import(WithLine("pathway-events.csv", 2, "E1,2022-02-06,CONSENT_SOUGHT,\"two\r\nlines\tand a tab\""));

        Assert.True(result.Succeeded, result.Report.ToString());
    }

    [Fact]
    public void Bytes_that_are_not_valid_UTF8_reject_the_row()
    {
        var files = ValidFiles();
        var folder = WriteFolder(files);
        var path = Path.Combine(folder, "areas.csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("code,name\nE08000026,Cov"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("entry\n")]);

        var result = DatasetImporter.ImportFolder(folder);

        Assert.Null(result.Dataset);
        Assert.Contains(result.Report.Errors, e => e is { File: "areas.csv", Line: 2, Field: "name" } && e.Reason.Contains("UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void A_huge_bad_value_is_cut_in_the_report()
    {
        var huge = new string('9', 3_000_000);
        var result = Import(WithLine("offences.csv", 2, $"O1,C1,2022-01-10,THEFT,{huge},false"));

        var error = Assert.Single(result.Report.Errors, e => e.Field == "gravity");
        Assert.True(error.Value!.Length < 300, $"value of {error.Value.Length} characters");
        Assert.Contains("3000000 characters", error.Value, StringComparison.Ordinal);
        Assert.True(result.Report.ToString().Length < 10_000);
    }

    [Fact]
    public void Errors_listed_per_file_and_field_are_capped_and_the_counts_stay_exact()
    {
        var files = ValidFiles();
        var links = new StringBuilder("child_id,linked_child_id,kind\n");
        for (var i = 0; i < 5_000; i++)
        {
            links.Append("C9,C2,SIBLING\n");
        }
        files["links.csv"] = links.ToString();

        var result = Import(files, ImportPolicy.Lenient);

        var file = result.Report.Files.Single(f => f.File == "links.csv");
        Assert.Equal(5_000, file.Read);
        Assert.Equal(5_000, file.Rejected);
        Assert.Equal(5_000, result.Report.ErrorCount);
        var listed = result.Report.Errors.Where(e => e.File == "links.csv").ToList();
        Assert.Equal(ImportReport.MaxListedPerFileAndField + 1, listed.Count);
        Assert.Contains("4900 more error(s)", listed[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_JSON_property_given_twice_is_refused()
    {
        var json = """{"format_version":1,"as_of":"2024-03-31","children":[{"id":"C1","id":"C2","date_of_birth":"2008-05-01","sex":"MALE","ethnicity":"WBRI","home_area_code":"E08000026"}]}""";

        var result = DatasetImporter.ImportJson(new MemoryStream(Encoding.UTF8.GetBytes(json)), new ImportOptions { Policy = ImportPolicy.Lenient });

        Assert.Null(result.Dataset);
        Assert.Contains(result.Report.Errors, e => e.Reason.Contains("not valid JSON", StringComparison.Ordinal));
    }

    [Fact]
    public void Lenient_keeps_a_child_with_an_unknown_ethnicity_as_not_obtained_with_a_warning_and_its_records()
    {
        var result = Import(WithLine("children.csv", 2, "C1,2008-05-01,MALE,XXXX,E08000026,,"), ImportPolicy.Lenient);

        Assert.True(result.Succeeded);
        var child = result.Dataset!.Children.Single(c => c.Id == "C1");
        Assert.Equal(EthnicityCategory.NotObtained, child.Ethnicity);
        var warning = Assert.Single(result.Report.Warnings);
        Assert.Equal(("children.csv", 2, "ethnicity", "XXXX"), (warning.File, warning.Line ?? 0, warning.Field!, warning.Value!));
        var children = result.Report.Files.Single(f => f.File == "children.csv");
        Assert.Equal((3L, 3L, 0L, 1L), (children.Read, children.Accepted, children.Rejected, children.AcceptedWithWarnings));
        Assert.Equal(0, result.Report.TotalRejected);
        Assert.Contains(result.Dataset.Offences, o => o.ChildId == "C1");
        Assert.Contains("accepted with warnings", result.Report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lenient_keeps_a_child_with_an_unknown_sex_as_unknown_and_strict_still_fails()
    {
        var files = WithLine("children.csv", 2, "C1,2008-05-01,BOY,WBRI,E08000026,,");

        var lenient = Import(files, ImportPolicy.Lenient);
        var strict = Import(files, ImportPolicy.Strict);

        Assert.Equal(Sex.Unknown, lenient.Dataset!.Children.Single(c => c.Id == "C1").Sex);
        Assert.Single(lenient.Report.Warnings, w => w.Field == "sex" && w.Value == "BOY");
        Assert.Null(strict.Dataset);
        Assert.Contains(strict.Report.Errors, e => e is { File: "children.csv", Line: 2, Field: "sex" });
    }
}
