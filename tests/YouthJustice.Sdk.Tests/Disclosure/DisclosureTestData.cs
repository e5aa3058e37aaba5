using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Tests.Disclosure;

internal static class DisclosureTestData
{
    public static readonly ReportingPeriod Year = ReportingPeriod.FinancialYear(2023);

    public static readonly IndicatorDefinition Percent = new()
    {
        Id = "test-percent",
        Name = "Test percentage",
        Source = SourceCitation.ProjectDecision("Test", "A test definition."),
        Unit = "%",
        Multiplier = 100m,
        DisplayDecimals = 1,
    };

    public static readonly IndicatorDefinition Count = new()
    {
        Id = "test-count",
        Name = "Test count",
        Source = SourceCitation.ProjectDecision("Test", "A test definition."),
        Unit = "children",
        DisplayDecimals = 0,
    };

    public static IndicatorResult Ratio(string key, decimal numerator, decimal? denominator, string area = "E08000026")
    {
        var breakdown = key == "total" ? BreakdownKey.Total : new BreakdownKey(key.Split('=')[0], key.Split('=')[1]);
        return IndicatorResultBuilder.Ratio(denominator is null ? Count : Percent, area, Year, numerator, denominator,
            denominator is null ? IntervalMethod.None : IntervalMethod.Wilson, breakdown);
    }

    public static IndicatorResult Plain(string key, decimal count) => Ratio(key, count, null);
}
