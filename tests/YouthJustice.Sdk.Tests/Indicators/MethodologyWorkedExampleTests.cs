using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Periods;
using static YouthJustice.Sdk.Tests.Indicators.Cases;

namespace YouthJustice.Sdk.Tests.Indicators;

/// <summary>docs/methodology.md, "Which indicator reproduces which published reoffending figure": the worked example.</summary>
public class MethodologyWorkedExampleTests
{
    private static readonly ReportingPeriod Year = ReportingPeriod.Parse("2021/22");

    private static Dataset Example()
    {
        var cases = new Cases().WithArea(Coventry);
        var child = cases.Teen();
        cases.Proven(child, D(2021, 4, 20), D(2021, 5, 10), OutcomeTypes.YouthCaution);
        cases.Proven(child, D(2021, 10, 1), D(2021, 11, 15), OutcomeTypes.ReferralOrder);
        cases.Proven(child, D(2021, 12, 20), D(2022, 2, 10), OutcomeTypes.YouthRehabilitationOrder);
        return cases.Build(D(2023, 12, 31));
    }

    [Fact]
    public void The_pooled_MoJ_measure_counts_the_child_in_three_quarterly_cohorts_and_the_tracker_once()
    {
        var data = Example();

        var mojBinary = Run.Total("reoffending-binary", data, Year);
        var mojFrequency = Run.Total("reoffending-frequency", data, Year);
        var trackerBinary = Run.Total("tracker-binary", data, Year);
        var trackerFrequency = Run.Total("tracker-frequency", data, Year);

        Assert.Equal((2m, 3m), (mojBinary.Numerator, mojBinary.Denominator!.Value));
        Assert.Equal(66.7m, Math.Round(mojBinary.Value!.Value, 1, MidpointRounding.AwayFromZero));
        Assert.Equal((3m, 3m, 1m), (mojFrequency.Numerator, mojFrequency.Denominator!.Value, mojFrequency.Value!.Value));
        Assert.Equal((1m, 1m, 100m), (trackerBinary.Numerator, trackerBinary.Denominator!.Value, trackerBinary.Value!.Value));
        Assert.Equal((2m, 1m, 2m), (trackerFrequency.Numerator, trackerFrequency.Denominator!.Value, trackerFrequency.Value!.Value));
    }

    [Theory]
    [InlineData("2020-10-01..2021-03-31", 2020, 10, 1, 2021, 3, 31)]
    [InlineData("2019/20 Q4", 2020, 1, 1, 2020, 3, 31)]
    public void The_documented_queries_are_the_published_cohorts(string text, int y1, int m1, int d1, int y2, int m2, int d2)
    {
        var period = ReportingPeriod.Parse(text);

        Assert.Equal((D(y1, m1, d1), D(y2, m2, d2)), (period.Start, period.End));
    }
}

/// <summary>docs/methodology.md and docs/synthetic-data.md say what the code does.</summary>
public class DocumentedRulesTests
{
    [Fact]
    public void Remands_count_only_children_aged_10_to_17_on_the_day_the_remand_began_resident_in_the_area()
    {
        var cases = new Cases().WithArea(Coventry).WithArea(Leicester).Population(2021, 8000);
        var counted = cases.Teen();
        var tooOld = cases.Child(D(2003, 1, 1));
        var elsewhere = cases.Teen(area: Leicester);
        foreach (var child in new[] { counted, tooOld, elsewhere })
        {
            var offence = cases.Offence(child, D(2021, 6, 1));
            cases.Outcome(child, D(2021, 6, 2), OutcomeTypes.Remand, [offence], endDate: D(2021, 7, 1));
        }

        var remanded = Run.Total("remand-children", cases.Build(D(2023, 3, 31)), ReportingPeriod.Parse("2021/22"));

        Assert.Equal(1m, remanded.Numerator);
    }

    [Fact]
    public void A_generated_breach_carries_an_offence_of_its_own_first_then_the_orders_offences()
    {
        var data = YouthJustice.Sdk.Synthetic.SyntheticDatasetGenerator.Generate(YouthJustice.Sdk.Synthetic.SyntheticOptions.SingleAuthority(2023));
        var offences = data.Offences.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var breaches = data.Outcomes.Where(o => o.Type.Category == OutcomeCategory.Breach).ToList();

        Assert.NotEmpty(breaches);
        foreach (var breach in breaches)
        {
            var own = breach.OffenceIds[0];
            Assert.True(breach.OffenceIds.Length >= 2, breach.Id);
            Assert.DoesNotContain(data.Outcomes, o => o.Id != breach.Id && o.OffenceIds.Contains(own));
            Assert.Equal((OffenceGroup.Other, 2), (offences[own].Group, offences[own].Gravity));
            Assert.InRange(offences[own].CommittedOn, breach.OutcomeDate.PlusDays(-21), breach.OutcomeDate);
        }
    }
}
