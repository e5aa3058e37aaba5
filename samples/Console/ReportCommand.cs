using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using YouthJustice.Sdk.Disclosure;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Plans;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Reports;

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

    public static readonly Option<FileInfo?> Targets = new("--targets")
    {
        Description = "A CSV of targets (indicator_id,area_code,period,value,source) for the headline page. Default for the embedded sample: its illustrative targets.",
    };

    public static readonly Option<DirectoryInfo?> Inputs = new("--inputs")
    {
        Description = "A plan inputs folder (council-figures.csv, budget.csv, grant.csv, workforce.csv, national-standards.csv, action-plan.csv; docs/methodology-local.md section 12). Default for the embedded sample: its Coventry plan inputs.",
    };

    public static readonly Option<string[]> IndicatorIds = new("--indicator", "-i")
    {
        Description = "An indicator id to compute, e.g. fte-count. Repeat for several. Only the tables those indicators read are imported (for the national indicators: areas, children, offences, outcomes and, for rates, populations), and no plugin section is built. Default: every indicator.",
        HelpName = "id",
    };

    /// <summary>Checks every <c>--period</c> before anything is loaded, so a typo costs nothing.</summary>
    /// <returns>The usage-error exit code after saying which text is not a period, or <see langword="null"/> when all parse.</returns>
    public static int? CheckPeriodTexts(ParseResult parse)
    {
        foreach (var text in parse.GetValue(Periods) ?? [])
        {
            if (!ReportingPeriod.TryParse(text, out _))
            {
                System.Console.Error.WriteLine($"'{text}' is not a reporting period: use 2021/22, 2021/22 Q3, 2021, \"Oct 2020 - Sep 2021\" or 2021-01-01..2021-03-31.");
                return ExitCodes.UsageError;
            }
        }
        return null;
    }

    /// <summary>The breakdown dimensions the national indicators support. A plugin's own dimension (e.g. Leicester's
    /// <c>route</c>) is accepted when one of its indicators produces it.</summary>
    public static readonly string[] NationalBreakdowns = ["sex", "age-band", "ethnicity-group", "outcome-type", "offence-group"];

    public static Command Create(IAnsiConsole progress)
    {
        Choices.RefuseOptionLikeValues(DatasetPath);
        var command = new Command("report", "Compute every national, KPI and plugin indicator for a dataset, areas and periods.")
        {
            DatasetPath, Periods, Areas, Breakdowns, IndicatorIds, Publish, Comparators, Targets, Inputs,
        };
        ValidateCommand.AddImportOptionsTo(command);
        SdkHost.AddOptionsTo(command);
        command.SetAction(parse => Run(parse, progress));
        return command;
    }

    /// <summary>Adds the report's options to the root command, so <c>yj</c> alone runs the report on the embedded sample.</summary>
    public static void AddTo(RootCommand root, IAnsiConsole progress)
    {
        root.Options.Add(Periods);
        root.Options.Add(Areas);
        root.Options.Add(Breakdowns);
        root.Options.Add(IndicatorIds);
        root.Options.Add(Publish);
        root.Options.Add(Comparators);
        root.Options.Add(Targets);
        root.Options.Add(Inputs);
        ValidateCommand.AddImportOptionsTo(root);
        SdkHost.AddOptionsTo(root);
        root.SetAction(parse => Run(parse, progress));
    }

    private static int Run(ParseResult parse, IAnsiConsole progress)
    {
        // Periods are checked before anything is loaded, so a typo costs nothing.
        if (CheckPeriodTexts(parse) is { } badPeriod)
        {
            return badPeriod;
        }
        var periodTexts = parse.GetValue(Periods);
        using var provider = SdkHost.Build(parse);
        var registry = provider.GetRequiredService<IYouthJusticeRegistry>();
        var path = parse.GetResult(DatasetPath) is null ? null : parse.GetValue(DatasetPath);
        var comparators = LoadComparators(parse.GetValue(Comparators), path is null, registry);
        var targets = LoadTargets(parse.GetValue(Targets), path is null, registry);
        var inputsFolder = parse.GetValue(Inputs);
        var inputs = LoadPlanInputs(inputsFolder, path is null);
        var selected = parse.GetValue(IndicatorIds) is { Length: > 0 } ids ? ids.Distinct(StringComparer.Ordinal).ToList() : null;
        IReadOnlyList<DatasetEntity>? tables = null;
        if (selected is not null)
        {
            var registered = registry.Indicators.Select(i => i.Definition.Id).ToHashSet(StringComparer.Ordinal);
            var unknown = selected.Where(id => !registered.Contains(id)).ToList();
            if (unknown.Count > 0)
            {
                System.Console.Error.WriteLine($"No indicator {string.Join(", ", unknown.Select(id => $"'{id}'"))} is registered. `yj plugins` lists the plugins; the national ids are in docs/methodology.md, e.g. {string.Join(", ", registered.Order(StringComparer.Ordinal).Take(5))}.");
                return ExitCodes.UsageError;
            }
            tables = registry.TablesRead(selected);
        }
        var (imported, importExit) = ValidateCommand.ImportOrFail(parse, progress, path, registry, provider, tables);
        if (imported is not { Dataset: { } dataset } import)
        {
            return importExit;
        }

        var areaNames = AreaNames(dataset);
        var asked = parse.GetValue(Areas) ?? [];
        var unknownAreas = asked.Where(a => !areaNames.ContainsKey(a)).ToList();
        if (unknownAreas.Count > 0)
        {
            System.Console.Error.WriteLine($"No area {string.Join(", ", unknownAreas.Select(a => $"'{a}'"))} in this dataset. Its areas: {DescribeAreas(areaNames)}.");
            return ExitCodes.UsageError;
        }

        var query = new IndicatorQuery(
            [.. ParsePeriods(periodTexts, dataset.AsOf)],
            [.. asked.Length > 0 ? asked : dataset.Areas.Select(a => a.Code)],
            [.. parse.GetValue(Breakdowns) ?? []]);
        var context = new IndicatorContext(dataset, comparators, provider) { Inputs = inputs };

        var (run, sections) = Progress.Compute(progress, registry, query,
            progressOfCompute =>
            {
                var computed = registry.Compute(context, query, selected, progressOfCompute);
                // A plugin's section belongs to its whole set of indicators, so a selection builds none.
                return (computed, selected is null ? registry.BuildReportSections(context, query, computed) : new ReportRun([], []));
            });

        var produced = run.Results.Select(r => r.Breakdown.Dimension).ToHashSet(StringComparer.Ordinal);
        var unknownBreakdowns = query.Breakdowns.Where(b => !NationalBreakdowns.Contains(b, StringComparer.Ordinal) && !produced.Contains(b)).ToList();
        if (unknownBreakdowns.Count > 0)
        {
            var known = NationalBreakdowns.Concat(produced.Where(d => d != BreakdownKey.Total.Dimension)).Distinct(StringComparer.Ordinal);
            System.Console.Error.WriteLine($"No indicator breaks down by {string.Join(", ", unknownBreakdowns.Select(b => $"'{b}'"))}. Breakdowns: {string.Join(", ", known)}.");
            return ExitCodes.UsageError;
        }

        var request = new ReportRequest
        {
            Query = query,
            Dataset = DatasetSource.Describe(path),
            AreaNames = areaNames,
            Targets = targets,
            Indicators = selected is null ? default : [.. selected],
            About =
            [
                KeyValuePair.Create("records", string.Create(CultureInfo.InvariantCulture,
                    $"read {import.Report.TotalRead} = accepted {import.Report.TotalAccepted} + rejected {import.Report.TotalRejected}")),
                .. selected is null ? Array.Empty<KeyValuePair<string, string>>() :
                [
                    KeyValuePair.Create("indicators", string.Create(CultureInfo.InvariantCulture, $"{selected.Count} asked for (--indicator): {string.Join(", ", selected)}")),
                ],
                .. dataset.TablesNotRead.Count == 0 ? Array.Empty<KeyValuePair<string, string>>() :
                [
                    KeyValuePair.Create("tables not read", string.Join(", ", dataset.TablesNotRead) + " (the indicators asked for do not read them)"),
                ],
                .. inputs.IsEmpty ? Array.Empty<KeyValuePair<string, string>>() :
                [
                    KeyValuePair.Create("plan inputs", string.Create(CultureInfo.InvariantCulture,
                        $"{inputs.Count} rows from {(inputsFolder is null ? "the embedded sample's plan inputs (Coventry)" : inputsFolder.FullName)}")),
                ],
            ],
        };
        var report = ReportBuilder.Build(registry, context, request, run, sections);
        if (parse.GetValue(Publish))
        {
            // Once, to the whole model, before any renderer: every format shows the same withheld figures.
            report = DisclosurePolicy.Default.Apply(report);
        }
        var format = parse.GetValue(CommonOptions.Format).ToString().ToLowerInvariant();
        var renderer = Renderers.Find(format) ?? throw new InvalidOperationException($"No report renderer for the format '{format}'.");
        var output = parse.GetValue(CommonOptions.Output);
        if (output is null && !renderer.IsText)
        {
            System.Console.Error.WriteLine($"--format {renderer.Format} writes a binary file: give --output, e.g. --output report{renderer.FileExtension}.");
            return ExitCodes.UsageError;
        }
        if (output is null)
        {
            using var stdout = System.Console.OpenStandardOutput();
            renderer.Render(report, stdout);
        }
        else
        {
            output.Directory?.Create();
            using var file = output.Create();
            renderer.Render(report, file);
        }
        return ExitCodes.Success;
    }

    /// <summary>The renderers <c>--format</c> chooses from: table, JSON and CSV (<see cref="ReportRenderers.Default"/>), XLSX and Parquet.</summary>
    public static ReportRenderers Renderers { get; } = OfficeReportRenderers.All;

    /// <summary>Every area a query may name: the dataset's areas (with their names) and the children's home areas.</summary>
    public static IReadOnlyDictionary<string, string> AreaNames(Dataset dataset)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var area in dataset.Areas)
        {
            names.TryAdd(area.Code, area.Name);
        }
        foreach (var child in dataset.Children)
        {
            names.TryAdd(child.HomeAreaCode, "");
        }
        return names;
    }

    /// <summary>An area for a reader: <c>E08000026 Coventry</c>, or the code alone when the dataset has no name for it.</summary>
    public static string AreaLabel(IReadOnlyDictionary<string, string> names, string code) =>
        names.TryGetValue(code, out var name) && name.Length > 0 ? $"{code} {name}" : code;

    public static string DescribeAreas(IReadOnlyDictionary<string, string> names)
    {
        const int MaxListed = 20;
        var labels = names.Keys.Order(StringComparer.Ordinal).Select(c => AreaLabel(names, c)).ToList();
        return labels.Count <= MaxListed
            ? string.Join(", ", labels)
            : string.Join(", ", labels.Take(MaxListed)) + string.Create(CultureInfo.InvariantCulture, $" and {labels.Count - MaxListed} more");
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

    /// <summary>Comparator values from a CSV file (<see cref="ReportInputFiles.ReadComparators"/>), or the embedded sample's when the sample is reported.</summary>
    public static IReadOnlyList<ComparatorValue> LoadComparators(FileInfo? file, bool embeddedSample, IYouthJusticeRegistry registry) =>
        Load(file, embeddedSample, registry, "SampleComparators/comparators.csv", ReportInputFiles.ReadComparators);

    /// <summary>Targets from a CSV file (<see cref="ReportInputFiles.ReadTargets"/>), or the embedded sample's when the sample is reported.</summary>
    public static ImmutableArray<ReportTarget> LoadTargets(FileInfo? file, bool embeddedSample, IYouthJusticeRegistry registry) =>
        Load(file, embeddedSample, registry, "SampleComparators/targets.csv", ReportInputFiles.ReadTargets);

    /// <summary>The plan inputs folder's files (<see cref="PlanInputFiles.ReadDirectory"/>), the embedded sample's when the
    /// sample is reported, else none.</summary>
    /// <exception cref="PlanInputsException">A file holds an error (exit code 2, the message naming file, line and field).</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist (exit code 4).</exception>
    public static PlanInputs LoadPlanInputs(DirectoryInfo? folder, bool embeddedSample)
    {
        if (folder is not null)
        {
            return PlanInputFiles.ReadDirectory(folder.FullName);
        }
        if (!embeddedSample)
        {
            return PlanInputs.Empty;
        }
        var assembly = typeof(ReportCommand).Assembly;
        return PlanInputFiles.Read(name => assembly.GetManifestResourceStream("SamplePlanInputs/" + name) is { } stream ? new StreamReader(stream) : null);
    }

    private static ImmutableArray<T> Load<T>(FileInfo? file, bool embeddedSample, IYouthJusticeRegistry registry, string resource,
        Func<TextReader, string, IReadOnlySet<string>, ImmutableArray<T>> read)
    {
        var known = registry.Indicators.Select(i => i.Definition.Id).ToHashSet(StringComparer.Ordinal);
        if (file is not null)
        {
            using var reader = file.OpenText();
            return read(reader, file.Name, known);
        }
        if (!embeddedSample)
        {
            return [];
        }
        using var stream = typeof(ReportCommand).Assembly.GetManifestResourceStream(resource)!;
        using var sample = new StreamReader(stream);
        return read(sample, Path.GetFileName(resource), known);
    }
}
