using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Synthetic;
using YouthJustice.Sdk.Tests;

namespace YouthJustice.Sdk.Synthetic.Tests;

/// <summary>
/// The fields and files the local measures read: assessment stages, pre-sentence report proposals, practitioner ids,
/// case events and feedback. The shapes are the generator's own (docs/synthetic-data.md, "Local measures"); these
/// tests check them within wide bands, and that they are drawn without disturbing anything else.
/// </summary>
public class LocalMeasuresGeneratorTests(CoventryFixture fixture) : IClassFixture<CoventryFixture>
{
    private readonly Dataset _coventry = fixture.Dataset;

    [Fact]
    public void The_new_files_are_non_empty_and_every_case_event_kind_and_respondent_occurs()
    {
        Assert.NotEmpty(_coventry.CaseEvents);
        Assert.NotEmpty(_coventry.Feedback);
        Assert.Equal(Enum.GetValues<CaseEventKind>(), _coventry.CaseEvents.Select(e => e.Kind).Distinct().Order());
        Assert.Equal(Enum.GetValues<FeedbackRespondent>(), _coventry.Feedback.Select(f => f.Respondent).Distinct().Order());
    }

    [Fact]
    public void The_same_seed_gives_equal_case_events_and_feedback_and_another_seed_different_ones()
    {
        var again = Declared.Generate(SyntheticOptions.SingleAuthority(20230331));
        var other = Declared.Generate(SyntheticOptions.SingleAuthority(20230332));

        Assert.Equal(_coventry.CaseEvents, again.CaseEvents);
        Assert.Equal(_coventry.Feedback, again.Feedback);
        Assert.Equal(_coventry.Episodes.Select(e => e.PractitionerId), again.Episodes.Select(e => e.PractitionerId));
        Assert.False(_coventry.CaseEvents.SequenceEqual(other.CaseEvents));
    }

    [Fact]
    public void Adding_an_area_leaves_the_local_measures_of_the_areas_before_it_unchanged()
    {
        // Each area draws its local measures from a stream of its own, so a later area never changes an earlier one's.
        var one = Declared.Generate(SyntheticOptions.National(9, 1, financialYears: 1, scale: 0.2));
        var two = Declared.Generate(SyntheticOptions.National(9, 2, financialYears: 1, scale: 0.2));
        bool First(string childId) => childId.StartsWith("E08000026-", StringComparison.Ordinal);

        Assert.Equal(one.CaseEvents, two.CaseEvents.Where(e => First(e.ChildId)));
        Assert.Equal(one.Feedback, two.Feedback.Where(f => First(f.ChildId)));
        Assert.Equal(one.Episodes, two.Episodes.Where(e => First(e.ChildId)));
        Assert.Equal(one.Outcomes, two.Outcomes.Where(o => First(o.ChildId)));
        Assert.Equal(one.Assessments, two.Assessments.Where(a => First(a.ChildId)));
    }

    [Fact]
    public void A_childs_first_assessment_is_at_the_start_and_later_ones_are_reviews()
    {
        foreach (var assessments in _coventry.Assessments.GroupBy(a => a.ChildId))
        {
            Assert.Equal(AssessmentStage.Start, assessments.First().Stage);
            Assert.All(assessments.Skip(1), a => Assert.Equal(AssessmentStage.Review, a.Stage));
        }
    }

    [Fact]
    public void Most_court_sentences_have_a_report_proposal_and_most_proposals_are_the_sentence_given()
    {
        var sentences = _coventry.Outcomes.Where(o => o.Type.IsCourt).ToList();
        var proposed = sentences.Where(o => o.PsrProposal is not null).ToList();

        Assert.All(_coventry.Outcomes.Where(o => o.PsrProposal is not null), o => Assert.Equal(DecidingBody.Court, o.DecidedBy));
        Assert.InRange(proposed.Count / (double)sentences.Count, 0.7, 0.9);
        var congruent = proposed.Count(o => o.PsrProposal!.Equals(o.Type)) / (double)proposed.Count;
        Assert.InRange(congruent, 0.7, 0.9);
        Assert.All(proposed.Where(o => !o.PsrProposal!.Equals(o.Type)), o => Assert.True(o.PsrProposal!.IsCourt));
    }

    [Fact]
    public void Practitioners_hold_about_6_to_12_open_cases_each()
    {
        Assert.All(_coventry.Episodes, e => Assert.StartsWith("E08000026-P", e.PractitionerId, StringComparison.Ordinal));
        foreach (var day in new[] { new LocalDate(2020, 3, 31), new LocalDate(2021, 9, 30), new LocalDate(2023, 3, 31) })
        {
            var open = _coventry.Episodes.Where(e => e.ReferralDate <= day && (e.EndDate is not { } end || end >= day))
                .GroupBy(e => e.PractitionerId).Select(g => g.Count()).ToList();
            Assert.InRange(open.Average(), 6, 12);
            Assert.InRange(open.Max(), 1, 12);
        }
    }

    [Fact]
    public void Case_events_fall_where_the_measures_expect_them()
    {
        var outcomes = _coventry.Outcomes.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var byKind = _coventry.CaseEvents.ToLookup(e => e.Kind);
        Assert.All(byKind[CaseEventKind.CustodyLearningReview], e => Assert.True(outcomes[e.OutcomeId!].Type.IsCustodial));
        Assert.All(byKind[CaseEventKind.BailSupportOffered].Concat(byKind[CaseEventKind.RemandAlternativeOffered]),
            e => Assert.Equal(OutcomeCategory.Remand, outcomes[e.OutcomeId!].Type.Category));
        var children = _coventry.Children.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Assert.All(byKind[CaseEventKind.TransferToProbation], e => Assert.True(e.Date >= children[e.ChildId].DateOfBirth.PlusYears(18)));
        var withEpisodes = _coventry.Episodes.Select(e => e.ChildId).Distinct().Count();
        var exploited = byKind[CaseEventKind.ExploitationConcern].Select(e => e.ChildId).Distinct().Count();
        Assert.InRange(exploited / (double)withEpisodes, 0.07, 0.2);
        var highRisk = _coventry.Assessments.Count(a => a.RiskOfSeriousHarm >= RiskLevel.High || a.SafetyAndWellbeing >= RiskLevel.High);
        Assert.InRange(byKind[CaseEventKind.ManagementOversight].Count() / (double)highRisk, 0.7, 0.95);
    }

    [Fact]
    public void Children_are_asked_for_feedback_at_each_closed_intervention_and_most_answer_well()
    {
        var closed = _coventry.Episodes.Where(e => e.StartDate is not null && e.EndDate is not null).ToList();
        var asked = _coventry.Feedback.Where(f => f.Respondent == FeedbackRespondent.Child).ToList();

        Assert.Equal(closed.Select(e => e.Id).Order(StringComparer.Ordinal), asked.Select(f => f.EpisodeId!).Order(StringComparer.Ordinal));
        Assert.InRange(asked.Count(f => f.Responded) / (double)asked.Count, 0.65, 0.85);
        var scores = asked.Where(f => f.Responded).Select(f => f.Score!.Value).ToList();
        Assert.InRange(scores.Count(s => s >= 4) / (double)scores.Count, 0.65, 0.95);
        Assert.All(_coventry.Feedback.Where(f => !f.Responded), f => Assert.Null(f.Score));
    }

    [Fact]
    public void The_national_preset_generates_them_for_every_area()
    {
        var dataset = Declared.Generate(SyntheticOptions.National(11, 5, financialYears: 1, scale: 0.2));
        var areaOf = dataset.Children.ToDictionary(c => c.Id, c => c.HomeAreaCode, StringComparer.Ordinal);

        Assert.Equal(dataset.Areas.Select(a => a.Code).Order(StringComparer.Ordinal),
            dataset.CaseEvents.Select(e => areaOf[e.ChildId]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(dataset.Areas.Select(a => a.Code).Order(StringComparer.Ordinal),
            dataset.Feedback.Select(f => areaOf[f.ChildId]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(dataset.Episodes, e => Assert.StartsWith(areaOf[e.ChildId] + "-P", e.PractitionerId, StringComparison.Ordinal));
        Assert.Empty(DatasetConsistency.Violations(dataset));
    }
}
