using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Snapshots;
using static YouthJustice.Sdk.Tests.IO.TestDatasets;

namespace YouthJustice.Sdk.Tests.IO;

/// <summary>
/// The local measures' additions to format version 1: <c>assessments.stage</c>, <c>outcomes.psr_proposal</c>,
/// <c>episodes.practitioner_id</c>, <c>case-events.csv</c> and <c>feedback.csv</c>. Each rule breaks one line of a valid
/// dataset and pins the file, line, field and reason; round trips cover CSV, JSON and snapshots.
/// </summary>
public class LocalMeasuresFormatTests
{
    [Fact]
    public void A_dataset_written_before_the_new_columns_and_files_still_imports_with_them_empty()
    {
        var result = Import(ValidFiles());

        Assert.True(result.Succeeded, result.Report.ToString());
        Assert.Empty(result.Report.Errors);
        Assert.All(result.Dataset!.Assessments, a => Assert.Equal(AssessmentStage.NotKnown, a.Stage));
        Assert.All(result.Dataset.Outcomes, o => Assert.Null(o.PsrProposal));
        Assert.All(result.Dataset.Episodes, e => Assert.Null(e.PractitionerId));
        Assert.Empty(result.Dataset.CaseEvents);
        Assert.Empty(result.Dataset.Feedback);
        Assert.Equal(15, result.Report.Files.Count);
        Assert.False(result.Report.Files.Single(f => f.Entity == DatasetEntity.CaseEvents).Present);
        Assert.False(result.Report.Files.Single(f => f.Entity == DatasetEntity.Feedback).Present);
    }

    [Fact]
    public void The_new_columns_and_files_import_with_their_values()
    {
        var result = Import(WithLocalMeasures());

        Assert.True(result.Succeeded, result.Report.ToString());
        var d = result.Dataset!;
        Assert.Equal(AssessmentStage.Start, d.Assessments[0].Stage);
        Assert.Equal([null, null, OutcomeTypes.YouthRehabilitationOrderWithIss], d.Outcomes.Select(o => o.PsrProposal));
        Assert.Equal(["P7", null], d.Episodes.Select(e => e.PractitionerId));
        Assert.Equal(
            [
                new CaseEvent("K1", "C2", new LocalDate(2023, 3, 20), CaseEventKind.CustodyLearningReview, "X3"),
                new CaseEvent("K2", "C1", new LocalDate(2022, 2, 20), CaseEventKind.MissingEpisode, null, "found at a friend's, same day"),
            ],
            d.CaseEvents);
        Assert.Equal(
            [
                new FeedbackRequest("F1", "C1", FeedbackRespondent.Child, new LocalDate(2022, 5, 10), true, 4.5m, "E1"),
                new FeedbackRequest("F2", "C1", FeedbackRespondent.ParentCarer, new LocalDate(2022, 5, 12), false, null, "E1"),
            ],
            d.Feedback);
        var caseEvents = result.Report.Files.Single(f => f.Entity == DatasetEntity.CaseEvents);
        Assert.Equal(("case-events.csv", 2L, 2L, 0L), (caseEvents.File, caseEvents.Read, caseEvents.Accepted, caseEvents.Rejected));
        Assert.Contains("feedback.csv: read 2 = accepted 2 + rejected 0", result.Report.ToString(), StringComparison.Ordinal);
        Assert.Equal(result.Report.TotalAccepted, d.RecordCount);
    }

    [Fact]
    public void The_entity_enum_names_the_new_files_after_reference_populations()
    {
        Assert.Equal("case-events.csv", DatasetFormat.FileName(DatasetEntity.CaseEvents));
        Assert.Equal("case_events", DatasetFormat.JsonArrayName(DatasetEntity.CaseEvents));
        Assert.Equal("feedback.csv", DatasetFormat.FileName(DatasetEntity.Feedback));
        Assert.Equal(["id", "child_id", "respondent", "requested_on", "responded", "score", "episode_id"], DatasetFormat.Columns(DatasetEntity.Feedback));
        Assert.Equal([DatasetEntity.ReferencePopulations, DatasetEntity.CaseEvents, DatasetEntity.Feedback], Enum.GetValues<DatasetEntity>()[^3..]);
        Assert.Equal("stage", DatasetFormat.Columns(DatasetEntity.Assessments)[^1]);
        Assert.Equal("psr_proposal", DatasetFormat.Columns(DatasetEntity.Outcomes)[^1]);
        Assert.Equal("practitioner_id", DatasetFormat.Columns(DatasetEntity.Episodes)[^1]);
    }

    [Theory]
    [InlineData("assessments.csv", 2, "A1,C1,2022-02-08,ASSETPLUS,LOW,MEDIUM,3,MENTAL_HEALTH;EDUCATION,true,MIDDLE", "stage",
        "is not a known assessment stage code (allowed: NOT_KNOWN, START, REVIEW, END)")]
    [InlineData("outcomes.csv", 4, "X3,C2,O3,2023-03-01,DTO,COURT,,,120,2023-05-01,,CUSTODY", "psr_proposal", "is not a known outcome type code (allowed: NFA,")]
    [InlineData("outcomes.csv", 3, "X2,C1,O1;O2,2022-08-01,YC,POLICE,true,false,,,,YC", "psr_proposal",
        "a pre-sentence report proposal is only recorded for a court outcome")]
    [InlineData("episodes.csv", 2, "E1,C1,DIVERSION,2022-02-05,POLICE,NFA,true,ENGAGED,2022-02-10,2022-05-10,COMPLETED,P7;P8", "practitioner_id",
        "an id must not contain ';'")]
    [InlineData("case-events.csv", 2, "K1,C9,2023-03-20,CUSTODY_LEARNING_REVIEW,,", "child_id", "unknown child C9: not in children.csv")]
    [InlineData("case-events.csv", 2, "K1,C2,2023-03-20,ARREST,,", "kind", "is not a known case event kind code (allowed: MANAGEMENT_OVERSIGHT,")]
    [InlineData("case-events.csv", 2, "K1,C2,2023-03-20,,,", "kind", "is required but empty")]
    [InlineData("case-events.csv", 2, "K1,C2,2024-04-01,MISSING_EPISODE,,", "date", "after the dataset's as-of date 2024-03-31")]
    [InlineData("case-events.csv", 2, "K1,C2,2023-03-20,CUSTODY_LEARNING_REVIEW,X9,", "outcome_id", "unknown outcome X9: not in outcomes.csv")]
    [InlineData("case-events.csv", 2, "K1,C2,2023-03-20,CUSTODY_LEARNING_REVIEW,X1,", "outcome_id", "outcome X1 belongs to child C1, not to child C2")]
    [InlineData("case-events.csv", 3, "K1,C1,2022-02-20,MISSING_EPISODE,,", "id", "duplicate id: another case event in this file already has id K1")]
    [InlineData("feedback.csv", 2, "F1,C1,TEACHER,2022-05-10,true,4.5,E1", "respondent", "is not a known feedback respondent code (allowed: CHILD, PARENT_CARER, VICTIM)")]
    [InlineData("feedback.csv", 2, "F1,C1,CHILD,2022-05-10,,4.5,E1", "responded", "is required but empty")]
    [InlineData("feedback.csv", 2, "F1,C1,CHILD,2022-05-10,yes,4.5,E1", "responded", "must be true or false")]
    [InlineData("feedback.csv", 2, "F1,C1,CHILD,2022-05-10,true,0.5,E1", "score", "must be between 1 and 5")]
    [InlineData("feedback.csv", 2, "F1,C1,CHILD,2022-05-10,true,5.01,E1", "score", "must be between 1 and 5")]
    [InlineData("feedback.csv", 2, "F1,C1,CHILD,2022-05-10,true,4/5,E1", "score", "is not a number")]
    [InlineData("feedback.csv", 3, "F2,C1,PARENT_CARER,2022-05-12,false,3,E1", "score", "a score is only recorded when feedback was given")]
    [InlineData("feedback.csv", 2, "F1,C2,CHILD,2022-05-10,true,4.5,E1", "episode_id", "episode E1 belongs to child C1, not to child C2")]
    [InlineData("feedback.csv", 2, "F1,C1,CHILD,2022-05-10,true,4.5,E9", "episode_id", "unknown episode E9: not in episodes.csv")]
    [InlineData("feedback.csv", 2, "F1,C1,CHILD,2022-13-10,true,4.5,E1", "requested_on", "is not a real calendar date")]
    public void A_bad_value_in_a_new_column_or_file_is_rejected_with_file_line_field_and_reason(string file, int line, string text, string field, string reason)
    {
        var result = Import(WithLine(WithLocalMeasures(), file, line, text));

        // A rejected outcome or episode also rejects, in strict as in lenient, the case events and feedback that name it:
        // this file's own error is the one asserted.
        Assert.Null(result.Dataset);
        var error = Assert.Single(result.Report.Errors, e => e.File == file);
        Assert.Equal((line, field), (error.Line, error.Field));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("5")]
    [InlineData("3.25")]
    public void A_score_from_1_to_5_inclusive_is_accepted(string score)
    {
        var result = Import(WithLine(WithLocalMeasures(), "feedback.csv", 2, $"F1,C1,CHILD,2022-05-10,true,{score},E1"));

        Assert.True(result.Succeeded, result.Report.ToString());
        Assert.Equal(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), result.Dataset!.Feedback[0].Score);
    }

    [Fact]
    public void Under_lenient_a_case_event_or_feedback_of_a_rejected_child_outcome_or_episode_is_rejected_naming_it()
    {
        var files = WithLocalMeasures();
        // Outcome X3 (bad release date) and episode E1 (unknown programme) are rejected; C1 stays.
        WithLine(files, "outcomes.csv", 4, "X3,C2,O3,2023-03-01,DTO,COURT,,,120,2022-05-01,,YROISS");
        WithLine(files, "episodes.csv", 2, "E1,C1,KNITTING,2022-02-05,POLICE,NFA,true,ENGAGED,2022-02-10,2022-05-10,COMPLETED,P7");
        var rejects = NewTempFolder();

        var result = DatasetImporter.ImportFolder(WriteFolder(files), new ImportOptions { Policy = ImportPolicy.Lenient, RejectsDirectory = rejects });

        Assert.NotNull(result.Dataset);
        Assert.Equal(["K2"], result.Dataset.CaseEvents.Select(e => e.Id));
        Assert.Empty(result.Dataset.Feedback);
        var caseEvent = result.Report.Errors.Single(e => e.File == "case-events.csv");
        Assert.Equal((2, "outcome_id", "outcome X3 was rejected (line 4 of outcomes.csv)"), (caseEvent.Line, caseEvent.Field, caseEvent.Reason));
        var feedback = result.Report.Errors.Where(e => e.File == "feedback.csv").ToList();
        Assert.Equal([2, 3], feedback.Select(e => e.Line));
        Assert.All(feedback, e => Assert.Equal(("episode_id", "episode E1 was rejected (line 2 of episodes.csv)"), (e.Field, e.Reason)));
        foreach (var file in result.Report.Files)
        {
            Assert.Equal(file.Read, file.Accepted + file.Rejected);
        }
        Assert.Equal(result.Report.TotalAccepted, result.Dataset.RecordCount);
        var lines = File.ReadAllLines(Path.Combine(rejects, "case-events.rejects.csv"));
        Assert.Equal("id,child_id,date,kind,outcome_id,detail,reject_line,reject_field,reject_reason", lines[0]);
        Assert.Equal("K1,C2,2023-03-20,CUSTODY_LEARNING_REVIEW,X3,,2,outcome_id,outcome_id: outcome X3 was rejected (line 4 of outcomes.csv)", lines[1]);
    }

    [Fact]
    public void Under_lenient_a_case_event_or_feedback_of_a_rejected_child_is_rejected_naming_the_child()
    {
        var files = WithLine(WithLocalMeasures(), "children.csv", 2, "C1,2008-05-01,MALE,WBRI,,,");

        var result = Import(files, ImportPolicy.Lenient);

        Assert.NotNull(result.Dataset);
        Assert.Equal(["K1"], result.Dataset.CaseEvents.Select(e => e.Id));
        var caseEvent = result.Report.Errors.Single(e => e.File == "case-events.csv");
        Assert.Equal((3, "child_id", "child C1 was rejected (line 2 of children.csv)"), (caseEvent.Line, caseEvent.Field, caseEvent.Reason));
        Assert.Contains(result.Report.Errors, e => e is { File: "feedback.csv", Line: 2, Field: "child_id" } && e.Reason == "child C1 was rejected (line 2 of children.csv)");
    }

    [Fact]
    public void A_validation_rule_names_case_events_and_feedback_by_id_and_lenient_removes_the_dependants_of_a_removed_outcome()
    {
        var rule = new FindingsRule("local.measures",
            (RecordKinds.Outcome, "X3", "psr_proposal", "no report was written", FindingSeverity.Error),
            (RecordKinds.Feedback, "F2", "responded", "asked twice", FindingSeverity.Error));

        var strict = DatasetImporter.ImportFolder(WriteFolder(WithLocalMeasures()), new ImportOptions { ValidationRules = [rule] });
        var lenient = DatasetImporter.ImportFolder(WriteFolder(WithLocalMeasures()),
            new ImportOptions { Policy = ImportPolicy.Lenient, ValidationRules = [rule] });

        Assert.Null(strict.Dataset);
        Assert.Contains(strict.Report.Errors, e => e is { File: "feedback.csv", Line: 3, Field: "responded" } && e.Reason == "rule local.measures: asked twice");
        Assert.NotNull(lenient.Dataset);
        Assert.Equal(["K2"], lenient.Dataset.CaseEvents.Select(e => e.Id));
        Assert.Equal(["F1"], lenient.Dataset.Feedback.Select(f => f.Id));
        Assert.Contains(lenient.Report.Errors, e => e is { File: "case-events.csv", Line: 2 } && e.Reason == "outcome X3 was rejected by a validation rule");
        foreach (var file in lenient.Report.Files)
        {
            Assert.Equal(file.Read, file.Accepted + file.Rejected);
        }
        Assert.Equal(lenient.Report.TotalAccepted, lenient.Dataset.RecordCount);
    }

    [Fact]
    public void Csv_then_export_then_import_gives_an_equal_dataset_and_the_json_form_imports_equal_too()
    {
        var fromCsv = Import(WithLocalMeasures()).Dataset!;
        var folder = NewTempFolder();
        DatasetExporter.WriteFolder(fromCsv, folder);
        using var stream = new MemoryStream();
        DatasetExporter.WriteJson(fromCsv, stream);
        stream.Position = 0;

        var again = DatasetImporter.ImportFolder(folder);
        var fromJson = DatasetImporter.ImportJson(stream);

        Assert.True(again.Succeeded, again.Report.ToString());
        DatasetAssert.Equal(fromCsv, again.Dataset);
        Assert.True(fromJson.Succeeded, fromJson.Report.ToString());
        DatasetAssert.Equal(fromCsv, fromJson.Dataset);
        Assert.Equal("id,child_id,date,kind,outcome_id,detail", File.ReadLines(Path.Combine(folder, "case-events.csv")).First());
    }

    [Fact]
    public void The_json_form_writes_a_score_as_a_number_and_responded_as_a_boolean()
    {
        using var stream = new MemoryStream();
        DatasetExporter.WriteJson(Full(), stream);
        var json = System.Text.Encoding.UTF8.GetString(stream.ToArray());

        Assert.Contains("\"score\": 4.50", json, StringComparison.Ordinal);
        Assert.Contains("\"responded\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"psr_proposal\": \"DTO\"", json, StringComparison.Ordinal);
        Assert.Contains("\"stage\": \"REVIEW\"", json, StringComparison.Ordinal);
        Assert.Contains("\"practitioner_id\": \"E08000026-P012\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_of_the_imported_dataset_loads_equal_with_the_new_fields()
    {
        var dataset = Import(WithLocalMeasures()).Dataset!;
        var folder = NewTempFolder();

        DatasetSnapshot.Write(dataset, folder);
        var loaded = DatasetSnapshot.Load(folder);

        Assert.True(loaded.Succeeded, loaded.Report.ToString());
        DatasetAssert.Equal(dataset, loaded.Dataset);
        Assert.True(File.Exists(Path.Combine(folder, "case-events.parquet")));
        Assert.True(File.Exists(Path.Combine(folder, "feedback.parquet")));
        Assert.Equal(dataset.RecordCount, loaded.Report.TotalRead);
    }

    [Fact]
    public void An_authoritys_view_holds_exactly_its_childrens_case_events_and_feedback()
    {
        var full = Full();
        var other = full.Children[0] with { Id = "ELSEWHERE-1", HomeAreaCode = "E99999999" };
        var dataset = full with
        {
            Children = [.. full.Children, other],
            CaseEvents = [.. full.CaseEvents, new CaseEvent("ELSEWHERE-K1", other.Id, new LocalDate(2023, 1, 1), CaseEventKind.MissingEpisode)],
            Feedback = [.. full.Feedback, new FeedbackRequest("ELSEWHERE-F1", other.Id, FeedbackRespondent.Child, new LocalDate(2023, 1, 1), false)],
        };

        var coventry = AuthorityScope.Restrict(dataset, "E08000026");
        var elsewhere = AuthorityScope.Restrict(dataset, "E99999999");

        Assert.Equal(dataset.CaseEvents.Where(e => e.ChildId == "C1"), coventry.CaseEvents);
        Assert.Equal(dataset.Feedback.Where(f => f.ChildId == "C1"), coventry.Feedback);
        Assert.Equal(["ELSEWHERE-K1"], elsewhere.CaseEvents.Select(e => e.Id));
        Assert.Equal(["ELSEWHERE-F1"], elsewhere.Feedback.Select(f => f.Id));
    }

    /// <summary>A rule that reports fixed findings.</summary>
    private sealed class FindingsRule(string id, params (string Kind, string RecordId, string? Field, string Message, FindingSeverity Severity)[] findings) : IValidationRule
    {
        public string Id => id;

        public string Description => "Reports fixed findings.";

        public IEnumerable<ValidationFinding> Validate(Dataset dataset) =>
            findings.Select(f => new ValidationFinding(id, f.Kind, f.RecordId, f.Field, f.Message, f.Severity));
    }
}
