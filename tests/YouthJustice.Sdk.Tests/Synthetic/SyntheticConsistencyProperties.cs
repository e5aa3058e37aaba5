using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using YouthJustice.Sdk.Synthetic;

namespace YouthJustice.Sdk.Tests.Synthetic;

public class SyntheticConsistencyProperties
{
    private static readonly AreaProfile SmallArea =
        new("E99000900", "Small Test Authority", 4_000, AreaProfile.Coventry.Ethnicity, 400);

    [Property(MaxTest = 40)]
    public Property Any_seed_and_as_of_date_give_an_internally_consistent_dataset()
    {
        var seeds = Gen.Choose(int.MinValue, int.MaxValue).ToArbitrary();
        // Any day of the two generated financial years (2020-04-01 plus 0 to 729 days; plus 730 is 2022-04-01, outside), so that open episodes and pending outcomes are exercised.
        var asOfDays = Gen.Choose(0, 729).ToArbitrary();
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

            var dataset = SyntheticDatasetGenerator.Generate(options);

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

            DatasetAssert.Equal(SyntheticDatasetGenerator.Generate(options), SyntheticDatasetGenerator.Generate(options));
        });
    }
}
