using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Hosting;

/// <summary>What one plugin added, by id or code.</summary>
/// <param name="IndicatorIds">Indicators.</param>
/// <param name="ProgrammeCodes">Programmes (codes).</param>
/// <param name="PathwayProgrammeCodes">Programmes that came with a pathway.</param>
/// <param name="OutcomeTypeCodes">Local outcome types.</param>
/// <param name="EligibilityRuleIds">Eligibility rules.</param>
/// <param name="ValidationRuleIds">Validation rules.</param>
/// <param name="ReportSectionIds">Report sections.</param>
/// <param name="OverrideNames">Declared overrides, as "name → indicator id".</param>
/// <param name="TestCaseCount">How many test cases it ships.</param>
/// <param name="ServiceCount">How many services it registered (in its own provider, not the host's container).</param>
public sealed record PluginContributions(
    ImmutableArray<string> IndicatorIds,
    ImmutableArray<string> ProgrammeCodes,
    ImmutableArray<string> PathwayProgrammeCodes,
    ImmutableArray<string> OutcomeTypeCodes,
    ImmutableArray<string> EligibilityRuleIds,
    ImmutableArray<string> ValidationRuleIds,
    ImmutableArray<string> ReportSectionIds,
    ImmutableArray<string> OverrideNames,
    int TestCaseCount,
    int ServiceCount)
{
    /// <summary>A one-line summary, e.g. "5 indicators, 2 programmes, …".</summary>
    public override string ToString() =>
        $"{Count(IndicatorIds.Length, "indicator")}, {Count(ProgrammeCodes.Length, "programme")} ({PathwayProgrammeCodes.Length} with pathways), " +
        $"{Count(OutcomeTypeCodes.Length, "outcome type")}, {Count(EligibilityRuleIds.Length, "eligibility rule")}, {Count(ValidationRuleIds.Length, "validation rule")}, " +
        $"{Count(ReportSectionIds.Length, "report section")}, {Count(OverrideNames.Length, "override")}, {Count(TestCaseCount, "test case")}, {Count(ServiceCount, "service")}";

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");
}

/// <summary>A plugin that loaded: its manifest, where it came from and what it added.</summary>
/// <param name="Manifest">The manifest.</param>
/// <param name="Directory">The folder it was loaded from, or <see langword="null"/> for a plugin added in process.</param>
/// <param name="Adds">What it added.</param>
public sealed record LoadedPluginInfo(PluginManifest Manifest, string? Directory, PluginContributions Adds)
{
    /// <summary>The plugin's id.</summary>
    public string Id => Manifest.Id;
}

/// <summary>
/// What loading plugins did: every plugin that loaded (id, version, authority, what it added) and every error (plugin and reason).
/// A host prints it at start-up, under either failure policy.
/// </summary>
/// <param name="Policy">The failure policy in force.</param>
/// <param name="Loaded">The plugins that loaded and are in use.</param>
/// <param name="Errors">The problems, each naming its plugin.</param>
public sealed record PluginLoadReport(PluginFailurePolicy Policy, ImmutableArray<LoadedPluginInfo> Loaded, ImmutableArray<PluginError> Errors)
{
    /// <summary>An empty report.</summary>
    public static PluginLoadReport Empty(PluginFailurePolicy policy) => new(policy, [], []);

    /// <summary>Whether no plugin had a problem.</summary>
    public bool IsClean => Errors.IsEmpty;

    /// <summary>A plain-text report, one line per plugin and per error.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Plugins loaded: {Loaded.Length}; errors: {Errors.Length} (policy {Policy})");
        foreach (var p in Loaded)
        {
            sb.AppendLine().Append(CultureInfo.InvariantCulture,
                $"  {p.Manifest.Id} {p.Manifest.Version} for {p.Manifest.AuthorityName ?? p.Manifest.AuthorityCode} ({p.Manifest.AuthorityCode}): {p.Adds}");
        }
        foreach (var e in Errors)
        {
            sb.AppendLine().Append("  ERROR ").Append(e.ToString());
        }
        return sb.ToString();
    }
}
