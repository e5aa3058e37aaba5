using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Kpis;
using YouthJustice.Sdk.Periods;
using static YouthJustice.Sdk.Tests.Kpis.KpiTestData;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Tests.Kpis;

public class ServiceKpiTests
{
    private static Dataset OutOfCourtCase() => Dataset(
        [Child("C1")],
        [
            Episode("P1", "C1", ProgrammeKinds.OutOfCourtIntervention, end: new LocalDate(2023, 6, 1), closure: "COMPLETED"),
            Episode("P2", "C1", ProgrammeKinds.OutOfCourtIntervention, end: new LocalDate(2023, 7, 1), closure: " completed "),
            Episode("P3", "C1", ProgrammeKinds.OutOfCourtIntervention, end: new LocalDate(2023, 8, 1), closure: "DISENGAGED"),
            Episode("P4", "C1", ProgrammeKinds.OutOfCourtIntervention),
            Episode("P5", "C1", ProgrammeKinds.OutOfCourtIntervention, end: new LocalDate(2024, 4, 2), closure: "COMPLETED"),
            Episode("P6", "C1", ProgrammeKinds.CourtOrderSupervision, end: new LocalDate(2023, 8, 1), closure: "COMPLETED"),
            // Closes on the period's last day: inside.
            Episode("P7", "C1", ProgrammeKinds.OutOfCourtIntervention, end: new LocalDate(2024, 3, 31), closure: "DECLINED"),
        ]);

    [Fact]
    public void Kpi6_counts_out_of_court_interventions_closed_as_completed_over_those_closed()
    {
        var results = Compute(new OutOfCourtCompletionIndicator(), OutOfCourtCase(), evidence: true);

        // Closed in 2023/24: P1 completed, P2 completed (case and spaces ignored), P3 disengaged, P7 declined. P4 open, P5 later, P6 court.
        results.AssertCounts("total", 2, 4);
        Assert.Equal(50m, results[0].Value);
        Assert.False(results[0].Provisional);
        Assert.True(Compute(new OutOfCourtCompletionIndicator(), OutOfCourtCase(), ReportingPeriod.FinancialYear(2024))[0].Provisional);
        Assert.Equal(Ids("P1", "P2"), results[0].Evidence!.NumeratorIds.ToArray());
        Assert.Single(results);
    }

    [Fact]
    public void Kpi6_completed_closure_reasons_are_a_parameter()
    {
        var definition = KeyPerformanceIndicators.OutOfCourt.WithParameter(KeyPerformanceIndicators.CompletedClosureReasonsParameter, "COMPLETED,DISENGAGED");
        Compute(KeyPerformanceIndicators.Create(definition), OutOfCourtCase()).AssertCounts("total", 3, 4);
    }

    private static Dataset BoardCase()
    {
        var first = new LocalDate(2023, 5, 10);
        var second = new LocalDate(2023, 9, 10);
        return Dataset([Child("C1")], board:
        [
            new BoardAttendance(AreaCode, first, "POLICE", AttendanceLevel.Senior),
            new BoardAttendance(AreaCode, first, "EDUCATION", AttendanceLevel.Deputy),
            new BoardAttendance(AreaCode, first, "HEALTH", AttendanceLevel.Senior),
            new BoardAttendance(AreaCode, second, "police", AttendanceLevel.Senior),
            new BoardAttendance(AreaCode, second, "EDUCATION", AttendanceLevel.Senior),
            new BoardAttendance(AreaCode, second, "HEALTH", AttendanceLevel.NotAttended),
            new BoardAttendance(AreaCode, new LocalDate(2024, 5, 1), "POLICE", AttendanceLevel.Deputy),
        ]);
    }

    [Fact]
    public void Kpi7_counts_partner_attendances_at_senior_level_with_an_agency_breakdown()
    {
        var results = Compute(new BoardAttendanceIndicator(), BoardCase());

        results.AssertCounts("total", 4, 6);
        results.AssertCounts("agency=EDUCATION", 1, 2);
        results.AssertCounts("agency=HEALTH", 1, 2);
        results.AssertCounts("agency=POLICE", 2, 2);
        Assert.Equal(["total", "agency=EDUCATION", "agency=HEALTH", "agency=POLICE"], results.Select(r => r.Breakdown.ToString()));
    }

    [Fact]
    public void Kpi7_gives_each_area_the_figures_of_its_own_board()
    {
        const string Warwickshire = "E10000031";
        var meeting = new LocalDate(2023, 6, 1);
        var data = BoardCase() with
        {
            Areas = [new Area(AreaCode, "Coventry"), new Area(Warwickshire, "Warwickshire")],
            BoardAttendances =
            [
                .. BoardCase().BoardAttendances,
                new BoardAttendance(Warwickshire, meeting, "POLICE", AttendanceLevel.NotAttended),
                new BoardAttendance(Warwickshire, meeting, "PROBATION", AttendanceLevel.Senior),
            ],
        };

        var results = KeyPerformanceIndicators.Create(KeyPerformanceIndicators.BoardAttendance)
            .Compute(IndicatorContext.For(data), new IndicatorQuery([Year], [], []));
        var coventry = results.Where(r => r.AreaCode == AreaCode).ToList();
        var warwickshire = results.Where(r => r.AreaCode == Warwickshire).ToList();

        // Coventry: its own 4 of 6, as before; Warwickshire: 1 of 2, its probation partner the only senior attendance.
        coventry.AssertCounts("total", 4, 6);
        coventry.AssertCounts("agency=PROBATION", 0, 0);
        warwickshire.AssertCounts("total", 1, 2);
        warwickshire.AssertCounts("agency=POLICE", 0, 1);
        warwickshire.AssertCounts("agency=PROBATION", 1, 1);
        warwickshire.AssertCounts("agency=EDUCATION", 0, 0);
    }

    [Fact]
    public void Kpi7_for_one_requested_area_ignores_other_areas_boards_even_in_the_agency_breakdown()
    {
        var data = BoardCase() with
        {
            BoardAttendances = [.. BoardCase().BoardAttendances, new BoardAttendance("E10000031", new LocalDate(2023, 6, 1), "PROBATION", AttendanceLevel.Senior)],
        };

        var results = KeyPerformanceIndicators.Create(KeyPerformanceIndicators.BoardAttendance)
            .Compute(IndicatorContext.For(data), new IndicatorQuery([Year], [AreaCode], []));

        results.AssertCounts("total", 4, 6);
        Assert.Equal(["total", "agency=EDUCATION", "agency=HEALTH", "agency=POLICE"], results.Select(r => r.Breakdown.ToString()));
    }

    [Fact]
    public void Kpi7_counted_agencies_are_a_parameter()
    {
        var definition = KeyPerformanceIndicators.BoardAttendance.WithParameter(KeyPerformanceIndicators.AgenciesParameter, "Police, Health");
        var results = Compute(KeyPerformanceIndicators.Create(definition), BoardCase());

        results.AssertCounts("total", 3, 4);
        Assert.Equal(3, results.Count);
    }

    [Fact]
    public void Kpi8_counts_children_worked_with_on_early_help_child_in_need_protection_plans_or_looked_after()
    {
        var data = Dataset(
            [
                Child("W1", care: CareStatus.EarlyHelp), Child("W2", care: CareStatus.ChildInNeed),
                Child("W3", care: CareStatus.ChildProtectionPlan), Child("W4", care: CareStatus.LookedAfter),
                Child("W5"), Child("W6", care: CareStatus.FormerlyLookedAfter),
                Child("W7", care: CareStatus.LookedAfter), Child("W8", care: CareStatus.EarlyHelp), Child("W9"),
            ],
            [
                Episode("A1", "W1", ProgrammeKinds.CourtOrderSupervision, new LocalDate(2023, 1, 1), new LocalDate(2023, 4, 1)),
                Episode("A2", "W1", ProgrammeKinds.OutOfCourtIntervention, new LocalDate(2023, 9, 1)),
                Episode("B", "W2", ProgrammeKinds.OutOfCourtIntervention, new LocalDate(2022, 12, 1)),
                Episode("C", "W3", ProgrammeKinds.Resettlement, new LocalDate(2024, 3, 31)),
                Episode("D", "W4", ProgrammeKinds.CourtOrderSupervision),
                Episode("E", "W5", ProgrammeKinds.CourtOrderSupervision),
                Episode("F", "W6", ProgrammeKinds.CourtOrderSupervision),
                Episode("G", "W7", ProgrammeKinds.Diversion),
                Episode("H", "W8", ProgrammeKinds.CourtOrderSupervision, new LocalDate(2022, 6, 1), new LocalDate(2023, 3, 31)),
                Episode("I", "W9", ProgrammeKinds.CourtOrderSupervision, new LocalDate(2024, 4, 1)),
            ]);

        var results = Compute(new WiderServicesIndicator(), data, evidence: true);

        // Worked with in 2023/24: W1 (twice, counted once), W2, W3 (starts on the last day), W4, W5, W6. W7 diversion, W8 closed before, W9 after.
        results.AssertCounts("total", 4, 6);
        results.AssertCounts("care-status=early-help", 1, 6);
        results.AssertCounts("care-status=child-in-need", 1, 6);
        results.AssertCounts("care-status=child-protection-plan", 1, 6);
        results.AssertCounts("care-status=looked-after", 1, 6);
        Assert.Equal(Ids("W1", "W2", "W3", "W4", "W5", "W6"), results[0].Evidence!.DenominatorIds.ToArray());
    }

    private static Dataset SeriousViolenceCase()
    {
        var c15 = Child("C1", new LocalDate(2008, 1, 1));
        var c18 = Child("C2", new LocalDate(2005, 1, 1));
        Offence Off(string id, string child, OffenceGroup group, int gravity) => new(id, child, new LocalDate(2023, 3, 1), group, gravity);
        Outcome Out(string id, string offence, LocalDate date, OutcomeType type) =>
            new(id, offence == "V7" ? "C2" : "C1", [offence], date, type, type.IsCourt ? DecidingBody.Court : DecidingBody.Police);
        var populations = Enumerable.Range(10, 8).Select(age => new PopulationEstimate(AreaCode, 2023, age, null, null, 1_000))
            .Concat(Enumerable.Range(10, 8).Select(age => new PopulationEstimate(AreaCode, 2023, age, Sex.Male, null, 400)));
        return Dataset(
            [c15, c18],
            offences:
            [
                Off("V1", "C1", OffenceGroup.ViolenceAgainstThePerson, 5), Off("V2", "C1", OffenceGroup.Robbery, 6),
                Off("V3", "C1", OffenceGroup.Drugs, 5), Off("V4", "C1", OffenceGroup.ViolenceAgainstThePerson, 4),
                Off("V5", "C1", OffenceGroup.Theft, 6), Off("V6", "C1", OffenceGroup.Drugs, 7),
                Off("V7", "C2", OffenceGroup.ViolenceAgainstThePerson, 8), Off("V8", "C1", OffenceGroup.Drugs, 5),
            ],
            outcomes:
            [
                Out("O1", "V1", new LocalDate(2023, 6, 1), OutcomeTypes.YouthCaution),
                Out("O2", "V2", new LocalDate(2023, 9, 1), OutcomeTypes.ReferralOrder),
                Out("O3", "V3", new LocalDate(2023, 6, 1), OutcomeTypes.CommunityResolution),
                Out("O4", "V4", new LocalDate(2023, 6, 1), OutcomeTypes.YouthCaution),
                Out("O5", "V5", new LocalDate(2023, 6, 1), OutcomeTypes.YouthCaution),
                Out("O6a", "V6", new LocalDate(2023, 8, 1), OutcomeTypes.ReferralOrder),
                Out("O6b", "V6", new LocalDate(2023, 3, 20), OutcomeTypes.YouthConditionalCaution),
                Out("O7", "V7", new LocalDate(2023, 6, 1), OutcomeTypes.YouthCaution),
                Out("O8", "V8", new LocalDate(2023, 12, 1), OutcomeTypes.YouthCaution),
            ],
            populations: populations);
    }

    [Fact]
    public void Kpi9_counts_proven_serious_violence_of_gravity_5_or_more_per_10000_children_aged_10_to_17()
    {
        var results = Compute(new SeriousViolenceIndicator(), SeriousViolenceCase(), evidence: true);

        // V1 (VAP 5, caution), V2 (robbery 6, court), V8 (drugs 5, caution). Not: V3 informal, V4 gravity 4, V5 theft,
        // V6 first proven in 2022/23, V7 committed at 18. Population: 8 ages x 1,000 (all-persons rows; rows by sex ignored).
        var total = results.Cell("total");
        Assert.Equal(3m, total.Numerator);
        Assert.Equal(8_000m, total.Denominator);
        Assert.Equal(3.75m, total.Value);
        Assert.Equal(Ids("V1", "V2", "V8"), total.Evidence!.NumeratorIds.ToArray());
        Assert.Equal("Exact Poisson (Garwood)", total.Interval!.Method);
        Assert.Equal(1.25m, results.Cell("offence-group=violence-against-the-person").Value);
        Assert.Equal(1.25m, results.Cell("offence-group=robbery").Value);
        Assert.Equal(1m, results.Cell("offence-group=drugs").Numerator);
    }

    [Fact]
    public void Kpi9_an_offence_counts_in_the_period_of_its_first_substantive_outcome_and_a_missing_population_leaves_the_rate_undefined()
    {
        var results = Compute(new SeriousViolenceIndicator(), SeriousViolenceCase(), ReportingPeriod.FinancialYear(2022));

        var total = results.Cell("total");
        Assert.Equal(1m, total.Numerator);
        Assert.Null(total.Value);
        Assert.Null(total.Denominator);
        Assert.Contains("No population estimate", total.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Kpi9_uses_the_latest_earlier_population_and_says_so()
    {
        var results = Compute(new SeriousViolenceIndicator(), SeriousViolenceCase(), ReportingPeriod.FinancialYear(2024));

        Assert.Equal(8_000m, results[0].Denominator);
        Assert.Equal("Population: mid-2023 estimate (mid-2024 not available).", results[0].Note);
        // 2024/25 runs past the dataset's as-at date (30 June 2024).
        Assert.True(results[0].Provisional);
        Assert.False(Compute(new SeriousViolenceIndicator(), SeriousViolenceCase())[0].Provisional);
    }

    [Fact]
    public void Kpi9_multiplier_and_gravity_are_parameters()
    {
        var perThousand = KeyPerformanceIndicators.WithMultiplier(KeyPerformanceIndicators.SeriousViolence, 1_000m, "per 1,000");
        Assert.Equal(0.375m, Compute(KeyPerformanceIndicators.Create(perThousand), SeriousViolenceCase())[0].Value);

        var gravity4 = KeyPerformanceIndicators.SeriousViolence.WithParameter(KeyPerformanceIndicators.MinimumGravityParameter, "4");
        Assert.Equal(4m, Compute(KeyPerformanceIndicators.Create(gravity4), SeriousViolenceCase())[0].Numerator);
    }

    [Fact]
    public void Kpi10_victim_funnel_counts_consent_views_restorative_justice_offered_and_taken_up()
    {
        VictimContact V(string id, bool consent, bool views, bool offered, bool takenUp, int month = 6) =>
            new(id, "C1", null, new LocalDate(2023, month, 1), consent, views, offered, takenUp);
        var data = Dataset([Child("C1")], victims:
        [
            V("V1", false, false, false, false), V("V2", true, false, false, false), V("V3", true, true, false, false),
            V("V4", true, true, true, false), V("V5", true, true, true, true), V("V6", true, true, true, true),
            V("V7", true, true, true, true, month: 3),
        ]);

        var results = Compute(new VictimsIndicator(), data);

        results.AssertCounts("stage=consented", 5, 6);
        results.AssertCounts("stage=views-taken", 4, 5);
        results.AssertCounts("stage=rj-offered", 3, 4);
        results.AssertCounts("stage=rj-taken-up", 2, 3);
        results.AssertCounts("total", 2, 5);
    }

    [Fact]
    public void Definitions_cite_their_source_and_mark_kpis_6_to_10_as_summaries()
    {
        Assert.Equal(11, KeyPerformanceIndicators.Definitions.Count);
        Assert.Equal(11, KeyPerformanceIndicators.CreateAll().Count);
        Assert.Equal(KeyPerformanceIndicators.Definitions.Count, KeyPerformanceIndicators.Definitions.Select(d => d.Id).Distinct().Count());
        foreach (var d in KeyPerformanceIndicators.Definitions)
        {
            Assert.Equal((CitationKind.Publication, "Youth Justice Board", KeyPerformanceIndicators.SourceTitle), (d.Source.Kind, d.Source.Publisher, d.Source.Title));
            var summary = d.Sources.Any(s => s.Kind == CitationKind.ProjectDecision && s.Title.Contains("summary", StringComparison.OrdinalIgnoreCase));
            var kpiNumber = int.Parse(d.Id.Split('-')[2], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(kpiNumber >= 6, summary);
        }
        Assert.Equal(10_000m, KeyPerformanceIndicators.SeriousViolence.Multiplier);
    }
}
