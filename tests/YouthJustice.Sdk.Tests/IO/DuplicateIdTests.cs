using YouthJustice.Sdk.IO;
using static YouthJustice.Sdk.Tests.IO.TestDatasets;

namespace YouthJustice.Sdk.Tests.IO;

/// <summary>A record whose id an earlier record of the same file already has is rejected as a duplicate, whether that
/// earlier record was accepted or itself rejected, in every file with ids.</summary>
public sealed class DuplicateIdTests
{
    // For each file with ids: a line repeating line 2's id (accepted in the valid files), and a pair of lines whose first
    // is rejected for another reason (a bad date) and whose second repeats its id.
    public static TheoryData<string, string, string, string> Files => new()
    {
        { "children.csv", "C1,2008-05-02,MALE,WBRI,E08000026,,", "C9,2008-13-01,MALE,WBRI,E08000026,,", "C9,2008-05-01,MALE,WBRI,E08000026,," },
        { "offences.csv", "O1,C1,2022-01-11,THEFT,3,false", "O9,C1,2022-13-10,THEFT,3,false", "O9,C1,2022-01-10,THEFT,3,false" },
        { "outcomes.csv", "X1,C1,O1,2022-02-02,CR,POLICE,true,,,,", "X9,C1,O1,2022-13-01,CR,POLICE,true,,,,", "X9,C1,O1,2022-02-01,CR,POLICE,true,,,," },
        { "episodes.csv", "E1,C1,DIVERSION,2022-02-06,POLICE,NFA,true,ENGAGED,2022-02-10,2022-05-10,COMPLETED",
            "E9,C1,DIVERSION,2022-13-05,POLICE,NFA,true,ENGAGED,2022-02-10,2022-05-10,COMPLETED",
            "E9,C1,DIVERSION,2022-02-05,POLICE,NFA,true,ENGAGED,2022-02-10,2022-05-10,COMPLETED" },
        { "assessments.csv", "A1,C1,2022-02-09,ASSETPLUS,LOW,MEDIUM,3,EDUCATION,true", "A9,C1,2022-13-08,ASSETPLUS,LOW,MEDIUM,3,EDUCATION,true",
            "A9,C1,2022-02-08,ASSETPLUS,LOW,MEDIUM,3,EDUCATION,true" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void A_repeated_id_is_rejected_whether_the_first_was_accepted_or_rejected(string file, string repeatsAccepted, string rejected, string repeatsRejected)
    {
        var files = ValidFiles();
        var header = files[file].Split('\n')[0];
        var firstId = files[file].Split('\n')[1].Split(',')[0];
        // Line 2 (accepted), then the repeat of it, the rejected record and the repeat of that: lines 3, 4 and 5.
        files[file] = string.Join('\n', header, files[file].Split('\n')[1], repeatsAccepted, rejected, repeatsRejected) + "\n";

        var result = Import(files, ImportPolicy.Lenient);

        var report = result.Report.Files.Single(f => f.File == file);
        Assert.Equal((4L, 1L, 3L), (report.Read, report.Accepted, report.Rejected));
        var errors = result.Report.Errors.Where(e => e.File == file).ToList();
        Assert.Equal([3, 4, 5], errors.Select(e => e.Line!.Value));
        Assert.Equal(("id", $"duplicate id: another {Singular(file)} in this file already has id {firstId}"), (errors[0].Field, errors[0].Reason));
        Assert.NotEqual("id", errors[1].Field);
        var id = rejected.Split(',')[0];
        Assert.Equal(("id", $"duplicate id: another {Singular(file)} in this file already has id {id}"), (errors[2].Field, errors[2].Reason));
    }

    [Fact]
    public void The_same_id_in_two_different_files_is_not_a_duplicate()
    {
        var files = ValidFiles();
        // An offence and an outcome both with id C1, the id of a child.
        files = WithLine(files, "offences.csv", 2, "C1,C1,2022-01-10,THEFT,3,false");
        files = WithLine(files, "outcomes.csv", 2, "C1,C1,C1,2022-02-01,CR,POLICE,true,,,,");
        files = WithLine(files, "outcomes.csv", 3, "X2,C1,C1;O2,2022-08-01,YC,POLICE,true,false,,,");
        files = WithLine(files, "victim-contacts.csv", 2, "V1,C1,O2,2022-07-01,true,true,true,false");

        var result = Import(files);

        Assert.True(result.Succeeded, result.Report.ToString());
        Assert.Equal("C1", result.Dataset!.Offences[0].Id);
        Assert.Equal("C1", result.Dataset.Outcomes[0].Id);
    }

    private static string Singular(string file) => file switch
    {
        "children.csv" => "child",
        "offences.csv" => "offence",
        "outcomes.csv" => "outcome",
        "episodes.csv" => "episode",
        _ => "assessment",
    };
}
