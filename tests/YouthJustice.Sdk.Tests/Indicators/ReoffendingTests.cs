using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Periods;
using static YouthJustice.Sdk.Tests.Indicators.Cases;

namespace YouthJustice.Sdk.Tests.Indicators;

public class ReoffendingTests
{
    // January-March 2019: one quarterly MoJ cohort.
    private static readonly ReportingPeriod Quarter = ReportingPeriod.FinancialQuarter(2018, 4);

    private static IndicatorResult Moj(Dataset data, string id, ReportingPeriod? period = null, IndicatorDefinition? definition = null) =>
        Run.Total(NationalIndicators.Create(definition ?? NationalIndicators.Get(id)), data, period ?? Quarter);

    private static string[] ReoffenceIds(Dataset data, string id = NationalIndicatorIds.ReoffendingFrequency, ReportingPeriod? period = null, IndicatorDefinition? definition = null)
    {
        var indicator = NationalIndicators.Create(definition ?? NationalIndicators.Get(id));
        return [.. indicator.Compute(IndicatorContext.For(data), new IndicatorQuery([period ?? Quarter], [Coventry], [], CollectEvidence: true))
            .Single().Evidence!.NumeratorIds];
    }

    [Fact]
    public void Offence_committed_in_follow_up_but_proven_after_waiting_period_is_not_a_reoffence()
    {
        // Index 15 Jan 2019: follow-up to 15 Jan 2020, waiting period to 15 Jul 2020 (inclusive).
        var cases = new Cases();
        var late = cases.Teen();
        cases.Proven(late, D(2019, 1, 1), D(2019, 1, 15), OutcomeTypes.YouthCaution);
        var lateOffence = cases.Proven(late, D(2019, 12, 1), D(2020, 7, 16), OutcomeTypes.ReferralOrder);
        var justInTime = cases.Teen();
        cases.Proven(justInTime, D(2019, 1, 1), D(2019, 1, 15), OutcomeTypes.YouthCaution);
        var inTime = cases.Proven(justInTime, D(2019, 12, 1), D(2020, 7, 15), OutcomeTypes.ReferralOrder);
        var data = cases.Build(D(2021, 6, 30));

        Assert.Equal([inTime], ReoffenceIds(data));
        Assert.DoesNotContain(lateOffence, ReoffenceIds(data));
        Assert.Equal(50m, Moj(data, NationalIndicatorIds.ReoffendingBinary).Value);
    }

    [Fact]
    public void Offence_committed_after_the_follow_up_is_not_a_reoffence_even_if_proven_in_the_waiting_period()
    {
        var cases = new Cases();
        var child = cases.Teen();
        cases.Proven(child, D(2019, 1, 1), D(2019, 1, 15), OutcomeTypes.YouthCaution);
        cases.Proven(child, D(2020, 1, 16), D(2020, 2, 1), OutcomeTypes.YouthCaution);
        var lastDay = cases.Proven(child, D(2020, 1, 15), D(2020, 2, 1), OutcomeTypes.YouthCaution);
        var data = cases.Build(D(2021, 6, 30));

        Assert.Equal([lastDay], ReoffenceIds(data));
    }

    [Fact]
    public void Offence_committed_before_the_index_date_but_proven_during_follow_up_is_not_a_reoffence()
    {
        var cases = new Cases();
        var child = cases.Teen();
        cases.Proven(child, D(2019, 1, 1), D(2019, 1, 15), OutcomeTypes.YouthCaution);
        cases.Proven(child, D(2019, 1, 10), D(2019, 3, 1), OutcomeTypes.ReferralOrder); // committed before the index date
        cases.Proven(child, D(2019, 1, 15), D(2019, 3, 1), OutcomeTypes.ReferralOrder); // committed on the index date
        var data = cases.Build(D(2021, 6, 30));

        Assert.Empty(ReoffenceIds(data));
        Assert.Equal(0m, Moj(data, NationalIndicatorIds.ReoffendingBinary).Numerator);
    }

    [Fact]
    public void An_offence_disposed_of_at_the_index_outcome_itself_is_not_a_reoffence()
    {
        var cases = new Cases();
        var child = cases.Teen();
        var before = cases.Offence(child, D(2019, 1, 1));
        var takenIntoConsideration = cases.Offence(child, D(2019, 1, 20));
        cases.Outcome(child, D(2019, 1, 15), OutcomeTypes.YouthCaution, [before, takenIntoConsideration]);
        var data = cases.Build(D(2021, 6, 30));

        Assert.Empty(ReoffenceIds(data));
    }

    [Fact]
    public void Breach_without_resentence_is_not_a_reoffence()
    {
        var cases = new Cases();
        var notResentenced = cases.Teen();
        cases.Proven(notResentenced, D(2019, 1, 1), D(2019, 1, 15), OutcomeTypes.ReferralOrder);
        cases.Proven(notResentenced, D(2019, 4, 1), D(2019, 4, 20), OutcomeTypes.Breach, resentenced: false);
        var resentenced = cases.Teen();
        cases.Proven(resentenced, D(2019, 1, 1), D(2019, 1, 15), OutcomeTypes.ReferralOrder);
        var counted = cases.Proven(resentenced, D(2019, 4, 1), D(2019, 4, 20), OutcomeTypes.Breach, resentenced: true);
        var data = cases.Build(D(2021, 6, 30));

        Assert.Equal([counted], ReoffenceIds(data));
        Assert.Equal([counted], ReoffenceIds(data, NationalIndicatorIds.TrackerFrequency));
    }

    [Fact]
    public void Informal_outcomes_neither_enter_the_cohort_nor_prove_a_reoffence()
    {
        var cases = new Cases();
        var informalOnly = cases.Teen();
        cases.Proven(informalOnly, D(2019, 1, 1), D(2019, 1, 15), OutcomeTypes.CommunityResolution);
        var child = cases.Teen();
        cases.Proven(child, D(2019, 1, 1), D(2019, 1, 15), OutcomeTypes.YouthCaution);
        cases.Proven(child, D(2019, 3, 1), D(2019, 3, 15), OutcomeTypes.CommunityResolution);
        var data = cases.Build(D(2021, 6, 30));

        var binary = Moj(data, NationalIndicatorIds.ReoffendingBinary);
        Assert.Equal(1m, binary.Denominator);
        Assert.Equal(0m, binary.Numerator);
    }

    [Fact]
    public void Follow_up_from_29_February_ends_on_28_February()
    {
        // NodaTime's PlusMonths clamps to the month end: 29 Feb 2020 + 12 months = 28 Feb 2021 (the national rule).
        Assert.Equal(D(2021, 2, 28), DateArithmetic.PlusMonths(D(2020, 2, 29), 12, MonthEndRule.ClampToMonthEnd));
        Assert.Equal(D(2021, 3, 1), DateArithmetic.PlusMonths(D(2020, 2, 29), 12, MonthEndRule.RollToNextDay));

        var cases = new Cases();
        var child = cases.Teen();
        cases.Proven(child, D(2020, 2, 1), D(2020, 2, 29), OutcomeTypes.YouthCaution);
        var lastDay = cases.Proven(child, D(2021, 2, 28), D(2021, 3, 10), OutcomeTypes.YouthCaution);
        var dayAfter = cases.Proven(child, D(2021, 3, 1), D(2021, 3, 10), OutcomeTypes.YouthCaution);
        var data = cases.Build(D(2022, 6, 30));
        var janToMar2020 = ReportingPeriod.FinancialQuarter(2019, 4);

        Assert.Equal([lastDay], ReoffenceIds(data, period: janToMar2020));
        var rolled = NationalIndicators.Get(NationalIndicatorIds.ReoffendingFrequency)
            .WithParameter(NationalParameters.MonthEndRule, nameof(MonthEndRule.RollToNextDay));
        Assert.Equal([lastDay, dayAfter], ReoffenceIds(data, period: janToMar2020, definition: rolled));
    }

    [Fact]
    public void A_child_in_two_cohorts_is_counted_in_each_by_the_stated_rule()
    {
        // Each quarterly cohort is independent: a child with index events in Q1 and Q2 is in both, once in each.
        var cases = new Cases();
        var child = cases.Teen();
        cases.Proven(child, D(2019, 4, 20), D(2019, 5, 1), OutcomeTypes.YouthCaution);
        cases.Proven(child, D(2019, 5, 20), D(2019, 5, 25), OutcomeTypes.YouthCaution); // reoffence after the Q1 index
        cases.Proven(child, D(2019, 7, 20), D(2019, 8, 1), OutcomeTypes.ReferralOrder);  // Q2 index (and a Q1 reoffence)
        var data = cases.Build(D(2021, 12, 31));

        var q1 = Moj(data, NationalIndicatorIds.ReoffendingBinary, ReportingPeriod.FinancialQuarter(2019, 1));
        var q2 = Moj(data, NationalIndicatorIds.ReoffendingBinary, ReportingPeriod.FinancialQuarter(2019, 2));
        var year = Moj(data, NationalIndicatorIds.ReoffendingBinary, ReportingPeriod.FinancialYear(2019));
        var annualCohort = NationalIndicators.Get(NationalIndicatorIds.ReoffendingBinary).WithParameter(NationalParameters.CohortMonths, "12");
        var yearAsOneCohort = Moj(data, NationalIndicatorIds.ReoffendingBinary, ReportingPeriod.FinancialYear(2019), annualCohort);

        Assert.Equal((1m, 1m), (q1.Numerator, q1.Denominator.GetValueOrDefault()));
        Assert.Equal((0m, 1m), (q2.Numerator, q2.Denominator.GetValueOrDefault()));
        Assert.Equal((1m, 2m), (year.Numerator, year.Denominator.GetValueOrDefault())); // four quarterly cohorts pooled
        Assert.Equal((1m, 1m), (yearAsOneCohort.Numerator, yearAsOneCohort.Denominator.GetValueOrDefault()));
    }

    [Fact]
    public void Custodial_index_events_start_on_release_for_the_MoJ_measure_and_on_sentence_for_the_tracker()
    {
        var cases = new Cases();
        var released = cases.Teen();
        cases.Proven(released, D(2018, 6, 1), D(2018, 7, 1), OutcomeTypes.DetentionAndTrainingOrder, releaseDate: D(2019, 2, 1));
        var stillInside = cases.Teen();
        cases.Proven(stillInside, D(2018, 12, 1), D(2019, 1, 20), OutcomeTypes.DetentionAndTrainingOrder);
        var data = cases.Build(D(2021, 6, 30));

        var moj = NationalIndicators.Create(NationalIndicators.Get(NationalIndicatorIds.ReoffendingBinary))
            .Compute(IndicatorContext.For(data), new IndicatorQuery([Quarter], [Coventry], [], true)).Single();
        var tracker = NationalIndicators.Create(NationalIndicators.TrackerBinary)
            .Compute(IndicatorContext.For(data), new IndicatorQuery([Quarter], [Coventry], [], true)).Single();

        Assert.Equal([released], moj.Evidence!.DenominatorIds.ToArray());
        Assert.Equal([stillInside], tracker.Evidence!.DenominatorIds.ToArray());
    }

    [Fact]
    public void The_first_index_event_in_the_period_starts_the_follow_up()
    {
        var cases = new Cases();
        var child = cases.Teen();
        cases.Proven(child, D(2019, 1, 1), D(2019, 1, 10), OutcomeTypes.YouthCaution);
        cases.Proven(child, D(2019, 1, 5), D(2019, 2, 10), OutcomeTypes.YouthCaution); // before the first index date: not a reoffence
        var reoffence = cases.Proven(child, D(2019, 1, 11), D(2019, 3, 10), OutcomeTypes.Fine);
        var data = cases.Build(D(2021, 6, 30));

        Assert.Equal([reoffence], ReoffenceIds(data));
        Assert.Equal(1m, Moj(data, NationalIndicatorIds.ReoffendingBinary).Denominator);
    }

    [Fact]
    public void A_result_is_provisional_until_the_follow_up_and_waiting_period_are_over()
    {
        var cases = new Cases();
        cases.Proven(cases.Teen(), D(2019, 1, 1), D(2019, 1, 15), OutcomeTypes.YouthCaution);

        // Last possible index date 31 Mar 2019: follow-up to 31 Mar 2020, waiting period to 30 Sep 2020.
        Assert.True(Moj(cases.Build(D(2020, 9, 29)), NationalIndicatorIds.ReoffendingBinary).Provisional);
        Assert.False(Moj(cases.Build(D(2020, 9, 30)), NationalIndicatorIds.ReoffendingBinary).Provisional);
    }

    [Fact]
    public void Frequency_counts_reoffences_per_cohort_member_and_per_reoffender_divides_by_reoffenders()
    {
        var cases = new Cases();
        for (var i = 0; i < 4; i++)
        {
            var child = cases.Teen();
            cases.Proven(child, D(2019, 1, 1), D(2019, 1, 15), OutcomeTypes.YouthCaution);
            if (i == 0)
            {
                var a = cases.Offence(child, D(2019, 3, 1));
                var b = cases.Offence(child, D(2019, 3, 2));
                var c = cases.Offence(child, D(2019, 3, 3));
                cases.Outcome(child, D(2019, 4, 1), OutcomeTypes.ReferralOrder, [a, b, c]);
            }
        }
        var data = cases.Build(D(2021, 6, 30));

        Assert.Equal(0.75m, Moj(data, NationalIndicatorIds.ReoffendingFrequency).Value);
        Assert.Equal(3m, Moj(data, NationalIndicatorIds.ReoffendingPerReoffender).Value);
        Assert.Equal(25m, Moj(data, NationalIndicatorIds.ReoffendingBinary).Value);
    }

    [Fact]
    public void Breakdowns_split_the_cohort_by_index_disposal_and_index_offence_group()
    {
        var cases = new Cases();
        var cautioned = cases.Teen();
        cases.Proven(cautioned, D(2019, 1, 1), D(2019, 1, 15), OutcomeTypes.YouthCaution, group: OffenceGroup.Theft);
        cases.Proven(cautioned, D(2019, 2, 1), D(2019, 2, 15), OutcomeTypes.YouthCaution);
        var convicted = cases.Teen(Sex.Female);
        var minor = cases.Offence(convicted, D(2019, 1, 1), OffenceGroup.PublicOrder, 2);
        var serious = cases.Offence(convicted, D(2019, 1, 2), OffenceGroup.Robbery, 6);
        cases.Outcome(convicted, D(2019, 1, 20), OutcomeTypes.ReferralOrder, [minor, serious]);
        var data = cases.Build(D(2021, 6, 30));
        var binary = NationalIndicators.Create(NationalIndicators.ReoffendingBinary);

        var byType = Run.All(binary, data, Quarter, Coventry, "outcome-type", "offence-group", "sex");

        Assert.Equal(100m, byType.Single(r => r.Breakdown == new BreakdownKey("outcome-type", "YC")).Value);
        Assert.Equal(0m, byType.Single(r => r.Breakdown == new BreakdownKey("outcome-type", "RO")).Value);
        Assert.Equal(1m, byType.Single(r => r.Breakdown == new BreakdownKey("offence-group", "Robbery")).Denominator);
        Assert.DoesNotContain(byType, r => r.Breakdown == new BreakdownKey("offence-group", "PublicOrder"));
        Assert.Equal(0m, byType.Single(r => r.Breakdown == new BreakdownKey("sex", "Female")).Value);
        Assert.Equal(["total", "outcome-type=YC", "outcome-type=RO", "offence-group=Robbery", "offence-group=Theft", "sex=Male", "sex=Female"],
            byType.Select(r => r.Breakdown.ToString()));
    }
}
