using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Microsoft.Extensions.DependencyInjection;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Hosting;

namespace YouthJustice.Sdk.Samples.Console;

/// <summary><c>yj validate</c>: imports a dataset and prints the import report.</summary>
internal static class ValidateCommand
{
    public static readonly Option<ImportPolicy> Policy = new("--policy")
    {
        Description = "strict: any error fails the import; lenient: bad rows are rejected (and written to --rejects) and good rows load.",
        DefaultValueFactory = _ => ImportPolicy.Strict,
        Recursive = true,
    };

    public static readonly Option<DirectoryInfo?> Rejects = new("--rejects")
    {
        Description = "Lenient policy: the folder rejected rows are written to, with their reasons.",
        Recursive = true,
    };

    public static Command Create(IAnsiConsole progress)
    {
        var path = new Argument<string>("dataset") { Description = "A dataset folder, or a dataset .json file." };
        var command = new Command("validate", "Import a dataset and print the report: per file read = accepted + rejected, and every error with file, line, field and reason.")
        {
            path,
        };
        command.SetAction(parse =>
        {
            using var provider = SdkHost.Build(parse);
            var options = ImportOptionsFrom(parse, provider.GetRequiredService<IYouthJusticeRegistry>());
            var result = progress.Status().Start("Importing…", _ => DatasetSource.Import(parse.GetValue(path), options));
            OutputWriter.Write(Describe(result.Report), parse.GetValue(CommonOptions.Format), parse.GetValue(CommonOptions.Output), AnsiConsole.Console);
            return result.Report.Succeeded ? ExitCodes.Success : ExitCodes.DataErrors;
        });
        return command;
    }

    /// <summary>Import options with every loaded plugin's codes and validation rules, and the policy and rejects folder asked for.</summary>
    public static ImportOptions ImportOptionsFrom(ParseResult parse, IYouthJusticeRegistry registry) =>
        registry.CreateImportOptions(parse.GetValue(Policy)) with { RejectsDirectory = parse.GetValue(Rejects)?.FullName };

    /// <summary>The report as two tables: per-file reconciliation, then every error.</summary>
    public static IReadOnlyList<TabularOutput> Describe(ImportReport report)
    {
        static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
        var files = report.Files
            .Select(f => (IReadOnlyList<string>)[f.File, f.Present ? "yes" : "no", N(f.Read), N(f.Accepted), N(f.Rejected), f.Read == f.Accepted + f.Rejected ? "yes" : "NO"])
            .Append(["total", "", N(report.TotalRead), N(report.TotalAccepted), N(report.TotalRejected), report.TotalRead == report.TotalAccepted + report.TotalRejected ? "yes" : "NO"])
            .ToList();
        var status = report.Succeeded ? "succeeded" : "FAILED";
        var errors = report.Errors
            .Select(e => (IReadOnlyList<string>)[e.File, e.Line?.ToString(CultureInfo.InvariantCulture) ?? e.Position ?? "", e.Field ?? "", e.Value ?? "", e.Reason])
            .ToList();
        return
        [
            new TabularOutput($"Import of {report.Source} ({report.Policy.ToString().ToLowerInvariant()}): {status}", ["file", "present", "read", "accepted", "rejected", "reconciles"], files),
            new TabularOutput($"Errors ({errors.Count})", ["file", "line", "field", "value", "reason"], errors),
        ];
    }
}
