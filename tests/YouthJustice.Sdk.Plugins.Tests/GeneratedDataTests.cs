using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Synthetic;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Plugins.Tests;

/// <summary>
/// The three plugins, loaded from disk by the real loader, on data from the synthetic generator for their own authority:
/// the generator and the plugins must agree on codes (routes, pathway states, closure reasons), and every plugin figure
/// must be computable and sensible.
/// </summary>
public class GeneratedDataTests
{
    public static TheoryData<string, string> Plugins => new()
    {
        { "coventry-diversion", "E08000026" },
        { "leicester-early-intervention", "E06000016" },
        { "warwickshire-ecm", "E10000031" },
    };

    /// <summary>Each plugin's local programme, the national kind it counts as its own, and the indicator counting its
    /// referrals or enrolments.</summary>
    public static TheoryData<string, string, string, string> Programmes => new()
    {
        { "coventry-diversion", "E08000026", "COVENTRY_DIVERSION", "DIVERSION" },
        { "leicester-early-intervention", "E06000016", "LEICESTER_EIT", "EARLY_INTERVENTION" },
        { "warwickshire-ecm", "E10000031", "WARWICKSHIRE_ECM", "ECM" },
    };

    private static readonly ReportingPeriod Year2021 = ReportingPeriod.FinancialYear(2021);

    // Generated once per authority: the datasets are immutable and deterministic.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Domain.Dataset>> Datasets = new(StringComparer.Ordinal);

    private static Domain.Dataset Generate(string area) => Datasets.GetOrAdd(area, a => new Lazy<Domain.Dataset>(() =>
        SyntheticDatasetGenerator.Generate(SyntheticOptions.SingleAuthority(2023, a switch
        {
            "E06000016" => AreaProfile.Leicester,
            "E10000031" => AreaProfile.Warwickshire,
            _ => AreaProfile.Coventry,
        }) with { Programmes = LocalProgrammeModel.FromRegistry(LoadedPlugins.Registry) }))).Value;

    private static IndicatorRun Compute(string area, IndicatorQuery query, params string[] ids) =>
        LoadedPlugins.Registry.Compute(IndicatorContext.For(Generate(area)), query, ids);

    private static IndicatorResult Total(IndicatorRun run, string id) =>
        Assert.Single(run.Results, r => r.IndicatorId == id && r.Breakdown.IsTotal);

    private static IndicatorQuery For2021(string area, params string[] breakdowns) => new([Year2021], [area], [.. breakdowns]);

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Generated_data_for_the_plugins_authority_passes_its_validation_rules_and_pathways(string pluginId, string area)
    {
        var registry = LoadedPlugins.Registry;
        var dataset = Generate(area);

        var run = registry.Validate(dataset);

        Assert.Empty(run.Errors);
        var errors = run.Findings.Where(f => f.Severity == FindingSeverity.Error && f.RuleId.StartsWith(pluginId, StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, $"{pluginId}: {errors.Count} findings, e.g. {string.Join("; ", errors.Take(5))}");
        // The other plugins' rules, which read the same national kinds, find nothing wrong either (a host loads all three).
        var anyErrors = run.Findings.Where(f => f.Severity == FindingSeverity.Error).ToList();
        Assert.True(anyErrors.Count == 0, $"{anyErrors.Count} findings, e.g. {string.Join("; ", anyErrors.Take(5))}");
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Every_indicator_of_the_plugin_computes_on_generated_data_for_its_authority(string pluginId, string area)
    {
        var registry = LoadedPlugins.Registry;
        var dataset = Generate(area);
        var ids = registry.Indicators.Select(i => i.Definition.Id).Where(id => registry.OwnerOf(id) == pluginId).ToList();
        var query = new IndicatorQuery([ReportingPeriod.FinancialYear(2020), ReportingPeriod.FinancialYear(2021)], [area], []);

        var run = registry.Compute(IndicatorContext.For(dataset), query, ids);

        Assert.Empty(run.Errors);
        Assert.NotEmpty(ids);
        foreach (var id in ids)
        {
            var results = run.Results.Where(r => r.IndicatorId == id).ToList();
            Assert.True(results.Count > 0, $"{id} produced no result");
            Assert.All(results, r =>
            {
                Assert.Equal(area, r.AreaCode);
                Assert.True(r.Numerator >= 0, $"{id} {r.Breakdown}: negative numerator");
                if (r.Denominator is { } d && r.Unit.Contains('%', StringComparison.Ordinal))
                {
                    Assert.True(r.Numerator <= d, $"{id} {r.Breakdown}: {r.Numerator} of {d}");
                }
            });
        }
        // The generator gives each authority its own programme: its referrals must be counted, not zero.
        Assert.Contains(run.Results, r => r.Breakdown.IsTotal && r.Numerator > 0);
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void The_plugins_board_section_builds_from_generated_data(string pluginId, string area)
    {
        var registry = LoadedPlugins.Registry;
        var dataset = Generate(area);

        var run = registry.BuildReportSections(IndicatorContext.For(dataset), new IndicatorQuery([ReportingPeriod.FinancialYear(2021)], [area], []));

        Assert.Empty(run.Errors);
        var section = Assert.Single(run.Sections, s => registry.OwnerOf(s.Id) == pluginId);
        Assert.Equal(pluginId, section.Owner);
        var table = section.Tables().First();
        Assert.NotEmpty(table.Rows);
        Assert.All(table.Rows, row => Assert.Equal(table.Columns.Length, row.Length));
        Assert.NotEmpty(section.Figures());
    }

    [Theory]
    [MemberData(nameof(Programmes))]
    public void Generated_episodes_of_the_national_kind_follow_the_plugins_pathway(string pluginId, string area, string localCode, string nationalCode)
    {
        var registry = LoadedPlugins.Registry;
        var dataset = Generate(area);
        var pathway = Assert.Single(registry.Pathways, p => p.ProgrammeCode == localCode);
        var events = dataset.PathwayEvents.ToLookup(e => e.EpisodeId, StringComparer.Ordinal);
        var episodes = dataset.Episodes.Where(e => e.Programme.Code == nationalCode).ToList();

        // The registry applies a pathway to episodes of its own code; the plugin counts the national kind as its
        // programme too, so the generator's steps for that kind must follow the same pathway.
        Assert.True(episodes.Count > 20, $"{pluginId}: only {episodes.Count} {nationalCode} episodes");
        var issues = episodes.SelectMany(e => pathway.Validate(e.Id, events[e.Id])).ToList();
        Assert.True(issues.Count == 0, $"{pluginId}: {issues.Count} pathway issues, e.g. {string.Join("; ", issues.Take(5))}");
        Assert.All(episodes, e => Assert.NotEmpty(events[e.Id]));
    }

    public static TheoryData<string, string, string> ProgrammeCodes => new()
    {
        { "coventry-diversion", "COVENTRY_DIVERSION", "DIVERSION" },
        { "leicester-early-intervention", "LEICESTER_EIT", "EARLY_INTERVENTION" },
        { "warwickshire-ecm", "WARWICKSHIRE_ECM", "ECM" },
    };

    [Theory]
    [MemberData(nameof(ProgrammeCodes))]
    public void The_plugins_indicators_name_the_local_and_national_programme_codes_they_count(string pluginId, string localCode, string nationalCode)
    {
        var registry = LoadedPlugins.Registry;
        var definitions = registry.Indicators.Select(i => i.Definition).Where(d => registry.OwnerOf(d.Id) == pluginId && d.HasParameter("programmes")).ToList();

        Assert.NotEmpty(definitions);
        Assert.Contains(definitions, d => d.GetString("programmes") == $"{localCode},{nationalCode}");
        // Only Coventry's youth worker offer, which has no national kind, counts its local code alone.
        Assert.All(definitions, d => Assert.True(d.GetString("programmes") == $"{localCode},{nationalCode}" || d.GetString("programmes") == "COVENTRY_YOUTH_WORKER",
            $"{d.Id}: {d.GetString("programmes")}"));
    }

    [Fact]
    public void Coventry_counts_generated_diversion_referrals_with_consent_and_engagement_rates_over_real_denominators()
    {
        const string area = "E08000026";
        var run = Compute(area, For2021(area), "coventry-diversion.referrals", "coventry-diversion.consent-rate", "coventry-diversion.engagement-rate",
            "coventry-diversion.diversion-rearrest-6m");

        Assert.Empty(run.Errors);
        var referrals = Total(run, "coventry-diversion.referrals");
        var consent = Total(run, "coventry-diversion.consent-rate");
        var engagement = Total(run, "coventry-diversion.engagement-rate");
        Assert.True(referrals.Numerator > 0, "no diversion referrals in 2021/22");
        Assert.True(consent.Denominator > 0 && consent.Numerator > 0 && consent.Numerator < consent.Denominator, $"consent {consent.Numerator}/{consent.Denominator}");
        Assert.True(engagement.Denominator > 0 && engagement.Numerator > 0, $"engagement {engagement.Numerator}/{engagement.Denominator}");
        Assert.True(consent.Denominator <= referrals.Numerator);
        Assert.True(Total(run, "coventry-diversion.diversion-rearrest-6m").Denominator > 0, "no diversion episodes closed in 2021/22");
    }

    [Fact]
    public void Coventry_compares_generated_referrals_with_the_secondary_school_census()
    {
        const string area = "E08000026";
        var registry = LoadedPlugins.Registry;
        var definition = registry.Indicators.Single(i => i.Definition.Id == "coventry-diversion.referral-ethnicity").Definition;

        var run = Compute(area, For2021(area), "coventry-diversion.referral-ethnicity");

        Assert.Equal(SyntheticCodes.SecondarySchoolCensus, definition.GetString("referencePopulation"));
        Assert.Empty(run.Errors);
        var total = Total(run, "coventry-diversion.referral-ethnicity");
        Assert.True(total.Denominator > 0);
        Assert.All(run.Results, r => Assert.StartsWith(SyntheticCodes.SecondarySchoolCensus + " ", r.Note, StringComparison.Ordinal));
        Assert.Contains(run.Results, r => !r.Breakdown.IsTotal && r.Note!.Contains("relative rate", StringComparison.Ordinal));
    }

    [Fact]
    public void Leicester_counts_generated_early_intervention_referrals_and_its_funnel()
    {
        const string area = "E06000016";
        var run = Compute(area, For2021(area), "leicester-early-intervention.referred", "leicester-early-intervention.engaged",
            "leicester-early-intervention.completed", "leicester-early-intervention.reoffended-6m");

        Assert.Empty(run.Errors);
        var referred = Total(run, "leicester-early-intervention.referred");
        var engaged = Total(run, "leicester-early-intervention.engaged");
        var completed = Total(run, "leicester-early-intervention.completed");
        Assert.True(referred.Numerator > 0, "no early intervention referrals in 2021/22");
        Assert.Equal(referred.Numerator, engaged.Denominator);
        Assert.True(engaged.Numerator > 0 && engaged.Numerator < engaged.Denominator, $"engaged {engaged.Numerator}/{engaged.Denominator}");
        Assert.Equal(engaged.Numerator, completed.Denominator);
        Assert.True(completed.Numerator > 0);
        Assert.True(Total(run, "leicester-early-intervention.reoffended-6m").Denominator > 0, "no early intervention episodes closed in 2021/22");
    }

    [Fact]
    public void Leicesters_board_section_has_a_row_per_referral_route_each_with_generated_referrals()
    {
        const string area = "E06000016";
        string[] routes = ["POLICE_CR", "OOCD_PANEL", "CASE_MANAGER", "SYV_JAG", "SCHOOL_REACH"];

        var run = LoadedPlugins.Registry.BuildReportSections(IndicatorContext.For(Generate(area)), For2021(area));

        Assert.Empty(run.Errors);
        var section = Assert.Single(run.Sections, s => s.Id == "leicester-early-intervention.board-report");
        var table = section.Tables().Single();
        var referredColumn = table.Columns.IndexOf(table.Columns.Single(c => c.Title == "Referred"));
        Assert.True(referredColumn > 0);
        string Route(System.Collections.Immutable.ImmutableArray<Reporting.ReportCell> row) => ((Reporting.TextCell)row[1]).Text;
        decimal Referred(System.Collections.Immutable.ImmutableArray<Reporting.ReportCell> row) =>
            ((Reporting.FigureCell)row[referredColumn]).Figure.Numerator!.Value;
        foreach (var route in routes)
        {
            var row = Assert.Single(table.Rows, r => Route(r) == route);
            Assert.True(Referred(row) > 0, $"no {route} referrals");
        }
        var all = Assert.Single(table.Rows, r => Route(r) == "All routes");
        Assert.Equal(routes.Sum(route => Referred(table.Rows.Single(r => Route(r) == route))), Referred(all));
    }

    [Fact]
    public void Warwickshire_finds_generated_children_both_eligible_for_and_enrolled_on_enriched_case_management()
    {
        const string area = "E10000031";
        var run = Compute(area, For2021(area), "warwickshire-ecm.eligible-enrolled", "warwickshire-ecm.parent-included", "warwickshire-ecm.reoffending");

        Assert.Empty(run.Errors);
        decimal Status(string status) => Assert.Single(run.Results,
            r => r.IndicatorId == "warwickshire-ecm.eligible-enrolled" && r.Breakdown.Dimension == "status" && r.Breakdown.Value == status).Numerator;
        Assert.True(Status("eligible") > 0, "no eligible children at 31 March 2022");
        Assert.True(Status("enrolled") > 0, "no children on ECM in 2021/22");
        var rate = Total(run, "warwickshire-ecm.eligible-enrolled");
        Assert.Equal(Status("eligible"), rate.Denominator);
        Assert.True(rate.Numerator > 0, "no eligible child enrolled");
        var parents = Total(run, "warwickshire-ecm.parent-included");
        Assert.True(parents.Denominator > 0 && parents.Numerator > 0, $"parents included {parents.Numerator}/{parents.Denominator}");
        Assert.True(Assert.Single(run.Results, r => r.IndicatorId == "warwickshire-ecm.reoffending" && r.Breakdown.Value == "enrolled").Denominator > 0);
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void In_a_multi_area_dataset_a_plugin_counts_only_its_own_authoritys_records(string pluginId, string area)
    {
        // Coventry, Leicester and Warwickshire plus two synthetic areas, all with national-kind episodes. The generator
        // prefixes every id with the child's area code, so the evidence says whose records were counted.
        var dataset = SyntheticDatasetGenerator.Generate(SyntheticOptions.National(2023, 5, scale: 0.3) with
        {
            Programmes = LocalProgrammeModel.FromRegistry(LoadedPlugins.Registry),
        });
        var registry = LoadedPlugins.Registry;
        var ids = registry.Indicators.Select(i => i.Definition.Id).Where(id => registry.OwnerOf(id) == pluginId).ToList();
        var query = new IndicatorQuery([ReportingPeriod.FinancialYear(2021)], [area], [], CollectEvidence: true);

        var run = registry.Compute(IndicatorContext.For(dataset), query, ids);

        Assert.Empty(run.Errors);
        var evidence = run.Results.Where(r => r.Evidence is not null)
            .SelectMany(r => r.Evidence!.NumeratorIds.Concat(r.Evidence.DenominatorIds)).Distinct().ToList();
        Assert.NotEmpty(evidence);
        Assert.All(evidence, id => Assert.StartsWith(area + "-", id, StringComparison.Ordinal));
        Assert.Empty(registry.Validate(dataset).Findings.Where(f => f.RuleId.StartsWith(pluginId, StringComparison.Ordinal) && !f.RecordId.StartsWith(area, StringComparison.Ordinal)));
    }
}
