using Microsoft.Extensions.DependencyInjection;
using System.Collections.Immutable;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using static YouthJustice.Sdk.Plugins.Tests.Data;

namespace YouthJustice.Sdk.Plugins.Tests;

public class CoventryRuleTests
{
    private static readonly ProgrammeKind Diversion = Programme("COVENTRY_DIVERSION");
    private const string Route = "coventry-diversion.out-of-court-route";

    private static ProgrammeKind Programme(string code) =>
        LoadedPlugins.Registry.Vocabulary.TryGetProgramme(code, out var p) ? p : throw new InvalidOperationException(code);

    [Fact]
    public void A_child_who_declines_consent_never_enters_the_diversion_intervention()
    {
        var registry = LoadedPlugins.Registry;
        var pathway = registry.Pathways.Single(p => p.ProgrammeCode == "COVENTRY_DIVERSION");
        PathwayEvent[] declined =
        [
            new("D1", D(2022, 5, 1), "REFERRED"), new("D1", D(2022, 5, 2), "CONSENT_SOUGHT"), new("D1", D(2022, 5, 3), "DECLINED"),
        ];

        Assert.Empty(pathway.Validate("D1", declined));
        var intoIntervention = pathway.Validate("D1", [.. declined, new("D1", D(2022, 5, 10), "INTERVENTION")]);
        Assert.Contains(intoIntervention, i => i.Message.Contains("'DECLINED' is final", StringComparison.Ordinal));
        var skippingConsent = pathway.Validate("D2", [new("D2", D(2022, 5, 1), "REFERRED"), new("D2", D(2022, 5, 3), "INTERVENTION")]);
        Assert.Contains(skippingConsent, i => i.Message.Contains("needs 'CONSENT_SOUGHT' first", StringComparison.Ordinal));

        // A declined child recorded as engaged is reported and never counted as engaging.
        var dataset = new Dataset
        {
            AsOf = D(2023, 3, 31),
            Children = [Child("C1", area: "E08000026")],
            Episodes = [new("D1", "C1", Diversion, D(2022, 5, 1), "POLICE", "NFA", false, Engagement.Engaged, D(2022, 5, 10))],
            PathwayEvents = [.. declined, new("D1", D(2022, 5, 10), "INTERVENTION")],
        };
        var findings = registry.Validate(dataset).Findings;
        Assert.Contains(findings, f => f.RuleId == "coventry-diversion.consent" && f.Field == "StartDate");
        Assert.Contains(findings, f => f.RuleId == "coventry-diversion.pathway.COVENTRY_DIVERSION");
        // The step at fault is named by its episode and position: D1's fourth event, the voluntary intervention.
        Assert.Contains(findings, f => f is { RuleId: "coventry-diversion.consent", RecordKind: RecordKinds.PathwayEvent, RecordId: "D1#3" });
        Assert.Contains(findings, f => f is { RuleId: "coventry-diversion.pathway.COVENTRY_DIVERSION", RecordKind: RecordKinds.PathwayEvent, RecordId: "D1#3" });
        var engagement = registry.Compute(IndicatorContext.For(dataset), Year(2022), ["coventry-diversion.engagement-rate"]).Results.Single();
        Assert.Equal(0m, engagement.Numerator);
        Assert.Equal(0m, engagement.Denominator);
    }

    [Fact]
    public void Every_child_assessed_on_the_diversion_pathway_needs_a_health_referral()
    {
        var dataset = new Dataset
        {
            AsOf = D(2023, 3, 31),
            Children = [Child("C1", area: "E08000026")],
            Episodes = [new("D1", "C1", Diversion, D(2022, 5, 1), "POLICE", "NFA", true)],
            PathwayEvents =
            [
                new("D1", D(2022, 5, 1), "REFERRED"), new("D1", D(2022, 5, 2), "CONSENT_SOUGHT"), new("D1", D(2022, 5, 3), "ASSESSMENT"),
                new("D1", D(2022, 5, 4), "SENIOR_PRACTITIONER_QA"), new("D1", D(2022, 5, 10), "INTERVENTION"),
            ],
        };

        var findings = LoadedPlugins.Registry.Validate(dataset).Findings;

        Assert.Contains(findings, f => f.RuleId == "coventry-diversion.health-referral" && f.Severity == FindingSeverity.Warning);
        Assert.Contains(findings, f => f.RuleId == "coventry-diversion.pathway.COVENTRY_DIVERSION" && f.Message.Contains("HEALTH_REFERRAL", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, null, "POLICE_ONLY_CR")]
    [InlineData(3, null, "ENHANCED_CR")]
    [InlineData(6, null, "JOINT_DECISION_PANEL")]
    [InlineData(1, false, "JOINT_DECISION_PANEL")]
    public void A_first_offence_is_routed_by_its_gravity_and_admission(int gravity, bool? admitted, string route)
    {
        var dataset = new Dataset
        {
            AsOf = D(2023, 3, 31),
            Children = [Child("C1", area: "E08000026")],
            Offences = [new("O1", "C1", D(2023, 3, 1), OffenceGroup.Theft, gravity)],
            Outcomes = admitted is null ? [] : [new("R1", "C1", ["O1"], D(2023, 3, 20), OutcomeTypes.Outcome22, DecidingBody.Police, Admitted: admitted)],
        };

        var decision = LoadedPlugins.Registry.Decide(Route, dataset.Children[0], new EligibilityContext(dataset, D(2023, 3, 31)));

        Assert.Equal(route, decision.Outcome);
        Assert.NotEmpty(decision.Reasons);
    }

    [Fact]
    public void A_second_offence_goes_to_the_joint_decision_panel_however_minor()
    {
        var dataset = new Dataset
        {
            AsOf = D(2023, 3, 31),
            Children = [Child("C1", area: "E08000026")],
            Offences = [new("O1", "C1", D(2022, 3, 1), OffenceGroup.Theft, 1), new("O2", "C1", D(2023, 3, 1), OffenceGroup.Theft, 1)],
            Outcomes = [new("R1", "C1", ["O1"], D(2022, 3, 10), OutcomeTypes.CommunityResolution, DecidingBody.Police, Admitted: true)],
        };

        var decision = LoadedPlugins.Registry.Decide(Route, dataset.Children[0], new EligibilityContext(dataset, D(2023, 3, 31)));

        Assert.Equal("JOINT_DECISION_PANEL", decision.Outcome);
        Assert.Contains("second offence", decision.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Referral_ethnicity_is_compared_with_the_named_reference_population()
    {
        var dataset = ShippedInput("coventry-diversion");

        var results = LoadedPlugins.Registry.Compute(IndicatorContext.For(dataset), Year(2021), ["coventry-diversion.referral-ethnicity"]).Results;

        var black = results.Single(r => r.Breakdown == new BreakdownKey("ethnicity-group", "Black"));
        Assert.Equal(25m, black.Value);
        Assert.Contains("secondary-school-census 2021: 10.0% of the reference population; relative rate 2.50", black.Note, StringComparison.Ordinal);
    }
}

public class LeicesterRuleTests
{
    private const string Rule = "leicester-early-intervention.eligibility";

    private static Dataset WithCommunityResolution(bool knife, bool? admitted = true) => new()
    {
        AsOf = D(2023, 6, 30),
        Children = [Child("L1", area: "E06000016")],
        Offences = [new("O1", "L1", D(2023, 5, 20), knife ? OffenceGroup.PossessionOfWeapons : OffenceGroup.Theft, 3, InvolvesKnife: knife)],
        Outcomes = [new("R1", "L1", ["O1"], D(2023, 6, 1), OutcomeTypes.CommunityResolution, DecidingBody.Police, Admitted: admitted)],
    };

    [Fact]
    public void A_knife_offence_is_not_eligible_for_the_Leicester_team()
    {
        var dataset = WithCommunityResolution(knife: true);

        var decision = LoadedPlugins.Registry.Decide(Rule, dataset.Children[0], new EligibilityContext(dataset, dataset.AsOf));

        Assert.False(decision.IsEligible);
        Assert.Contains(decision.Reasons, r => r.Contains("knife", StringComparison.Ordinal));
    }

    [Fact]
    public void A_community_resolution_with_an_admission_and_no_knife_is_eligible_for_the_Leicester_team()
    {
        var dataset = WithCommunityResolution(knife: false);

        var decision = LoadedPlugins.Registry.Decide(Rule, dataset.Children[0], new EligibilityContext(dataset, dataset.AsOf));

        Assert.True(decision.IsEligible);
        Assert.Equal("COMMUNITY_RESOLUTION", decision.Outcome);
    }

    [Fact]
    public void A_community_resolution_recorded_without_an_admission_is_not_a_basis_for_the_Leicester_team()
    {
        var dataset = WithCommunityResolution(knife: false, admitted: false);

        Assert.False(LoadedPlugins.Registry.Decide(Rule, dataset.Children[0], new EligibilityContext(dataset, dataset.AsOf)).IsEligible);
    }

    [Fact]
    public void A_child_at_risk_of_criminal_exploitation_is_eligible_without_any_offence()
    {
        var dataset = new Dataset
        {
            AsOf = D(2023, 6, 30),
            Children = [Child("L1", area: "E06000016")],
            Assessments = [new("A1", "L1", D(2023, 2, 1), "PREVENTION", Needs: Needs.CriminalExploitation)],
        };

        var decision = LoadedPlugins.Registry.Decide(Rule, dataset.Children[0], new EligibilityContext(dataset, dataset.AsOf));

        Assert.True(decision.IsEligible);
        Assert.Equal("AT_RISK", decision.Outcome);
    }

    [Fact]
    public void The_sibling_of_a_child_whose_order_has_ended_is_not_eligible_on_that_basis()
    {
        var dataset = new Dataset
        {
            AsOf = D(2023, 6, 30),
            Children = [Child("L1", area: "E06000016"), Child("L2", area: "E06000016")],
            Offences = [new("O2", "L2", D(2021, 1, 1), OffenceGroup.Robbery, 5)],
            Outcomes = [new("R2", "L2", ["O2"], D(2021, 3, 1), OutcomeTypes.YouthRehabilitationOrder, DecidingBody.Court, EndDate: D(2022, 3, 1))],
            Links = [new ChildLink("L2", "L1", LinkKind.Sibling)],
        };

        Assert.False(LoadedPlugins.Registry.Decide(Rule, dataset.Children[0], new EligibilityContext(dataset, dataset.AsOf)).IsEligible);
    }
}

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
        (registry ?? LoadedPlugins.Registry).Decide(Rule, dataset.Children[0], new EligibilityContext(dataset, dataset.AsOf));

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
            o.PluginsDirectory = PluginFolders.With();
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
        var ecm = LoadedPlugins.Registry.Vocabulary.TryGetProgramme("WARWICKSHIRE_ECM", out var p) ? p : throw new InvalidOperationException();
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
            o.PluginsDirectory = PluginFolders.With();
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
        var result = LoadedPlugins.Registry.Compute(IndicatorContext.For(ShippedInput("warwickshire-ecm")), Year(2022), ["warwickshire-ecm.sroi"]).Results.Single();

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

        var findings = LoadedPlugins.Registry.Validate(dataset).Findings;

        Assert.Contains(findings, f => f is { RuleId: "warwickshire-ecm.records", RecordKind: RecordKinds.PathwayEvent, RecordId: "P1#0" });
    }
}
