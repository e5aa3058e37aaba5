using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using static YouthJustice.Sdk.PlanMeasures.LocalMeasures;
using static YouthJustice.Sdk.Tests.Kpis.KpiTestData;
using static YouthJustice.Sdk.Tests.PlanMeasures.PlanTestData;

namespace YouthJustice.Sdk.Tests.PlanMeasures;

public class RiskAndSafetyTests
{
    private static Dataset Assessments() => Data(
        [Child("C1"), Child("C2"), Child("C3"), Child("C4"), Child("C5")],
        assessments:
        [
            Assess("A1", "C1", D(2023, 5, 1), AssessmentStage.Start, RiskLevel.High, RiskLevel.Low),
            Assess("A2", "C1", D(2023, 9, 1), AssessmentStage.Review, RiskLevel.Medium),
            Assess("A3", "C2", D(2023, 6, 1), AssessmentStage.Start, RiskLevel.VeryHigh),
            Assess("A4", "C2", D(2023, 12, 1), AssessmentStage.Review, RiskLevel.High),
            Assess("A5", "C3", D(2024, 3, 31), AssessmentStage.Start, RiskLevel.Low, RiskLevel.VeryHigh),
            // End of intervention: not a stage counted by default.
            Assess("A6", "C3", D(2023, 7, 1), AssessmentStage.End, RiskLevel.High),
            // Not assessed for risk of serious harm; no stage recorded.
            Assess("A7", "C4", D(2023, 7, 1), AssessmentStage.Start),
            Assess("A8", "C4", D(2023, 8, 1), AssessmentStage.NotKnown, RiskLevel.High),
            // After the period.
            Assess("A9", "C5", D(2024, 4, 1), AssessmentStage.Start, RiskLevel.High),
        ]);

    [Fact]
    public void Risk_of_serious_harm_is_the_share_of_start_and_review_assessments_rated_high_or_very_high_by_stage_and_level()
    {
        var results = Run(Measure(RiskOfSeriousHarmId), Assessments(), evidence: true);

        // Counted: A1 high, A2 medium, A3 very high, A4 high, A5 low (A6 end, A7 not assessed, A8 no stage, A9 later).
        results.AssertCounts("total", 3, 5);
        results.AssertCounts("assessment-stage=start", 2, 3);
        results.AssertCounts("assessment-stage=review", 1, 2);
        // The level cells split the numerator, each over all the assessments.
        results.AssertCounts("level=high", 2, 5);
        results.AssertCounts("level=very-high", 1, 5);
        // The cross: each stage's mix.
        results.AssertCounts("assessment-stage+level=start+high", 1, 3);
        results.AssertCounts("assessment-stage+level=start+very-high", 1, 3);
        results.AssertCounts("assessment-stage+level=review+high", 1, 2);
        results.AssertCounts("assessment-stage+level=review+very-high", 0, 2);
        Assert.Equal(["A1", "A3", "A4"], results.Cell("total").Evidence!.NumeratorIds.ToArray());
        Assert.Equal(["A1", "A2", "A3", "A4", "A5"], results.Cell("total").Evidence!.DenominatorIds.ToArray());
        Assert.Equal(
            ["total", "assessment-stage=start", "assessment-stage=review", "level=high", "level=very-high",
             "assessment-stage+level=start+high", "assessment-stage+level=start+very-high",
             "assessment-stage+level=review+high", "assessment-stage+level=review+very-high"],
            results.Keys());
    }

    [Fact]
    public void Every_breakdown_of_the_risk_mix_adds_up_to_its_margin_so_disclosure_can_protect_it()
    {
        var results = Run(Measure(RiskOfSeriousHarmId), Assessments());
        decimal Sum(string prefix, Func<IndicatorResult, decimal?> part) => results.Where(r => r.Breakdown.ToString().StartsWith(prefix, StringComparison.Ordinal)).Sum(r => part(r) ?? 0m);

        var total = results.Cell("total");
        Assert.Equal(total.Numerator, Sum("assessment-stage=", r => r.Numerator));
        Assert.Equal(total.Denominator, Sum("assessment-stage=", r => r.Denominator));
        Assert.Equal(total.Numerator, Sum("level=", r => r.Numerator));
        Assert.Equal(total.Numerator, Sum("assessment-stage+level=", r => r.Numerator));
        Assert.Equal(results.Cell("assessment-stage=start").Numerator, Sum("assessment-stage+level=start+", r => r.Numerator));
        Assert.Equal(results.Cell("level=high").Numerator, Sum("assessment-stage+level=", r => r.Breakdown.Value.EndsWith("+high", StringComparison.Ordinal) ? r.Numerator : 0m));
    }

    [Fact]
    public void Safety_and_wellbeing_reads_the_other_rating_with_the_same_rules()
    {
        var results = Run(Measure(SafetyAndWellbeingId), Assessments());

        // Only A1 (low) and A5 (very high) rate safety and wellbeing.
        results.AssertCounts("total", 1, 2);
        results.AssertCounts("level=very-high", 1, 2);
    }

    [Fact]
    public void The_stages_levels_and_assessment_kinds_counted_are_parameters()
    {
        Run(Measure(RiskOfSeriousHarmId, StagesParameter, "Start,Review,End"), Assessments()).AssertCounts("total", 4, 6);
        Run(Measure(RiskOfSeriousHarmId, HighLevelsParameter, "VeryHigh"), Assessments()).AssertCounts("total", 1, 5);
        var data = Assessments() with { Assessments = [.. Assessments().Assessments.Select(a => a.Id == "A3" ? a with { Kind = "PREVENTION" } : a)] };
        Run(Measure(RiskOfSeriousHarmId, AssessmentKindsParameter, "assetplus"), data).AssertCounts("total", 2, 4);
        Run(Measure(RiskOfSeriousHarmId), data).AssertCounts("total", 3, 5);
        Assert.Throws<FormatException>(() => Run(Measure(RiskOfSeriousHarmId, StagesParameter, "Start,Middle"), data));
    }

    private static Dataset Oversight(LocalDate? asOf = null)
    {
        var data = Data(
            [Child("C1"), Child("C2"), Child("C3"), Child("C4"), Child("C5"), Child("C6"), Child("C7")],
            assessments:
            [
                Assess("A1", "C1", D(2023, 5, 1), AssessmentStage.Start, harm: RiskLevel.High),
                Assess("A2", "C2", D(2023, 6, 1), AssessmentStage.Start, wellbeing: RiskLevel.VeryHigh),
                Assess("A3", "C3", D(2023, 7, 1), AssessmentStage.Start, harm: RiskLevel.High),
                Assess("A4", "C3", D(2023, 8, 1), AssessmentStage.Review, harm: RiskLevel.High),
                Assess("A5", "C4", D(2023, 9, 1), AssessmentStage.Start, harm: RiskLevel.VeryHigh),
                Assess("A6", "C5", D(2023, 10, 1), AssessmentStage.Start, harm: RiskLevel.High),
                Assess("A7", "C6", D(2023, 10, 1), AssessmentStage.Start, RiskLevel.Medium, RiskLevel.Medium),
                Assess("A8", "C7", D(2024, 3, 30), AssessmentStage.Start, wellbeing: RiskLevel.High),
            ],
            events:
            [
                Event("M1", "C1", D(2023, 5, 10), CaseEventKind.ManagementOversight),
                // 19 days after.
                Event("M2", "C2", D(2023, 6, 20), CaseEventKind.ManagementOversight),
                // Within 14 days of the second high rating, not of the first.
                Event("M3", "C3", D(2023, 8, 5), CaseEventKind.ManagementOversight),
                // The day before the assessment.
                Event("M4", "C4", D(2023, 8, 31), CaseEventKind.ManagementOversight),
                // The 14th day: inside.
                Event("M5", "C5", D(2023, 10, 15), CaseEventKind.ManagementOversight),
                // Another kind of event is not oversight.
                Event("M6", "C4", D(2023, 9, 2), CaseEventKind.ExploitationConcern),
                Event("M7", "C6", D(2023, 10, 2), CaseEventKind.ManagementOversight),
            ]);
        return asOf is { } d ? data with { AsOf = d } : data;
    }

    [Fact]
    public void High_risk_oversight_counts_children_rated_high_with_an_oversight_record_within_the_days_after_their_first_high_rating()
    {
        var results = Run(Measure(HighRiskOversightId), Oversight(), evidence: true);

        // Denominator: C1-C5 and C7 (C6 medium). Numerator: C1 (9 days), C5 (14th day).
        results.AssertCounts("total", 2, 6);
        Assert.Equal(["C1", "C5"], results[0].Evidence!.NumeratorIds.ToArray());
        Assert.Single(results);
        Run(Measure(HighRiskOversightId, OversightWithinDaysParameter, "19"), Oversight()).AssertCounts("total", 3, 6);
        Run(Measure(HighRiskOversightId, RiskMeasuresParameter, "RiskOfSeriousHarm"), Oversight()).AssertCounts("total", 2, 4);
        Assert.Throws<FormatException>(() => Run(Measure(HighRiskOversightId, OversightWithinDaysParameter, "-1"), Oversight()));
    }

    [Fact]
    public void An_oversight_window_still_open_at_the_as_of_date_makes_the_period_provisional()
    {
        // C7 was rated high on 30 March 2024 with no oversight yet; its window runs to 13 April.
        Assert.True(Run(Measure(HighRiskOversightId), Oversight(D(2024, 4, 5)))[0].Provisional);
        Assert.False(Run(Measure(HighRiskOversightId), Oversight(D(2024, 4, 14)))[0].Provisional);
        var overseen = Oversight(D(2024, 4, 5));
        overseen = overseen with { CaseEvents = [.. overseen.CaseEvents, Event("M8", "C7", D(2024, 4, 2), CaseEventKind.ManagementOversight)] };
        var results = Run(Measure(HighRiskOversightId), overseen);
        Assert.False(results[0].Provisional);
        results.AssertCounts("total", 3, 6);
    }
}
