using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using YouthJustice.Sdk.Plugins;
using Spectre.Console;
using YouthJustice.Sdk.Hosting;

namespace YouthJustice.Sdk.Samples.Console;

/// <summary><c>yj plugins list</c>: which plugins loaded, what each adds, and every load error.</summary>
internal static class PluginsCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List the plugins: id, version, authority, what each adds, and load errors. Exits 3 if any failed to load, unless --continue-without-faulty-plugins is given.");
        SdkHost.AddOptionsTo(list);
        list.SetAction(parse =>
        {
            // Listing must show faulty plugins too, so it never stops at the first.
            using var provider = SdkHost.Build(parse, PluginFailurePolicy.ContinueWithoutFaultyPlugins);
            var report = provider.GetRequiredService<PluginLoadReport>();
            var loaded = new TabularOutput($"Plugins loaded ({report.Loaded.Length})", ["id", "name", "version", "authority", "folder", "adds"],
                [.. report.Loaded.Select(p => (IReadOnlyList<string>)
                [
                    p.Id, p.Manifest.DisplayName, p.Manifest.Version,
                    p.Manifest.AuthorityName is { } name ? $"{name} ({p.Manifest.AuthorityCode})" : p.Manifest.AuthorityCode,
                    p.Directory ?? "(in process)", Describe(p.Adds),
                ])]);
            var errors = new TabularOutput($"Load errors ({report.Errors.Length})", ["plugin", "kind", "message"],
                [.. report.Errors.Select(e => (IReadOnlyList<string>)[e.PluginId, e.Kind.ToString(), e.Message])]);
            OutputWriter.Write([loaded, errors], parse.GetValue(CommonOptions.Format), parse.GetValue(CommonOptions.Output), AnsiConsole.Console);
            return report.IsClean || parse.GetValue(SdkHost.ContinueWithoutFaultyPlugins) ? ExitCodes.Success : ExitCodes.PluginError;
        });
        return new Command("plugins", "Inspect the plugins the console loads (yj plugins list).") { list };
    }

    /// <summary>What a plugin adds, in words with the right plurals, e.g. "5 indicators, 1 programme (1 with a pathway)".</summary>
    public static string Describe(PluginContributions adds)
    {
        static string Count(int n, string one, string many) => string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");
        return string.Join(", ",
            Count(adds.IndicatorIds.Length, "indicator", "indicators"),
            Count(adds.ProgrammeCodes.Length, "programme", "programmes")
                + string.Create(CultureInfo.InvariantCulture, $" ({adds.PathwayProgrammeCodes.Length} with {(adds.PathwayProgrammeCodes.Length == 1 ? "a pathway" : "pathways")})"),
            Count(adds.OutcomeTypeCodes.Length, "outcome type", "outcome types"),
            Count(adds.EligibilityRuleIds.Length, "eligibility rule", "eligibility rules"),
            Count(adds.ValidationRuleIds.Length, "validation rule", "validation rules"),
            Count(adds.ReportSectionIds.Length, "report section", "report sections"),
            Count(adds.OverrideNames.Length, "override", "overrides"),
            Count(adds.TestCaseCount, "test case", "test cases"),
            Count(adds.ServiceCount, "service", "services"));
    }
}
