using YouthJustice.Sdk.Periods;

namespace YouthJustice.Sdk.Tests.Periods;

public class ReportingPeriodTests
{
    [Theory]
    [InlineData("2021/22", "2021-04-01", "2022-03-31", PeriodKind.FinancialYear)]
    [InlineData("2021/22 Q1", "2021-04-01", "2021-06-30", PeriodKind.FinancialQuarter)]
    [InlineData("2021/22 Q3", "2021-10-01", "2021-12-31", PeriodKind.FinancialQuarter)]
    [InlineData("2021/22 Q4", "2022-01-01", "2022-03-31", PeriodKind.FinancialQuarter)]
    [InlineData("2019/20", "2019-04-01", "2020-03-31", PeriodKind.FinancialYear)]
    [InlineData("2021", "2021-01-01", "2021-12-31", PeriodKind.CalendarYear)]
    [InlineData("Oct 2020 - Sep 2021", "2020-10-01", "2021-09-30", PeriodKind.Rolling12Months)]
    [InlineData("Mar 2019 - Feb 2020", "2019-03-01", "2020-02-29", PeriodKind.Rolling12Months)]
    [InlineData("2021-01-01..2021-03-31", "2021-01-01", "2021-03-31", PeriodKind.Custom)]
    public void Parses_each_printed_form_to_inclusive_dates_and_prints_it_back(string text, string start, string end, PeriodKind kind)
    {
        var period = ReportingPeriod.Parse(text);

        Assert.Equal(kind, period.Kind);
        Assert.Equal(NodaTime.Text.LocalDatePattern.Iso.Parse(start).Value, period.Start);
        Assert.Equal(NodaTime.Text.LocalDatePattern.Iso.Parse(end).Value, period.End);
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData("2021/23")]
    [InlineData("2021/22 Q5")]
    [InlineData("Oct 2020 - Oct 2021")]
    [InlineData("2021-03-31..2021-01-01")]
    [InlineData("last year")]
    [InlineData("")]
    public void Rejects_text_that_is_not_a_period(string text)
    {
        Assert.False(ReportingPeriod.TryParse(text, out _));
        var ex = Assert.Throws<FormatException>(() => ReportingPeriod.Parse(text));
        Assert.Contains("not a reporting period", ex.Message);
    }

    [Fact]
    public void Previous_quarter_of_Q1_is_Q4_of_the_previous_financial_year()
    {
        Assert.Equal("2020/21 Q4", ReportingPeriod.Parse("2021/22 Q1").Previous().ToString());
        Assert.Equal("2021/22 Q2", ReportingPeriod.Parse("2021/22 Q3").Previous().ToString());
        Assert.Equal("2020/21", ReportingPeriod.Parse("2021/22").Previous().ToString());
        Assert.Equal("Oct 2019 - Sep 2020", ReportingPeriod.Parse("Oct 2020 - Sep 2021").Previous().ToString());
    }

    [Fact]
    public void A_financial_year_has_four_quarters_that_tile_it()
    {
        var year = ReportingPeriod.FinancialYear(2021);
        var quarters = year.Quarters();

        Assert.Equal(4, quarters.Count);
        Assert.Equal(year.Start, quarters[0].Start);
        Assert.Equal(year.End, quarters[3].End);
        for (var i = 1; i < 4; i++)
        {
            Assert.Equal(quarters[i - 1].End.PlusDays(1), quarters[i].Start);
        }
    }
}
