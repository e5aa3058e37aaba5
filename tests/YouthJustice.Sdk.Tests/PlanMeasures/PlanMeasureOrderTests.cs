using Microsoft.Extensions.DependencyInjection;
using YouthJustice.Sdk.Disclosure;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Reports;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using static YouthJustice.Sdk.Tests.Kpis.KpiTestData;
using static YouthJustice.Sdk.Tests.PlanMeasures.PlanTestData;

namespace YouthJustice.Sdk.Tests.PlanMeasures;

/// <summary>The local measures never depend on the order of the records.</summary>
public class PlanMeasureOrderTests
{
    /// <summary>A dataset with every record kind the measures read, drawn from a seeded generator.</summary>
    private static Dataset Generated(int seed)
    {
        var random = new Random(seed);
        LocalDate Day() => D(2022, 4, 1).PlusDays(random.Next(0, 700));
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        var children = Enumerable.Range(1, 40).Select(i => Child("C" + i, D(2006, 1, 1).PlusDays(random.Next(0, 900)))).ToList();
        string AChild() => Pick(children).Id;
        ProgrammeKind[] programmes = [ProgrammeKinds.OutOfCourtIntervention, ProgrammeKinds.CourtOrderSupervision, ProgrammeKinds.Diversion];
        var episodes = Enumerable.Range(1, 80).Select(i =>
        {
            var start = Day();
            LocalDate? end = random.Next(3) == 0 ? null : start.PlusDays(random.Next(20, 200));
            return new ProgrammeEpisode("E" + i, AChild(), Pick(programmes), start, StartDate: start, EndDate: end is { } e && e > D(2024, 6, 30) ? null : end,
                PractitionerId: random.Next(4) == 0 ? null : "P" + random.Next(1, 6));
        }).ToList();
        RiskLevel[] levels = Enum.GetValues<RiskLevel>();
        var assessments = Enumerable.Range(1, 120).Select(i => Assess("A" + i, AChild(), Day(), Pick(Enum.GetValues<AssessmentStage>()), Pick(levels), Pick(levels))).ToList();
        var offences = Enumerable.Range(1, 80).Select(i => new Offence("K" + i, AChild(), Day(), Pick(Enum.GetValues<OffenceGroup>()), random.Next(1, 9), random.Next(2) == 0)).ToList();
        OutcomeType[] types = [OutcomeTypes.YouthCaution, OutcomeTypes.ReferralOrder, OutcomeTypes.YouthRehabilitationOrder, OutcomeTypes.DetentionAndTrainingOrder, OutcomeTypes.Remand, OutcomeTypes.CommunityResolution];
        var outcomes = offences.Select((o, i) =>
        {
            var type = Pick(types);
            return new Outcome("O" + i, o.ChildId, type.Category == OutcomeCategory.Remand ? [] : [o.Id], o.CommittedOn.PlusDays(random.Next(0, 60)), type,
                type.IsCourt ? DecidingBody.Court : DecidingBody.Police, PsrProposal: type.IsCourt && random.Next(2) == 0 ? Pick(types.Where(t => t.IsCourt).ToList()) : null);
        }).ToList();
        var events = Enumerable.Range(1, 150).Select(i =>
        {
            var outcome = Pick(outcomes);
            return random.Next(3) == 0
                ? Event("X" + i, outcome.ChildId, outcome.OutcomeDate.PlusDays(random.Next(0, 30)), Pick(Enum.GetValues<CaseEventKind>()), outcome.Id)
                : Event("X" + i, AChild(), Day(), Pick(Enum.GetValues<CaseEventKind>()));
        }).ToList();
        var feedback = Enumerable.Range(1, 60).Select(i =>
        {
            var episode = Pick(episodes);
            var responded = random.Next(3) > 0;
            return new FeedbackRequest("F" + i, episode.ChildId, Pick(Enum.GetValues<FeedbackRespondent>()), Day(), responded,
                responded && random.Next(4) > 0 ? random.Next(1, 6) : null, random.Next(2) == 0 ? episode.Id : null);
        }).ToList();
        var victims = Enumerable.Range(1, 40).Select(i => new VictimContact("V" + i, AChild(), null, Day(), random.Next(3) > 0, random.Next(2) == 0, false, false)).ToList();
        return Data(children, episodes, assessments, events, outcomes, offences, feedback, victims);
    }

    private static Dataset Reversed(Dataset d) => d with
    {
        Children = [.. d.Children.Reverse()], Episodes = [.. d.Episodes.Reverse()], Assessments = [.. d.Assessments.Reverse()],
        CaseEvents = [.. d.CaseEvents.Reverse()], Outcomes = [.. d.Outcomes.Reverse()], Offences = [.. d.Offences.Reverse()],
        Feedback = [.. d.Feedback.Reverse()], VictimContacts = [.. d.VictimContacts.Reverse()],
    };

    private static string Render(IndicatorResult r) =>
        $"{r.IndicatorId}|{r.Period}|{r.Breakdown}|{r.Numerator}|{r.Denominator}|{r.Value}|{r.Provisional}|" +
        $"{string.Join(",", r.Evidence?.NumeratorIds ?? [])}|{string.Join(",", r.Evidence?.DenominatorIds ?? [])}";

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Every_measure_gives_the_same_results_whatever_the_record_order(int seed)
    {
        var data = Generated(seed);
        var query = new IndicatorQuery([ReportingPeriod.FinancialYear(2022), ReportingPeriod.FinancialYear(2023), ReportingPeriod.FinancialQuarter(2023, 2)], [], [], CollectEvidence: true);
        foreach (var indicator in Sdk.PlanMeasures.LocalMeasures.CreateAll())
        {
            var forward = indicator.Compute(IndicatorContext.For(data), query).Select(Render).ToList();
            var backward = indicator.Compute(IndicatorContext.For(Reversed(data)), query).Select(Render).ToList();
            Assert.Equal(forward, backward);
            Assert.NotEmpty(forward);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    public void Every_breakdown_adds_up_to_its_margin_so_secondary_suppression_protects_it(int seed)
    {
        var query = new IndicatorQuery([ReportingPeriod.FinancialYear(2022), ReportingPeriod.FinancialYear(2023)], [], []);
        foreach (var indicator in Sdk.PlanMeasures.LocalMeasures.CreateAll())
        {
            foreach (var group in indicator.Compute(IndicatorContext.For(Generated(seed)), query).GroupBy(r => (r.AreaCode, r.Period)))
            {
                var cells = group.ToList();
                var total = cells.Single(r => r.Breakdown.IsTotal);
                foreach (var dimension in cells.Where(r => !r.Breakdown.IsTotal).GroupBy(r => r.Breakdown.Dimension))
                {
                    Assert.True(total.Numerator == dimension.Sum(r => r.Numerator), $"{indicator.Definition.Id} {group.Key}: {dimension.Key} does not add up");
                    var parts = dimension.Key.Split('+');
                    for (var p = 0; p < parts.Length && parts.Length > 1; p++)
                    {
                        // Each line of a cross dimension adds up to the cell of the part it holds fixed.
                        foreach (var line in dimension.GroupBy(r => r.Breakdown.Value.Split('+')[p]))
                        {
                            var margin = cells.Single(r => r.Breakdown.Dimension == parts[p] && r.Breakdown.Value == line.Key);
                            Assert.Equal(margin.Numerator, line.Sum(r => r.Numerator));
                        }
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(19)]
    public void The_published_board_pack_shows_no_count_of_one_to_five_nor_a_value_derived_from_one_in_the_local_sections(int seed)
    {
        var registry = new ServiceCollection().AddYouthJustice().BuildServiceProvider().GetRequiredService<IYouthJusticeRegistry>();
        var request = new ReportRequest { Query = new IndicatorQuery([ReportingPeriod.FinancialYear(2022), ReportingPeriod.FinancialYear(2023)], [AreaCode], []) };
        var internalReport = ReportBuilder.Build(registry, IndicatorContext.For(Generated(seed)), request);
        var published = DisclosurePolicy.Default.Apply(internalReport);
        var local = Sdk.PlanMeasures.LocalMeasures.Definitions.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

        var before = internalReport.Figures().Where(f => local.Contains(f.Methodology.Id)).ToList();
        var after = published.Figures().Where(f => local.Contains(f.Methodology.Id)).ToList();
        Assert.Equal(before.Count, after.Count);
        // The generated data has small cells, so the test would prove nothing without some.
        Assert.Contains(before, f => f.Denominator is > 0 and <= 5);
        foreach (var (raw, shown) in before.Zip(after))
        {
            Assert.False(shown.Numerator is > 0 and <= 5, shown.Id);
            Assert.False(shown.Denominator is > 0 and <= 5, shown.Id);
            if (raw.Denominator is > 0 and <= 5 || raw.Numerator is > 0 and <= 5)
            {
                Assert.Null(shown.Value);
            }
        }
    }
}
