using System.CommandLine;
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
        var list = new Command("list", "List the plugins: id, version, authority, what each adds, and load errors.");
        list.SetAction(parse =>
        {
            // Listing must show faulty plugins too, so it never fails fast.
            using var provider = SdkHost.Build(parse, PluginFailurePolicy.ContinueWithoutFaultyPlugins);
            var report = provider.GetRequiredService<PluginLoadReport>();
            var loaded = new TabularOutput($"Plugins loaded ({report.Loaded.Length})", ["id", "name", "version", "authority", "folder", "adds"],
                [.. report.Loaded.Select(p => (IReadOnlyList<string>)
                [
                    p.Id, p.Manifest.DisplayName, p.Manifest.Version,
                    p.Manifest.AuthorityName is { } name ? $"{name} ({p.Manifest.AuthorityCode})" : p.Manifest.AuthorityCode,
                    p.Directory ?? "(in process)", p.Adds.ToString(),
                ])]);
            var errors = new TabularOutput($"Load errors ({report.Errors.Length})", ["plugin", "kind", "message"],
                [.. report.Errors.Select(e => (IReadOnlyList<string>)[e.PluginId, e.Kind.ToString(), e.Message])]);
            OutputWriter.Write([loaded, errors], parse.GetValue(CommonOptions.Format), parse.GetValue(CommonOptions.Output), AnsiConsole.Console);
            return report.IsClean ? ExitCodes.Success : ExitCodes.PluginError;
        });
        return new Command("plugins", "Inspect the plugins the console loads.") { list };
    }
}
