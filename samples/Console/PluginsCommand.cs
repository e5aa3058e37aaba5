using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using YouthJustice.Sdk.Plugins;
using Spectre.Console;
using YouthJustice.Sdk.Hosting;

namespace YouthJustice.Sdk.Samples.Console;

/// <summary><c>yj plugins list</c>: which plugins loaded, what each adds, and every load error; <c>yj plugins test</c>: every
/// loaded plugin's shipped test cases, run as the host runs them.</summary>
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
        var test = new Command("test", "Run every loaded plugin's shipped test cases (test-cases/*.case.json in its folder, and any it registers in code) and print pass or fail per case, with what differed. Exits 5 if any case fails, 3 if a plugin fails to load (unless --continue-without-faulty-plugins is given).");
        SdkHost.AddOptionsTo(test);
        test.SetAction(parse =>
        {
            using var provider = SdkHost.Build(parse);
            var registry = provider.GetRequiredService<IYouthJusticeRegistry>();
            var outcomes = PluginTestRunner.RunAll(registry);
            var failed = outcomes.Count(o => !o.Passed);
            var title = string.Create(CultureInfo.InvariantCulture,
                $"Plugin test cases: {outcomes.Count - failed} passed, {failed} failed ({registry.Composition.Plugins.Length} plugins)");
            var rows = new TabularOutput(title, ["plugin", "case", "result", "what differed"],
                [.. outcomes.Select(o => (IReadOnlyList<string>)
                [
                    o.TestCase.PluginId, o.TestCase.Case.Name, o.Passed ? "PASS" : "FAIL", string.Join(" ", o.Failures),
                ])]);
            OutputWriter.Write([rows], parse.GetValue(CommonOptions.Format), parse.GetValue(CommonOptions.Output), AnsiConsole.Console);
            return failed > 0 ? ExitCodes.TestCasesFailed : ExitCodes.Success;
        });
        return new Command("plugins", "Inspect the plugins the console loads (yj plugins list) and run their shipped test cases (yj plugins test).") { list, test };
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
