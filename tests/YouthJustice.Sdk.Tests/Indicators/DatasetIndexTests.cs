using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators.Engine;
using static YouthJustice.Sdk.Tests.Indicators.Cases;

namespace YouthJustice.Sdk.Tests.Indicators;

public class DatasetIndexTests
{
    [Fact]
    public void The_index_is_built_once_per_dataset_instance()
    {
        var cases = new Cases();
        cases.Proven(cases.Teen(), D(2020, 1, 1), D(2020, 2, 1), OutcomeTypes.YouthCaution);
        var data = cases.Build(D(2021, 1, 1));

        Assert.Same(DatasetIndex.For(data), DatasetIndex.For(data));
        Assert.NotSame(DatasetIndex.For(data), DatasetIndex.For(data with { }));
    }

    [Fact]
    public void Each_childs_outcomes_are_held_together_sorted_by_date_then_id_with_their_earliest_offence_date()
    {
        var cases = new Cases();
        var child = cases.Teen();
        var later = cases.Offence(child, D(2020, 3, 1));
        var earlier = cases.Offence(child, D(2020, 1, 1));
        cases.Outcome(child, D(2020, 6, 1), OutcomeTypes.ReferralOrder, [later, earlier]);
        cases.Outcome(child, D(2020, 4, 1), OutcomeTypes.YouthCaution, [later]);
        var data = cases.Build(D(2021, 1, 1));
        var reversed = data with { Outcomes = [.. data.Outcomes.Reverse()], Offences = [.. data.Offences.Reverse()] };

        foreach (var ix in new[] { DatasetIndex.For(data), DatasetIndex.For(reversed) })
        {
            Assert.Equal([0, 2], ix.ChildOutcomeStart);
            Assert.Equal([DateArithmetic.Day(D(2020, 4, 1)), DateArithmetic.Day(D(2020, 6, 1))], ix.OutcomeDate);
            Assert.Equal(DateArithmetic.Day(D(2020, 1, 1)), ix.OutcomeEarliestOffence[1]);
            Assert.Equal(2, ix.OffencesOf(1).Length);
        }
    }

    [Fact]
    public void Duplicate_child_ids_fail_loudly()
    {
        var data = new Dataset
        {
            AsOf = D(2021, 1, 1),
            Children =
            [
                new Child("X", D(2005, 1, 1), Sex.Male, EthnicityCategory.WhiteBritish, Coventry),
                new Child("X", D(2006, 1, 1), Sex.Female, EthnicityCategory.WhiteBritish, Coventry),
            ],
        };

        Assert.Throws<ArgumentException>(() => DatasetIndex.For(data));
    }

    [Fact]
    public void Population_falls_back_to_the_ethnicity_rows_summed_when_there_are_no_all_persons_or_by_sex_rows()
    {
        var data = new Cases()
            .PopulationRow(new PopulationEstimate(Coventry, 2020, 12, null, EthnicityGroup.WhiteBritish, 300))
            .PopulationRow(new PopulationEstimate(Coventry, 2020, 12, null, EthnicityGroup.Black, 100))
            .PopulationRow(new PopulationEstimate(Coventry, 2020, 19, null, EthnicityGroup.Black, 999))
            .Build(D(2021, 1, 1));
        var ix = DatasetIndex.For(data);
        var area = ix.AreaIndex(Coventry);

        Assert.Equal(400, ix.Populations.Count(area, 2020, 10, 17, PopulationTable.Slice.All));
        Assert.Equal(100, ix.Populations.Count(area, 2020, 10, 17, new PopulationTable.Slice(null, EthnicityGroup.Black)));
        Assert.Equal(2020, ix.Populations.ResolveYear(area, 2023));
        Assert.Null(ix.Populations.ResolveYear(ix.AreaIndex(Leicester), 2020));
    }
}
