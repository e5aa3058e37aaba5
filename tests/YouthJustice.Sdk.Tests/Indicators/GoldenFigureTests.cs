using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Periods;
using static YouthJustice.Sdk.Tests.Indicators.Cases;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Tests.Indicators;

/// <summary>Published figures reproduced from case-level data built for the purpose.</summary>
public class GoldenFigureTests
{
    /// <summary>
    /// A tracker cohort: <paramref name="size"/> children each given a referral order on <paramref name="penalty"/>;
    /// the first children reoffend as <paramref name="reoffencesPerReoffender"/> says (each reoffence committed a month
    /// after the penalty, proven by a youth caution two months after).
    /// </summary>
    private static void TrackerCohort(Cases cases, string area, LocalDate penalty, int size, int[] reoffencesPerReoffender)
    {
        for (var i = 0; i < size; i++)
        {
            var child = cases.Teen(area: area);
            cases.Proven(child, penalty.PlusDays(-20), penalty, OutcomeTypes.ReferralOrder);
            if (i < reoffencesPerReoffender.Length)
            {
                for (var k = 0; k < reoffencesPerReoffender[i]; k++)
                {
                    cases.Proven(child, penalty.PlusMonths(1).PlusDays(k), penalty.PlusMonths(3), OutcomeTypes.YouthCaution);
                }
            }
        }
    }

    [Fact]
    public void Coventry_live_tracker_48_children_3_reoffenders_8_reoffences_gives_6_point_3_percent_and_0_point_17()
    {
        // Coventry Youth Justice Service, Coventry's Youth Justice Strategy and Plan 2021-23 (Update 2022), section 8,
        // "Reducing offending and reoffending by children": penalties Oct 2020 - Mar 2021.
        var cases = new Cases();
        TrackerCohort(cases, Coventry, D(2020, 11, 16), 48, [3, 3, 2]);
        var data = cases.Build(D(2022, 6, 30));
        var cohort = ReportingPeriod.Custom(D(2020, 10, 1), D(2021, 3, 31));

        var binary = Run.Total(NationalIndicatorIds.TrackerBinary, data, cohort);
        var frequency = Run.Total(NationalIndicatorIds.TrackerFrequency, data, cohort);

        Assert.Equal(3m, binary.Numerator);
        Assert.Equal(48m, binary.Denominator);
        Assert.Equal(6.25m, binary.Value);
        Assert.Equal("6.3", binary.FormatValue(1));
        Assert.Equal(8m, frequency.Numerator);
        Assert.Equal("0.17", frequency.FormatValue(2));
        Assert.False(binary.Provisional);
        Assert.Equal(cohort, binary.CohortPeriod);
    }

    [Theory]
    [InlineData(2020, 47, new[] { 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3 }, "29.8", "4.71")]
    [InlineData(2019, 48, new[] { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3 }, "25.0", "2.17")]
    public void Leicester_quarterly_tracker_cohorts_reproduce_the_published_rates(int year, int size, int[] reoffences, string binaryText, string perReoffenderText)
    {
        // Leicester City Council, Youth Justice Plan 2022-23, paragraph 8.7: Jan-Mar cohorts.
        var cases = new Cases();
        TrackerCohort(cases, Leicester, D(year, 2, 10), size, reoffences);
        var data = cases.Build(D(2022, 12, 31));
        var cohort = ReportingPeriod.FinancialQuarter(year - 1, 4);

        var binary = Run.Total(NationalIndicatorIds.TrackerBinary, data, cohort, Leicester);
        var perReoffender = Run.Total(NationalIndicatorIds.TrackerPerReoffender, data, cohort, Leicester);

        Assert.Equal(reoffences.Length, binary.Numerator);
        Assert.Equal(size, binary.Denominator);
        Assert.Equal(binaryText, binary.FormatValue(1));
        Assert.Equal(reoffences.Sum(), perReoffender.Numerator);
        Assert.Equal(perReoffenderText, perReoffender.FormatValue(2));
    }

    [Fact]
    public void Coventry_first_time_entrants_71_over_a_population_of_31700_gives_224()
    {
        // Coventry Youth Offending Service, 2020/21 Contingency and Recovery Youth Justice Plan, "Performance":
        // 224 per 100,000 in 2019/20 from 71 FTEs.
        var cases = new Cases().Population(2019, 31_700);
        for (var i = 0; i < 71; i++)
        {
            var child = cases.Teen();
            cases.Proven(child, D(2019, 5, 1).PlusDays(i), D(2019, 6, 1).PlusDays(i), i % 2 == 0 ? OutcomeTypes.YouthCaution : OutcomeTypes.ReferralOrder);
        }
        // Noise: informal outcomes only, and a child whose first statutory outcome was the year before.
        var informal = cases.Teen();
        cases.Proven(informal, D(2019, 7, 1), D(2019, 7, 2), OutcomeTypes.CommunityResolution);
        var earlier = cases.Teen();
        cases.Proven(earlier, D(2018, 7, 1), D(2018, 8, 2), OutcomeTypes.YouthCaution);
        cases.Proven(earlier, D(2019, 7, 1), D(2019, 8, 2), OutcomeTypes.ReferralOrder);
        var data = cases.Build(D(2021, 3, 31));

        var rate = Run.Total(NationalIndicatorIds.FteRate, data, ReportingPeriod.FinancialYear(2019));

        Assert.Equal(71m, rate.Numerator);
        Assert.Equal(31_700m, rate.Denominator);
        Assert.Equal(100_000m, rate.Multiplier);
        Assert.Equal("223.97", rate.FormatValue(2));
        Assert.Equal("224", rate.FormatValue(0));
        Assert.Equal(71m, Run.Total(NationalIndicatorIds.FteCount, data, ReportingPeriod.FinancialYear(2019)).Value);
    }

    [Fact]
    public void Leicester_first_time_entrants_over_rolling_12_months_give_207_and_223()
    {
        // Leicester City Council, Youth Justice Plan 2022-23, paragraph 8.4: 207 (73) Oct 20 - Sep 21; 223 (78) Oct 19 - Sep 20.
        var cases = new Cases().Population(2019, 35_000, Leicester).Population(2020, 35_300, Leicester);
        for (var i = 0; i < 78; i++)
        {
            cases.Proven(cases.Teen(area: Leicester), D(2019, 10, 1).PlusDays(i * 4), D(2019, 10, 3).PlusDays(i * 4), OutcomeTypes.YouthConditionalCaution);
        }
        for (var i = 0; i < 73; i++)
        {
            cases.Proven(cases.Teen(area: Leicester), D(2020, 10, 1).PlusDays(i * 4), D(2020, 10, 3).PlusDays(i * 4), OutcomeTypes.Fine);
        }
        var data = cases.Build(D(2021, 12, 31));
        var fte = NationalIndicators.Create(NationalIndicators.FirstTimeEntrantsRate);

        var recent = Run.Total(fte, data, ReportingPeriod.Parse("Oct 2020 - Sep 2021"), Leicester);
        var before = Run.Total(fte, data, ReportingPeriod.Rolling12Months(new YearMonth(2020, 9)), Leicester);

        Assert.Equal(73m, recent.Numerator);
        Assert.Equal(35_300m, recent.Denominator);
        Assert.Equal("207", recent.FormatValue(0));
        Assert.Equal(78m, before.Numerator);
        Assert.Equal(35_000m, before.Denominator);
        Assert.Equal("223", before.FormatValue(0));
    }

    [Theory]
    [InlineData(4, 36_000, "0.11")]
    [InlineData(10, 34_500, "0.29")]
    public void Custody_rate_per_1000_reproduces_published_figures(int sentences, int population, string expected)
    {
        // Leicester 0.11 (2021; Youth Justice Plan 2022-23, paragraph 8.10); Coventry 0.29 (Youth Justice Strategy and
        // Plan 2021-23, section 8, "Reducing the use of custody and remand").
        var cases = new Cases().Population(2021, population);
        for (var i = 0; i < sentences; i++)
        {
            cases.Proven(cases.Teen(), D(2021, 2, 1).PlusDays(i * 20), D(2021, 3, 1).PlusDays(i * 20), OutcomeTypes.DetentionAndTrainingOrder);
        }
        var data = cases.Build(D(2022, 3, 31));

        var rate = Run.Total(NationalIndicatorIds.CustodyRate, data, ReportingPeriod.CalendarYear(2021));

        Assert.Equal(sentences, rate.Numerator);
        Assert.Equal(1000m, rate.Multiplier);
        Assert.Equal(expected, rate.FormatValue(2));
    }
}
