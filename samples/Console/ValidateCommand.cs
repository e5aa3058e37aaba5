using Microsoft.Extensions.Logging;
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
        CustomParser = r => Choices.Parse<ImportPolicy>(r, "--policy"),
        HelpName = Choices.HelpName<ImportPolicy>(),
    };

    public static readonly Option<DirectoryInfo?> Rejects = new("--rejects")
    {
        Description = "Lenient policy: the folder rejected rows are written to, with their reasons.",
        HelpName = "folder",
    };

    public static readonly Option<bool> FailOnRejects = new("--fail-on-rejects")
    {
        Description = "Lenient policy: exit 1 if the import rejected any row or reported any error (the good rows are still checked and reported).",
    };

    /// <summary>Adds <c>--policy</c>, <c>--rejects</c> and <c>--fail-on-rejects</c> to a command that imports a dataset.</summary>
    public static void AddImportOptionsTo(Command command)
    {
        command.Options.Add(Policy);
        command.Options.Add(Rejects);
        command.Options.Add(FailOnRejects);
    }

    public static Command Create(IAnsiConsole progress)
    {
        var path = new Argument<string>("dataset") { Description = "A dataset folder, a dataset .json file, or a snapshot folder written by yj import --to." };
        Choices.RefuseOptionLikeValues(path);
        var command = new Command("validate", "Import a dataset and print the report: per file read = accepted + rejected, and every error with file, line, field and reason.")
        {
            path,
        };
        AddImportOptionsTo(command);
        SdkHost.AddOptionsTo(command);
        command.SetAction(parse =>
        {
            // Validation never stops for a plugin that fails to load: it is left out, and standard error says so.
            using var provider = SdkHost.Build(parse, PluginFailurePolicy.ContinueWithoutFaultyPlugins);
            var registry = provider.GetRequiredService<IYouthJusticeRegistry>();
            SdkHost.WarnAboutFaultyPlugins(registry.LoadReport, "Its codes and validation rules were not applied.");
            var options = ImportOptionsFrom(parse, registry, provider);
            var result = Progress.Import(progress, parse.GetValue(path), options);
            OutputWriter.Write(Describe(result.Report), parse.GetValue(CommonOptions.Format), parse.GetValue(CommonOptions.Output), AnsiConsole.Console);
            if (!result.Report.Succeeded)
            {
                return ExitCodes.DataErrors;
            }
            return LenientOutcome(parse, result.Report) ?? ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Import options with every loaded plugin's codes and validation rules, and the policy and rejects folder asked for.</summary>
    public static ImportOptions ImportOptionsFrom(ParseResult parse, IYouthJusticeRegistry registry, IServiceProvider services) =>
        registry.CreateImportOptions(parse.GetValue(Policy)) with
        {
            RejectsDirectory = parse.GetValue(Rejects)?.FullName,
            Logger = services.GetService<ILoggerFactory>()?.CreateLogger("YouthJustice.Sdk.IO.DatasetImporter"),
        };

    /// <summary>The import step every computing command shares: imports with the command's import options, and on failure
    /// describes the import on standard error and gives the exit code (data errors, or <c>--fail-on-rejects</c>). Reads only
    /// <c>tables</c> when given (<see cref="ImportOptions.Tables"/>); every table when <see langword="null"/>.</summary>
    /// <returns>The import (its dataset present), or <see langword="null"/> with the exit code to return.</returns>
    public static (ImportResult? Import, int ExitCode) ImportOrFail(
        ParseResult parse, IAnsiConsole progress, string? path, IYouthJusticeRegistry registry, IServiceProvider provider,
        IReadOnlyCollection<DatasetEntity>? tables = null)
    {
        var import = Progress.Import(progress, path, ImportOptionsFrom(parse, registry, provider) with { Tables = tables });
        if (import.Dataset is null)
        {
            OutputWriter.WriteToStandardError(Describe(import.Report));
            return (null, ExitCodes.DataErrors);
        }
        return LenientOutcome(parse, import.Report) is { } failed ? (null, failed) : (import, ExitCodes.Success);
    }

    /// <summary>After a lenient import that produced a dataset: says on standard error what was rejected or kept with
    /// warnings, and gives exit code 1 when <c>--fail-on-rejects</c> was asked for and anything was rejected.</summary>
    public static int? LenientOutcome(ParseResult parse, ImportReport report)
    {
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        if (report.TotalAcceptedWithWarnings > 0)
        {
            System.Console.Error.WriteLine($"warning: {N(report.TotalAcceptedWithWarnings)} record(s) were accepted with warnings (an unrecognised code kept as not known); see the warnings in `yj validate`.");
        }
        if (report.Policy != ImportPolicy.Lenient || (report.TotalRejected == 0 && report.ErrorCount == 0))
        {
            return null;
        }
        var rejectedFiles = report.Files.Where(f => f.Rejected > 0).Select(f => $"{f.File} {N(f.Rejected)} of {N(f.Read)}").ToList();
        System.Console.Error.WriteLine(
            $"warning: the lenient import rejected {N(report.TotalRejected)} of {N(report.TotalRead)} record(s)"
            + (rejectedFiles.Count > 0 ? $" ({string.Join(", ", rejectedFiles)})" : "")
            + $" and reported {N(report.ErrorCount)} error(s); the figures leave them out."
            + (parse.GetValue(FailOnRejects) ? " Failing because of --fail-on-rejects." : " Use --fail-on-rejects to make this exit 1."));
        return parse.GetValue(FailOnRejects) ? ExitCodes.DataErrors : null;
    }

    /// <summary>The report as tables: per-file reconciliation, every error, and every warning.</summary>
    public static IReadOnlyList<TabularOutput> Describe(ImportReport report)
    {
        static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
        var files = report.Files
            .Select(f => (IReadOnlyList<string>)[f.File, (f.Present ? "yes" : "no") + (f.NotRead ? ", not read" : ""), N(f.Read), N(f.Accepted), N(f.Rejected), N(f.AcceptedWithWarnings), f.Read == f.Accepted + f.Rejected ? "yes" : "NO"])
            .Append(["total", "", N(report.TotalRead), N(report.TotalAccepted), N(report.TotalRejected), N(report.TotalAcceptedWithWarnings), report.TotalRead == report.TotalAccepted + report.TotalRejected ? "yes" : "NO"])
            .ToList();
        var status = report.Succeeded ? "succeeded" : "FAILED";
        static IReadOnlyList<IReadOnlyList<string>> Rows(IReadOnlyList<ImportError> list) =>
            [.. list.Select(e => (IReadOnlyList<string>)[e.File, e.Line?.ToString(CultureInfo.InvariantCulture) ?? e.Position ?? "", e.Field ?? "", e.Value ?? "", e.Reason])];
        var listed = report.Errors.Count == report.ErrorCount ? "" : string.Create(CultureInfo.InvariantCulture, $", {report.Errors.Count} listed");
        var tables = new List<TabularOutput>
        {
            new($"Import of {report.Source} ({report.Policy.ToString().ToLowerInvariant()}): {status}", ["file", "present", "read", "accepted", "rejected", "accepted with warnings", "reconciles"], files),
            new(string.Create(CultureInfo.InvariantCulture, $"Errors ({report.ErrorCount}{listed})"), ["file", "line", "field", "value", "reason"], Rows(report.Errors)),
        };
        if (report.WarningCount > 0)
        {
            tables.Add(new(string.Create(CultureInfo.InvariantCulture, $"Warnings ({report.WarningCount})"), ["file", "line", "field", "value", "reason"], Rows(report.Warnings)));
        }
        return tables;
    }
}
