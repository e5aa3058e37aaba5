using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Periods;
using static YouthJustice.Sdk.Tests.Indicators.Cases;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Tests.Indicators;

public class FirstTimeEntrantTests
{
    private static readonly ReportingPeriod Year2019 = ReportingPeriod.FinancialYear(2019);

    private static string[] Entrants(Dataset data, ReportingPeriod period, IndicatorDefinition? definition = null)
    {
        var fte = NationalIndicators.Create(definition ?? NationalIndicators.Get(NationalIndicatorIds.FteCount));
        var result = fte.Compute(IndicatorContext.For(data), new IndicatorQuery([period], [Coventry], [], CollectEvidence: true)).Single();
        return [.. result.Evidence!.NumeratorIds];
    }

    [Fact]
    public void Community_resolution_does_not_make_a_first_time_entrant_but_a_later_youth_caution_does()
    {
        var cases = new Cases();
        var child = cases.Teen();
        cases.Proven(child, D(2019, 4, 10), D(2019, 4, 20), OutcomeTypes.CommunityResolution);
        cases.Proven(child, D(2019, 5, 10), D(2019, 5, 20), OutcomeTypes.EnhancedCommunityResolution);
        cases.Proven(child, D(2019, 6, 10), D(2019, 6, 20), OutcomeTypes.Outcome22);
        var data = cases.Build(D(2021, 3, 31));
        Assert.Empty(Entrants(data, Year2019));

        cases.Proven(child, D(2019, 9, 1), D(2019, 9, 15), OutcomeTypes.YouthCaution);
        Assert.Equal([child], Entrants(cases.Build(D(2021, 3, 31)), Year2019));
    }

    [Fact]
    public void A_child_is_a_first_time_entrant_only_once()
    {
        var cases = new Cases();
        var child = cases.Teen();
        cases.Proven(child, D(2018, 12, 1), D(2019, 1, 5), OutcomeTypes.YouthCaution);
        cases.Proven(child, D(2019, 6, 1), D(2019, 7, 5), OutcomeTypes.ReferralOrder);
        var data = cases.Build(D(2021, 3, 31));

        Assert.Equal([child], Entrants(data, ReportingPeriod.FinancialYear(2018)));
        Assert.Empty(Entrants(data, Year2019));
    }

    [Fact]
    public void A_child_aged_18_at_the_outcome_is_outside_the_10_to_17_rules()
    {
        var cases = new Cases();
        var adult = cases.Child(D(2001, 5, 1));
        var seventeen = cases.Child(D(2001, 12, 1));
        cases.Proven(adult, D(2019, 4, 20), D(2019, 6, 1), OutcomeTypes.YouthCaution); // 18 on 1 June 2019
        cases.Proven(seventeen, D(2019, 4, 20), D(2019, 6, 1), OutcomeTypes.YouthCaution); // 17
        var data = cases.Build(D(2021, 3, 31));

        Assert.Equal([seventeen], Entrants(data, Year2019));
        var cohort = Run.Total(NationalIndicatorIds.TrackerBinary, data, ReportingPeriod.FinancialQuarter(2019, 1));
        Assert.Equal(1m, cohort.Denominator);
    }

    [Fact]
    public void Under_the_age_at_offence_rule_a_child_17_at_the_offence_and_18_at_the_outcome_is_a_first_time_entrant()
    {
        var cases = new Cases();
        var child = cases.Child(D(2001, 5, 1));
        cases.Proven(child, D(2019, 4, 20), D(2019, 6, 1), OutcomeTypes.Fine);
        var data = cases.Build(D(2021, 3, 31));
        var revised = NationalIndicators.Get(NationalIndicatorIds.FteCount).WithParameter(NationalParameters.AgeRule, nameof(AgeRule.AgeAtOffence));

        Assert.Empty(Entrants(data, Year2019));
        Assert.Equal([child], Entrants(data, Year2019, revised));
    }

    [Fact]
    public void A_first_time_entrant_is_counted_in_their_home_area_only()
    {
        var cases = new Cases();
        var elsewhere = cases.Teen(area: Leicester);
        cases.Proven(elsewhere, D(2019, 5, 1), D(2019, 5, 2), OutcomeTypes.YouthCaution);
        var data = cases.Build(D(2021, 3, 31));

        Assert.Empty(Entrants(data, Year2019));
        Assert.Equal(1m, Run.Total(NationalIndicatorIds.FteCount, data, Year2019, Leicester).Value);
    }

    [Fact]
    public void Breakdowns_by_sex_use_the_by_sex_population_and_by_age_band_sum_the_bands_ages()
    {
        var cases = new Cases();
        for (var age = 10; age <= 17; age++)
        {
            cases.PopulationRow(new PopulationEstimate(Coventry, 2019, age, Sex.Male, null, 1000));
            cases.PopulationRow(new PopulationEstimate(Coventry, 2019, age, Sex.Female, null, 500));
        }
        cases.Proven(cases.Child(D(2005, 1, 1), Sex.Female), D(2019, 5, 1), D(2019, 5, 2), OutcomeTypes.YouthCaution); // 14
        cases.Proven(cases.Child(D(2003, 1, 1), Sex.Male), D(2019, 5, 1), D(2019, 5, 2), OutcomeTypes.YouthCaution);   // 16
        cases.Proven(cases.Child(D(2003, 1, 1), Sex.Male), D(2019, 5, 1), D(2019, 5, 2), OutcomeTypes.ReferralOrder);  // 16
        var data = cases.Build(D(2021, 3, 31));
        var fte = NationalIndicators.Create(NationalIndicators.FirstTimeEntrantsRate);

        var results = Run.All(fte, data, Year2019, Coventry, "sex", "age-band");
        var total = results.Single(r => r.Breakdown.IsTotal);
        var female = results.Single(r => r.Breakdown == new BreakdownKey("sex", "Female"));
        var older = results.Single(r => r.Breakdown == new BreakdownKey("age-band", "15-17"));

        // Only by-sex rows exist: the all-persons figure is their sum, 8 x 1,500 = 12,000.
        Assert.Equal(12_000m, total.Denominator);
        Assert.Equal(3m / 12_000m * 100_000m, total.Value);
        Assert.Equal(4_000m, female.Denominator);
        Assert.Equal(1m, female.Numerator);
        Assert.Equal(4_500m, older.Denominator); // ages 15-17, 3 x 1,500
        Assert.Equal(2m, older.Numerator);
    }

    [Fact]
    public void The_rate_uses_the_mid_year_estimate_of_the_year_the_period_starts_and_says_so()
    {
        var cases = new Cases().Population(2019, 8_000).Population(2020, 16_000);
        cases.Proven(cases.Teen(), D(2019, 5, 1), D(2019, 5, 2), OutcomeTypes.YouthCaution);
        var data = cases.Build(D(2021, 3, 31));

        var rate = Run.Total(NationalIndicatorIds.FteRate, data, Year2019);

        Assert.Equal(8_000m, rate.Denominator);
        Assert.Contains("mid-2019", rate.Note, StringComparison.Ordinal);
        var later = Run.Total(NationalIndicatorIds.FteRate, data, ReportingPeriod.FinancialYear(2021));
        Assert.Equal(16_000m, later.Denominator);
        Assert.Contains("no mid-2021 estimate", later.Note, StringComparison.Ordinal);
    }
}
