using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Plugins.Tests;

/// <summary>Every plugin's definition files: complete, cited to publications or project decisions, round-tripping, and
/// the source of every indicator the plugin registers.</summary>
public partial class PluginDefinitionFileTests
{
    // Written so this file does not match itself: [ ] is a space, [.] a dot.
    [GeneratedRegex("s[e]ed[ _-]?0[0-9]{2}|domain[.]md|domain[ ]brief|\\bL[0-9]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex NotACitation();

    private static IReadOnlyList<IIndicator> PluginIndicators() =>
        [.. LoadedPlugins.Registry.Indicators.Where(i => i.Definition.Id.Contains('.', StringComparison.Ordinal))];

    private static IEnumerable<string> Problems(IndicatorDefinition d)
    {
        if (d.Sources.IsDefaultOrEmpty)
        {
            yield return $"{d.Id}: no citation";
            yield break;
        }
        if (string.IsNullOrWhiteSpace(d.Family))
        {
            yield return $"{d.Id}: no family";
        }
        foreach (var key in d.Parameters.Keys.Where(k => !IndicatorDefinitions.IsCamelCase(k)))
        {
            yield return $"{d.Id}: parameter '{key}' is not camelCase";
        }
        foreach (var s in d.Sources)
        {
            foreach (var p in s.Problems())
            {
                yield return $"{d.Id}: citation '{s}': {p}";
            }
            if (NotACitation().IsMatch(string.Join(" | ", s.Publisher, s.Title, s.Year, s.Section, s.Url, s.Reason)))
            {
                yield return $"{d.Id}: citation '{s}' cites working notes, not a publication";
            }
        }
        if (NotACitation().IsMatch(d.Description))
        {
            yield return $"{d.Id}: the description cites working notes";
        }
    }

    [Fact]
    public void Every_plugin_indicator_is_cited_has_its_plugins_family_and_camel_case_parameters()
    {
        var indicators = PluginIndicators();

        Assert.Equal(24, indicators.Count);
        Assert.Empty(indicators.SelectMany(i => Problems(i.Definition)));
        Assert.All(indicators, i => Assert.Equal(i.Definition.Id[..i.Definition.Id.IndexOf('.', StringComparison.Ordinal)], i.Definition.Family));
    }

    [Fact]
    public void Every_plugin_definition_file_round_trips_and_with_default_settings_is_what_the_plugin_registers()
    {
        var indicators = PluginIndicators();
        var assemblies = indicators.Select(i => i.GetType().Assembly).Distinct().ToList();

        Assert.Equal(3, assemblies.Count);
        var files = assemblies.SelectMany(a => IndicatorDefinitions.LoadEmbedded(a).Values).ToList();
        Assert.Equal(indicators.Select(i => i.Definition.Id).Order(StringComparer.Ordinal), files.Select(f => f.Id).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            Assert.Empty(Problems(file));
            var json = IndicatorDefinitions.Write(file);
            Assert.Equal(file, IndicatorDefinitions.Read(json, file.Id));
            Assert.Equal(json, IndicatorDefinitions.Write(IndicatorDefinitions.Read(json, file.Id)));
            // The real plugin folders carry no settings that change a definition: the file is what is registered.
            Assert.Equal(file, indicators.Single(i => i.Definition.Id == file.Id).Definition);
        }
    }

    [Fact]
    public void A_plugin_setting_applies_to_the_loaded_definition_as_a_parameter_value_declared_by_the_plugin()
    {
        var services = new ServiceCollection();
        services.AddYouthJustice(o =>
        {
            o.PluginsDirectory = PluginFolders.Real;
            o.SetPluginSetting("coventry-diversion", "diversion.programmes", "COVENTRY_DIVERSION");
            o.SetPluginSetting("coventry-diversion", "referrals.referencePopulation", "census-2021");
        });
        var registry = services.BuildServiceProvider().GetRequiredService<IYouthJusticeRegistry>();

        var ethnicity = registry.Indicators.Single(i => i.Definition.Id == "coventry-diversion.referral-ethnicity").Definition;
        var youthWorker = registry.Indicators.Single(i => i.Definition.Id == "coventry-diversion.youth-worker-rearrest-6m").Definition;

        Assert.Equal(("COVENTRY_DIVERSION", "census-2021"), (ethnicity.GetString("programmes"), ethnicity.GetString("referencePopulation")));
        Assert.Equal("coventry-diversion.referral-ethnicity v1+coventry-diversion/setting.diversion.programmes+coventry-diversion/setting.referrals.referencePopulation",
            ethnicity.Ref.ToString());
        Assert.All(ethnicity.AppliedOverrides, o => Assert.Equal("coventry-diversion", o.DeclaredBy));
        // The youth worker offer follows its own setting, not the diversion one.
        Assert.Null(youthWorker.Variant);
    }
}
