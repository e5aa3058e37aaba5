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

namespace YouthJustice.Plugins.Leicester.Tests;

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

        var decision = PluginHost.Registry.Decide(Rule, dataset.Children[0], new EligibilityContext(dataset, dataset.AsOf));

        Assert.False(decision.IsEligible);
        Assert.Contains(decision.Reasons, r => r.Contains("knife", StringComparison.Ordinal));
    }

    [Fact]
    public void A_community_resolution_with_an_admission_and_no_knife_is_eligible_for_the_Leicester_team()
    {
        var dataset = WithCommunityResolution(knife: false);

        var decision = PluginHost.Registry.Decide(Rule, dataset.Children[0], new EligibilityContext(dataset, dataset.AsOf));

        Assert.True(decision.IsEligible);
        Assert.Equal("COMMUNITY_RESOLUTION", decision.Outcome);
    }

    [Fact]
    public void A_community_resolution_recorded_without_an_admission_is_not_a_basis_for_the_Leicester_team()
    {
        var dataset = WithCommunityResolution(knife: false, admitted: false);

        Assert.False(PluginHost.Registry.Decide(Rule, dataset.Children[0], new EligibilityContext(dataset, dataset.AsOf)).IsEligible);
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

        var decision = PluginHost.Registry.Decide(Rule, dataset.Children[0], new EligibilityContext(dataset, dataset.AsOf));

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

        Assert.False(PluginHost.Registry.Decide(Rule, dataset.Children[0], new EligibilityContext(dataset, dataset.AsOf)).IsEligible);
    }
}
