using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Periods;
using static YouthJustice.Sdk.PlanMeasures.LocalMeasures;
using static YouthJustice.Sdk.Tests.Kpis.KpiTestData;
using static YouthJustice.Sdk.Tests.PlanMeasures.PlanTestData;

namespace YouthJustice.Sdk.Tests.PlanMeasures;

/// <summary>
/// <c>caseload-per-practitioner</c> counts each episode's run of month-ends at once when no evidence is asked for; these
/// tests hold it to the definition read literally (every month-end, every episode) and to the evidence path.
/// </summary>
public class CaseloadCountingTests
{
    private static Dataset Generated(int seed)
    {
        var random = new Random(seed);
        var children = Enumerable.Range(1, 30).Select(i => Child("C" + i)).ToList();
        string?[] practitioners = ["P1", "P2", " P2 ", "P3", "P4", "P5", null, "  "];
        var episodes = Enumerable.Range(1, 150).Select(i =>
        {
            var referral = D(2022, 1, 1).PlusDays(random.Next(0, 900));
            LocalDate? start = random.Next(5) == 0 ? null : referral.PlusDays(random.Next(0, 40));
            LocalDate? end = random.Next(3) == 0 ? null : (start ?? referral).PlusDays(random.Next(0, 250));
            // A few episodes of a child the dataset does not hold: never counted.
            var child = random.Next(15) == 0 ? "UNKNOWN" : children[random.Next(children.Count)].Id;
            var programme = random.Next(2) == 0 ? ProgrammeKinds.CourtOrderSupervision : ProgrammeKinds.OutOfCourtIntervention;
            return new ProgrammeEpisode("E" + i, child, programme, referral, StartDate: start, EndDate: end,
                PractitionerId: practitioners[random.Next(practitioners.Length)]);
        }).ToList();
        return Data(children, episodes);
    }

    /// <summary>The definition read literally: at each month-end of the period up to the as-of date, the held episodes open
    /// that day and the distinct practitioners holding them.</summary>
    private static (decimal Episodes, decimal Practitioners) Literal(Dataset data, ReportingPeriod period)
    {
        var known = data.Children.Select(c => c.Id).ToHashSet();
        var held = data.Episodes.Where(e => !string.IsNullOrWhiteSpace(e.PractitionerId) && known.Contains(e.ChildId)).ToList();
        var (episodes, practitioners) = (0, 0);
        for (var day = period.Start; day <= period.End && day <= data.AsOf; day = day.PlusDays(1))
        {
            if (day.PlusDays(1).Day != 1)
            {
                continue;
            }
            var open = held.Where(e => (e.StartDate ?? e.ReferralDate) <= day && (e.EndDate is null || e.EndDate >= day)).ToList();
            episodes += open.Count;
            practitioners += open.Select(e => e.PractitionerId!.Trim()).Distinct().Count();
        }
        return (episodes, practitioners);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Counts_equal_the_definition_read_literally_and_the_evidence_path(int seed)
    {
        var data = Generated(seed);
        ReportingPeriod[] periods = [ReportingPeriod.FinancialYear(2022), ReportingPeriod.FinancialYear(2023), ReportingPeriod.FinancialQuarter(2024, 1)];
        foreach (var period in periods)
        {
            var counted = Run(Measure(CaseloadPerPractitionerId), data, period).Single();
            var withEvidence = Run(Measure(CaseloadPerPractitionerId), data, period, evidence: true).Single();
            var (episodes, practitioners) = Literal(data, period);

            Assert.True(episodes > 0, "the generated data should hold open episodes in every period");
            Assert.Equal((episodes, practitioners), (counted.Numerator, counted.Denominator!.Value));
            Assert.Equal((withEvidence.Numerator, withEvidence.Denominator, withEvidence.Value, withEvidence.Provisional),
                (counted.Numerator, counted.Denominator, counted.Value, counted.Provisional));
            Assert.Equal((int)practitioners, withEvidence.Evidence!.DenominatorIds.Length);
        }
    }

    [Fact]
    public void A_list_shared_by_two_datasets_is_read_with_each_datasets_own_children()
    {
        // The children's areas of a list are found once and shared; a dataset made from another keeps its lists, so the
        // shared answer must belong to the dataset, not to the list alone.
        var data = Generated(7);
        var withoutChildren = data with { Children = [] };
        var quarter = ReportingPeriod.FinancialQuarter(2023, 1);

        var held = Run(Measure(InterventionsStartedId), data, ReportingPeriod.FinancialYear(2022))[0];
        var none = Run(Measure(InterventionsStartedId), withoutChildren, ReportingPeriod.FinancialYear(2022))[0];
        var caseload = Run(Measure(CaseloadPerPractitionerId), withoutChildren, quarter)[0];

        Assert.Same(data.Episodes, withoutChildren.Episodes);
        Assert.True(held.Numerator > 0);
        Assert.Equal(0m, none.Numerator);
        Assert.Equal(0m, caseload.Numerator);
    }
}
