using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using YouthJustice.Sdk.Disclosure;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Samples.Console;

/// <summary><c>yj report</c> (and the default command): every indicator for a dataset, areas and periods.</summary>
internal static class ReportCommand
{
    public static readonly Argument<string?> DatasetPath = new("dataset")
    {
        Description = "A dataset folder or .json file. Default: the sample dataset embedded in yj.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static readonly Option<string[]> Periods = new("--period", "-p")
    {
        Description = "A reporting period: 2021/22, 2021/22 Q3, 2021, \"Oct 2020 - Sep 2021\" or 2021-01-01..2021-03-31. Repeat for several. Default: the last two complete financial years.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string[]> Areas = new("--area", "-a")
    {
        Description = "An area's ONS code. Repeat for several. Default: every area in the dataset.",
    };

    public static readonly Option<string[]> Breakdowns = new("--breakdown", "-b")
    {
        Description = "A breakdown besides the total: sex, age-band, ethnicity-group, outcome-type, offence-group. Repeat for several.",
    };

    public static readonly Option<bool> Publish = new("--publish")
    {
        Description = "Apply the disclosure policy (counts of 5 or fewer suppressed as ~, with secondary suppression) for output that will be published.",
    };

    public static readonly Option<FileInfo?> Comparators = new("--comparators")
    {
        Description = "A CSV of comparator values (indicator_id,comparator,period,value) for RAG ratings. Default for the embedded sample: its published family-group figures.",
    };

    public static Command Create(IAnsiConsole progress)
    {
        var command = new Command("report", "Compute every national, KPI and plugin indicator for a dataset, areas and periods.")
        {
            DatasetPath, Periods, Areas, Breakdowns, Publish, Comparators,
        };
        command.SetAction(parse => Run(parse, progress));
        return command;
    }

    /// <summary>Adds the report's arguments and options to the root command, so <c>yj</c> alone runs the report.</summary>
    public static void AddTo(RootCommand root, IAnsiConsole progress)
    {
        root.Arguments.Add(DatasetPath);
        root.Options.Add(Periods);
        root.Options.Add(Areas);
        root.Options.Add(Breakdowns);
        root.Options.Add(Publish);
        root.Options.Add(Comparators);
        root.SetAction(parse => Run(parse, progress));
    }

    private static int Run(ParseResult parse, IAnsiConsole progress)
    {
        using var provider = SdkHost.Build(parse);
        var registry = provider.GetRequiredService<IYouthJusticeRegistry>();
        var path = parse.GetValue(DatasetPath);
        var import = progress.Status().Start("Importing…", _ => DatasetSource.Import(path, ValidateCommand.ImportOptionsFrom(parse, registry)));
        if (import.Dataset is not { } dataset)
        {
            OutputWriter.Write(ValidateCommand.Describe(import.Report), OutputFormat.Table, null, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) }));
            return ExitCodes.DataErrors;
        }

        var query = new IndicatorQuery(
            [.. ParsePeriods(parse.GetValue(Periods), dataset.AsOf)],
            [.. parse.GetValue(Areas) is { Length: > 0 } areas ? areas : dataset.Areas.Select(a => a.Code)],
            [.. parse.GetValue(Breakdowns) ?? []]);
        var comparators = LoadComparators(parse.GetValue(Comparators), path is null);
        var context = new IndicatorContext(dataset, comparators, provider);

        var (run, sections) = progress.Status().Start("Computing indicators…", _ =>
        {
            var computed = registry.Compute(context, query);
            return (computed, registry.BuildReportSections(context, query, computed));
        });

        var mode = parse.GetValue(Publish) ? DisclosureMode.Publication : DisclosureMode.Internal;
        var outputs = new List<TabularOutput>
        {
            Heading(path, dataset, query, import.Report, mode),
        };
        outputs.AddRange(IndicatorTables(registry, run.Results, mode));
        outputs.AddRange(sections.Sections.Select(s => new TabularOutput(
            $"{s.Title} ({registry.OwnerOf(s.SectionId) ?? "national"})", s.Columns, [.. s.Rows.Select(r => (IReadOnlyList<string>)r)])));
        var errors = run.Errors.Concat(sections.Errors).Concat(registry.LoadReport.Errors).ToList();
        if (errors.Count > 0)
        {
            outputs.Add(new TabularOutput("Plugin errors (left out of the report)", ["plugin", "kind", "message"],
                [.. errors.Select(e => (IReadOnlyList<string>)[e.PluginId, e.Kind.ToString(), e.Message])]));
        }
        OutputWriter.Write(outputs, parse.GetValue(CommonOptions.Format), parse.GetValue(CommonOptions.Output), AnsiConsole.Console);
        return ExitCodes.Success;
    }

    /// <summary>The periods asked for, or the last two complete financial years before the dataset's as-of date.</summary>
    public static IReadOnlyList<ReportingPeriod> ParsePeriods(string[]? texts, NodaTime.LocalDate asOf)
    {
        if (texts is { Length: > 0 })
        {
            return [.. texts.Select(ReportingPeriod.Parse)];
        }
        var latest = ReportingPeriod.FinancialYearContaining(asOf);
        if (latest.End > asOf)
        {
            latest = latest.Previous();
        }
        return [latest.Previous(), latest];
    }

    private static TabularOutput Heading(string? path, Dataset dataset, IndicatorQuery query, ImportReport report, DisclosureMode mode) => new(
        "YouthJustice.Sdk indicator report",
        ["item", "value"],
        [
            ["dataset", DatasetSource.Describe(path)],
            ["as of", dataset.AsOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)],
            ["records", string.Create(CultureInfo.InvariantCulture, $"read {report.TotalRead} = accepted {report.TotalAccepted} + rejected {report.TotalRejected}")],
            ["areas", string.Join(", ", query.AreaCodes)],
            ["periods", string.Join(", ", query.Periods)],
            ["disclosure", mode == DisclosureMode.Publication
                ? "publication: counts of 5 or fewer suppressed (~), with secondary suppression; rates from unrounded counts"
                : "internal: every figure shown (use --publish for output that will be published)"],
        ]);

    /// <summary>One table per indicator family (national) or per plugin, in the registry's order.</summary>
    private static IEnumerable<TabularOutput> IndicatorTables(IYouthJusticeRegistry registry, IReadOnlyList<IndicatorResult> results, DisclosureMode mode)
    {
        var definitions = registry.Indicators.Select(i => i.Definition).ToList();
        var names = definitions.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var published = DisclosurePolicy.Default.Apply(results, mode, definitions);
        var rows = results.Zip(published, (r, p) => (Result: r, Published: p));
        foreach (var family in rows.GroupBy(x => Family(registry, x.Result.IndicatorId)))
        {
            yield return new TabularOutput(family.Key,
                ["indicator", "area", "period", "breakdown", "value", "unit", "numerator", "denominator", "95% interval", "RAG", "status"],
                [.. family.Select(x => (IReadOnlyList<string>)
                [
                    names.GetValueOrDefault(x.Result.IndicatorId, x.Result.IndicatorId),
                    x.Result.AreaCode,
                    x.Result.Period.ToString(),
                    x.Result.Breakdown.ToString(),
                    x.Published.Value.Display,
                    x.Result.Unit,
                    x.Published.Numerator.Display,
                    x.Published.Denominator.Display,
                    x.Published.Interval.Display,
                    x.Result.Rag?.ToString() ?? "",
                    Status(x.Result, x.Published),
                ])]);
        }
    }

    private static string Status(IndicatorResult r, PublishedResult p)
    {
        var parts = new List<string>();
        if (r.Provisional)
        {
            parts.Add("provisional");
        }
        if (p.IsSuppressed)
        {
            parts.Add("suppressed");
        }
        if (!r.AppliedOverrides.IsDefaultOrEmpty)
        {
            parts.Add("override: " + string.Join("; ", r.AppliedOverrides));
        }
        return string.Join(", ", parts);
    }

    private static string Family(IYouthJusticeRegistry registry, string id)
    {
        if (registry.OwnerOf(id) is { } plugin)
        {
            var info = registry.LoadReport.Loaded.FirstOrDefault(l => l.Id == plugin);
            return $"{info?.Manifest.DisplayName ?? plugin} (plugin {plugin})";
        }
        return id switch
        {
            _ when id.StartsWith("fte-", StringComparison.Ordinal) => "First time entrants",
            _ when id.StartsWith("reoffending-", StringComparison.Ordinal) => "Proven reoffending (Ministry of Justice method)",
            _ when id.StartsWith("tracker-", StringComparison.Ordinal) => "Live reoffending tracker",
            _ when id.StartsWith("custody-", StringComparison.Ordinal) || id.StartsWith("remand-", StringComparison.Ordinal) => "Custody and remand",
            _ when id.StartsWith("disproportionality-", StringComparison.Ordinal) => "Disproportionality",
            _ when id.StartsWith("yjb-kpi-", StringComparison.Ordinal) => "YJB key performance indicators",
            _ => "Outcome and offence profiles",
        };
    }

    /// <summary>Comparator values from a CSV file, or the embedded sample's when the sample is reported.</summary>
    public static IReadOnlyList<ComparatorValue> LoadComparators(FileInfo? file, bool embeddedSample)
    {
        if (file is not null)
        {
            using var reader = file.OpenText();
            return ComparatorCsv.Read(reader, file.Name);
        }
        if (!embeddedSample)
        {
            return [];
        }
        using var stream = typeof(ReportCommand).Assembly.GetManifestResourceStream("SampleComparators/comparators.csv")!;
        using var sample = new StreamReader(stream);
        return ComparatorCsv.Read(sample, "comparators.csv");
    }
}
