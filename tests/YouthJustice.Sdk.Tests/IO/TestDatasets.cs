using System.Collections.Immutable;
using System.Text;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.IO;

namespace YouthJustice.Sdk.Tests.IO;

/// <summary>A small valid dataset as CSV text, helpers to break one line of it, and hand-built datasets.</summary>
internal static class TestDatasets
{
    public static readonly LocalDate AsOf = new(2024, 3, 31);

    /// <summary>A valid dataset folder's files. Line numbers in tests refer to these (the header is line 1).</summary>
    public static Dictionary<string, string> ValidFiles() => new(StringComparer.Ordinal)
    {
        ["manifest.csv"] = "format_version,as_of\n1,2024-03-31\n",
        ["areas.csv"] = "code,name\nE08000026,Coventry\n",
        ["children.csv"] = """
            id,date_of_birth,sex,ethnicity,home_area_code,care_status,send
            C1,2008-05-01,MALE,WBRI,E08000026,,
            C2,2009-02-28,FEMALE,BCRB,E08000026,LOOKED_AFTER,SEN_SUPPORT
            C3,2007-11-30,NON_BINARY,MWBC,E08000026,CHILD_IN_NEED,EDUCATION_HEALTH_CARE_PLAN

            """,
        ["offences.csv"] = """
            id,child_id,committed_on,offence_group,gravity,involves_knife
            O1,C1,2022-01-10,THEFT,3,false
            O2,C1,2022-06-01,VIOLENCE_AGAINST_THE_PERSON,5,true
            O3,C2,2023-01-05,ROBBERY,6,

            """,
        ["outcomes.csv"] = """
            id,child_id,offence_ids,outcome_date,outcome_type,decided_by,admitted,resentenced,sentence_length_days,release_date,end_date
            X1,C1,O1,2022-02-01,CR,POLICE,true,,,,
            X2,C1,O1;O2,2022-08-01,YC,POLICE,true,false,,,
            X3,C2,O3,2023-03-01,DTO,COURT,,,120,2023-05-01,

            """,
        ["episodes.csv"] = """
            id,child_id,programme,referral_date,route,eligibility_basis,consent_given,engagement,start_date,end_date,closure_reason
            E1,C1,DIVERSION,2022-02-05,POLICE,NFA,true,ENGAGED,2022-02-10,2022-05-10,COMPLETED
            E2,C2,ECM,2023-03-02,,,,,,,

            """,
        ["pathway-events.csv"] = "episode_id,date,state,detail\nE1,2022-02-06,CONSENT_SOUGHT,\nE1,2022-05-10,CLOSED,\"feedback: 4/5, \"\"good\"\"\"\n",
        ["links.csv"] = "child_id,linked_child_id,kind\nC1,C2,SIBLING\n",
        ["assessments.csv"] = """
            id,child_id,assessed_on,kind,risk_of_serious_harm,safety_and_wellbeing,ace_count,needs,parent_included
            A1,C1,2022-02-08,ASSETPLUS,LOW,MEDIUM,3,MENTAL_HEALTH;EDUCATION,true

            """,
        ["status-observations.csv"] = """
            id,child_id,episode_id,observed_on,point,setting,accommodation_suitable,ete_suitable,ete_hours,learning_plan,mental_health,substance_misuse
            S1,C1,E1,2022-02-10,INTERVENTION_START,COMMUNITY,true,false,12.5,,NEED_IDENTIFIED,

            """,
        ["victim-contacts.csv"] = """
            id,child_id,offence_id,contact_date,consented_to_contact,views_taken,restorative_justice_offered,restorative_justice_taken_up
            V1,C1,O2,2022-07-01,true,true,true,false

            """,
        ["board-attendance.csv"] = "area_code,meeting_date,agency,attendance\nE08000026,2023-06-01,POLICE,SENIOR\n",
        ["populations.csv"] = "area_code,year,age,sex,ethnicity_group,count\nE08000026,2022,15,,,4210\nE08000026,2022,15,FEMALE,BLACK,210\n",
        ["reference-populations.csv"] = "name,area_code,year,ethnicity_group,count\nsecondary-school-census,E08000026,2022,WHITE_BRITISH,9000\n",
    };

    /// <summary>
    /// The valid files with the local measures' columns and files added (assessment stage, pre-sentence report proposal,
    /// practitioner id, case events, feedback). <see cref="ValidFiles"/> itself is a dataset written before they existed.
    /// </summary>
    public static Dictionary<string, string> WithLocalMeasures()
    {
        var files = ValidFiles();
        files["outcomes.csv"] = """
            id,child_id,offence_ids,outcome_date,outcome_type,decided_by,admitted,resentenced,sentence_length_days,release_date,end_date,psr_proposal
            X1,C1,O1,2022-02-01,CR,POLICE,true,,,,,
            X2,C1,O1;O2,2022-08-01,YC,POLICE,true,false,,,,
            X3,C2,O3,2023-03-01,DTO,COURT,,,120,2023-05-01,,YROISS

            """;
        files["episodes.csv"] = """
            id,child_id,programme,referral_date,route,eligibility_basis,consent_given,engagement,start_date,end_date,closure_reason,practitioner_id
            E1,C1,DIVERSION,2022-02-05,POLICE,NFA,true,ENGAGED,2022-02-10,2022-05-10,COMPLETED,P7
            E2,C2,ECM,2023-03-02,,,,,,,,

            """;
        files["assessments.csv"] = """
            id,child_id,assessed_on,kind,risk_of_serious_harm,safety_and_wellbeing,ace_count,needs,parent_included,stage
            A1,C1,2022-02-08,ASSETPLUS,LOW,MEDIUM,3,MENTAL_HEALTH;EDUCATION,true,START

            """;
        files["case-events.csv"] = """
            id,child_id,date,kind,outcome_id,detail
            K1,C2,2023-03-20,CUSTODY_LEARNING_REVIEW,X3,
            K2,C1,2022-02-20,MISSING_EPISODE,,"found at a friend's, same day"

            """;
        files["feedback.csv"] = """
            id,child_id,respondent,requested_on,responded,score,episode_id
            F1,C1,CHILD,2022-05-10,true,4.5,E1
            F2,C1,PARENT_CARER,2022-05-12,false,,E1

            """;
        return files;
    }

    /// <summary>The valid files with line <paramref name="line"/> (1-based, header = 1) of one file replaced.</summary>
    public static Dictionary<string, string> WithLine(string file, int line, string text) => WithLine(ValidFiles(), file, line, text);

    public static Dictionary<string, string> WithLine(Dictionary<string, string> files, string file, int line, string text)
    {
        var lines = files[file].Split('\n');
        lines[line - 1] = text;
        files[file] = string.Join('\n', lines);
        return files;
    }

    public static string WriteFolder(Dictionary<string, string> files)
    {
        var folder = NewTempFolder();
        foreach (var (name, content) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), content, new UTF8Encoding(false));
        }
        return folder;
    }

    /// <summary>One folder per test process, deleted when the process exits, so test runs leave nothing behind.</summary>
    private static readonly Lazy<string> Root = new(() =>
    {
        var parent = Path.Combine(Path.GetTempPath(), "yj-io-tests");
        DeleteFoldersOfEndedRuns(parent);
        var root = Path.Combine(parent, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a leftover temp folder must not fail the run.
            }
        };
        return root;
    });

    /// <summary>The test host is not always given the chance to run exit handlers, so each run also clears the folders
    /// of earlier runs whose process has ended.</summary>
    private static void DeleteFoldersOfEndedRuns(string parent)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }
        foreach (var folder in Directory.GetDirectories(parent))
        {
            if (!int.TryParse(Path.GetFileName(folder), System.Globalization.CultureInfo.InvariantCulture, out var pid) || IsRunning(pid))
            {
                continue;
            }
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort, as above.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static string NewTempFolder()
    {
        var folder = Path.Combine(Root.Value, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static ImportResult Import(Dictionary<string, string> files, ImportPolicy policy = ImportPolicy.Strict, DomainVocabulary? vocabulary = null) =>
        DatasetImporter.ImportFolder(WriteFolder(files), new ImportOptions { Policy = policy, Vocabulary = vocabulary ?? DomainVocabulary.National });

    /// <summary>A dataset with every entity and every optional field filled in.</summary>
    public static Dataset Full() => new()
    {
        AsOf = AsOf,
        Areas = [new Area("E08000026", "Coventry"), new Area("E06000016", "Leicester, City of")],
        Children =
        [
            new Child("C1", new LocalDate(2008, 2, 29), Sex.Male, EthnicityCategory.WhiteBritish, "E08000026", CareStatus.LookedAfter, SendStatus.EducationHealthCarePlan),
            new Child("C2", new LocalDate(2009, 12, 31), Sex.NonBinary, EthnicityCategory.OtherArab, "E06000016", CareStatus.FormerlyLookedAfter, SendStatus.SenSupport),
        ],
        Offences =
        [
            new Offence("O1", "C1", new LocalDate(2022, 1, 10), OffenceGroup.PossessionOfWeapons, 8, InvolvesKnife: true),
            new Offence("O2", "C1", new LocalDate(2022, 3, 1), OffenceGroup.Other, 1),
            new Offence("O3", "C2", new LocalDate(2023, 1, 5), OffenceGroup.Drugs, 4, InvolvesKnife: false),
        ],
        Outcomes =
        [
            new Outcome("X1", "C1", ["O1", "O2"], new LocalDate(2022, 4, 1), OutcomeTypes.Section250, DecidingBody.Court,
                Admitted: false, Resentenced: true, SentenceLengthDays: 730, ReleaseDate: new LocalDate(2023, 4, 1), EndDate: new LocalDate(2024, 3, 31),
                PsrProposal: OutcomeTypes.DetentionAndTrainingOrder),
            new Outcome("X2", "C2", [], new LocalDate(2023, 1, 6), OutcomeTypes.Remand, DecidingBody.JointDecisionPanel,
                Admitted: true, EndDate: new LocalDate(2023, 1, 20)),
        ],
        Episodes =
        [
            new ProgrammeEpisode("E1", "C1", ProgrammeKinds.EarlyIntervention, new LocalDate(2022, 4, 2), "SCHOOL, \"REACH\"", "AT_RISK",
                ConsentGiven: false, Engagement.NotEngaged, new LocalDate(2022, 4, 3), new LocalDate(2022, 9, 30), "DISENGAGED", PractitionerId: "E08000026-P012"),
        ],
        PathwayEvents = [new PathwayEvent("E1", new LocalDate(2022, 4, 3), "ASSESSED", "line one\nline two, with comma")],
        Links = [new ChildLink("C2", "C1", LinkKind.Associate)],
        Assessments =
        [
            new Assessment("A1", "C2", new LocalDate(2023, 1, 7), "ASSETPLUS", RiskLevel.VeryHigh, RiskLevel.High, 0,
                Needs.MentalHealth | Needs.SubstanceMisuse | Needs.CriminalExploitation, ParentIncluded: true, AssessmentStage.Review),
        ],
        StatusObservations =
        [
            new StatusObservation("S1", "C1", "E1", new LocalDate(2022, 9, 30), ObservationPoint.InterventionEnd, SupervisionSetting.ReleasedFromCustody,
                AccommodationSuitable: false, EteSuitable: true, EteHours: 16.25m, LearningPlan: true, MentalHealth: SupportStage.Attending,
                SubstanceMisuse: SupportStage.PlannedOrOffered),
        ],
        VictimContacts = [new VictimContact("V1", "C1", "O1", new LocalDate(2022, 5, 1), true, false, true, true)],
        BoardAttendances = [new BoardAttendance("E08000026", new LocalDate(2023, 6, 1), "HEALTH", AttendanceLevel.Deputy)],
        Populations =
        [
            new PopulationEstimate("E08000026", 2022, 10, Sex.Female, EthnicityGroup.Asian, 512),
            new PopulationEstimate("E08000026", 2022, 17, Sex.Unknown, EthnicityGroup.NotKnown, 0),
        ],
        ReferencePopulations = [new ReferencePopulation("secondary-school-census", "E08000026", 2023, EthnicityGroup.Mixed, 1234)],
        CaseEvents =
        [
            new CaseEvent("K1", "C2", new LocalDate(2023, 1, 6), CaseEventKind.BailSupportOffered, "X2", "ISS bail package, \"refused\"\nby the court"),
            new CaseEvent("K2", "C1", new LocalDate(2022, 5, 1), CaseEventKind.CustodyLearningReview, "X1"),
        ],
        Feedback =
        [
            new FeedbackRequest("F1", "C1", FeedbackRespondent.Child, new LocalDate(2022, 9, 30), Responded: true, Score: 4.50m, EpisodeId: "E1"),
            new FeedbackRequest("F2", "C2", FeedbackRespondent.Victim, new LocalDate(2023, 2, 1), Responded: true, Score: 1m),
        ],
    };

    /// <summary>A dataset whose optional fields are all empty (null or their defaults).</summary>
    public static Dataset Sparse() => new()
    {
        AsOf = AsOf,
        Children = [new Child("C1", new LocalDate(2008, 1, 1), Sex.Unknown, EthnicityCategory.NotObtained, "E08000026")],
        Offences = [new Offence("O1", "C1", new LocalDate(2022, 1, 10), OffenceGroup.Theft, 2)],
        Outcomes = [new Outcome("X1", "C1", ImmutableArray.Create("O1"), new LocalDate(2022, 2, 1), OutcomeTypes.NoFurtherAction, DecidingBody.Police)],
        Episodes = [new ProgrammeEpisode("E1", "C1", ProgrammeKinds.Diversion, new LocalDate(2022, 2, 2))],
        PathwayEvents = [new PathwayEvent("E1", new LocalDate(2022, 2, 3), "REFERRED")],
        Assessments = [new Assessment("A1", "C1", new LocalDate(2022, 2, 3), "PREVENTION")],
        StatusObservations = [new StatusObservation("S1", "C1", null, new LocalDate(2022, 2, 4), ObservationPoint.InterventionStart, SupervisionSetting.Community)],
        VictimContacts = [new VictimContact("V1", "C1", null, new LocalDate(2022, 2, 5), false, false, false, false)],
        Populations = [new PopulationEstimate("E08000026", 2022, 14, null, null, 4000)],
        CaseEvents = [new CaseEvent("K1", "C1", new LocalDate(2022, 2, 6), CaseEventKind.ManagementOversight)],
        Feedback = [new FeedbackRequest("F1", "C1", FeedbackRespondent.ParentCarer, new LocalDate(2022, 2, 7), Responded: false)],
    };

    /// <summary>Asserts the import failed with an error at exactly this file, line and field, whose reason contains a fragment.</summary>
    public static ImportError AssertSingleError(ImportResult result, string file, int line, string field, string reasonFragment)
    {
        Assert.Null(result.Dataset);
        var error = Assert.Single(result.Report.Errors);
        Assert.Equal(file, error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(reasonFragment, error.Reason, StringComparison.Ordinal);
        return error;
    }
}
