using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Kpis;
using YouthJustice.Sdk.Periods;
using static YouthJustice.Sdk.Tests.Indicators.Cases;

namespace YouthJustice.Sdk.Tests.Indicators;

/// <summary>29 February birthdays: 1 March in a common year by default (Family Law Reform Act 1969, s.9), 28 February by parameter.</summary>
public class LeapDayBirthdayTests
{
    [Theory]
    [InlineData(LeapDayBirthdayRule.MarchFirst, 2022, 2, 28, 17)]
    [InlineData(LeapDayBirthdayRule.MarchFirst, 2022, 3, 1, 18)]
    [InlineData(LeapDayBirthdayRule.FebruaryTwentyEighth, 2022, 2, 27, 17)]
    [InlineData(LeapDayBirthdayRule.FebruaryTwentyEighth, 2022, 2, 28, 18)]
    [InlineData(LeapDayBirthdayRule.MarchFirst, 2024, 2, 29, 20)]
    [InlineData(LeapDayBirthdayRule.FebruaryTwentyEighth, 2024, 2, 28, 19)]
    public void A_child_born_on_29_February_attains_an_age_on_the_rules_day(LeapDayBirthdayRule rule, int year, int month, int day, int expected)
    {
        Assert.Equal(expected, DateArithmetic.Age(D(2004, 2, 29), D(year, month, day), rule));
    }

    [Fact]
    public void Other_birthdays_are_the_same_under_both_rules()
    {
        foreach (var rule in Enum.GetValues<LeapDayBirthdayRule>())
        {
            Assert.Equal(17, DateArithmetic.Age(D(2004, 2, 28), D(2022, 2, 27), rule));
            Assert.Equal(18, DateArithmetic.Age(D(2004, 2, 28), D(2022, 2, 28), rule));
            Assert.Equal(17, DateArithmetic.Age(D(2004, 3, 1), D(2022, 2, 28), rule));
        }
    }

    /// <summary>A child born 29 February 2004 cautioned on 28 February 2022, the last day of a common-year February.</summary>
    private static Dataset CautionedOnTheTwentyEighth()
    {
        var cases = new Cases().Population(2021, 10_000);
        var child = cases.Child(D(2004, 2, 29));
        cases.Proven(child, D(2022, 1, 10), D(2022, 2, 28), OutcomeTypes.YouthCaution);
        return cases.Build(D(2022, 3, 31));
    }

    [Fact]
    public void By_default_a_29_February_child_is_still_17_on_28_February_and_is_a_first_time_entrant()
    {
        var fte = Run.Total(NationalIndicators.Create(NationalIndicators.Get(NationalIndicatorIds.FteCount)), CautionedOnTheTwentyEighth(), ReportingPeriod.FinancialYear(2021));

        Assert.Equal("MarchFirst", NationalIndicators.Get(NationalIndicatorIds.FteCount).GetString(NationalParameters.LeapDayBirthdayRule));
        Assert.Equal(1m, fte.Numerator);
    }

    [Fact]
    public void Under_the_february_rule_the_same_child_is_18_on_28_February_and_outside_the_10_to_17_count()
    {
        var february = NationalIndicators.Get(NationalIndicatorIds.FteCount)
            .WithParameter(NationalParameters.LeapDayBirthdayRule, nameof(LeapDayBirthdayRule.FebruaryTwentyEighth));

        var fte = Run.Total(NationalIndicators.Create(february), CautionedOnTheTwentyEighth(), ReportingPeriod.FinancialYear(2021));

        Assert.Equal(0m, fte.Numerator);
        Assert.Equal("fte-count v1+leapDayBirthdayRule=FebruaryTwentyEighth", fte.Methodology.ToString());
    }

    [Fact]
    public void Kpis_that_read_an_age_carry_the_rule_as_a_parameter()
    {
        Assert.Equal("MarchFirst", KeyPerformanceIndicators.EteHours.GetString(NationalParameters.LeapDayBirthdayRule));
        Assert.Equal("MarchFirst", KeyPerformanceIndicators.SeriousViolence.GetString(NationalParameters.LeapDayBirthdayRule));
        Assert.All(NationalIndicators.Definitions, d => Assert.True(d.HasParameter(NationalParameters.LeapDayBirthdayRule), d.Id));
    }
}
