using Microsoft.Extensions.DependencyInjection;
using System.Collections.Immutable;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Testing;
using static YouthJustice.Sdk.Testing.Data;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Plugins.Warwickshire.Tests;

public class WarwickshireRuleTests
{
    private const string Rule = "warwickshire-ecm.eligibility";

    private static Dataset Case(int offences, Needs needs, bool currentIntervention, CareStatus care = CareStatus.None) => new()
    {
        AsOf = D(2023, 3, 31),
        Children = [Child("W1", care: care)],
        Offences = [.. Enumerable.Range(1, offences).Select(i => new Offence($"O{i}", "W1", D(2022, 4, 1).PlusMonths(i * 2), OffenceGroup.Theft, 3))],
        Assessments = [new("A1", "W1", D(2022, 6, 1), "ASSETPLUS", Needs: needs)],
        Episodes = currentIntervention ? [new("P1", "W1", ProgrammeKinds.CourtOrderSupervision, D(2022, 9, 1), StartDate: D(2022, 9, 1))] : [],
    };

    private static EligibilityDecision Decide(Dataset dataset, IYouthJusticeRegistry? registry = null) =>
        (registry ?? PluginHost.Registry).Decide(Rule, dataset.Children[0], new EligibilityContext(dataset, dataset.AsOf));

    [Fact]
    public void A_child_with_two_offences_is_not_eligible_for_enriched_case_management()
    {
        var decision = Decide(Case(2, Needs.MentalHealth, currentIntervention: true));

        Assert.False(decision.IsEligible);
        Assert.Contains(decision.Reasons, r => r.StartsWith("2 offence(s)", StringComparison.Ordinal) && r.Contains("below the minimum of 3", StringComparison.Ordinal));
    }

    [Fact]
    public void A_child_with_three_offences_a_complexity_flag_and_a_current_intervention_is_eligible()
    {
        var decision = Decide(Case(3, Needs.SpeechLanguageCommunication, currentIntervention: true));

        Assert.True(decision.IsEligible);
        Assert.Contains(decision.Reasons, r => r.Contains("SpeechLanguageCommunication", StringComparison.Ordinal));
    }

    [Fact]
    public void A_looked_after_child_has_evidence_of_complexity_without_any_assessed_need()
    {
        Assert.True(Decide(Case(3, Needs.None, currentIntervention: true, CareStatus.LookedAfter)).IsEligible);
    }

    [Fact]
    public void A_child_with_three_offences_and_complexity_but_no_current_intervention_is_not_eligible()
    {
        var decision = Decide(Case(3, Needs.MentalHealth, currentIntervention: false));

        Assert.False(decision.IsEligible);
        Assert.Contains("No current intervention.", decision.Reasons);
    }

    [Fact]
    public void A_child_with_three_offences_and_no_complexity_is_not_eligible()
    {
        Assert.False(Decide(Case(3, Needs.Education, currentIntervention: true)).IsEligible);
    }

    [Fact]
    public void The_eligibility_thresholds_are_settings_an_authority_can_change()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddYouthJustice(o =>
        {
            o.PluginsDirectory = PluginHost.PluginsDirectory;
            o.SetPluginSetting("warwickshire-ecm", "eligibility.minimumOffences", "2");
        });
        var registry = services.BuildServiceProvider().GetRequiredService<IYouthJusticeRegistry>();

        Assert.True(Decide(Case(2, Needs.MentalHealth, currentIntervention: true), registry).IsEligible);
        var definition = registry.Indicators.Single(i => i.Definition.Id == "warwickshire-ecm.eligible-enrolled").Definition;
        Assert.Equal("2", definition.GetString("minimumOffences"));
    }

    [Fact]
    public void The_social_return_on_investment_is_the_avoided_cost_of_crime_over_the_service_cost()
    {
        var ecm = PluginHost.Registry.Vocabulary.TryGetProgramme("WARWICKSHIRE_ECM", out var p) ? p : throw new InvalidOperationException();
        var dataset = new Dataset
        {
            AsOf = D(2024, 6, 30),
            Children = [Child("W1"), Child("W2")],
            Offences =
            [
                new("a", "W1", D(2022, 6, 1), OffenceGroup.Theft, 2), new("b", "W1", D(2022, 8, 1), OffenceGroup.Theft, 2),
                new("c", "W1", D(2022, 9, 1), OffenceGroup.Burglary, 4), new("d", "W1", D(2023, 3, 1), OffenceGroup.Theft, 2),
                new("e", "W2", D(2022, 7, 1), OffenceGroup.ViolenceAgainstThePerson, 4), new("f", "W2", D(2022, 8, 1), OffenceGroup.ViolenceAgainstThePerson, 4),
            ],
            Episodes = [new("M1", "W1", ecm, D(2022, 10, 1)), new("M2", "W2", ecm, D(2022, 11, 1))],
        };
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddYouthJustice(o =>
        {
            o.PluginsDirectory = PluginHost.PluginsDirectory;
            o.SetPluginSetting("warwickshire-ecm", "sroi.unitCost.Theft", "1000")
             .SetPluginSetting("warwickshire-ecm", "sroi.unitCost.Burglary", "5000")
             .SetPluginSetting("warwickshire-ecm", "sroi.unitCost.ViolenceAgainstThePerson", "10000")
             .SetPluginSetting("warwickshire-ecm", "sroi.unitCostSource", "Illustrative unit costs for the test")
             .SetPluginSetting("warwickshire-ecm", "sroi.serviceCost", "4000");
        });
        var registry = services.BuildServiceProvider().GetRequiredService<IYouthJusticeRegistry>();

        var result = registry.Compute(IndicatorContext.For(dataset), Year(2022), ["warwickshire-ecm.sroi"]).Results.Single();

        // Avoided: theft 2 - 1 = 1 (£1,000), burglary 1 (£5,000), violence 2 (£20,000): £26,000 over £4,000.
        Assert.Equal(26000m, result.Numerator);
        Assert.Equal(4000m, result.Denominator);
        Assert.Equal(6.5m, result.Value);
        Assert.Equal("6.50", result.FormatValue(2));
        Assert.False(result.Provisional);
        Assert.Contains("Illustrative unit costs for the test", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_unit_costs_the_social_return_on_investment_is_not_computed_and_says_why()
    {
        var result = PluginHost.Registry.Compute(IndicatorContext.For(PluginHost.ShippedInput("warwickshire-ecm")), Year(2022), ["warwickshire-ecm.sroi"]).Results.Single();

        Assert.Null(result.Value);
        Assert.Contains("Supply unit costs", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Team_around_the_child_records_on_another_programme_are_reported()
    {
        var dataset = new Dataset
        {
            AsOf = D(2023, 3, 31),
            Children = [Child("W1")],
            Episodes = [new("P1", "W1", ProgrammeKinds.CourtOrderSupervision, D(2022, 9, 1))],
            PathwayEvents = [new("P1", D(2022, 10, 1), "TAC_MEETING")],
        };

        var findings = PluginHost.Registry.Validate(dataset).Findings;

        Assert.Contains(findings, f => f is { RuleId: "warwickshire-ecm.records", RecordKind: RecordKinds.PathwayEvent, RecordId: "P1#0" });
    }
}
