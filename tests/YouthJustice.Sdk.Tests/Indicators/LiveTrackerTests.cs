using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Periods;
using static YouthJustice.Sdk.Tests.Indicators.Cases;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Tests.Indicators;

public class LiveTrackerTests
{
    private static readonly ReportingPeriod Cohort = ReportingPeriod.Custom(D(2020, 10, 1), D(2021, 3, 31));

    private static LiveReoffendingTrackerIndicator Tracker(IndicatorDefinition? definition = null) =>
        new(definition ?? NationalIndicators.TrackerBinary);

    [Fact]
    public void Members_are_live_until_their_follow_up_has_expired_and_the_result_is_provisional_until_all_have()
    {
        var cases = new Cases();
        var early = cases.Teen();
        cases.Proven(early, D(2020, 9, 1), D(2020, 10, 5), OutcomeTypes.YouthCaution);
        var late = cases.Teen();
        cases.Proven(late, D(2021, 3, 1), D(2021, 3, 20), OutcomeTypes.ReferralOrder);
        var data = cases.Build(D(2021, 12, 31));

        var members = Tracker().Members(IndicatorContext.For(data), Cohort, Coventry);

        Assert.Equal([(early, TrackingStatus.Complete, D(2021, 10, 5)), (late, TrackingStatus.Live, D(2022, 3, 20))],
            members.Select(m => (m.ChildId, m.Status, m.FollowUpEnd)));
        Assert.True(Run.Total(Tracker(), data, Cohort).Provisional);
        Assert.False(Run.Total(Tracker(), cases.Build(D(2022, 3, 20)), Cohort).Provisional);
    }

    [Fact]
    public void The_tracker_has_no_waiting_period_unless_revised_and_the_revision_changes_the_result_and_its_version()
    {
        var cases = new Cases();
        var child = cases.Teen();
        cases.Proven(child, D(2020, 9, 1), D(2020, 11, 1), OutcomeTypes.ReferralOrder);
        cases.Proven(child, D(2021, 10, 1), D(2021, 12, 1), OutcomeTypes.YouthCaution); // proven a month after follow-up ends (1 Nov 2021)
        var data = cases.Build(D(2022, 12, 31));
        var revised = NationalIndicators.TrackerBinary.WithParameter(NationalParameters.WaitingPeriodMonths, "3");

        var national = Run.Total(Tracker(), data, Cohort);
        var local = Run.Total(Tracker(revised), data, Cohort);

        Assert.Equal(0m, national.Value);
        Assert.Equal(new MethodologyRef(NationalIndicatorIds.TrackerBinary, 1), national.Methodology);
        Assert.Empty(national.AppliedOverrides);
        Assert.Equal(100m, local.Value);
        Assert.Equal(new MethodologyRef(NationalIndicatorIds.TrackerBinary, 1, "waitingPeriodMonths=3"), local.Methodology);
        Assert.Equal(["waitingPeriodMonths=3 (national: 0)"], local.AppliedOverrides.ToArray());
    }

    [Fact]
    public void Most_frequent_reoffenders_come_most_first_with_ties_by_first_reoffence_then_child_id()
    {
        var cases = new Cases();
        string Reoffender(string id, int count, LocalDate first)
        {
            var child = cases.Child(D(2005, 1, 1), id: id);
            cases.Proven(child, D(2020, 9, 1), D(2020, 10, 1), OutcomeTypes.ReferralOrder);
            for (var k = 0; k < count; k++)
            {
                cases.Proven(child, first.PlusDays(k), first.PlusDays(30), OutcomeTypes.YouthCaution);
            }
            return child;
        }
        Reoffender("B", 2, D(2021, 1, 10));
        Reoffender("A", 2, D(2021, 1, 10));
        Reoffender("C", 2, D(2020, 12, 1));
        Reoffender("D", 5, D(2021, 6, 1));
        Reoffender("E", 0, D(2021, 1, 1));
        var data = cases.Build(D(2022, 12, 31));

        var list = Tracker().MostFrequentReoffenders(IndicatorContext.For(data), Cohort, Coventry, top: 10);

        Assert.Equal([("D", 5, D(2021, 6, 1)), ("C", 2, D(2020, 12, 1)), ("A", 2, D(2021, 1, 10)), ("B", 2, D(2021, 1, 10))],
            list.Select(r => (r.ChildId, r.Reoffences, r.FirstReoffenceDate)));
        Assert.Equal(["D", "C"], Tracker().MostFrequentReoffenders(IndicatorContext.For(data), Cohort, Coventry, top: 2).Select(r => r.ChildId));
    }

    [Fact]
    public void A_child_is_in_a_tracker_cohort_once_from_their_first_penalty_in_it()
    {
        var cases = new Cases();
        var child = cases.Teen();
        cases.Proven(child, D(2020, 9, 1), D(2020, 10, 1), OutcomeTypes.YouthCaution);
        var second = cases.Proven(child, D(2020, 11, 1), D(2020, 12, 1), OutcomeTypes.ReferralOrder);
        var data = cases.Build(D(2022, 12, 31));

        var members = Tracker().Members(IndicatorContext.For(data), Cohort, Coventry);

        Assert.Equal(D(2020, 10, 1), Assert.Single(members).IndexDate);
        Assert.Equal(1, members[0].Reoffences);
        Assert.Equal(D(2020, 11, 1), members[0].FirstReoffenceDate);
        Assert.NotNull(second);
    }
}
