using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.IO;
using static YouthJustice.Sdk.Tests.IO.TestDatasets;

namespace YouthJustice.Sdk.Tests.IO;

/// <summary>One test per validation rule: each breaks one line of a valid dataset and pins the file, line, field and reason.</summary>
public class ValidationRuleTests
{
    [Fact]
    public void The_valid_test_dataset_imports_without_errors()
    {
        var result = Import(ValidFiles());

        Assert.True(result.Succeeded, result.Report.ToString());
        Assert.Empty(result.Report.Errors);
        Assert.Equal(3, result.Dataset!.Children.Count);
        Assert.Equal(2, result.Dataset.Populations.Count);
        Assert.Equal("feedback: 4/5, \"good\"", result.Dataset.PathwayEvents[1].Detail);
        Assert.Equal(["O1", "O2"], result.Dataset.Outcomes[1].OffenceIds.ToArray());
    }

    [Fact]
    public void An_impossible_calendar_date_is_rejected_with_line_and_field()
    {
        var result = Import(WithLine("offences.csv", 3, "O2,C1,2021-02-30,VIOLENCE_AGAINST_THE_PERSON,5,true"));

        AssertAllAt(result, "offences.csv", 3, "committed_on", "not a real calendar date");
    }

    [Theory]
    [InlineData("31/01/2021")]
    [InlineData("2021-1-31")]
    [InlineData("2021-01-31T00:00:00")]
    [InlineData("20210131")]
    public void A_date_not_in_iso_form_is_rejected_with_line_and_field(string date)
    {
        var result = Import(WithLine("children.csv", 2, $"C1,{date},MALE,WBRI,E08000026,,"));

        AssertAllAt(result, "children.csv", 2, "date_of_birth", "yyyy-MM-dd");
    }

    [Fact]
    public void A_missing_required_field_is_rejected_with_line_and_field()
    {
        var result = Import(WithLine("children.csv", 3, "C2,2009-02-28,,BCRB,E08000026,LOOKED_AFTER,SEN_SUPPORT"));

        AssertAllAt(result, "children.csv", 3, "sex", "is required but empty");
    }

    [Fact]
    public void A_date_of_birth_after_the_offence_date_is_rejected_on_the_offence()
    {
        var result = Import(WithLine("offences.csv", 2, "O1,C1,2007-01-10,THEFT,3,false"));

        AssertAllAt(result, "offences.csv", 2, "committed_on", "before the child's date of birth 2008-05-01");
    }

    [Fact]
    public void Outcome_dated_before_its_offence_is_rejected_with_line_and_field()
    {
        var result = Import(WithLine("outcomes.csv", 3, "X2,C1,O1;O2,2022-05-01,YC,POLICE,true,false,,,"));

        AssertSingleError(result, "outcomes.csv", 3, "outcome_date", "before offence O2 was committed (2022-06-01)");
    }

    [Fact]
    public void A_reference_to_an_unknown_child_is_rejected()
    {
        var result = Import(WithLine("offences.csv", 4, "O3,C9,2023-01-05,ROBBERY,6,"));

        AssertAllAt(result, "offences.csv", 4, "child_id", "unknown child C9");
    }

    [Fact]
    public void A_reference_to_an_unknown_offence_is_rejected()
    {
        var result = Import(WithLine("outcomes.csv", 2, "X1,C1,O9,2022-02-01,CR,POLICE,true,,,,"));

        AssertSingleError(result, "outcomes.csv", 2, "offence_ids", "unknown offence O9");
    }

    [Fact]
    public void A_reference_to_an_unknown_episode_is_rejected()
    {
        var result = Import(WithLine("pathway-events.csv", 2, "E7,2022-02-06,CONSENT_SOUGHT,"));

        AssertSingleError(result, "pathway-events.csv", 2, "episode_id", "unknown episode E7");
    }

    [Fact]
    public void An_unknown_sex_code_is_rejected()
    {
        var result = Import(WithLine("children.csv", 2, "C1,2008-05-01,X,WBRI,E08000026,,"));

        AssertAllAt(result, "children.csv", 2, "sex", "not a known sex code (allowed: UNKNOWN, MALE, FEMALE, NON_BINARY)");
    }

    [Fact]
    public void An_unknown_ethnicity_code_is_rejected()
    {
        var result = Import(WithLine("children.csv", 3, "C2,2009-02-28,FEMALE,BLACK,E08000026,LOOKED_AFTER,SEN_SUPPORT"));

        AssertAllAt(result, "children.csv", 3, "ethnicity", "not a known ethnicity code");
    }

    [Fact]
    public void An_unknown_outcome_type_code_is_rejected()
    {
        var result = Import(WithLine("outcomes.csv", 2, "X1,C1,O1,2022-02-01,CAUTION,POLICE,true,,,,"));

        AssertSingleError(result, "outcomes.csv", 2, "outcome_type", "not a known outcome type code");
    }

    [Fact]
    public void An_unknown_programme_code_is_rejected()
    {
        var result = Import(WithLine("episodes.csv", 3, "E2,C2,MENTORING,2023-03-02,,,,,,,"));

        AssertSingleError(result, "episodes.csv", 3, "programme", "not a known programme code or alias");
    }

    [Fact]
    public void An_unknown_offence_group_is_rejected()
    {
        var result = Import(WithLine("offences.csv", 2, "O1,C1,2022-01-10,SHOPLIFTING,3,false"));

        AssertAllAt(result, "offences.csv", 2, "offence_group", "not a known offence group code");
    }

    [Theory]
    [InlineData("episodes.csv", 2, "E1,C1,DIVERSION,2022-02-05,POLICE,NFA,true,YES,2022-02-10,2022-05-10,COMPLETED", "engagement")]
    [InlineData("children.csv", 2, "C1,2008-05-01,MALE,WBRI,E08000026,CARED_FOR,", "care_status")]
    [InlineData("children.csv", 2, "C1,2008-05-01,MALE,WBRI,E08000026,,EHCP", "send")]
    [InlineData("outcomes.csv", 2, "X1,C1,O1,2022-02-01,CR,MAGISTRATES,true,,,,", "decided_by")]
    [InlineData("links.csv", 2, "C1,C2,COUSIN", "kind")]
    [InlineData("assessments.csv", 2, "A1,C1,2022-02-08,ASSETPLUS,SEVERE,MEDIUM,3,MENTAL_HEALTH;EDUCATION,true", "risk_of_serious_harm")]
    [InlineData("assessments.csv", 2, "A1,C1,2022-02-08,ASSETPLUS,LOW,MEDIUM,3,MENTAL_HEALTH;HOUSING,true", "needs")]
    [InlineData("status-observations.csv", 2, "S1,C1,E1,2022-02-10,MIDWAY,COMMUNITY,true,false,12.5,,NEED_IDENTIFIED,", "point")]
    [InlineData("status-observations.csv", 2, "S1,C1,E1,2022-02-10,INTERVENTION_START,PRISON,true,false,12.5,,NEED_IDENTIFIED,", "setting")]
    [InlineData("status-observations.csv", 2, "S1,C1,E1,2022-02-10,INTERVENTION_START,COMMUNITY,true,false,12.5,,NEEDED,", "mental_health")]
    [InlineData("board-attendance.csv", 2, "E08000026,2023-06-01,POLICE,ABSENT", "attendance")]
    [InlineData("populations.csv", 2, "E08000026,2022,15,,ASIAN_BRITISH,4210", "ethnicity_group")]
    public void An_unknown_enum_code_is_rejected_with_line_and_field(string file, int line, string text, string field)
    {
        var result = Import(WithLine(file, line, text));

        AssertAllAt(result, file, line, field, "is not a known");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("9")]
    [InlineData("-1")]
    public void A_gravity_outside_1_to_8_is_rejected(string gravity)
    {
        var result = Import(WithLine("offences.csv", 2, $"O1,C1,2022-01-10,THEFT,{gravity},false"));

        AssertAllAt(result, "offences.csv", 2, "gravity", "must be between 1 and 8");
    }

    [Fact]
    public void A_gravity_that_is_not_a_whole_number_is_rejected()
    {
        var result = Import(WithLine("offences.csv", 2, "O1,C1,2022-01-10,THEFT,3.5,false"));

        AssertAllAt(result, "offences.csv", 2, "gravity", "not a whole number");
    }

    [Fact]
    public void A_duplicate_id_is_rejected_on_its_second_occurrence()
    {
        var result = Import(WithLine("children.csv", 3, "C1,2009-02-28,FEMALE,BCRB,E08000026,LOOKED_AFTER,SEN_SUPPORT"));

        Assert.Null(result.Dataset);
        var error = result.Report.Errors[0];
        Assert.Equal(("children.csv", 3, "id"), (error.File, error.Line, error.Field));
        Assert.Contains("duplicate id", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_population_estimate_is_rejected()
    {
        var result = Import(WithLine("populations.csv", 3, "E08000026,2022,15,,,999"));

        AssertSingleError(result, "populations.csv", 3, "count", "duplicate population estimate");
    }

    [Theory]
    [InlineData("children.csv", 2, "C1,2024-04-01,MALE,WBRI,E08000026,,", "date_of_birth")]
    [InlineData("board-attendance.csv", 2, "E08000026,2030-06-01,POLICE,SENIOR", "meeting_date")]
    [InlineData("outcomes.csv", 4, "X3,C2,O3,2023-03-01,DTO,COURT,,,120,2025-05-01,", "release_date")]
    public void A_date_after_the_as_of_date_is_rejected(string file, int line, string text, string field)
    {
        var result = Import(WithLine(file, line, text));

        AssertAllAt(result, file, line, field, "after the dataset's as-of date 2024-03-31");
    }

    [Theory]
    [InlineData("populations.csv", 2, "E08000026,2022,15,,,-4", "count")]
    [InlineData("reference-populations.csv", 2, "secondary-school-census,E08000026,2022,WHITE_BRITISH,-1", "count")]
    [InlineData("status-observations.csv", 2, "S1,C1,E1,2022-02-10,INTERVENTION_START,COMMUNITY,true,false,-2.5,,NEED_IDENTIFIED,", "ete_hours")]
    [InlineData("outcomes.csv", 4, "X3,C2,O3,2023-03-01,DTO,COURT,,,-120,2023-05-01,", "sentence_length_days")]
    [InlineData("assessments.csv", 2, "A1,C1,2022-02-08,ASSETPLUS,LOW,MEDIUM,-3,MENTAL_HEALTH,true", "ace_count")]
    public void A_negative_count_or_number_of_hours_is_rejected(string file, int line, string text, string field)
    {
        var result = Import(WithLine(file, line, text));

        AssertSingleError(result, file, line, field, "must not be negative");
    }

    [Fact]
    public void An_outcome_for_an_offence_of_another_child_is_rejected()
    {
        var result = Import(WithLine("outcomes.csv", 2, "X1,C1,O3,2023-03-01,CR,POLICE,true,,,,"));

        AssertSingleError(result, "outcomes.csv", 2, "offence_ids", "offence O3 belongs to child C2, not to child C1");
    }

    [Fact]
    public void A_victim_contact_for_an_offence_of_another_child_is_rejected()
    {
        var result = Import(WithLine("victim-contacts.csv", 2, "V1,C2,O2,2022-07-01,true,true,true,false"));

        AssertSingleError(result, "victim-contacts.csv", 2, "offence_id", "offence O2 belongs to child C1, not to child C2");
    }

    [Fact]
    public void A_status_observation_for_an_episode_of_another_child_is_rejected()
    {
        var result = Import(WithLine("status-observations.csv", 2, "S1,C2,E1,2022-02-10,INTERVENTION_START,COMMUNITY,true,false,12.5,,NEED_IDENTIFIED,"));

        AssertSingleError(result, "status-observations.csv", 2, "episode_id", "episode E1 belongs to child C1, not to child C2");
    }

    [Fact]
    public void An_outcome_without_offences_is_rejected_unless_it_is_a_remand()
    {
        var rejected = Import(WithLine("outcomes.csv", 2, "X1,C1,,2022-02-01,CR,POLICE,true,,,,"));
        AssertSingleError(rejected, "outcomes.csv", 2, "offence_ids", "at least one offence");

        var remand = Import(WithLine("outcomes.csv", 2, "X1,C1,,2022-02-01,REMAND,COURT,,,,,2022-03-01"));
        Assert.True(remand.Succeeded, remand.Report.ToString());
        Assert.Empty(remand.Dataset!.Outcomes[0].OffenceIds);
    }

    [Fact]
    public void A_boolean_other_than_true_or_false_is_rejected()
    {
        var result = Import(WithLine("victim-contacts.csv", 2, "V1,C1,O2,2022-07-01,yes,true,true,false"));

        AssertSingleError(result, "victim-contacts.csv", 2, "consented_to_contact", "must be true or false");
    }

    [Fact]
    public void An_episode_ending_before_its_referral_is_rejected()
    {
        var result = Import(WithLine("episodes.csv", 2, "E1,C1,DIVERSION,2022-02-05,POLICE,NFA,true,ENGAGED,2022-02-10,2022-02-01,COMPLETED"));

        AssertAllAt(result, "episodes.csv", 2, "end_date", "before the referral or start date");
    }

    [Fact]
    public void A_child_linked_to_itself_is_rejected()
    {
        var result = Import(WithLine("links.csv", 2, "C1,C1,SIBLING"));

        AssertSingleError(result, "links.csv", 2, "linked_child_id", "cannot be linked to itself");
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_rejected()
    {
        var result = Import(WithLine("areas.csv", 2, "E08000026,Coventry,extra"));

        Assert.Null(result.Dataset);
        var error = Assert.Single(result.Report.Errors);
        Assert.Equal(("areas.csv", 2, (string?)null), (error.File, error.Line, error.Field));
        Assert.Contains("3 field(s) but the header has 2", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_column_is_reported_on_the_header_line()
    {
        var files = ValidFiles();
        files["areas.csv"] = "code,name,region\nE08000026,Coventry,West Midlands\n";

        var strict = Import(files);
        var error = Assert.Single(strict.Report.Errors);
        Assert.Equal(("areas.csv", 1, "region"), (error.File, error.Line, error.Field));
        Assert.Contains("unknown column", error.Reason, StringComparison.Ordinal);
        Assert.Null(strict.Dataset);

        var lenient = Import(files, ImportPolicy.Lenient);
        Assert.Single(lenient.Dataset!.Areas);
    }

    [Fact]
    public void A_board_attendance_without_an_area_code_is_rejected()
    {
        var result = Import(WithLine("board-attendance.csv", 2, ",2023-06-01,POLICE,SENIOR"));

        AssertAllAt(result, "board-attendance.csv", 2, "area_code", "is required but empty");
    }

    [Fact]
    public void A_missing_required_column_is_reported_on_the_header_line()
    {
        var files = ValidFiles();
        files["board-attendance.csv"] = "area_code,meeting_date,agency\nE08000026,2023-06-01,POLICE\n";

        var result = Import(files);

        Assert.Null(result.Dataset);
        Assert.Contains(result.Report.Errors, e => e is { File: "board-attendance.csv", Line: 1, Field: "attendance" } && e.Reason.Contains("missing from the header", StringComparison.Ordinal));
        Assert.Contains(result.Report.Errors, e => e is { File: "board-attendance.csv", Line: 2, Field: "attendance" } && e.Reason.Contains("required", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_children_file_fails_the_import_under_both_policies()
    {
        var files = ValidFiles();
        files.Remove("children.csv");

        foreach (var policy in new[] { ImportPolicy.Strict, ImportPolicy.Lenient })
        {
            var result = Import(files, policy);
            Assert.Null(result.Dataset);
            var error = Assert.Single(result.Report.Errors);
            Assert.Equal("children.csv", error.File);
            Assert.Contains("required file is missing", error.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_missing_optional_file_reads_as_an_empty_list()
    {
        var files = ValidFiles();
        files.Remove("links.csv");
        files.Remove("board-attendance.csv");

        var result = Import(files);

        Assert.True(result.Succeeded, result.Report.ToString());
        Assert.Empty(result.Dataset!.Links);
        Assert.Empty(result.Dataset.BoardAttendances);
        Assert.False(result.Report.Files.Single(f => f.Entity == DatasetEntity.Links).Present);
    }

    [Theory]
    [InlineData("format_version,as_of\n2,2024-03-31\n", "format_version", "unsupported format version")]
    [InlineData("format_version,as_of\n1,31/03/2024\n", "as_of", "yyyy-MM-dd")]
    public void A_bad_manifest_fails_the_import(string manifest, string field, string reason)
    {
        var files = ValidFiles();
        files["manifest.csv"] = manifest;

        var result = Import(files, ImportPolicy.Lenient);

        AssertSingleError(result, "manifest.csv", 2, field, reason);
    }

    [Fact]
    public void A_missing_manifest_fails_the_import()
    {
        var files = ValidFiles();
        files.Remove("manifest.csv");

        var result = Import(files);

        Assert.Null(result.Dataset);
        Assert.Equal("manifest.csv", Assert.Single(result.Report.Errors).File);
    }

    [Fact]
    public void A_programme_alias_and_a_plugin_outcome_type_resolve_through_the_vocabulary()
    {
        var leicester = new ProgrammeKind("LEICESTER_EIT", "Early Intervention Team", ["CRPT", "Community Resolution & Prevention Team"], isLocal: true);
        var triage = new OutcomeType("TRIAGE", "Local triage", OutcomeCategory.InformalOutOfCourt, 1, isLocal: true);
        var vocabulary = DomainVocabulary.National.WithProgramme(leicester).WithOutcomeType(triage);
        var files = WithLine("episodes.csv", 3, "E2,C2,Community Resolution & Prevention Team,2023-03-02,,,,,,,");
        WithLine(files, "outcomes.csv", 2, "X1,C1,O1,2022-02-01,triage,POLICE,true,,,,");

        var national = Import(files);
        Assert.Contains(national.Report.Errors, e => e.Field == "programme");
        Assert.Contains(national.Report.Errors, e => e.Field == "outcome_type");

        var local = Import(files, vocabulary: vocabulary);
        Assert.True(local.Succeeded, local.Report.ToString());
        Assert.Equal(leicester, local.Dataset!.Episodes[1].Programme);
        Assert.Equal(triage, local.Dataset.Outcomes[0].Type);
    }

    [Fact]
    public void Quoted_fields_with_commas_and_line_breaks_a_bom_and_crlf_are_read_and_later_lines_keep_their_physical_numbers()
    {
        var files = ValidFiles();
        files["pathway-events.csv"] = "\uFEFFepisode_id,date,state,detail\r\nE1,2022-02-06,CONSENT_SOUGHT,\"a, b\r\nsecond line\"\r\nE1,2022-02-07,ASSESSED,\r\nE1,2031-01-01,CLOSED,\r\n";

        var result = Import(files, ImportPolicy.Lenient);

        Assert.Equal("a, b\r\nsecond line", result.Dataset!.PathwayEvents[0].Detail);
        Assert.Equal(2, result.Dataset.PathwayEvents.Count);
        var error = Assert.Single(result.Report.Errors);
        Assert.Equal(("pathway-events.csv", 5, "date"), (error.File, error.Line, error.Field));
    }

    [Fact]
    public void Every_bad_row_is_reported_not_just_the_first()
    {
        var files = WithLine("children.csv", 2, "C1,2008-13-01,MAN,WBRI,E08000026,,");
        WithLine(files, "areas.csv", 2, ",Coventry");

        var result = Import(files, ImportPolicy.Strict);

        Assert.Contains(result.Report.Errors, e => e is { File: "areas.csv", Line: 2, Field: "code" });
        Assert.Contains(result.Report.Errors, e => e is { File: "children.csv", Line: 2, Field: "date_of_birth" });
        Assert.Contains(result.Report.Errors, e => e is { File: "children.csv", Line: 2, Field: "sex" });
    }

    /// <summary>The import failed and every error (there may be cascades in other files) at this file and line names the field.</summary>
    private static void AssertAllAt(ImportResult result, string file, int line, string field, string reasonFragment)
    {
        Assert.Null(result.Dataset);
        var here = result.Report.Errors.Where(e => e.File == file).ToList();
        var error = Assert.Single(here);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(reasonFragment, error.Reason, StringComparison.Ordinal);
    }
}
