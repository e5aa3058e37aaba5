using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Snapshots;

namespace YouthJustice.Sdk.Samples.Console;

/// <summary><c>yj import &lt;csv-folder&gt; --to &lt;snapshot&gt;</c>: imports and validates a dataset once and stores the
/// accepted records as a snapshot (Parquet files, docs/snapshot.md) that every command then loads in a fraction of the time.</summary>
internal static class ImportCommand
{
    public static Command Create(IAnsiConsole progress)
    {
        var path = new Argument<string>("dataset") { Description = "A dataset folder of CSV files, or a dataset .json file." };
        Choices.RefuseOptionLikeValues(path);
        var to = new Option<DirectoryInfo>("--to")
        {
            Description = "The snapshot folder to write (created if missing): manifest.csv and one .parquet file per entity.",
            HelpName = "snapshot",
            Required = true,
        };
        var command = new Command("import", "Import and validate a dataset, then store the accepted records as a snapshot that every command accepts in place of the dataset and loads several times faster.")
        {
            path, to,
        };
        ValidateCommand.AddImportOptionsTo(command);
        SdkHost.AddOptionsTo(command);
        command.SetAction(parse =>
        {
            using var provider = SdkHost.Build(parse);
            var registry = provider.GetRequiredService<IYouthJusticeRegistry>();
            var (imported, exit) = ValidateCommand.ImportOrFail(parse, progress, parse.GetValue(path), registry, provider);
            if (imported?.Dataset is not { } dataset)
            {
                return exit;
            }
            var target = parse.GetValue(to)!.FullName;
            var clock = Stopwatch.StartNew();
            DatasetSnapshot.Write(dataset, target);
            progress.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote the snapshot {target}: {dataset.RecordCount:N0} records in {clock.Elapsed.TotalSeconds:F1} s."));
            return ExitCodes.Success;
        });
        return command;
    }
}
