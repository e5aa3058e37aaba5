using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Synthetic;

namespace YouthJustice.Sdk.Tests.Engine;

public class AuthorityScopePrepareTests
{
    [Fact]
    public void Views_prepared_for_a_few_authorities_hold_the_records_of_a_partition_among_every_authority_in_the_same_order()
    {
        var dataset = Awkward();
        var codes = dataset.Areas.Select(a => a.Code).Take(3).ToList();
        // Asked for in another case, as a plugin might; and one authority with no records.
        string[] asked = [codes[0].ToLowerInvariant(), codes[1], codes[2], "E00000000"];

        AuthorityScope.Prepare(dataset, asked);

        foreach (var code in asked)
        {
            AssertSameView(AuthorityScope.ViewOfWholePartition(dataset, code), AuthorityScope.Restrict(dataset, code));
        }
        Assert.NotEmpty(AuthorityScope.Restrict(dataset, codes[0]).PathwayEvents);
        Assert.Empty(AuthorityScope.Restrict(dataset, "E00000000").Children);
    }

    [Fact]
    public void A_view_is_prepared_once_and_restrict_then_gives_it()
    {
        var dataset = Awkward();
        var code = dataset.Areas[1].Code;
        var before = AuthorityScope.Restrict(dataset, code);

        AuthorityScope.Prepare(dataset, [code]);

        Assert.Same(before, AuthorityScope.Restrict(dataset, code));
    }

    [Fact]
    public void A_dataset_wholly_of_the_authority_is_its_own_view_when_prepared()
    {
        var dataset = SyntheticDatasetGenerator.Generate(SyntheticOptions.SingleAuthority(7));
        var code = dataset.Areas[0].Code;

        AuthorityScope.Prepare(dataset, [code]);

        Assert.Same(dataset, AuthorityScope.Restrict(dataset, code));
    }

    /// <summary>A small national dataset with what an unvalidated one may hold: a child id repeated in another authority
    /// (before and after the first), records of an unknown child, a repeated episode id, an area code in another case.</summary>
    private static Dataset Awkward()
    {
        var d = SyntheticDatasetGenerator.Generate(SyntheticOptions.National(11, 5, scale: 0.05));
        var episode = d.Episodes[0];
        var inFirst = d.Children.First(c => c.Id == episode.ChildId);
        // The episode's child's authority first, as the tests take the first areas.
        d = d with { Areas = [.. d.Areas.OrderBy(a => a.Code == inFirst.HomeAreaCode ? 0 : 1)] };
        var codes = d.Areas.Select(a => a.Code).ToList();
        var inSecond = d.Children.First(c => c.HomeAreaCode == codes[1]);
        return d with
        {
            // inSecond's id first appears elsewhere (its records go there); inFirst's id is repeated later elsewhere.
            Children = [inSecond with { HomeAreaCode = codes[3] }, .. d.Children, inFirst with { HomeAreaCode = codes[4] },
                d.Children[^1] with { Id = "LOWER-1", HomeAreaCode = codes[2].ToLowerInvariant() }],
            Offences = [.. d.Offences, d.Offences[0] with { Id = "UNKNOWN-O1", ChildId = "NO-SUCH-CHILD" }],
            Episodes = [episode with { ChildId = "NO-SUCH-CHILD" }, .. d.Episodes, episode with { ChildId = inFirst.Id }],
            PathwayEvents = [.. d.PathwayEvents, new PathwayEvent(episode.Id, episode.ReferralDate, "REFERRED")],
            Populations = [.. d.Populations, d.Populations[0] with { AreaCode = codes[0].ToLowerInvariant() }],
        };
    }

    private static void AssertSameView(Dataset expected, Dataset actual)
    {
        static void Same<T>(IReadOnlyList<T> e, IReadOnlyList<T> a) where T : class
        {
            Assert.Equal(e.Count, a.Count);
            for (var i = 0; i < e.Count; i++)
            {
                Assert.Same(e[i], a[i]);
            }
        }
        Same(expected.Areas, actual.Areas);
        Same(expected.Children, actual.Children);
        Same(expected.Offences, actual.Offences);
        Same(expected.Outcomes, actual.Outcomes);
        Same(expected.Episodes, actual.Episodes);
        Same(expected.PathwayEvents, actual.PathwayEvents);
        Same(expected.Links, actual.Links);
        Same(expected.Assessments, actual.Assessments);
        Same(expected.StatusObservations, actual.StatusObservations);
        Same(expected.VictimContacts, actual.VictimContacts);
        Same(expected.BoardAttendances, actual.BoardAttendances);
        Same(expected.Populations, actual.Populations);
        Same(expected.ReferencePopulations, actual.ReferencePopulations);
        Same(expected.CaseEvents, actual.CaseEvents);
        Same(expected.Feedback, actual.Feedback);
        Assert.Equal(expected.AsOf, actual.AsOf);
    }
}
