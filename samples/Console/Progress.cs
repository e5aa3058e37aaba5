using System.Globalization;
using Spectre.Console;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Samples.Console;

/// <summary>Progress for long work, on standard error (the console given), with counts and an estimate of the time left.</summary>
internal static class Progress
{
    private static ProgressColumn[] Columns() =>
    [
        new TaskDescriptionColumn { Alignment = Justify.Left },
        new ProgressBarColumn(),
        new PercentageColumn(),
        new ElapsedTimeColumn(),
        new RemainingTimeColumn(),
        new SpinnerColumn(),
    ];

    private static Spectre.Console.Progress Create(IAnsiConsole console) =>
        console.Progress().Columns(Columns()).AutoClear(true).HideCompleted(false);

    /// <summary>Imports with a bar over the dataset's bytes (records read in the description).</summary>
    public static ImportResult Import(IAnsiConsole console, string? path, ImportOptions options)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var result = Create(console).Start(ctx =>
        {
            var task = ctx.AddTask("Importing", maxValue: 1);
            var reporter = new Reporter<ImportProgress>(p =>
            {
                task.Description = string.Create(CultureInfo.InvariantCulture, $"Importing {Markup.Escape(p.File)}: {p.RecordsRead:N0} records read");
                if (p.TotalBytes > 0)
                {
                    task.MaxValue = p.TotalBytes;
                    task.Value = Math.Min(p.BytesRead, p.TotalBytes);
                }
                else
                {
                    // A JSON document is parsed whole first, so only the records converted so far are known.
                    task.IsIndeterminate = true;
                }
            });
            var result = DatasetSource.Import(path, options with { Progress = reporter });
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.StopTask();
            return result;
        });
        // The bar is cleared when done (and a redirected standard error sees it only now and then): one line stays.
        var report = result.Report;
        console.Profile.Out.Writer.WriteLine(report.Succeeded
            ? string.Create(CultureInfo.InvariantCulture,
                $"Imported {report.Files.Count(f => f.Present && !f.NotRead)} file(s){NotRead(report)}: read {report.TotalRead:N0} = accepted {report.TotalAccepted:N0} + rejected {report.TotalRejected:N0} records in {stopwatch.Elapsed.TotalSeconds:F1} s.")
            : string.Create(CultureInfo.InvariantCulture,
                $"Import FAILED ({report.Policy.ToString().ToLowerInvariant()}): {report.ErrorCount:N0} error(s) after reading {report.TotalRead:N0} records in {stopwatch.Elapsed.TotalSeconds:F1} s."));
        return result;
    }

    private static string NotRead(ImportReport report) =>
        report.Files.Count(f => f.NotRead) is var n and > 0
            ? string.Create(CultureInfo.InvariantCulture, $" ({n} table(s) not read: {string.Join(", ", report.Files.Where(f => f.NotRead).Select(f => f.File))})")
            : "";

    /// <summary>Runs the computation under a task naming how much is computed (the engine reports no finer steps).</summary>
    public static T Compute<T>(IAnsiConsole console, IYouthJusticeRegistry registry, IndicatorQuery query, Func<IProgress<ComputeProgress>, T> compute) =>
        Create(console).Start(ctx =>
        {
            var scope = string.Create(CultureInfo.InvariantCulture, $"{query.AreaCodes.Length} area(s) and {query.Periods.Length} period(s)");
            var task = ctx.AddTask($"Computing {registry.Indicators.Count} indicators for {scope}", maxValue: Math.Max(1, registry.Indicators.Count));
            var result = compute(new Reporter<ComputeProgress>(p =>
            {
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Done;
                task.Description = string.Create(CultureInfo.InvariantCulture, $"Computing indicators for {scope}: {p.Done}/{p.Total} ({Markup.Escape(p.IndicatorId)})");
            }));
            task.Value = task.MaxValue;
            return result;
        });

    /// <summary>Runs steps one after another under one bar, each step's weight its share of the bar.</summary>
    public static void Steps(IAnsiConsole console, string title, IReadOnlyList<(string Description, double Weight, Action<Action<double>> Run)> steps)
    {
        var done = new List<string>();
        Create(console).Start(ctx =>
        {
            var task = ctx.AddTask(Markup.Escape(title), maxValue: steps.Sum(s => s.Weight));
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            var finished = 0.0;
            foreach (var (description, weight, run) in steps)
            {
                task.Description = Markup.Escape($"{title}: {description}");
                run(fraction => task.Value = finished + (weight * Math.Clamp(fraction, 0, 1)));
                finished += weight;
                task.Value = finished;
                done.Add(string.Create(CultureInfo.InvariantCulture, $"{title}: {description} done ({stopwatch.Elapsed.TotalSeconds:F1} s)."));
            }
        });
        // Written once the bar is gone, so they never interleave with it.
        foreach (var line in done)
        {
            console.Profile.Out.Writer.WriteLine(line);
        }
    }

    /// <summary>Told synchronously on the working thread (unlike <see cref="Progress{T}"/>, which posts elsewhere).</summary>
    private sealed class Reporter<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
