using Microsoft.Extensions.DependencyInjection;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Reporting;
using YouthJustice.Sdk.Reports;
using YouthJustice.Sdk.Tests.Indicators;
using static YouthJustice.Sdk.PlanMeasures.LocalMeasures;
using static YouthJustice.Sdk.Tests.Kpis.KpiTestData;
using static YouthJustice.Sdk.Tests.PlanMeasures.PlanTestData;

namespace YouthJustice.Sdk.Tests.PlanMeasures;

/// <summary>The local measures as a catalogue: cited definitions, a titled family each, registered with the SDK, in the board pack.</summary>
public class PlanMeasureCatalogueTests
{
    private static readonly string[] Families =
    [
        IndicatorFamilies.RiskAndSafety, IndicatorFamilies.Courts, IndicatorFamilies.CustodyInDepth, IndicatorFamilies.ExploitationAndMissing,
        IndicatorFamilies.KnifeAndSeriousYouthViolence, IndicatorFamilies.Voice, IndicatorFamilies.Workload,
    ];

    [Fact]
    public void Every_local_measure_is_cited_has_a_titled_family_and_an_indicator()
    {
        Assert.Equal(19, Definitions.Count);
        Assert.Equal(Definitions.Count, Definitions.Select(d => d.Id).Distinct().Count());
        Assert.Empty(Definitions.SelectMany(DefinitionFileTests.Problems));
        Assert.Equal(Families.Order(StringComparer.Ordinal), Definitions.Select(d => d.Family).Distinct().Order(StringComparer.Ordinal));
        Assert.All(Families, f => Assert.False(string.IsNullOrWhiteSpace(IndicatorFamilies.TitleOf(f))));
        // Every measure cites a publication, not only project decisions.
        Assert.All(Definitions, d => Assert.Contains(d.Sources, s => s.Kind == CitationKind.Publication));
        Assert.Equal(Definitions.Select(d => d.Id), CreateAll().Select(i => i.Definition.Id));
        Assert.Throws<ArgumentException>(() => Create(NationalIndicators.FirstTimeEntrantsRate));
    }

    [Fact]
    public void A_revised_definition_keeps_its_indicator_and_applies_the_change()
    {
        var indicator = (Plugins.IOverridableIndicator)Create(Get(HighRiskOversightId));
        var revised = indicator.WithDefinition(Get(HighRiskOversightId).WithParameter(OversightWithinDaysParameter, "28"));
        Assert.Equal("28", revised.Definition.GetString(OversightWithinDaysParameter));
        Assert.Throws<ArgumentException>(() => indicator.WithDefinition(Get(PsrCongruenceId)));
    }

    [Fact]
    public void The_sdk_registers_the_local_measures_with_the_national_indicators_and_kpis()
    {
        var registry = new ServiceCollection().AddYouthJustice().BuildServiceProvider().GetRequiredService<IYouthJusticeRegistry>();
        var ids = registry.Indicators.Select(i => i.Definition.Id).ToHashSet(StringComparer.Ordinal);

        Assert.All(Definitions, d => Assert.Contains(d.Id, ids));
        Assert.Contains("fte-rate", ids);
        Assert.Contains("yjb-kpi-9-serious-violence", ids);
    }

    private static Dataset Everything() => Data(
        [Child("C1")],
        episodes: [Episode("E1", "C1", ProgrammeKinds.OutOfCourtIntervention, D(2023, 4, 10)) with { PractitionerId = "P1" }],
        assessments: [Assess("A1", "C1", D(2023, 5, 1), AssessmentStage.Start, RiskLevel.High, RiskLevel.Medium)],
        events: [Event("M1", "C1", D(2023, 5, 2), CaseEventKind.ManagementOversight), Event("X1", "C1", D(2023, 6, 1), CaseEventKind.ExploitationConcern)],
        offences: [new Offence("K1", "C1", D(2023, 4, 20), OffenceGroup.PossessionOfWeapons, 4, InvolvesKnife: true)],
        outcomes: [new Outcome("O1", "C1", ["K1"], D(2023, 6, 1), OutcomeTypes.ReferralOrder, DecidingBody.Court, PsrProposal: OutcomeTypes.ReferralOrder)],
        feedback: [new FeedbackRequest("F1", "C1", FeedbackRespondent.Child, D(2023, 9, 1), true, 5m, "E1")]);

    [Fact]
    public void The_board_pack_has_a_titled_section_per_family_with_a_row_for_every_measure_and_the_knife_trend_by_period()
    {
        var registry = new ServiceCollection().AddYouthJustice().BuildServiceProvider().GetRequiredService<IYouthJusticeRegistry>();
        var request = new ReportRequest
        {
            Query = new IndicatorQuery([Year.Previous(), Year], [AreaCode], []),
            Targets = [new ReportTarget(KnifeOffencesId, AreaCode, null, 15m, "the service's own target")],
        };

        var report = ReportBuilder.Build(registry, IndicatorContext.For(Everything()), request);

        foreach (var family in Families)
        {
            var section = Assert.Single(report.Sections, s => s.Id == "family-" + family);
            Assert.Equal(IndicatorFamilies.TitleOf(family), section.Title);
            Assert.Equal(ReportSectionKind.Family, section.Kind);
            var shown = section.Figures().Select(f => f.Methodology.Id).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(Definitions.Where(d => d.Family == family).Select(d => d.Id).Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
        }
        // The knife trend is a row per period in its family section, and a headline row rated against the service's target.
        var knife = Assert.Single(report.Sections, s => s.Id == "family-" + IndicatorFamilies.KnifeAndSeriousYouthViolence);
        Assert.Equal([Year.Previous(), Year], knife.Figures().Where(f => f.Methodology.Id == KnifeOffencesId && f.Breakdown.IsTotal).Select(f => f.Period).Distinct().ToArray());
        var headline = Assert.Single(report.Sections, s => s.Kind == ReportSectionKind.Headline);
        // The row's cells (value, target rating, trend, chart) all show the same figure.
        var latest = headline.Figures().Where(f => f.Methodology.Id == KnifeOffencesId && f.Period == Year).ToList();
        Assert.NotEmpty(latest);
        Assert.All(latest, f => Assert.Equal(1m, f.Numerator));
        Assert.Contains(latest, f => f.Target is { Value: 15m });
    }
}
