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

namespace YouthJustice.Plugins.Coventry.Tests;

public class CoventryRuleTests
{
    private static readonly ProgrammeKind Diversion = PluginHost.Programme("COVENTRY_DIVERSION");
    private const string Route = "coventry-diversion.out-of-court-route";


    [Fact]
    public void A_child_who_declines_consent_never_enters_the_diversion_intervention()
    {
        var registry = PluginHost.Registry;
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

        var findings = PluginHost.Registry.Validate(dataset).Findings;

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

        var decision = PluginHost.Registry.Decide(Route, dataset.Children[0], new EligibilityContext(dataset, D(2023, 3, 31)));

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

        var decision = PluginHost.Registry.Decide(Route, dataset.Children[0], new EligibilityContext(dataset, D(2023, 3, 31)));

        Assert.Equal("JOINT_DECISION_PANEL", decision.Outcome);
        Assert.Contains("second offence", decision.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Referral_ethnicity_is_compared_with_the_named_reference_population()
    {
        var dataset = PluginHost.ShippedInput("coventry-diversion");

        var results = PluginHost.Registry.Compute(IndicatorContext.For(dataset), Year(2021), ["coventry-diversion.referral-ethnicity"]).Results;

        var black = results.Single(r => r.Breakdown == new BreakdownKey("ethnicity-group", "Black"));
        Assert.Equal(25m, black.Value);
        Assert.Contains("secondary-school-census 2021: 10.0% of the reference population; relative rate 2.50", black.Note, StringComparison.Ordinal);
    }
}
