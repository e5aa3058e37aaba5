using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Kpis;
using static YouthJustice.Sdk.Tests.Kpis.KpiTestData;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Tests.Kpis;

public class StatusKpiTests
{
    private const ObservationPoint Start = ObservationPoint.InterventionStart;
    private const ObservationPoint End = ObservationPoint.InterventionEnd;
    private const SupervisionSetting Community = SupervisionSetting.Community;
    private const SupervisionSetting Released = SupervisionSetting.ReleasedFromCustody;

    // C1 court order (community), C2 resettlement (released from custody), C3 out-of-court (community), C4 diversion (not caseload).
    private static Dataset AccommodationCase() => Dataset(
        [Child("C1"), Child("C2"), Child("C3"), Child("C4")],
        [
            Episode("E1", "C1", ProgrammeKinds.CourtOrderSupervision),
            Episode("E2", "C2", ProgrammeKinds.Resettlement),
            Episode("E3", "C3", ProgrammeKinds.OutOfCourtIntervention),
            Episode("E4", "C4", ProgrammeKinds.Diversion),
        ],
        [
            Obs("O1", "C1", "E1", Start, Community, new LocalDate(2023, 5, 1), accommodation: true),
            Obs("O2", "C1", "E1", End, Community, new LocalDate(2023, 10, 1), accommodation: true),
            Obs("O3", "C2", "E2", Start, Released, new LocalDate(2023, 5, 1), accommodation: false),
            Obs("O4", "C2", "E2", End, Released, new LocalDate(2023, 10, 1), accommodation: true),
            // Two start observations of the same intervention: the later one (O5, unsuitable) is the one counted.
            Obs("O8", "C3", "E3", Start, Community, new LocalDate(2023, 4, 15), accommodation: true),
            Obs("O5", "C3", "E3", Start, Community, new LocalDate(2023, 5, 2), accommodation: false),
            // Not recorded: excluded from the denominator.
            Obs("O6", "C3", "E3", End, Community, new LocalDate(2023, 10, 1)),
            // Diversion is not part of the caseload: excluded.
            Obs("O7", "C4", "E4", End, Community, new LocalDate(2023, 10, 1), accommodation: true),
        ]);

    [Fact]
    public void Kpi1_headline_is_suitable_accommodation_at_the_end_of_the_intervention_with_start_and_end_as_breakdowns()
    {
        var results = Compute(new SuitableAccommodationIndicator(), AccommodationCase());

        // Counted: O1 start/community yes, O2 end/community yes, O3 start/released no, O4 end/released yes, O5 start/community no.
        // The guidance publishes the end of the intervention: the total and the setting split are O2 and O4 only.
        results.AssertCounts("total", 2, 2);
        results.AssertCounts("point=start", 1, 3);
        results.AssertCounts("point=end", 2, 2);
        results.AssertCounts("setting=community", 1, 1);
        results.AssertCounts("setting=released-from-custody", 1, 1);
        results.AssertCounts("point+setting=start+community", 1, 2);
        results.AssertCounts("point+setting=start+released-from-custody", 0, 1);
        results.AssertCounts("point+setting=end+community", 1, 1);
        results.AssertCounts("point+setting=end+released-from-custody", 1, 1);
        Assert.Equal(100m, results.Cell("total").Value);
        Assert.Equal(9, results.Count);
        Assert.True(results[0].Breakdown.IsTotal);
    }

    [Fact]
    public void Kpi1_a_start_observation_never_counts_in_the_headline_and_pooling_is_a_parameter()
    {
        var data = Dataset([Child("C1")], [Episode("E1", "C1", ProgrammeKinds.CourtOrderSupervision)],
            [Obs("S", "C1", "E1", Start, Community, accommodation: false)]);

        // Only a start observation: the headline has nothing to count; point=start has it.
        Compute(new SuitableAccommodationIndicator(), data).AssertCounts("total", 0, 0);
        Compute(new SuitableAccommodationIndicator(), data).AssertCounts("point=start", 0, 1);

        // headlinePoint=Pooled counts start and end together (the earlier reading: O1-O5 give 3 of 5).
        var pooled = KeyPerformanceIndicators.Accommodation.WithParameter(KeyPerformanceIndicators.HeadlinePointParameter, KeyPerformanceIndicators.PooledHeadline);
        var results = Compute(KeyPerformanceIndicators.Create(pooled), AccommodationCase());
        results.AssertCounts("total", 3, 5);
        results.AssertCounts("setting=community", 2, 3);
        results.AssertCounts("setting=released-from-custody", 1, 2);
        var atStart = KeyPerformanceIndicators.Accommodation.WithParameter(KeyPerformanceIndicators.HeadlinePointParameter, nameof(ObservationPoint.InterventionStart));
        Compute(KeyPerformanceIndicators.Create(atStart), AccommodationCase()).AssertCounts("total", 1, 3);
    }

    [Fact]
    public void Kpi1_results_carry_methodology_wilson_interval_and_evidence()
    {
        var results = Compute(new SuitableAccommodationIndicator(), AccommodationCase(), evidence: true);
        var total = results.Cell("total");

        Assert.Equal(new MethodologyRef(KeyPerformanceIndicators.AccommodationId, 1), total.Methodology);
        Assert.Equal("Wilson score", total.Interval!.Method);
        Assert.True(total.Interval.Lower < 100m && total.Interval.Upper <= 100m);
        Assert.Equal(Ids("O2", "O4"), total.Evidence!.NumeratorIds.ToArray());
        Assert.Equal(Ids("O2", "O4"), total.Evidence.DenominatorIds.ToArray());
    }

    [Fact]
    public void Kpi1_caseload_programmes_are_a_parameter()
    {
        var definition = KeyPerformanceIndicators.Accommodation
            .WithParameter(KeyPerformanceIndicators.CaseloadProgrammesParameter, "COURT_ORDER,OOCD_INTERVENTION,RESETTLEMENT,DIVERSION");
        var results = Compute(KeyPerformanceIndicators.Create(definition), AccommodationCase());

        // O7 (diversion, end, community, suitable) now counts.
        results.AssertCounts("total", 3, 3);
        results.AssertCounts("point+setting=end+community", 2, 2);
        // A local edit keeps the file's version and names the change in the methodology's identity.
        // (a long value is labelled by a short hash of it).
        Assert.Equal(new MethodologyRef(KeyPerformanceIndicators.AccommodationId, 1, definition.Variant), results[0].Methodology);
        Assert.Matches("^caseloadProgrammes#[0-9a-f]{8}$", results[0].Methodology.Variant);
    }

    [Fact]
    public void Kpi1_observations_without_an_episode_count_only_when_the_parameter_allows()
    {
        var data = Dataset([Child("C1")], [], [Obs("U1", "C1", null, End, Community, accommodation: false)]);

        Compute(new SuitableAccommodationIndicator(), data).AssertCounts("total", 0, 1);
        var strict = KeyPerformanceIndicators.Accommodation.WithParameter(KeyPerformanceIndicators.IncludeUnlinkedObservationsParameter, "false");
        Compute(KeyPerformanceIndicators.Create(strict), data).AssertCounts("total", 0, 0);
    }

    [Fact]
    public void Kpi1_the_caseload_keeps_one_observation_per_child_intervention_and_point_whatever_the_record_order()
    {
        var on = new LocalDate(2023, 10, 1);
        // The episode ids are new strings, not the episode's own: the same intervention is found by its id's text.
        static string Text(string s) => new(s.ToCharArray());
        StatusObservation[] observations =
        [
            // The same day at the same point: the greatest id (O2, suitable) is the one counted.
            Obs("O2", "C1", Text("E1"), End, Community, on, accommodation: true),
            Obs("O1", "C1", Text("E1"), End, Community, on, accommodation: false),
            // Each unlinked observation is an intervention of its own: both count.
            Obs("U1", "C1", null, End, Community, on, accommodation: true),
            Obs("U2", "C1", null, End, Community, on, accommodation: false),
            // Another child's observation naming the same episode is that child's own.
            Obs("O3", "C2", Text("E1"), End, Community, on, accommodation: false),
        ];
        Dataset Of(IEnumerable<StatusObservation> records) =>
            Dataset([Child("C1"), Child("C2")], [Episode("E1", "C1", ProgrammeKinds.CourtOrderSupervision)], [.. records]);

        foreach (var data in new[] { Of(observations), Of(observations.Reverse()) })
        {
            Compute(new SuitableAccommodationIndicator(), data).AssertCounts("total", 2, 4);
        }
    }

    [Fact]
    public void Kpi2_counts_suitable_ete_at_start_and_end()
    {
        var data = Dataset(
            [Child("C1"), Child("C2")],
            [Episode("E1", "C1", ProgrammeKinds.CourtOrderSupervision), Episode("E2", "C2", ProgrammeKinds.Resettlement)],
            [
                Obs("A", "C1", "E1", Start, Community, ete: false),
                Obs("B", "C1", "E1", End, Community, ete: true),
                Obs("C", "C2", "E2", Start, Released, ete: false),
                Obs("D", "C2", "E2", End, Released, ete: false),
            ]);

        var results = Compute(new SuitableEteIndicator(), data);

        // Headline: the end observations B (yes) and D (no).
        results.AssertCounts("total", 1, 2);
        results.AssertCounts("point=start", 0, 2);
        results.AssertCounts("point=end", 1, 2);
        results.AssertCounts("setting=released-from-custody", 0, 1);
        results.AssertCounts("point+setting=end+community", 1, 1);
    }

    // On 1 October 2023: H1's child is 15 (25 hours needed), H2's is 15, H3's is 17 (16 hours), H4's turns 16 that day (16 hours).
    private static Dataset HoursCase() => Dataset(
        [
            Child("C1", new LocalDate(2008, 1, 1)), Child("C3", new LocalDate(2008, 3, 1)), Child("C2", new LocalDate(2006, 6, 1)),
            Child("C4", new LocalDate(2007, 10, 1)), Child("C5", new LocalDate(2007, 11, 1)),
        ],
        [
            Episode("E1", "C1", ProgrammeKinds.CourtOrderSupervision), Episode("E3", "C3", ProgrammeKinds.CourtOrderSupervision),
            Episode("E2", "C2", ProgrammeKinds.Resettlement), Episode("E4", "C4", ProgrammeKinds.OutOfCourtIntervention),
            Episode("E5", "C5", ProgrammeKinds.OutOfCourtIntervention),
        ],
        [
            Obs("H1", "C1", "E1", End, Community, hours: 25m),
            Obs("H2", "C3", "E3", End, Community, hours: 24.5m),
            Obs("H3", "C2", "E2", End, Released, hours: 16m),
            Obs("H4", "C4", "E4", End, Community, hours: 20m),
            Obs("H5", "C5", "E5", End, Community),
        ]);

    [Fact]
    public void Kpi2_hours_apply_25_hours_under_16_and_16_hours_from_16_on_the_observation_date()
    {
        var results = Compute(new EteHoursIndicator(), HoursCase());

        // H1 25 >= 25 yes; H2 24.5 < 25 no; H3 16 >= 16 yes; H4 (16 today) 20 >= 16 yes; H5 not recorded.
        results.AssertCounts("total", 3, 4);
        results.AssertCounts("age-group=school-age", 1, 2);
        results.AssertCounts("age-group=over-school-age", 2, 2);
        results.AssertCounts("setting=released-from-custody", 1, 1);
        Assert.Equal(75m, results.Cell("total").Value);
    }

    [Fact]
    public void Kpi2_hours_age_boundary_is_a_parameter()
    {
        var definition = KeyPerformanceIndicators.EteHours.WithParameter(KeyPerformanceIndicators.OlderAgeFromParameter, "17");
        var results = Compute(KeyPerformanceIndicators.Create(definition), HoursCase());

        // H4's child (16) now needs 25 hours: 20 < 25.
        results.AssertCounts("total", 2, 4);
        results.AssertCounts("age-group=school-age", 1, 3);
        results.AssertCounts("age-group=over-school-age", 1, 1);
    }

    private static Dataset SendCase() => Dataset(
        [
            Child("S1", send: SendStatus.SenSupport), Child("S2", send: SendStatus.EducationHealthCarePlan),
            Child("S3"), Child("S4", send: SendStatus.EducationHealthCarePlan),
        ],
        [
            Episode("E1", "S1", ProgrammeKinds.CourtOrderSupervision), Episode("E2", "S2", ProgrammeKinds.CourtOrderSupervision),
            Episode("E3", "S3", ProgrammeKinds.CourtOrderSupervision), Episode("E4", "S4", ProgrammeKinds.Resettlement),
        ],
        [
            Obs("A", "S1", "E1", End, Community, ete: true, plan: true),
            Obs("B", "S2", "E2", End, Community, ete: true, plan: false),
            Obs("C", "S3", "E3", End, Community, ete: true, plan: true),
            Obs("D", "S4", "E4", Start, Released, ete: false, plan: true),
            Obs("E", "S4", "E4", End, Released, ete: true),
        ]);

    [Fact]
    public void Kpi3_counts_send_children_with_suitable_ete_and_a_learning_plan()
    {
        var results = Compute(new SendEteIndicator(), SendCase());

        // A yes; B no plan; C no SEND (excluded); D unsuitable ETE (a start observation: not in the headline); E plan not recorded (excluded).
        results.AssertCounts("total", 1, 2);
        results.AssertCounts("point=end", 1, 2);
        results.AssertCounts("point=start", 0, 1);
        results.AssertCounts("setting=community", 1, 2);
        results.AssertCounts("point+setting=start+released-from-custody", 0, 1);
    }

    [Fact]
    public void Kpi3_send_statuses_are_a_parameter()
    {
        var definition = KeyPerformanceIndicators.SendEte.WithParameter(KeyPerformanceIndicators.SendStatusesParameter, "EducationHealthCarePlan");
        Compute(KeyPerformanceIndicators.Create(definition), SendCase()).AssertCounts("total", 0, 1);
    }

    private static Dataset MentalHealthCase()
    {
        SupportStage?[] stages =
        [
            SupportStage.NoNeed, SupportStage.NeedIdentified, SupportStage.PlannedOrOffered,
            SupportStage.Attending, SupportStage.Attending, SupportStage.NeedIdentified,
        ];
        var children = Enumerable.Range(1, 8).Select(i => Child($"M{i}")).ToList();
        var episodes = Enumerable.Range(1, 8).Select(i => Episode($"E{i}", $"M{i}", ProgrammeKinds.CourtOrderSupervision)).ToList();
        var observations = stages.Select((s, i) => Obs($"O{i + 1}", $"M{i + 1}", $"E{i + 1}", End, Community, mental: s, substance: s)).ToList();
        observations.Add(Obs("O7", "M7", "E7", Start, Community, mental: SupportStage.Attending));
        observations.Add(Obs("O8", "M8", "E8", End, Community));
        return Dataset(children, episodes, observations);
    }

    [Fact]
    public void Kpi4_funnel_each_stage_counts_children_at_that_stage_or_beyond_over_the_previous_stage()
    {
        var results = Compute(KeyPerformanceIndicators.Create(KeyPerformanceIndicators.MentalHealth), MentalHealthCase());

        // End observations with the funnel recorded: no need, need, planned, attending, attending, need (O7 is a start, O8 unrecorded).
        results.AssertCounts("stage=need-identified", 5, 6);
        results.AssertCounts("stage=planned-or-offered", 3, 5);
        results.AssertCounts("stage=attending", 2, 3);
        results.AssertCounts("total", 2, 5);
        Assert.Equal(["total", "stage=need-identified", "stage=planned-or-offered", "stage=attending"], results.Select(r => r.Breakdown.ToString()));
    }

    [Fact]
    public void Kpi4_counts_children_whose_order_ends_in_the_period_once_each_not_observations()
    {
        // C1: two court orders ending in 2023/24 (the later, E2, attending); C2: an order ending in 2024/25 though observed in 2023/24.
        var data = Dataset([Child("C1"), Child("C2")],
            [
                Episode("E1", "C1", ProgrammeKinds.CourtOrderSupervision, end: new LocalDate(2023, 7, 1)),
                Episode("E2", "C1", ProgrammeKinds.CourtOrderSupervision, end: new LocalDate(2023, 12, 1)),
                Episode("E3", "C2", ProgrammeKinds.CourtOrderSupervision, end: new LocalDate(2024, 5, 1)),
            ],
            [
                Obs("A", "C1", "E1", End, Community, new LocalDate(2023, 7, 1), mental: SupportStage.NeedIdentified),
                Obs("B", "C1", "E2", End, Community, new LocalDate(2023, 12, 1), mental: SupportStage.Attending),
                Obs("C", "C2", "E3", End, Community, new LocalDate(2024, 3, 1), mental: SupportStage.Attending),
            ]);

        var results = Compute(KeyPerformanceIndicators.Create(KeyPerformanceIndicators.MentalHealth), data, evidence: true);

        // One child (C1, by its later order): need identified 1/1, attending 1/1. C2's order ends after the period.
        results.AssertCounts("stage=need-identified", 1, 1);
        results.AssertCounts("total", 1, 1);
        Assert.Equal(["C1"], results.Cell("total").Evidence!.DenominatorIds.ToArray());

        // Counting observations instead (the earlier reading): A, B and C, all observed in 2023/24.
        var byObservation = KeyPerformanceIndicators.MentalHealth.WithParameter(KeyPerformanceIndicators.CountingUnitParameter, KeyPerformanceIndicators.ObservationCountingUnit);
        Compute(KeyPerformanceIndicators.Create(byObservation), data).AssertCounts("stage=need-identified", 3, 3);
    }

    [Fact]
    public void Kpi5_an_order_without_an_end_date_ends_on_its_end_observation()
    {
        var data = Dataset([Child("C1")], [Episode("E1", "C1", ProgrammeKinds.CourtOrderSupervision)],
            [
                Obs("S", "C1", "E1", Start, Community, new LocalDate(2023, 5, 1), substance: SupportStage.NeedIdentified),
                Obs("E", "C1", "E1", End, Community, new LocalDate(2024, 5, 1), substance: SupportStage.PlannedOrOffered),
            ]);
        var atStart = KeyPerformanceIndicators.SubstanceMisuse.WithParameter(KeyPerformanceIndicators.ObservationPointParameter, "InterventionStart");

        // Read at the start (May 2023), the order still ends in May 2024: nothing in 2023/24.
        Compute(KeyPerformanceIndicators.Create(atStart), data).AssertCounts("stage=need-identified", 0, 0);
        Compute(KeyPerformanceIndicators.Create(KeyPerformanceIndicators.SubstanceMisuse), data).AssertCounts("stage=need-identified", 0, 0);
        // In 2024/25, the year the order ends: at the end, planned or offered; at the start, need identified only.
        var next = YouthJustice.Sdk.Periods.ReportingPeriod.FinancialYear(2024);
        var end = Compute(KeyPerformanceIndicators.Create(KeyPerformanceIndicators.SubstanceMisuse), data, next);
        end.AssertCounts("stage=need-identified", 1, 1);
        end.AssertCounts("stage=planned-or-offered", 1, 1);
        var start = Compute(KeyPerformanceIndicators.Create(atStart), data, next);
        start.AssertCounts("stage=need-identified", 1, 1);
        start.AssertCounts("stage=planned-or-offered", 0, 1);
    }

    [Fact]
    public void Kpi4_observation_point_is_a_parameter()
    {
        var definition = KeyPerformanceIndicators.MentalHealth.WithParameter(KeyPerformanceIndicators.ObservationPointParameter, "InterventionStart");
        var results = Compute(KeyPerformanceIndicators.Create(definition), MentalHealthCase());

        results.AssertCounts("stage=need-identified", 1, 1);
        results.AssertCounts("stage=attending", 1, 1);
        results.AssertCounts("total", 1, 1);
    }

    [Fact]
    public void Kpi5_substance_misuse_uses_the_same_funnel_on_its_own_field()
    {
        var results = Compute(KeyPerformanceIndicators.Create(KeyPerformanceIndicators.SubstanceMisuse), MentalHealthCase());

        // Same stages as KPI 4 on O1-O6; O7 has no substance misuse entry.
        results.AssertCounts("stage=need-identified", 5, 6);
        results.AssertCounts("stage=planned-or-offered", 3, 5);
        results.AssertCounts("stage=attending", 2, 3);
        Assert.All(results, r => Assert.Equal(KeyPerformanceIndicators.SubstanceMisuseId, r.IndicatorId));
    }

    [Fact]
    public void A_definition_for_another_indicator_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new SuitableAccommodationIndicator(KeyPerformanceIndicators.Ete));
        Assert.Throws<ArgumentException>(() => KeyPerformanceIndicators.Create(KeyPerformanceIndicators.Ete with { Id = "fte-rate" }));
    }
}
