using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Plugins;
using static YouthJustice.Sdk.Tests.IO.TestDatasets;
using YouthJustice.Sdk.Hosting;

namespace YouthJustice.Sdk.Tests.IO;

public class ImportPolicyTests
{
    private static Dictionary<string, string> ThreeBadRows()
    {
        // An unknown ethnicity alone would be kept as "not obtained" by a lenient import; the unknown care status rejects the row.
        var files = WithLine("children.csv", 4, "C3,2007-11-30,NON_BINARY,XXXX,E08000026,CHILD_IN_NED,EDUCATION_HEALTH_CARE_PLAN");
        WithLine(files, "offences.csv", 3, "O2,C1,2022-06-01,VIOLENCE_AGAINST_THE_PERSON,12,true");
        WithLine(files, "populations.csv", 3, "E08000026,2022,15,FEMALE,BLACK,-210");
        return files;
    }

    [Fact]
    public void Strict_import_with_errors_loads_nothing_and_reports_every_error()
    {
        var result = Import(ThreeBadRows(), ImportPolicy.Strict);

        Assert.Null(result.Dataset);
        Assert.False(result.Report.Succeeded);
        Assert.Contains(result.Report.Errors, e => e is { File: "children.csv", Line: 4, Field: "ethnicity" });
        Assert.Contains(result.Report.Errors, e => e is { File: "offences.csv", Line: 3, Field: "gravity" });
        Assert.Contains(result.Report.Errors, e => e is { File: "populations.csv", Line: 3, Field: "count" });
        Assert.Contains("FAILED, no records loaded", result.Report.ToString(), StringComparison.Ordinal);
        foreach (var file in result.Report.Files)
        {
            Assert.Equal(file.Read, file.Accepted + file.Rejected);
        }
    }

    [Fact]
    public void Lenient_import_loads_the_good_rows_and_reconciles_every_file()
    {
        var result = Import(ThreeBadRows(), ImportPolicy.Lenient);

        Assert.NotNull(result.Dataset);
        Assert.Equal(["C1", "C2"], result.Dataset.Children.Select(c => c.Id));
        Assert.Equal(["O1", "O3"], result.Dataset.Offences.Select(o => o.Id));
        Assert.Single(result.Dataset.Populations);
        foreach (var file in result.Report.Files)
        {
            Assert.Equal(file.Read, file.Accepted + file.Rejected);
        }
        var children = result.Report.Files.Single(f => f.Entity == DatasetEntity.Children);
        Assert.Equal((3L, 2L, 1L), (children.Read, children.Accepted, children.Rejected));
        Assert.Contains("children.csv: read 3 = accepted 2 + rejected 1", result.Report.ToString(), StringComparison.Ordinal);
        Assert.Equal(result.Report.TotalRead, result.Report.TotalAccepted + result.Report.TotalRejected);
        Assert.Equal(result.Report.TotalAccepted, result.Dataset.RecordCount);
    }

    [Fact]
    public void Lenient_import_writes_rejected_rows_with_their_original_columns_line_field_and_reason()
    {
        var rejects = NewTempFolder();
        var folder = WriteFolder(ThreeBadRows());

        var result = DatasetImporter.ImportFolder(folder, new ImportOptions { Policy = ImportPolicy.Lenient, RejectsDirectory = rejects });

        Assert.True(result.Succeeded);
        var lines = File.ReadAllLines(Path.Combine(rejects, "offences.rejects.csv"));
        Assert.Equal("id,child_id,committed_on,offence_group,gravity,involves_knife,reject_line,reject_field,reject_reason", lines[0]);
        Assert.StartsWith("O2,C1,2022-06-01,VIOLENCE_AGAINST_THE_PERSON,12,true,3,gravity,gravity: must be between 1 and 8", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.True(File.Exists(Path.Combine(rejects, "children.rejects.csv")));
        Assert.False(File.Exists(Path.Combine(rejects, "areas.rejects.csv")));
    }

    [Fact]
    public void Rows_that_refer_to_a_rejected_row_are_rejected_in_cascade_with_a_reason_naming_it()
    {
        var files = WithLine("children.csv", 2, "C1,2008-05-01,MALE,WBRI,,,");

        var result = Import(files, ImportPolicy.Lenient);

        Assert.NotNull(result.Dataset);
        Assert.DoesNotContain(result.Dataset.Offences, o => o.ChildId == "C1");
        var offence = result.Report.Errors.Single(e => e is { File: "offences.csv", Line: 2 });
        Assert.Equal("child_id", offence.Field);
        Assert.Equal("child C1 was rejected (line 2 of children.csv)", offence.Reason);
        var outcome = result.Report.Errors.First(e => e is { File: "outcomes.csv", Line: 2, Field: "offence_ids" });
        Assert.Equal("offence O1 was rejected (line 2 of offences.csv)", outcome.Reason);
        var pathway = result.Report.Errors.First(e => e is { File: "pathway-events.csv", Line: 2 });
        Assert.Equal("episode E1 was rejected (line 2 of episodes.csv)", pathway.Reason);
        Assert.Equal(["O3"], result.Dataset.Offences.Select(o => o.Id));
        Assert.Equal(["X3"], result.Dataset.Outcomes.Select(o => o.Id));
        foreach (var file in result.Report.Files)
        {
            Assert.Equal(file.Read, file.Accepted + file.Rejected);
        }
    }

    private sealed class NoKnifeOffencesRule : IValidationRule
    {
        public string Id => "no-knives";

        public string Description => "Knife offences are out of scope.";

        public IEnumerable<ValidationFinding> Validate(Dataset dataset) =>
            dataset.Offences.Where(o => o.InvolvesKnife)
                .Select(o => new ValidationFinding(Id, RecordKinds.Offence, o.Id, "involves_knife", "knife offences are out of scope"));
    }

    private sealed class BrokenRule : IValidationRule
    {
        public string Id => "broken";

        public string Description => "Always throws.";

        public IEnumerable<ValidationFinding> Validate(Dataset dataset) => throw new InvalidOperationException("lookup table missing");
    }

    /// <summary>A rule that reports fixed findings.</summary>
    private sealed class FindingsRule(string id, params (string Kind, string RecordId, string? Field, string Message, FindingSeverity Severity)[] findings) : IValidationRule
    {
        public string Id => id;

        public string Description => "Reports fixed findings.";

        public IEnumerable<ValidationFinding> Validate(Dataset dataset) =>
            findings.Select(f => new ValidationFinding(id, f.Kind, f.RecordId, f.Field, f.Message, f.Severity));
    }

    private static ImportResult ImportWith(ImportPolicy policy, params IValidationRule[] rules) =>
        DatasetImporter.ImportFolder(WriteFolder(ValidFiles()), new ImportOptions { Policy = policy, ValidationRules = rules });

    [Fact]
    public void A_plugin_validation_rule_that_throws_is_reported_by_name_instead_of_ending_the_import()
    {
        var options = new ImportOptions { Policy = ImportPolicy.Lenient, ValidationRules = [new BrokenRule()] };

        var result = DatasetImporter.ImportFolder(WriteFolder(ValidFiles()), options);

        Assert.NotNull(result.Dataset);
        var error = Assert.Single(result.Report.Errors);
        Assert.Equal("rule broken", error.File);
        Assert.Contains("validation rule 'broken' failed and was not applied: lookup table missing", error.Reason, StringComparison.Ordinal);
        Assert.Null(DatasetImporter.ImportFolder(WriteFolder(ValidFiles()), options with { Policy = ImportPolicy.Strict }).Dataset);
    }

    [Fact]
    public void A_plugin_validation_rule_fails_a_strict_import_at_the_records_line()
    {
        var result = DatasetImporter.ImportFolder(WriteFolder(ValidFiles()), new ImportOptions { ValidationRules = [new NoKnifeOffencesRule()] });

        AssertSingleError(result, "offences.csv", 3, "involves_knife", "rule no-knives: knife offences are out of scope");
    }

    [Fact]
    public void A_plugin_validation_rule_under_lenient_removes_the_record_and_its_dependants_and_counts_still_reconcile()
    {
        var result = DatasetImporter.ImportFolder(WriteFolder(ValidFiles()),
            new ImportOptions { Policy = ImportPolicy.Lenient, ValidationRules = [new NoKnifeOffencesRule()] });

        Assert.NotNull(result.Dataset);
        Assert.Equal(["O1", "O3"], result.Dataset.Offences.Select(o => o.Id));
        Assert.Equal(["X1", "X3"], result.Dataset.Outcomes.Select(o => o.Id));
        Assert.Empty(result.Dataset.VictimContacts);
        Assert.Contains(result.Report.Errors, e => e is { File: "outcomes.csv", Line: 3 } && e.Reason == "offence O2 was rejected by a validation rule");
        foreach (var file in result.Report.Files)
        {
            Assert.Equal(file.Read, file.Accepted + file.Rejected);
        }
        Assert.Equal(result.Report.TotalAccepted, result.Dataset.RecordCount);
    }

    [Fact]
    public void A_rule_names_a_pathway_event_by_its_episode_and_position_and_lenient_import_rejects_exactly_that_event()
    {
        var rule = new FindingsRule("local.closure", (RecordKinds.PathwayEvent, "E1#1", "state", "closed without a closure interview", FindingSeverity.Error));

        var result = ImportWith(ImportPolicy.Lenient, rule);

        // E1#0 is line 2 (CONSENT_SOUGHT), E1#1 is line 3 (CLOSED).
        Assert.Equal(["CONSENT_SOUGHT"], result.Dataset!.PathwayEvents.Select(e => e.State));
        var error = Assert.Single(result.Report.Errors);
        Assert.Equal(("pathway-events.csv", 3, "state", "rule local.closure: closed without a closure interview"), (error.File, error.Line, error.Field, error.Reason));
        Assert.Equal("pathway-events.csv: read 2 = accepted 1 + rejected 1", result.Report.Files.Single(f => f.Entity == DatasetEntity.PathwayEvents).ToString());
        Assert.Equal(result.Report.TotalAccepted, result.Dataset.RecordCount);
    }

    [Fact]
    public void A_rule_names_a_record_without_an_id_by_its_position_in_the_file()
    {
        var rule = new FindingsRule("local.board", (RecordKinds.BoardAttendance, "#0", "agency", "not a board partner", FindingSeverity.Error));

        var strict = ImportWith(ImportPolicy.Strict, rule);
        var lenient = ImportWith(ImportPolicy.Lenient, rule);

        AssertSingleError(strict, "board-attendance.csv", 2, "agency", "rule local.board: not a board partner");
        Assert.Empty(lenient.Dataset!.BoardAttendances);
        Assert.Equal(1, lenient.Report.TotalRejected);
    }

    [Fact]
    public void A_warning_finding_is_reported_at_the_records_line_but_rejects_nothing_even_under_strict()
    {
        var rule = new FindingsRule("local.send", (RecordKinds.Child, "C2", "send", "check the learning plan", FindingSeverity.Warning));

        var result = ImportWith(ImportPolicy.Strict, rule);

        Assert.True(result.Succeeded, result.Report.ToString());
        Assert.Equal(3, result.Dataset!.Children.Count);
        Assert.Empty(result.Report.Errors);
        Assert.Equal(0, result.Report.TotalRejected);
        var warning = Assert.Single(result.Report.Warnings);
        Assert.Equal(("children.csv", 3, "send", "rule local.send: check the learning plan"), (warning.File, warning.Line, warning.Field, warning.Reason));
        Assert.Contains("1 warning(s):\n  children.csv line 3, field send: rule local.send: check the learning plan", result.Report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_that_names_an_unknown_record_or_kind_is_an_error_of_its_rule_and_is_never_dropped()
    {
        var rule = new FindingsRule("local.typo",
            (RecordKinds.Child, "C9", null, "too young", FindingSeverity.Error),
            ("parcel", "P1", null, "lost", FindingSeverity.Warning),
            (RecordKinds.PathwayEvent, "E1#2", null, "out of order", FindingSeverity.Error),
            (RecordKinds.Child, "C1", "sex", "recorded twice", FindingSeverity.Error));

        var strict = ImportWith(ImportPolicy.Strict, rule);
        var lenient = ImportWith(ImportPolicy.Lenient, rule);

        Assert.Null(strict.Dataset);
        Assert.Equal(4, strict.Report.Errors.Count);
        var unknown = lenient.Report.Errors.Where(e => e.File == "rule local.typo").Select(e => e.Reason).ToList();
        Assert.Equal(3, unknown.Count);
        Assert.Contains("validation rule 'local.typo' named child 'C9', which is not in the dataset", unknown[0], StringComparison.Ordinal);
        Assert.Contains("an unknown record kind 'parcel' (record 'P1')", unknown[1], StringComparison.Ordinal);
        Assert.Contains("pathway-event 'E1#2'", unknown[2], StringComparison.Ordinal);
        // The finding that named a real record still applies: C1 goes, with its offences, outcomes and the rest.
        Assert.Equal(["C2", "C3"], lenient.Dataset!.Children.Select(c => c.Id));
        Assert.Equal(["E2"], lenient.Dataset.Episodes.Select(e => e.Id));
        Assert.Empty(lenient.Dataset.PathwayEvents);
    }
}

public class JsonImportPolicyTests
{
    [Fact]
    public void Lenient_json_import_writes_rejects_with_the_record_position()
    {
        var json = """
            {
              "format_version": 1,
              "as_of": "2024-03-31",
              "note": "extra top-level fields are reported, not fatal",
              "children": [
                { "id": "C1", "date_of_birth": "2008-05-01", "sex": "MALE", "ethnicity": "WBRI", "home_area_code": "E08000026" },
                { "id": "C2", "date_of_birth": "2009-01-01", "sex": "FEMALE", "care_status": "F", "ethnicity": "BCRB", "home_area_code": "E08000026" }
              ]
            }
            """;
        var rejects = TestDatasets.NewTempFolder();

        var result = DatasetImporter.ImportJson(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)),
            new ImportOptions { Policy = ImportPolicy.Lenient, RejectsDirectory = rejects });

        Assert.Equal(["C1"], result.Dataset!.Children.Select(c => c.Id));
        Assert.Contains(result.Report.Errors, e => e is { Position: "note" });
        Assert.Equal("dataset.json#links: not present (read as empty)", result.Report.Files.Single(f => f.Entity == DatasetEntity.Links).ToString());
        var lines = File.ReadAllLines(Path.Combine(rejects, "children.rejects.csv"));
        Assert.Equal("id,date_of_birth,sex,ethnicity,home_area_code,care_status,send,reject_position,reject_field,reject_reason", lines[0]);
        Assert.StartsWith("C2,2009-01-01,FEMALE,BCRB,E08000026,F,,children[1],care_status,\"care_status: is not a known care status code", lines[1], StringComparison.Ordinal);
    }
}
