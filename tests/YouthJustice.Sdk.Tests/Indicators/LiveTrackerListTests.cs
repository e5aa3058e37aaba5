using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Periods;
using static YouthJustice.Sdk.Tests.Indicators.Cases;

namespace YouthJustice.Sdk.Tests.Indicators;

public class LiveTrackerListTests
{
    private static readonly ReportingPeriod Cohort = ReportingPeriod.Custom(D(2020, 10, 1), D(2021, 3, 31));

    [Fact]
    public void The_tracker_list_has_every_member_most_reoffences_first_then_earlier_first_reoffence_then_child_id_and_non_reoffenders_last()
    {
        var cases = new Cases();
        void Member(string id, LocalDate penalty, int reoffences, LocalDate first)
        {
            var child = cases.Child(D(2005, 1, 1), id: id);
            cases.Proven(child, penalty.PlusDays(-20), penalty, OutcomeTypes.ReferralOrder);
            for (var k = 0; k < reoffences; k++)
            {
                cases.Proven(child, first.PlusDays(k), first.PlusDays(30), OutcomeTypes.YouthCaution);
            }
        }
        Member("Z", D(2020, 10, 1), 0, default);
        Member("B", D(2020, 10, 1), 2, D(2021, 1, 10));
        Member("A", D(2020, 10, 1), 2, D(2021, 1, 10));
        Member("C", D(2020, 10, 1), 2, D(2020, 12, 1));
        Member("D", D(2020, 10, 1), 3, D(2021, 6, 1));
        Member("Y", D(2021, 3, 20), 0, default);   // its follow-up runs to 20 March 2022: live on 31 December 2021
        var data = cases.Build(D(2021, 12, 31));

        var list = new LiveReoffendingTrackerIndicator(NationalIndicators.TrackerBinary).MembersMostFrequentFirst(IndicatorContext.For(data), Cohort, Coventry);

        Assert.Equal(
            [("D", 3, TrackingStatus.Complete), ("C", 2, TrackingStatus.Complete), ("A", 2, TrackingStatus.Complete), ("B", 2, TrackingStatus.Complete),
             ("Y", 0, TrackingStatus.Live), ("Z", 0, TrackingStatus.Complete)],
            list.Select(m => (m.ChildId, m.Reoffences, m.Status)));
    }
}
