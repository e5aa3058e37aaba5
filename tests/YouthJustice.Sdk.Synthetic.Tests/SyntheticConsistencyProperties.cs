using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using YouthJustice.Sdk.Synthetic;
using YouthJustice.Sdk.Tests;

namespace YouthJustice.Sdk.Synthetic.Tests;

public class SyntheticConsistencyProperties
{
    private static readonly AreaProfile SmallArea =
        new("E99000900", "Small Test Authority", 4_000, AreaProfile.Coventry.Ethnicity, 400);

    [Fact]
    public void The_last_day_of_the_generated_years_is_a_valid_as_of_date_and_the_next_day_is_refused()
    {
        var options = new SyntheticOptions { Seed = 1, Areas = [SmallArea], FirstFinancialYear = 2020, FinancialYears = 2 };

        var dataset = Declared.Generate(options with { AsOf = new LocalDate(2022, 3, 31) });
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Declared.Generate(options with { AsOf = new LocalDate(2022, 4, 1) }));

        Assert.Empty(DatasetConsistency.Violations(dataset));
        Assert.Equal("AsOf", ex.ParamName);
        Assert.Contains("2020-04-01 to 2022-03-31", ex.Message);
    }

    [Property(MaxTest = 40)]
    public Property Any_seed_and_as_of_date_give_an_internally_consistent_dataset()
    {
        var seeds = Gen.Choose(int.MinValue, int.MaxValue).ToArbitrary();
        // Any day of the two generated financial years (1 April 2020 to 31 March 2022: days 0 to 729, as Gen.Choose
        // includes both ends), so that open episodes and pending outcomes are exercised.
        var lastDay = Period.DaysBetween(new LocalDate(2020, 4, 1), new LocalDate(2022, 3, 31));
        var asOfDays = Gen.Choose(0, lastDay).ToArbitrary();
        return Prop.ForAll(seeds, asOfDays, (seed, day) =>
        {
            var options = new SyntheticOptions
            {
                Seed = seed,
                Areas = [SmallArea],
                FirstFinancialYear = 2020,
                FinancialYears = 2,
                AsOf = new LocalDate(2020, 4, 1).PlusDays(day),
            };

            var dataset = Declared.Generate(options);

            Assert.Empty(DatasetConsistency.Violations(dataset));
            Assert.NotEmpty(dataset.Children);
        });
    }

    [Property(MaxTest = 20)]
    public Property The_same_seed_always_gives_the_same_dataset()
    {
        return Prop.ForAll(Gen.Choose(int.MinValue, int.MaxValue).ToArbitrary(), seed =>
        {
            var options = new SyntheticOptions { Seed = seed, Areas = [SmallArea], FinancialYears = 1 };

            DatasetAssert.Equal(Declared.Generate(options), Declared.Generate(options));
        });
    }
}
