using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Samples.Console;

/// <summary><c>yj explain</c>: the records behind one figure's numerator and denominator.</summary>
internal static class ExplainCommand
{
    public static Command Create(IAnsiConsole progress)
    {
        var indicator = new Argument<string>("indicator") { Description = "The indicator id, e.g. fte-rate (see `yj report` or docs/methodology.md)." };
        var period = new Argument<string>("period") { Description = "The period, e.g. 2021/22." };
        var dataset = new Option<string?>("--dataset", "-d") { Description = "A dataset folder or .json file. Default: the embedded sample.", HelpName = "path" };
        var area = new Option<string?>("--area", "-a") { Description = "The area's ONS code. Default: the dataset's first area." };
        var breakdown = new Option<string?>("--breakdown", "-b") { Description = "A breakdown row as dimension=value, e.g. sex=Female. Default: the total." };
        var command = new Command("explain", "List the child, offence or outcome ids behind one figure, with its methodology and arithmetic. For analysts: ids are pseudonymised but must not be published.")
        {
            indicator, period, dataset, area, breakdown, ReportCommand.Inputs,
        };
        ValidateCommand.AddImportOptionsTo(command);
        SdkHost.AddOptionsTo(command);
        command.SetAction(parse =>
        {
            if (!ReportingPeriod.TryParse(parse.GetValue(period), out var reportingPeriod))
            {
                System.Console.Error.WriteLine($"'{parse.GetValue(period)}' is not a reporting period (e.g. 2021/22, 2021/22 Q3, \"Oct 2020 - Sep 2021\").");
                return ExitCodes.UsageError;
            }
            BreakdownKey? key = null;
            if (parse.GetValue(breakdown) is { } text)
            {
                var parts = text.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                {
                    System.Console.Error.WriteLine($"'{text}' is not a breakdown row: write dimension=value, e.g. sex=Female.");
                    return ExitCodes.UsageError;
                }
                key = new BreakdownKey(parts[0], parts[1]);
            }

            using var provider = SdkHost.Build(parse);
            var registry = provider.GetRequiredService<IYouthJusticeRegistry>();
            var id = parse.GetValue(indicator)!;
            var target = registry.Indicators.FirstOrDefault(i => i.Definition.Id == id);
            if (target is null)
            {
                System.Console.Error.WriteLine($"No indicator '{id}'. Known: {string.Join(", ", registry.Indicators.Select(i => i.Definition.Id))}.");
                return ExitCodes.UsageError;
            }
            var path = parse.GetValue(dataset);
            var (imported, importExit) = ValidateCommand.ImportOrFail(parse, progress, path, registry, provider);
            if (imported is not { Dataset: { } data } import)
            {
                return importExit;
            }
            var areaNames = ReportCommand.AreaNames(data);
            var areaCode = parse.GetValue(area) ?? (data.Areas.Count > 0 ? data.Areas[0].Code : data.Children.Count > 0 ? data.Children[0].HomeAreaCode : "");
            if (!areaNames.ContainsKey(areaCode))
            {
                System.Console.Error.WriteLine($"No area '{areaCode}' in this dataset. Its areas: {ReportCommand.DescribeAreas(areaNames)}.");
                return ExitCodes.UsageError;
            }
            IndicatorExplanation explanation;
            try
            {
                explanation = IndicatorExplainer.Explain(target, new IndicatorContext(data, [], provider) { Inputs = ReportCommand.LoadPlanInputs(parse.GetValue(ReportCommand.Inputs), path is null) }, reportingPeriod, areaCode, key);
            }
            catch (InvalidOperationException ex)
            {
                System.Console.Error.WriteLine(ex.Message);
                return ExitCodes.UsageError;
            }
            var evidence = explanation.Evidence;
            var summary = new TabularOutput($"Explanation of {explanation.Definition.Ref}", ["item", "value"],
            [
                ["indicator", $"{explanation.Definition.Name} ({explanation.Definition.Id})"],
                ["area", ReportCommand.AreaLabel(areaNames, areaCode)],
                ["period", reportingPeriod.ToString()],
                ["source", explanation.Definition.Source.ToString()],
                ["parameters", string.Join("; ", explanation.Parameters)],
                ["arithmetic", explanation.Summary],
                ["numerator records", string.Create(CultureInfo.InvariantCulture, $"{evidence.NumeratorIds.Length} {evidence.NumeratorRecordKind}")],
                ["denominator records", DenominatorRecords(evidence, explanation.Result)],
                ["provisional", explanation.Result.Provisional ? "yes" : "no"],
            ]);
            var records = new TabularOutput("Records", ["part", "kind", "id"],
            [
                .. evidence.NumeratorIds.Select(i => (IReadOnlyList<string>)["numerator", evidence.NumeratorRecordKind, i]),
                .. evidence.DenominatorIds.Select(i => (IReadOnlyList<string>)["denominator", evidence.DenominatorRecordKind, i]),
            ]);
            OutputWriter.Write([summary, records], parse.GetValue(CommonOptions.Format), parse.GetValue(CommonOptions.Output), AnsiConsole.Console);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A denominator taken from population estimates has no record ids: say so beside its value rather than
    /// "0 population".</summary>
    private static string DenominatorRecords(ResultEvidence evidence, IndicatorResult result)
    {
        if (evidence.DenominatorIds.Length == 0 && result.Denominator is { } denominator && denominator != 0)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"none listed: the denominator ({denominator:0.##}) is {(evidence.DenominatorRecordKind.Length > 0 ? "a " + evidence.DenominatorRecordKind + " figure" : "not made of records")}, not a count of records");
        }
        return string.Create(CultureInfo.InvariantCulture, $"{evidence.DenominatorIds.Length} {evidence.DenominatorRecordKind}");
    }
}
