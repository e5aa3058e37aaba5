using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Periods;
using static YouthJustice.Sdk.Tests.Indicators.Cases;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Tests.Indicators;

public class DisproportionalityTests
{
    private static readonly ReportingPeriod Year = ReportingPeriod.CalendarYear(2021);

    /// <summary>White British: 1,000 aged 10-17, 10 children with an outcome (4 at court);
    /// Black: 200, 6 children (3 at court); Asian: 300, none; one child of unknown ethnicity.</summary>
    private static Dataset Data()
    {
        var cases = new Cases();
        foreach (var (group, count) in new[] { (EthnicityGroup.WhiteBritish, 1000), (EthnicityGroup.Black, 200), (EthnicityGroup.Asian, 300) })
        {
            for (var age = 10; age <= 17; age++)
            {
                cases.PopulationRow(new PopulationEstimate(Coventry, 2021, age, null, group, age == 10 ? count : 0));
            }
        }
        for (var i = 0; i < 10; i++)
        {
            cases.Proven(cases.Teen(ethnicity: EthnicityCategory.WhiteBritish), D(2021, 3, 1), D(2021, 3, 10),
                i < 4 ? OutcomeTypes.ReferralOrder : OutcomeTypes.CommunityResolution);
        }
        for (var i = 0; i < 6; i++)
        {
            cases.Proven(cases.Teen(ethnicity: EthnicityCategory.BlackCaribbean), D(2021, 3, 1), D(2021, 3, 10),
                i < 3 ? OutcomeTypes.ReferralOrder : OutcomeTypes.YouthCaution);
        }
        cases.Proven(cases.Teen(ethnicity: EthnicityCategory.NotObtained), D(2021, 3, 1), D(2021, 3, 10), OutcomeTypes.YouthCaution);
        return cases.Build(D(2022, 3, 31));
    }

    private static IReadOnlyList<IndicatorResult> Rows(string id, IndicatorDefinition? definition = null) =>
        Run.All(NationalIndicators.Create(definition ?? NationalIndicators.Get(id)), Data(), Year);

    private static IndicatorResult Row(IReadOnlyList<IndicatorResult> rows, string dimension, string value) =>
        rows.Single(r => r.Breakdown == new BreakdownKey(dimension, value));

    [Fact]
    public void Relative_rate_index_is_each_groups_rate_over_the_white_british_rate_with_a_katz_interval()
    {
        var rows = Rows(NationalIndicatorIds.RelativeRateIndex(DisproportionalityStage.AllOutcomes));
        var black = Row(rows, "ethnicity-group", "Black");

        // (6 / 200) / (10 / 1000) = 3.0; Katz: exp(ln 3 ± 1.96 √(1/6 − 1/200 + 1/10 − 1/1000)) = 1.103 .. 8.160.
        Assert.Equal(3m, black.Value);
        Assert.Equal((6m, 200m), (black.Numerator, black.Denominator!.Value));
        Assert.Equal(1.103m, Math.Round(black.Interval!.Lower, 3));
        Assert.Equal(8.160m, Math.Round(black.Interval.Upper, 3));
        Assert.Equal(1m, Row(rows, "ethnicity-group", "WhiteBritish").Value);
        Assert.Equal(0m, Row(rows, "ethnicity-group", "Asian").Value);
        Assert.Null(Row(rows, "ethnicity-group", "Mixed").Value); // no population: undefined, not zero
        Assert.DoesNotContain(rows, r => r.Breakdown.Value == "NotKnown");
    }

    [Fact]
    public void Every_group_gets_its_own_row_and_the_binary_view_compares_white_british_with_all_others()
    {
        var rows = Rows(NationalIndicatorIds.RelativeRateIndex(DisproportionalityStage.AllOutcomes));
        var others = Row(rows, "white-british-vs-others", "all-other-groups");

        Assert.Equal(["WhiteBritish", "WhiteOther", "Mixed", "Asian", "Black", "Other"],
            rows.Where(r => r.Breakdown.Dimension == "ethnicity-group").Select(r => r.Breakdown.Value));
        // (6 / 500) / (10 / 1000) = 1.2
        Assert.Equal(1.2m, others.Value);
        Assert.Null(rows[0].Value); // the total row carries counts only
        Assert.Equal((16m, 1500m), (rows[0].Numerator, rows[0].Denominator!.Value));
    }

    [Fact]
    public void Against_the_previous_stage_the_court_rate_is_relative_to_children_with_any_outcome()
    {
        var revised = NationalIndicators.Get(NationalIndicatorIds.RelativeRateIndex(DisproportionalityStage.Court))
            .WithParameter(NationalParameters.Base, nameof(DisproportionalityBase.PreviousStage));
        var byPopulation = Row(Rows(NationalIndicatorIds.RelativeRateIndex(DisproportionalityStage.Court)), "ethnicity-group", "Black");
        var byStage = Row(Rows("", revised), "ethnicity-group", "Black");

        Assert.Equal((3m / 200m) / (4m / 1000m), byPopulation.Value); // 3.75
        Assert.Equal((3m / 6m) / (4m / 10m), byStage.Value);          // 1.25
        Assert.Equal(new MethodologyRef(revised.Id, 1, "base=PreviousStage"), byStage.Methodology);
    }

    [Fact]
    public void Percentage_point_gap_is_the_groups_share_of_the_stage_minus_its_share_of_the_population()
    {
        var rows = Rows(NationalIndicatorIds.PercentagePointGap(DisproportionalityStage.AllOutcomes));

        // Black: 6 of the 16 children of known ethnicity (37.5%) against 200 of 1,500 (13.33%): +24.17 points.
        Assert.Equal("24.17", Row(rows, "ethnicity-group", "Black").FormatValue(2));
        Assert.Equal("-4.17", Row(rows, "ethnicity-group", "WhiteBritish").FormatValue(2));
        Assert.Equal("-20.00", Row(rows, "ethnicity-group", "Asian").FormatValue(2));
        Assert.Equal("4.17", Row(rows, "white-british-vs-others", "all-other-groups").FormatValue(2));
    }
}
