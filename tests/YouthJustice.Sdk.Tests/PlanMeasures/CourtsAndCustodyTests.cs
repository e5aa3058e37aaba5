using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Periods;
using static YouthJustice.Sdk.PlanMeasures.LocalMeasures;
using static YouthJustice.Sdk.Tests.Kpis.KpiTestData;
using static YouthJustice.Sdk.Tests.PlanMeasures.PlanTestData;

namespace YouthJustice.Sdk.Tests.PlanMeasures;

public class CourtsAndCustodyTests
{
    private static Dataset Sentences() => Data(
        [Child("C1"), Child("C2")],
        outcomes:
        [
            Sentence("O1", "C1", D(2023, 5, 1), OutcomeTypes.ReferralOrder, OutcomeTypes.ReferralOrder),
            Sentence("O2", "C1", D(2023, 6, 1), OutcomeTypes.YouthRehabilitationOrder, OutcomeTypes.ReferralOrder),
            Sentence("O3", "C2", D(2023, 7, 1), OutcomeTypes.DetentionAndTrainingOrder, OutcomeTypes.DetentionAndTrainingOrder),
            Sentence("O4", "C2", D(2023, 8, 1), OutcomeTypes.DetentionAndTrainingOrder, OutcomeTypes.YouthRehabilitationOrder),
            // No report proposal recorded.
            Sentence("O5", "C2", D(2023, 9, 1), OutcomeTypes.YouthRehabilitationOrder),
            // Not a court sentence.
            Sentence("O6", "C2", D(2023, 9, 2), OutcomeTypes.YouthCaution, OutcomeTypes.YouthCaution),
            Sentence("O7", "C1", D(2024, 3, 31), OutcomeTypes.Fine, OutcomeTypes.YouthRehabilitationOrderWithIss),
            // After the period.
            Sentence("O8", "C1", D(2024, 4, 1), OutcomeTypes.Fine, OutcomeTypes.Fine),
        ]);

    [Fact]
    public void Psr_congruence_is_the_share_of_court_sentences_with_a_proposal_that_match_it_by_what_was_proposed()
    {
        var results = Run(Measure(PsrCongruenceId), Sentences(), evidence: true);

        // O1 and O3 match; O2, O4 and O7 do not; O5 has no proposal, O6 is out of court, O8 later.
        results.AssertCounts("total", 2, 5);
        results.AssertCounts("proposal=community", 1, 4);
        results.AssertCounts("proposal=custody", 1, 1);
        results.AssertCounts("proposal=other", 0, 0);
        Assert.Equal(["O1", "O3"], results[0].Evidence!.NumeratorIds.ToArray());
    }

    [Fact]
    public void Psr_congruence_can_match_on_the_side_of_the_custody_threshold()
    {
        // Community proposed and a community sentence given: O1, O2, O7; custody and custody: O3. O4 crossed the threshold.
        Run(Measure(PsrCongruenceId, MatchOnParameter, "Category"), Sentences()).AssertCounts("total", 4, 5);
    }

    [Fact]
    public void Bail_support_counts_remands_beginning_in_the_period_with_an_offer_linked_to_that_remand()
    {
        var data = Data([Child("C1"), Child("C2")],
            outcomes:
            [
                Sentence("R1", "C1", D(2023, 5, 1), OutcomeTypes.Remand),
                Sentence("R2", "C1", D(2023, 8, 1), OutcomeTypes.Remand),
                Sentence("R3", "C2", D(2023, 9, 1), OutcomeTypes.Remand),
                Sentence("R4", "C2", D(2023, 10, 1), OutcomeTypes.Remand),
                Sentence("R5", "C2", D(2024, 5, 1), OutcomeTypes.Remand),
            ],
            events:
            [
                Event("E1", "C1", D(2023, 5, 1), CaseEventKind.BailSupportOffered, "R1"),
                Event("E2", "C1", D(2023, 8, 1), CaseEventKind.RemandAlternativeOffered, "R2"),
                // Linked to no remand.
                Event("E3", "C2", D(2023, 9, 1), CaseEventKind.BailSupportOffered),
                // Another child's event naming R4.
                Event("E4", "C1", D(2023, 10, 1), CaseEventKind.BailSupportOffered, "R4"),
                Event("E5", "C2", D(2024, 5, 1), CaseEventKind.BailSupportOffered, "R5"),
            ]);

        Run(Measure(BailSupportOfferedId), data).AssertCounts("total", 2, 4);
        Run(Measure(BailSupportOfferedId, EventKindsParameter, "BailSupportOffered"), data).AssertCounts("total", 1, 4);
        Run(Measure(BailSupportOfferedId), data, ReportingPeriod.FinancialYear(2024)).AssertCounts("total", 1, 1);
    }

    private static Dataset Custody() => Data(
        [Child("C1"), Child("C2"), Child("C3"), Child("C4"), Child("C5")],
        outcomes:
        [
            Sentence("S1", "C1", D(2023, 6, 1), OutcomeTypes.DetentionAndTrainingOrder),
            Sentence("S2", "C2", D(2021, 1, 5), OutcomeTypes.DetentionAndTrainingOrder),
            Sentence("S3", "C2", D(2023, 9, 1), OutcomeTypes.Section250),
            Sentence("S4", "C3", D(2023, 5, 1), OutcomeTypes.DetentionAndTrainingOrder),
            Sentence("S5", "C3", D(2023, 11, 1), OutcomeTypes.DetentionAndTrainingOrder),
            Sentence("S6", "C4", D(2022, 12, 1), OutcomeTypes.DetentionAndTrainingOrder),
            Sentence("S7", "C5", D(2023, 7, 1), OutcomeTypes.YouthRehabilitationOrder),
        ],
        events:
        [
            Event("L1", "C1", D(2023, 8, 1), CaseEventKind.CustodyLearningReview, "S1"),
            // A review of the earlier sentence, not of the one in the period.
            Event("L2", "C2", D(2021, 3, 1), CaseEventKind.CustodyLearningReview, "S2"),
            // A review naming no sentence.
            Event("L3", "C3", D(2023, 12, 1), CaseEventKind.CustodyLearningReview),
        ]);

    [Fact]
    public void Custody_entrants_count_children_sentenced_to_custody_once_as_new_or_concurrent()
    {
        var results = Run(Measure(CustodyEntrantsId), Custody(), evidence: true);

        // C1 new; C2 concurrent (custody in 2021); C3 new, twice in the period but once; C4 not in the period; C5 not custody.
        results.AssertCount("total", 3);
        results.AssertCount("entry=new", 2);
        results.AssertCount("entry=concurrent", 1);
        Assert.Equal(["C1", "C3"], results.Cell("entry=new").Evidence!.NumeratorIds.ToArray());
        Assert.Equal(["total", "entry=new", "entry=concurrent"], results.Keys());
    }

    [Fact]
    public void Golden_coventry_2021_22_two_new_entrants_into_custody_and_three_children_with_concurrent_sentences_all_reviewed()
    {
        // Coventry's plan (Update 2022), Reducing the use of custody and remand: "only saw two children as new entrants into
        // custody ...; 3 children had concurrent sentences", and Custody Analysis: a learning review for all children who have
        // gone to custody (five children, by the ethnicity count that follows).
        var children = Enumerable.Range(1, 5).Select(i => Child("C" + i)).ToList();
        var outcomes = new List<Outcome>
        {
            Sentence("N1", "C1", D(2021, 5, 3), OutcomeTypes.DetentionAndTrainingOrder),
            Sentence("N2", "C2", D(2021, 4, 20), OutcomeTypes.Section250),
        };
        for (var i = 3; i <= 5; i++)
        {
            outcomes.Add(Sentence("P" + i, "C" + i, D(2020, 10, i), OutcomeTypes.DetentionAndTrainingOrder));
            outcomes.Add(Sentence("Q" + i, "C" + i, D(2021, 9, i), OutcomeTypes.DetentionAndTrainingOrder));
        }
        var reviews = outcomes.Where(o => o.OutcomeDate >= D(2021, 4, 1))
            .Select(o => Event("L" + o.Id, o.ChildId, o.OutcomeDate.PlusDays(30), CaseEventKind.CustodyLearningReview, o.Id));
        var data = Data(children, outcomes: outcomes, events: reviews);
        var year = ReportingPeriod.FinancialYear(2021);

        var entrants = Run(Measure(CustodyEntrantsId), data, year);
        entrants.AssertCount("entry=new", 2);
        entrants.AssertCount("entry=concurrent", 3);
        Run(Measure(CustodyLearningReviewsId), data, year).AssertCounts("total", 5, 5);
    }

    [Fact]
    public void Custody_learning_reviews_count_children_whose_sentence_in_the_period_was_reviewed()
    {
        Run(Measure(CustodyLearningReviewsId), Custody()).AssertCounts("total", 1, 3);
        // With unlinked reviews: C3's review dated after its first sentence in the period counts too.
        Run(Measure(CustodyLearningReviewsId, IncludeUnlinkedReviewsParameter, "true"), Custody()).AssertCounts("total", 2, 3);
    }

    [Fact]
    public void Probation_transfers_count_transfer_events_in_the_period()
    {
        var data = Data([Child("C1"), Child("C2")],
            events:
            [
                Event("T1", "C1", D(2023, 6, 1), CaseEventKind.TransferToProbation),
                Event("T2", "C2", D(2024, 3, 31), CaseEventKind.TransferToProbation),
                Event("T3", "C2", D(2024, 4, 1), CaseEventKind.TransferToProbation),
                // A child not in the dataset has no area.
                Event("T4", "C9", D(2023, 6, 1), CaseEventKind.TransferToProbation),
                Event("T5", "C1", D(2023, 6, 1), CaseEventKind.MissingEpisode),
            ]);

        var results = Run(Measure(ProbationTransfersId), data, evidence: true);
        results.AssertCount("total", 2);
        Assert.Equal(["T1", "T2"], results[0].Evidence!.NumeratorIds.ToArray());
    }
}
