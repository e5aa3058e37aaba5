using Microsoft.Extensions.DependencyInjection;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Kpis;
using YouthJustice.Sdk.Periods;
using static YouthJustice.Sdk.Plugins.Tests.Data;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Plugins.Tests;

/// <summary>Declared overrides of the real national indicators and KPIs, through AddYouthJustice and an in-process plugin.</summary>
public class NationalOverrideTests
{
    private const string Area = "E10000031";

    private static readonly PluginManifest Manifest = new()
    {
        Id = "local-rules",
        DisplayName = "Local rules",
        Version = "1.0.0",
        AuthorityCode = Area,
        SdkVersion = SdkVersionRange.Parse("[0.1, 1.0)"),
        EntryAssembly = "none.dll",
    };

    private sealed class OverridingPlugin(params DefinitionOverride[] overrides) : IYouthJusticePlugin
    {
        public void Register(IPluginRegistrar registrar)
        {
            foreach (var o in overrides)
            {
                registrar.DeclareOverride(o);
            }
        }
    }

    private static IYouthJusticeRegistry Registry(IEnumerable<IIndicator> national, params DefinitionOverride[] overrides)
    {
        var services = new ServiceCollection();
        services.AddYouthJustice(o =>
        {
            foreach (var indicator in national)
            {
                o.Indicators.Add(indicator);
            }
            if (overrides.Length > 0)
            {
                o.AddPlugin(new OverridingPlugin(overrides), Manifest);
            }
        });
        return services.BuildServiceProvider().GetRequiredService<IYouthJusticeRegistry>();
    }

    /// <summary>One child given a referral order on 1 Nov 2020 for an offence of 1 Sep 2020, then cautioned on 1 Dec 2021 for
    /// an offence of 1 Oct 2021: committed inside the 12-month follow-up (to 1 Nov 2021) but proven a month after it ended.</summary>
    private static Dataset ReoffenceProvenAfterFollowUp() => new()
    {
        AsOf = D(2022, 12, 31),
        Areas = [new Area(Area, "Warwickshire")],
        Children = [Child("C1", D(2005, 1, 1))],
        Offences =
        [
            new Offence("O1", "C1", D(2020, 9, 1), OffenceGroup.Theft, 3),
            new Offence("O2", "C1", D(2021, 10, 1), OffenceGroup.Theft, 3),
        ],
        Outcomes =
        [
            new Outcome("X1", "C1", ["O1"], D(2020, 11, 1), OutcomeTypes.ReferralOrder, DecidingBody.Court),
            new Outcome("X2", "C1", ["O2"], D(2021, 12, 1), OutcomeTypes.YouthCaution, DecidingBody.Police),
        ],
    };

    [Fact]
    public void An_override_of_the_national_tracker_waiting_period_changes_the_rate_its_version_and_names_itself_with_the_changed_parameter()
    {
        var waiting = DefinitionOverride.SetParameter("local-tracker-waiting-3-months", NationalIndicatorIds.TrackerBinary,
            "Waits three months for reoffences to be proven, as the local board asked.", NationalParameters.WaitingPeriodMonths, "3");
        var query = new IndicatorQuery([ReportingPeriod.Custom(D(2020, 10, 1), D(2021, 3, 31))], [Area], []);
        var data = IndicatorContext.For(ReoffenceProvenAfterFollowUp());

        var national = Registry(NationalIndicators.CreateAll()).Compute(data, query, [NationalIndicatorIds.TrackerBinary]).Results.Single();
        var local = Registry(NationalIndicators.CreateAll(), waiting).Compute(data, query, [NationalIndicatorIds.TrackerBinary]).Results.Single();

        // Nationally the reoffence is proven too late (no waiting period): 0 of 1. With three months' wait it counts: 1 of 1.
        Assert.Equal((0m, 1m, 0m), (national.Numerator, national.Denominator!.Value, national.Value!.Value));
        Assert.Equal(new MethodologyRef(NationalIndicatorIds.TrackerBinary, 1), national.Methodology);
        Assert.Empty(national.AppliedOverrides);
        Assert.Equal((1m, 1m, 100m), (local.Numerator, local.Denominator!.Value, local.Value!.Value));
        Assert.Equal(new MethodologyRef(NationalIndicatorIds.TrackerBinary, 1, "local-rules/local-tracker-waiting-3-months"), local.Methodology);
        Assert.Equal("tracker-binary v1+local-rules/local-tracker-waiting-3-months", local.Methodology.ToString());
        Assert.Equal(["local-tracker-waiting-3-months", "waitingPeriodMonths=3 (national: 0)"], local.AppliedOverrides.ToArray());
    }

    [Fact]
    public void An_override_leaves_the_other_national_indicators_as_they_were()
    {
        var waiting = DefinitionOverride.SetParameter("local-tracker-waiting-3-months", NationalIndicatorIds.TrackerBinary,
            "Waits three months.", NationalParameters.WaitingPeriodMonths, "3");
        var registry = Registry(NationalIndicators.CreateAll(), waiting);
        var query = new IndicatorQuery([ReportingPeriod.Custom(D(2020, 10, 1), D(2021, 3, 31))], [Area], []);

        var frequency = registry.Compute(IndicatorContext.For(ReoffenceProvenAfterFollowUp()), query, [NationalIndicatorIds.TrackerFrequency]).Results.Single();

        Assert.True(registry.LoadReport.IsClean);
        Assert.Equal(0m, frequency.Numerator);
        Assert.Equal(new MethodologyRef(NationalIndicatorIds.TrackerFrequency, 1), frequency.Methodology);
        Assert.Empty(frequency.AppliedOverrides);
    }

    [Fact]
    public void An_override_of_a_kpi_changes_the_agencies_counted_its_version_and_names_itself_in_the_result()
    {
        var agencies = DefinitionOverride.SetParameter("local-board-police-and-health", KeyPerformanceIndicators.BoardAttendanceId,
            "Counts only the police and health at the board.", KeyPerformanceIndicators.AgenciesParameter, "POLICE,HEALTH");
        var meeting = D(2023, 6, 1);
        var data = new Dataset
        {
            AsOf = D(2024, 6, 30),
            Areas = [new Area(Area, "Warwickshire")],
            BoardAttendances =
            [
                new BoardAttendance(Area, meeting, "POLICE", AttendanceLevel.Senior),
                new BoardAttendance(Area, meeting, "HEALTH", AttendanceLevel.Deputy),
                new BoardAttendance(Area, meeting, "EDUCATION", AttendanceLevel.Senior),
                new BoardAttendance(Area, meeting, "PROBATION", AttendanceLevel.Senior),
            ],
        };
        var query = new IndicatorQuery([ReportingPeriod.FinancialYear(2023)], [Area], []);

        var national = Registry(KeyPerformanceIndicators.CreateAll()).Compute(IndicatorContext.For(data), query, [KeyPerformanceIndicators.BoardAttendanceId]).Results.Single(r => r.Breakdown.IsTotal);
        var local = Registry(KeyPerformanceIndicators.CreateAll(), agencies).Compute(IndicatorContext.For(data), query, [KeyPerformanceIndicators.BoardAttendanceId]).Results.Single(r => r.Breakdown.IsTotal);

        // Every agency: 3 of 4 attended at senior level (75%); police and health only: 1 of 2 (50%).
        Assert.Equal((3m, 4m, 75m), (national.Numerator, national.Denominator!.Value, national.Value!.Value));
        Assert.Empty(national.AppliedOverrides);
        Assert.Equal((1m, 2m, 50m), (local.Numerator, local.Denominator!.Value, local.Value!.Value));
        Assert.Equal(new MethodologyRef(KeyPerformanceIndicators.BoardAttendanceId, 1, "local-rules/local-board-police-and-health"), local.Methodology);
        Assert.Equal(["local-board-police-and-health"], local.AppliedOverrides.ToArray());
    }

    [Fact]
    public void An_override_that_gives_a_national_parameter_an_unreadable_value_is_an_invalid_override_of_its_plugin()
    {
        var broken = DefinitionOverride.SetParameter("local-tracker-waiting-three", NationalIndicatorIds.TrackerBinary,
            "Waits three months, spelt out.", NationalParameters.WaitingPeriodMonths, "three");
        var catalog = new PluginCatalog();
        catalog.AddPlugin(new OverridingPlugin(broken), Manifest);

        var ex = Assert.Throws<PluginFailureException>(() => new YouthJusticeRegistry(catalog, NationalIndicators.CreateAll()));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(("local-rules", PluginErrorKind.InvalidOverride, "local-tracker-waiting-three"), (error.PluginId, error.Kind, error.ComponentId));
        Assert.Contains("applying it threw FormatException", error.Message, StringComparison.Ordinal);
    }

    private static readonly PluginManifest OtherManifest = Manifest with { Id = "other-rules", DisplayName = "Other rules" };

    [Fact]
    public void Two_plugins_overriding_the_same_parameter_are_both_reported_whatever_the_load_order()
    {
        var three = DefinitionOverride.SetParameter("waiting-3", NationalIndicatorIds.TrackerBinary, "Waits three months.", NationalParameters.WaitingPeriodMonths, "3");
        var six = DefinitionOverride.SetParameter("waiting-6", NationalIndicatorIds.TrackerBinary, "Waits six months.", NationalParameters.WaitingPeriodMonths, "6");
        foreach (var firstIsLocal in new[] { true, false })
        {
            var catalog = new PluginCatalog();
            if (firstIsLocal)
            {
                catalog.AddPlugin(new OverridingPlugin(three), Manifest);
                catalog.AddPlugin(new OverridingPlugin(six), OtherManifest);
            }
            else
            {
                catalog.AddPlugin(new OverridingPlugin(six), OtherManifest);
                catalog.AddPlugin(new OverridingPlugin(three), Manifest);
            }

            var registry = new YouthJusticeRegistry(catalog, NationalIndicators.CreateAll(), PluginFailurePolicy.ContinueWithoutFaultyPlugins);

            Assert.Equal(["local-rules", "other-rules"], registry.LoadReport.Errors.Select(e => e.PluginId).Order(StringComparer.Ordinal).ToArray());
            Assert.All(registry.LoadReport.Errors, e =>
            {
                Assert.Equal(PluginErrorKind.InvalidOverride, e.Kind);
                Assert.Contains("waitingPeriodMonths", e.Message, StringComparison.Ordinal);
            });
            // Neither wins: the tracker keeps the national definition.
            Assert.Null(registry.Indicators.Single(i => i.Definition.Id == NationalIndicatorIds.TrackerBinary).Definition.Variant);
        }
    }

    [Fact]
    public void Overrides_of_different_parameters_combine_into_one_identity_independent_of_order()
    {
        var waiting = DefinitionOverride.SetParameter("waiting-3", NationalIndicatorIds.TrackerBinary, "Waits three months.", NationalParameters.WaitingPeriodMonths, "3");
        var follow = DefinitionOverride.SetParameter("follow-18", NationalIndicatorIds.TrackerBinary, "Follows 18 months.", NationalParameters.FollowUpMonths, "18");
        IndicatorDefinition Composed(params (DefinitionOverride O, PluginManifest M)[] plugins)
        {
            var catalog = new PluginCatalog();
            foreach (var (o, m) in plugins)
            {
                catalog.AddPlugin(new OverridingPlugin(o), m);
            }
            return new YouthJusticeRegistry(catalog, NationalIndicators.CreateAll()).Indicators.Single(i => i.Definition.Id == NationalIndicatorIds.TrackerBinary).Definition;
        }

        var one = Composed((waiting, Manifest), (follow, OtherManifest));
        var other = Composed((follow, OtherManifest), (waiting, Manifest));

        Assert.Equal(one, other);
        Assert.Equal("tracker-binary v1+local-rules/waiting-3+other-rules/follow-18", one.Ref.ToString());
        Assert.Equal(("3", "18"), (one.GetString(NationalParameters.WaitingPeriodMonths), one.GetString(NationalParameters.FollowUpMonths)));
        Assert.Equal(["local-rules", "other-rules"], one.AppliedOverrides.Select(o => o.DeclaredBy!).ToArray());
    }

    [Fact]
    public void An_override_of_a_parameter_the_indicator_does_not_have_is_an_invalid_override()
    {
        var typo = DefinitionOverride.SetParameter("typo", NationalIndicatorIds.TrackerBinary, "Misspelt.", "waitingMonths", "3");
        var catalog = new PluginCatalog();
        catalog.AddPlugin(new OverridingPlugin(typo), Manifest);

        var ex = Assert.Throws<PluginFailureException>(() => new YouthJusticeRegistry(catalog, NationalIndicators.CreateAll()));

        Assert.Contains("has no parameter 'waitingMonths'", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }
}
