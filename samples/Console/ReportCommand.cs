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
using YouthJustice.Sdk.National;

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
            DatasetPath, Periods, Areas, Breakdowns, Publish, Comparators,
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
        root.Options.Add(Publish);
        root.Options.Add(Comparators);
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
        var (imported, importExit) = ValidateCommand.ImportOrFail(parse, progress, path, registry, provider);
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
        var context = new IndicatorContext(dataset, comparators, provider);

        var (run, sections) = Progress.Compute(progress, registry, query,
            progressOfCompute =>
            {
                var computed = registry.Compute(context, query, progress: progressOfCompute);
                return (computed, registry.BuildReportSections(context, query, computed));
            });

        var produced = run.Results.Select(r => r.Breakdown.Dimension).ToHashSet(StringComparer.Ordinal);
        var unknownBreakdowns = query.Breakdowns.Where(b => !NationalBreakdowns.Contains(b, StringComparer.Ordinal) && !produced.Contains(b)).ToList();
        if (unknownBreakdowns.Count > 0)
        {
            var known = NationalBreakdowns.Concat(produced.Where(d => d != BreakdownKey.Total.Dimension)).Distinct(StringComparer.Ordinal);
            System.Console.Error.WriteLine($"No indicator breaks down by {string.Join(", ", unknownBreakdowns.Select(b => $"'{b}'"))}. Breakdowns: {string.Join(", ", known)}.");
            return ExitCodes.UsageError;
        }

        var mode = parse.GetValue(Publish) ? DisclosureMode.Publication : DisclosureMode.Internal;
        var outputs = new List<TabularOutput>
        {
            Heading(path, dataset, query, import.Report, mode, areaNames),
        };
        outputs.AddRange(IndicatorTables(registry, run.Results, mode, areaNames));
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

    private static TabularOutput Heading(string? path, Dataset dataset, IndicatorQuery query, ImportReport report, DisclosureMode mode, IReadOnlyDictionary<string, string> areaNames) => new(
        "YouthJustice.Sdk indicator report",
        ["item", "value"],
        [
            ["dataset", DatasetSource.Describe(path)],
            ["as of", dataset.AsOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)],
            ["records", string.Create(CultureInfo.InvariantCulture, $"read {report.TotalRead} = accepted {report.TotalAccepted} + rejected {report.TotalRejected}")],
            ["areas", string.Join(", ", query.AreaCodes.Select(c => AreaLabel(areaNames, c)))],
            ["periods", string.Join(", ", query.Periods)],
            ["disclosure", mode == DisclosureMode.Publication
                ? "publication: counts of 5 or fewer suppressed (~), with secondary suppression; rates from unrounded counts"
                : "internal: every figure shown (use --publish for output that will be published)"],
        ]);

    /// <summary>One table per indicator family (national) or per plugin, in the registry's order.</summary>
    private static IEnumerable<TabularOutput> IndicatorTables(IYouthJusticeRegistry registry, IReadOnlyList<IndicatorResult> results, DisclosureMode mode, IReadOnlyDictionary<string, string> areaNames)
    {
        var definitions = registry.Indicators.Select(i => i.Definition).ToList();
        var names = definitions.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var families = definitions.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First().Family, StringComparer.Ordinal);
        var published = DisclosurePolicy.Default.Apply(results, mode, definitions);
        var rows = results.Zip(published, (r, p) => (Result: r, Published: p));
        foreach (var family in rows.GroupBy(x => Family(registry, families, x.Result.IndicatorId)))
        {
            yield return new TabularOutput(family.Key,
                ["id", "indicator", "area", "area name", "period", "breakdown", "value", "unit", "numerator", "denominator", "95% interval", "RAG", "status"],
                [.. family.Select(x => (IReadOnlyList<string>)
                [
                    x.Result.IndicatorId,
                    names.GetValueOrDefault(x.Result.IndicatorId, x.Result.IndicatorId),
                    x.Result.AreaCode,
                    areaNames.GetValueOrDefault(x.Result.AreaCode, ""),
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

    /// <summary>The report family of an indicator, from its definition: a plugin's family is titled with the plugin's name.</summary>
    private static string Family(IYouthJusticeRegistry registry, IReadOnlyDictionary<string, string> families, string id)
    {
        var family = families.GetValueOrDefault(id, "");
        if (IndicatorFamilies.TitleOf(family) is { } title)
        {
            return title;
        }
        var plugin = registry.OwnerOf(id);
        var info = plugin is null ? null : registry.LoadReport.Loaded.FirstOrDefault(l => l.Id == plugin);
        return info is not null ? $"{info.Manifest.DisplayName} (plugin {info.Id})" : family.Length > 0 ? family : "Other indicators";
    }

    /// <summary>Comparator values from a CSV file, or the embedded sample's when the sample is reported.</summary>
    public static IReadOnlyList<ComparatorValue> LoadComparators(FileInfo? file, bool embeddedSample, IYouthJusticeRegistry registry)
    {
        var known = registry.Indicators.Select(i => i.Definition.Id).ToHashSet(StringComparer.Ordinal);
        if (file is not null)
        {
            using var reader = file.OpenText();
            return ComparatorCsv.Read(reader, file.Name, known);
        }
        if (!embeddedSample)
        {
            return [];
        }
        using var stream = typeof(ReportCommand).Assembly.GetManifestResourceStream("SampleComparators/comparators.csv")!;
        using var sample = new StreamReader(stream);
        return ComparatorCsv.Read(sample, "comparators.csv", known);
    }
}
