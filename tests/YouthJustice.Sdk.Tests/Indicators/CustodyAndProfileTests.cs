using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Periods;
using static YouthJustice.Sdk.Tests.Indicators.Cases;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Tests.Indicators;

public class CustodyAndProfileTests
{
    private static readonly ReportingPeriod Year = ReportingPeriod.CalendarYear(2021);

    [Fact]
    public void Custody_counts_sentences_not_children()
    {
        var cases = new Cases().Population(2021, 20_000);
        var child = cases.Teen();
        cases.Proven(child, D(2021, 1, 1), D(2021, 2, 1), OutcomeTypes.DetentionAndTrainingOrder);
        cases.Proven(child, D(2021, 5, 1), D(2021, 6, 1), OutcomeTypes.Section250);
        cases.Proven(cases.Teen(), D(2021, 5, 1), D(2021, 6, 1), OutcomeTypes.YouthRehabilitationOrderWithIss);
        var data = cases.Build(D(2022, 3, 31));

        var rate = Run.Total(NationalIndicatorIds.CustodyRate, data, Year);

        Assert.Equal(2m, rate.Numerator);
        Assert.Equal(20_000m, rate.Denominator);
        Assert.Equal(0.1m, rate.Value);
        Assert.Equal(2m, Run.Total(NationalIndicatorIds.CustodyCount, data, Year).Value);
    }

    [Fact]
    public void Remand_counts_episodes_and_distinct_children_separately()
    {
        var cases = new Cases().Population(2021, 10_000);
        var twice = cases.Teen();
        cases.Outcome(twice, D(2021, 2, 1), OutcomeTypes.Remand, [], endDate: D(2021, 3, 1));
        cases.Outcome(twice, D(2021, 8, 1), OutcomeTypes.Remand, [], endDate: D(2021, 9, 1));
        var once = cases.Teen();
        cases.Outcome(once, D(2020, 12, 1), OutcomeTypes.Remand, [], endDate: D(2021, 1, 15)); // began before the year
        var data = cases.Build(D(2022, 3, 31));

        Assert.Equal(2m, Run.Total(NationalIndicatorIds.RemandEpisodes, data, Year).Value);
        Assert.Equal(1m, Run.Total(NationalIndicatorIds.RemandChildren, data, Year).Value);
        Assert.Equal(0.1m, Run.Total(NationalIndicatorIds.RemandChildrenRate, data, Year).Value);
        var overlapping = NationalIndicators.Get(NationalIndicatorIds.RemandEpisodes)
            .WithParameter(NationalParameters.RemandEpisodeRule, nameof(RemandEpisodeRule.OverlappingPeriod));
        Assert.Equal(3m, Run.Total(NationalIndicators.Create(overlapping), data, Year).Value);
    }

    [Fact]
    public void Outcome_profile_gives_each_types_share_of_all_outcomes_in_ladder_order()
    {
        var cases = new Cases();
        var a = cases.Teen();
        cases.Proven(a, D(2021, 1, 1), D(2021, 1, 10), OutcomeTypes.CommunityResolution);
        cases.Proven(a, D(2021, 2, 1), D(2021, 2, 10), OutcomeTypes.CommunityResolution);
        cases.Proven(a, D(2021, 3, 1), D(2021, 3, 10), OutcomeTypes.YouthCaution);
        cases.Proven(cases.Teen(), D(2021, 3, 1), D(2021, 3, 10), OutcomeTypes.ReferralOrder);
        var data = cases.Build(D(2022, 3, 31));
        var profile = NationalIndicators.Create(NationalIndicators.OutcomeProfile);

        var rows = Run.All(profile, data, Year, Coventry, "substantive");

        Assert.Equal(["total", "outcome-type=CR", "outcome-type=YC", "outcome-type=RO", "substantive=substantive", "substantive=non-substantive"],
            rows.Select(r => r.Breakdown.ToString()));
        Assert.Equal([100m, 50m, 25m, 25m, 50m, 50m], rows.Select(r => r.Value!.Value));
        Assert.All(rows, r => Assert.Equal(4m, r.Denominator));
    }

    [Fact]
    public void Offence_profile_counts_each_proven_offence_once_by_group_and_gravity()
    {
        var cases = new Cases();
        var child = cases.Teen();
        var theft = cases.Proven(child, D(2021, 1, 1), D(2021, 1, 10), OutcomeTypes.YouthCaution, group: OffenceGroup.Theft, gravity: 2);
        cases.Outcome(child, D(2021, 4, 1), OutcomeTypes.Breach, [theft], resentenced: true); // the same offence again
        cases.Proven(child, D(2021, 2, 1), D(2021, 2, 10), OutcomeTypes.ReferralOrder, group: OffenceGroup.Robbery, gravity: 6);
        cases.Proven(child, D(2021, 3, 1), D(2021, 3, 10), OutcomeTypes.CommunityResolution, group: OffenceGroup.Theft); // not proven
        var data = cases.Build(D(2022, 3, 31));

        var rows = Run.All(NationalIndicators.Create(NationalIndicators.Get(NationalIndicatorIds.OffenceProfile)), data, Year);

        Assert.Equal(["total", "offence-group=Robbery", "offence-group=Theft", "gravity=2", "gravity=6"], rows.Select(r => r.Breakdown.ToString()));
        Assert.Equal([2m, 1m, 1m, 1m, 1m], rows.Select(r => r.Numerator));
        Assert.Equal(50m, rows[1].Value);
    }

    [Fact]
    public void Court_share_is_court_outcomes_over_court_and_out_of_court_outcomes()
    {
        var cases = new Cases();
        cases.Proven(cases.Teen(), D(2021, 1, 1), D(2021, 1, 10), OutcomeTypes.CommunityResolution);
        cases.Proven(cases.Teen(), D(2021, 1, 1), D(2021, 1, 10), OutcomeTypes.YouthConditionalCaution);
        cases.Proven(cases.Teen(), D(2021, 1, 1), D(2021, 1, 10), OutcomeTypes.ReferralOrder);
        cases.Proven(cases.Teen(), D(2021, 1, 1), D(2021, 1, 10), OutcomeTypes.DetentionAndTrainingOrder);
        cases.Outcome(cases.Teen(), D(2021, 1, 10), OutcomeTypes.Remand, []); // neither court disposal nor out of court
        var data = cases.Build(D(2022, 3, 31));

        var share = Run.Total(NationalIndicatorIds.CourtShare, data, Year);

        Assert.Equal((2m, 4m, 50m), (share.Numerator, share.Denominator!.Value, share.Value!.Value));
        Assert.Equal("Wilson score", share.Interval!.Method);
    }
}
