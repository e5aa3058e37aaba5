using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Tests.Indicators;

public class IndicatorResultBuilderTests
{
    private static readonly IndicatorDefinition Rate = new()
    {
        Id = "test-rate",
        Name = "Test rate",
        Source = SourceCitation.ProjectDecision("Test", "A test definition."),
        Unit = "per 100,000",
        Multiplier = 100_000m,
        Direction = Direction.LowerIsBetter,
    };

    private static readonly ReportingPeriod Year = ReportingPeriod.FinancialYear(2019);

    [Fact]
    public void Value_is_computed_from_unrounded_counts_and_carries_numerator_denominator_and_methodology()
    {
        var result = IndicatorResultBuilder.Ratio(Rate, "E08000026", Year, 71, 31_700, IntervalMethod.PoissonExact);

        Assert.Equal(71m / 31_700m * 100_000m, result.Value);
        Assert.Equal(71m, result.Numerator);
        Assert.Equal(31_700m, result.Denominator);
        Assert.Equal(new MethodologyRef("test-rate", 1), result.Methodology);
        Assert.Equal("224.0", result.FormatValue(1));
        Assert.NotNull(result.Interval);
        Assert.True(result.Interval!.Lower < result.Value && result.Value < result.Interval.Upper);
    }

    [Fact]
    public void A_zero_denominator_gives_no_value_rather_than_zero()
    {
        var result = IndicatorResultBuilder.Ratio(Rate, "E08000026", Year, 0, 0, IntervalMethod.Wilson);

        Assert.Null(result.Value);
        Assert.Null(result.Interval);
        Assert.Equal("", result.FormatValue(1));
    }

    [Theory]
    [InlineData(200, 230, Direction.LowerIsBetter, RagRating.Green)]
    [InlineData(260, 230, Direction.LowerIsBetter, RagRating.Red)]
    [InlineData(235, 230, Direction.LowerIsBetter, RagRating.Amber)]
    [InlineData(200, 230, Direction.HigherIsBetter, RagRating.Red)]
    [InlineData(260, 230, Direction.HigherIsBetter, RagRating.Green)]
    public void Rag_rating_respects_the_indicators_direction(double value, double comparator, Direction direction, RagRating expected)
    {
        Assert.Equal(expected, IndicatorResultBuilder.Rate((decimal)value, (decimal)comparator, direction, 5m));
    }

    [Fact]
    public void A_neutral_indicator_is_compared_but_not_rated()
    {
        Assert.Null(IndicatorResultBuilder.Rate(10m, 20m, Direction.Neutral, 5m));
    }

    [Fact]
    public void Comparisons_use_only_the_comparators_for_this_indicator_and_period()
    {
        var result = IndicatorResultBuilder.Ratio(Rate, "E08000026", Year, 71, 31_700, IntervalMethod.None);
        var compared = IndicatorResultBuilder.Compare(result, Rate,
        [
            new ComparatorValue("test-rate", "family-group", Year, 180m),
            new ComparatorValue("other-indicator", "family-group", Year, 1m),
            new ComparatorValue("test-rate", "region", ReportingPeriod.FinancialYear(2018), 1m),
            new ComparatorValue("test-rate", "england-and-wales", null, 300m),
        ]);

        Assert.Equal(["family-group", "england-and-wales"], compared.Comparisons.Select(c => c.Comparator));
        Assert.Equal(RagRating.Red, compared.Rag);
        Assert.Equal(RagRating.Green, compared.Comparisons[1].Rag);
    }
}
