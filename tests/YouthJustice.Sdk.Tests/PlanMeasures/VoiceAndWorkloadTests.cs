using YouthJustice.Sdk.Disclosure;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using static YouthJustice.Sdk.PlanMeasures.LocalMeasures;
using static YouthJustice.Sdk.Tests.Kpis.KpiTestData;
using static YouthJustice.Sdk.Tests.PlanMeasures.PlanTestData;

namespace YouthJustice.Sdk.Tests.PlanMeasures;

public class VoiceAndWorkloadTests
{
    private static FeedbackRequest Ask(string id, FeedbackRespondent who, LocalDate on, bool responded, decimal? score = null, string? episode = null, string child = "C1") =>
        new(id, child, who, on, responded, score, episode);

    private static Dataset Feedback() => Data(
        [Child("C1")],
        episodes:
        [
            Episode("E1", "C1", ProgrammeKinds.OutOfCourtIntervention, D(2023, 4, 10), D(2023, 7, 1)),
            Episode("E2", "C1", ProgrammeKinds.CourtOrderSupervision, D(2023, 4, 10)),
        ],
        feedback:
        [
            Ask("F1", FeedbackRespondent.Child, D(2023, 7, 1), true, 4m, "E1"),
            Ask("F2", FeedbackRespondent.Child, D(2023, 8, 1), false, episode: "E2"),
            Ask("F3", FeedbackRespondent.ParentCarer, D(2023, 7, 1), true, 3m),
            Ask("F4", FeedbackRespondent.ParentCarer, D(2023, 9, 1), true),
            Ask("F5", FeedbackRespondent.Victim, D(2023, 9, 1), true, 5m),
            Ask("F6", FeedbackRespondent.Child, D(2024, 5, 1), true, 1m),
        ]);

    [Fact]
    public void Feedback_response_rate_counts_requests_to_children_and_families_in_the_period_answered_by_respondent()
    {
        var results = Run(Measure(FeedbackResponseRateId), Feedback());

        // F1-F4 (F5 a victim, F6 later): answered F1, F3, F4.
        results.AssertCounts("total", 3, 4);
        results.AssertCounts("respondent=child", 1, 2);
        results.AssertCounts("respondent=parent-carer", 2, 2);
        Assert.Equal(["total", "respondent=child", "respondent=parent-carer"], results.Keys());
        Run(Measure(FeedbackResponseRateId, RespondentsParameter, "Child,ParentCarer,Victim"), Feedback()).AssertCounts("total", 4, 5);
        // At closure only: F1 closes E1; F2's episode is still open, F3 and F4 close none.
        Run(Measure(FeedbackResponseRateId, AtClosureOnlyParameter, "true"), Feedback()).AssertCounts("total", 1, 1);
    }

    [Fact]
    public void Leicesters_75_percent_against_its_80_percent_target_is_rated_red()
    {
        // Leicester's plan, paragraph 4.3: a user feedback rate at closure of 75% against a service target of 80%.
        var requests = Enumerable.Range(1, 20).Select(i => Ask("F" + i, FeedbackRespondent.Child, D(2022, 6, 1), responded: i <= 15));
        var data = Data([Child("C1")], feedback: requests);
        var indicator = Measure(FeedbackResponseRateId);

        var result = Run(indicator, data, ReportingPeriod.FinancialYear(2022))[0];
        var compared = IndicatorResultBuilder.Compare(result, indicator.Definition, [new ComparatorValue(FeedbackResponseRateId, "service-target", null, 80m)]);

        Assert.Equal(75m, result.Value);
        Assert.Equal(RagRating.Red, compared.Comparisons.Single().Rag);
    }

    [Fact]
    public void Satisfaction_is_the_mean_score_of_the_feedback_given_a_sum_over_a_count()
    {
        var results = Run(Measure(FeedbackSatisfactionId), Feedback());

        // Scores in the period: F1 4 (child), F3 3 (parent), F5 5 (victim); F4 answered without a score.
        Assert.Equal((12m, 3m), (results.Cell("total").Numerator, results.Cell("total").Denominator));
        Assert.Equal(4m, results.Cell("total").Value);
        Assert.Equal(5m, results.Cell("respondent=victim").Value);
        Assert.Null(results.Cell("total").Interval);
        Assert.Equal(["total", "respondent=child", "respondent=parent-carer", "respondent=victim"], results.Keys());
    }

    [Fact]
    public void A_mean_score_of_five_or_fewer_responses_is_withheld_in_published_output()
    {
        var few = Run(Measure(FeedbackSatisfactionId), Feedback());
        var published = DisclosurePolicy.Default.Apply(few, DisclosureMode.Publication, Definitions);
        var total = published[0];
        Assert.True(total.Denominator.IsSuppressed);
        Assert.True(total.Value.IsSuppressed);

        // Ten victims: nine 5s and a 4 give Coventry's 4.9 out of 5, published.
        var many = Data([Child("C1")], feedback: Enumerable.Range(1, 10).Select(i => Ask("V" + i, FeedbackRespondent.Victim, D(2022, 6, 1), true, i == 1 ? 4m : 5m)));
        var shown = DisclosurePolicy.Default.Apply(Run(Measure(FeedbackSatisfactionId), many, ReportingPeriod.FinancialYear(2022)), DisclosureMode.Publication, Definitions);
        Assert.False(shown[0].Value.IsSuppressed);
        Assert.Equal("4.9", shown[0].Value.Display);
    }

    [Fact]
    public void Victim_secondary_contact_is_the_share_of_consenting_victims_the_service_contacted()
    {
        var data = Data([Child("C1")], victims:
        [
            new VictimContact("V1", "C1", null, D(2023, 5, 1), ConsentedToContact: true, ViewsTaken: true, false, false),
            new VictimContact("V2", "C1", null, D(2023, 6, 1), ConsentedToContact: true, ViewsTaken: false, false, false),
            new VictimContact("V3", "C1", null, D(2023, 7, 1), ConsentedToContact: false, ViewsTaken: false, false, false),
        ]);
        Run(Measure(VictimSecondaryContactId), data).AssertCounts("total", 1, 2);
    }

    private static ProgrammeEpisode Held(string id, ProgrammeKind programme, LocalDate start, LocalDate? end, string? practitioner, string child = "C1") =>
        new(id, child, programme, start, StartDate: start, EndDate: end, PractitionerId: practitioner);

    [Fact]
    public void Caseload_per_practitioner_pools_the_month_end_snapshots_of_the_period()
    {
        var data = Data([Child("C1"), Child("C2")], episodes:
        [
            Held("E1", ProgrammeKinds.CourtOrderSupervision, D(2023, 4, 1), null, "P1"),
            Held("E2", ProgrammeKinds.OutOfCourtIntervention, D(2023, 5, 15), null, "P1", "C2"),
            // Closes on 31 May: open at that month-end, not at the next.
            Held("E3", ProgrammeKinds.OutOfCourtIntervention, D(2023, 4, 20), D(2023, 5, 31), "P2"),
            Held("E4", ProgrammeKinds.OutOfCourtIntervention, D(2023, 4, 20), null, null),
        ]);
        var quarter = ReportingPeriod.FinancialQuarter(2023, 1);

        var results = Run(Measure(CaseloadPerPractitionerId), data, quarter, evidence: true);

        // 30 April: E1, E3 held by P1, P2. 31 May: E1, E2, E3 by P1, P2. 30 June: E1, E2 by P1. 7 episodes over 5 practitioners.
        Assert.Equal((7m, 5m, 1.4m), (results[0].Numerator, results[0].Denominator!.Value, results[0].Value!.Value));
        Assert.Equal(["P1@2023-04-30", "P1@2023-05-31", "P1@2023-06-30", "P2@2023-04-30", "P2@2023-05-31"], results[0].Evidence!.DenominatorIds.ToArray());
        // Court orders only: E1 at each month-end, held by P1.
        Assert.Equal(1m, Run(Measure(CaseloadPerPractitionerId, CaseloadProgrammesParameter, "COURT_ORDER"), data, quarter)[0].Value);
        // Month-ends after the as-of date are not snapshots: to 31 May only, 5 episodes over 4 practitioners.
        var early = data with { AsOf = D(2023, 6, 15) };
        var partial = Run(Measure(CaseloadPerPractitionerId), early, quarter)[0];
        Assert.Equal((5m, 4m, true), (partial.Numerator, partial.Denominator!.Value, partial.Provisional));
    }

    [Fact]
    public void Interventions_started_count_episodes_by_their_start_date_and_programme()
    {
        var data = Data([Child("C1")], episodes:
        [
            Held("E1", ProgrammeKinds.CourtOrderSupervision, D(2023, 4, 1), null, null),
            Held("E2", ProgrammeKinds.OutOfCourtIntervention, D(2023, 5, 15), null, null),
            Held("E3", ProgrammeKinds.OutOfCourtIntervention, D(2024, 3, 31), null, null),
            Held("E4", ProgrammeKinds.Diversion, D(2022, 4, 20), null, null),
            // Referred, never started.
            new ProgrammeEpisode("E5", "C1", ProgrammeKinds.Diversion, D(2023, 6, 1)),
        ]);

        var results = Run(Measure(InterventionsStartedId), data);
        results.AssertCount("total", 3);
        results.AssertCount("programme=COURT_ORDER", 1);
        results.AssertCount("programme=DIVERSION", 0);
        results.AssertCount("programme=OOCD_INTERVENTION", 2);
        Assert.Equal(["total", "programme=COURT_ORDER", "programme=DIVERSION", "programme=OOCD_INTERVENTION"], results.Keys());
        var listed = Run(Measure(InterventionsStartedId, ProgrammesParameter, "oocd_intervention,RESETTLEMENT"), data);
        Assert.Equal(["total", "programme=OOCD_INTERVENTION", "programme=RESETTLEMENT"], listed.Keys());
        listed.AssertCount("total", 2);
    }

    [Fact]
    public void Golden_coventry_2021_22_93_disposal_based_interventions_started_55_out_of_court_59_percent()
    {
        // Coventry's plan (Update 2022), Reducing first time entrants: "We started 93 disposal-based interventions in 2021/22.
        // 55 of these (59%) were for out-of-court disposals"; support where the police take no further action is not included.
        var episodes = Enumerable.Range(1, 55).Select(i => Held("O" + i, ProgrammeKinds.OutOfCourtIntervention, D(2021, 4, 1).PlusDays(i * 6), null, null))
            .Concat(Enumerable.Range(1, 38).Select(i => Held("C" + i, ProgrammeKinds.CourtOrderSupervision, D(2021, 4, 3).PlusDays(i * 9), null, null)))
            .Concat(Enumerable.Range(1, 12).Select(i => Held("D" + i, ProgrammeKinds.Diversion, D(2021, 5, 1).PlusDays(i * 20), null, null)));
        var data = Data([Child("C1")], episodes: episodes);

        var result = Run(Measure(OutOfCourtInterventionShareId), data, ReportingPeriod.FinancialYear(2021))[0];

        Assert.Equal((55m, 93m), (result.Numerator, result.Denominator!.Value));
        Assert.Equal(59m, Math.Round(result.Value!.Value, 0, MidpointRounding.AwayFromZero));
    }
}
