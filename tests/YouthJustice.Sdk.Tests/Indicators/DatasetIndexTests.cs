using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Synthetic;
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
    public void Records_in_any_order_give_the_same_index_as_records_in_id_order()
    {
        // Generated datasets arrive in id order (the index only checks it); shuffled ones take the sorting path.
        var data = SyntheticDatasetGenerator.Generate(SyntheticOptions.National(11, 2));
        var random = new Random(5);
        var shuffled = data with
        {
            Areas = [.. data.Areas.OrderBy(_ => random.Next())],
            Children = [.. data.Children.OrderBy(_ => random.Next())],
            Offences = [.. data.Offences.OrderBy(_ => random.Next())],
            Outcomes = [.. data.Outcomes.OrderBy(_ => random.Next())],
            Populations = [.. data.Populations.OrderBy(_ => random.Next())],
        };
        var a = DatasetIndex.For(data);
        var b = DatasetIndex.For(shuffled);

        Assert.True(a.ChildCount > 100 && a.OutcomeIds.Length > 100);
        Assert.Equal(a.ChildIds, b.ChildIds);
        Assert.Equal(a.ChildIds.Order(StringComparer.Ordinal), a.ChildIds);
        Assert.Equal(a.ChildDateOfBirth, b.ChildDateOfBirth);
        Assert.Equal(a.ChildSex, b.ChildSex);
        Assert.Equal(a.ChildEthnicity, b.ChildEthnicity);
        Assert.Equal(a.ChildArea, b.ChildArea);
        Assert.Equal(a.ChildOutcomeStart, b.ChildOutcomeStart);
        Assert.Equal(a.AreaCodes, b.AreaCodes);
        Assert.Equal(a.ReportingAreaCodes, b.ReportingAreaCodes);
        Assert.Equal(a.OffenceIds, b.OffenceIds);
        Assert.Equal(a.OffenceChild, b.OffenceChild);
        Assert.Equal(a.OffenceCommitted, b.OffenceCommitted);
        Assert.Equal(a.OffenceGroups, b.OffenceGroups);
        Assert.Equal(a.OffenceGravity, b.OffenceGravity);
        Assert.Equal(a.Types.Select(t => t.Code), b.Types.Select(t => t.Code));
        Assert.Equal(a.OutcomeIds, b.OutcomeIds);
        Assert.Equal(a.OutcomeChild, b.OutcomeChild);
        Assert.Equal(a.OutcomeDate, b.OutcomeDate);
        Assert.Equal(a.OutcomeType, b.OutcomeType);
        Assert.Equal(a.OutcomeResentenced, b.OutcomeResentenced);
        Assert.Equal(a.OutcomeRelease, b.OutcomeRelease);
        Assert.Equal(a.OutcomeEnd, b.OutcomeEnd);
        Assert.Equal(a.OutcomeEarliestOffence, b.OutcomeEarliestOffence);
        Assert.Equal(a.OutcomeOffenceStart, b.OutcomeOffenceStart);
        Assert.Equal(a.OutcomeOffences, b.OutcomeOffences);
        for (var i = 1; i < a.OutcomeIds.Length; i++)
        {
            // Grouped by child, then by (date, ordinal id).
            var order = a.OutcomeChild[i - 1] != a.OutcomeChild[i] ? a.OutcomeChild[i - 1].CompareTo(a.OutcomeChild[i])
                : a.OutcomeDate[i - 1] != a.OutcomeDate[i] ? a.OutcomeDate[i - 1].CompareTo(a.OutcomeDate[i])
                : string.CompareOrdinal(a.OutcomeIds[i - 1], a.OutcomeIds[i]);
            Assert.True(order < 0, $"outcomes {i - 1} and {i} are out of order");
        }
        for (var i = 1; i < a.OffenceIds.Length; i++)
        {
            // Grouped by child, then by ordinal id.
            var order = a.OffenceChild[i - 1] != a.OffenceChild[i] ? a.OffenceChild[i - 1].CompareTo(a.OffenceChild[i])
                : string.CompareOrdinal(a.OffenceIds[i - 1], a.OffenceIds[i]);
            Assert.True(order < 0, $"offences {i - 1} and {i} are out of order");
        }
    }

    [Fact]
    public void Offences_are_grouped_by_child_and_in_ordinal_id_order_within_each_child_whatever_their_ids()
    {
        // Offence ids that do not start with their child's id, so id order and child order disagree.
        var cases = new Cases();
        var first = cases.Teen();
        var second = cases.Teen();
        var z = new Offence("Z-1", first, D(2020, 1, 1), OffenceGroup.ViolenceAgainstThePerson, 3);
        var a = new Offence("A-9", first, D(2020, 2, 1), OffenceGroup.ViolenceAgainstThePerson, 3);
        var m = new Offence("M-5", second, D(2020, 3, 1), OffenceGroup.ViolenceAgainstThePerson, 3);
        var data = cases.Build(D(2021, 1, 1)) with { Offences = [m, z, a] };
        var ix = DatasetIndex.For(data);
        var firstIndex = Array.IndexOf(ix.ChildIds, first);
        var secondIndex = Array.IndexOf(ix.ChildIds, second);

        var expected = firstIndex < secondIndex ? new[] { "A-9", "Z-1", "M-5" } : ["M-5", "A-9", "Z-1"];
        Assert.Equal(expected, ix.OffenceIds);
        Assert.Equal(expected.Select(id => id == "M-5" ? secondIndex : firstIndex), ix.OffenceChild);
    }

    [Fact]
    public void Two_children_with_an_offence_of_the_same_id_fail_loudly()
    {
        // The ids are not next to each other in the index's order, which groups offences by child.
        var cases = new Cases();
        var first = cases.Teen();
        var middle = cases.Teen();
        var last = cases.Teen();
        var data = cases.Build(D(2021, 1, 1)) with
        {
            Offences =
            [
                new Offence("SAME", first, D(2020, 1, 1), OffenceGroup.ViolenceAgainstThePerson, 3),
                new Offence("OTHER", middle, D(2020, 1, 1), OffenceGroup.ViolenceAgainstThePerson, 3),
                new Offence("SAME", last, D(2020, 2, 1), OffenceGroup.ViolenceAgainstThePerson, 3),
            ],
        };

        Assert.Contains("two offences with id 'SAME'", Assert.Throws<ArgumentException>(() => DatasetIndex.For(data)).Message);
    }

    [Fact]
    public void Only_a_dataset_the_csv_import_made_skips_the_id_check_and_it_indexes_as_the_same_records_checked()
    {
        var generated = SyntheticDatasetGenerator.Generate(SyntheticOptions.National(3, 1));
        var folder = Path.Combine(Path.GetTempPath(), "yj-unique-" + Guid.NewGuid().ToString("N"));
        try
        {
            YouthJustice.Sdk.IO.DatasetExporter.WriteFolder(generated, folder);
            var imported = YouthJustice.Sdk.IO.DatasetImporter.ImportFolder(folder).Dataset!;

            Assert.True(KnownUniqueIds.Contains(imported));
            Assert.False(KnownUniqueIds.Contains(imported with { }));
            Assert.False(KnownUniqueIds.Contains(generated));
            var skipped = DatasetIndex.For(imported);
            var checkedIds = DatasetIndex.For(imported with { });
            Assert.True(skipped.OffenceIds.Length > 100 && skipped.OutcomeIds.Length > 100);
            Assert.Equal(checkedIds.OffenceIds, skipped.OffenceIds);
            Assert.Equal(checkedIds.OffenceChild, skipped.OffenceChild);
            Assert.Equal(checkedIds.OutcomeIds, skipped.OutcomeIds);
            Assert.Equal(checkedIds.OutcomeOffences, skipped.OutcomeOffences);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Duplicate_offence_and_outcome_ids_fail_loudly_whatever_the_order(bool reversed)
    {
        var cases = new Cases();
        var child = cases.Teen();
        var offence = cases.Offence(child, D(2020, 1, 1));
        cases.Outcome(child, D(2020, 6, 1), OutcomeTypes.YouthCaution, [offence]);
        var data = cases.Build(D(2021, 1, 1));
        var offences = data.Offences.Concat([data.Offences[0] with { CommittedOn = D(2020, 2, 1) }]);
        var outcomes = data.Outcomes.Concat([data.Outcomes[0] with { OutcomeDate = D(2020, 5, 1) }]);
        var twoOffences = data with { Offences = [.. reversed ? offences.Reverse() : offences] };
        var twoOutcomes = data with { Outcomes = [.. reversed ? outcomes.Reverse() : outcomes] };

        Assert.Contains("two offences", Assert.Throws<ArgumentException>(() => DatasetIndex.For(twoOffences)).Message);
        Assert.Contains("two outcomes", Assert.Throws<ArgumentException>(() => DatasetIndex.For(twoOutcomes)).Message);
    }

    [Fact]
    public void Ids_are_ordered_ordinally_whatever_their_lengths_prefixes_and_characters()
    {
        // Short alphabets make long shared prefixes, ids that are prefixes of others, U+0000 and U+FFFF.
        var random = new Random(17);
        var alphabet = new[] { '\0', 'A', 'B', 'a', '-', '\u00e9', '\uffff' };
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (ids.Count < 2000)
        {
            var prefix = random.Next(3) == 0 ? "E06000001-C" : "";
            ids.Add(prefix + new string([.. Enumerable.Range(0, random.Next(0, 9)).Select(_ => alphabet[random.Next(alphabet.Length)])]));
        }
        var data = new Dataset
        {
            AsOf = D(2021, 1, 1),
            Children = [.. ids.Select(id => new Child(id, D(2005, 1, 1), Sex.Male, EthnicityCategory.WhiteBritish, Coventry))],
        };

        Assert.Equal(ids.Order(StringComparer.Ordinal), DatasetIndex.For(data).ChildIds);
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
