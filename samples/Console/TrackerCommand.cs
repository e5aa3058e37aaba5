using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Sdk.Samples.Console;

/// <summary><c>yj tracker</c>: the live reoffending tracker's cohort, child by child. Analyst-only: refused under <c>--publish</c>.</summary>
internal static class TrackerCommand
{
    /// <summary>Why <c>--publish</c> is refused, in words a performance officer can act on.</summary>
    public const string PublishRefused =
        "yj tracker lists children one by one (pseudonymised ids, dates and reoffence counts): it is for analysts and is never published, so --publish is refused. " +
        "To publish the tracker's figures use `yj report --publish`, whose tracker-binary, tracker-frequency and tracker-per-reoffender rows apply the disclosure policy.";

    /// <summary>Accepted only to be refused with a reason, rather than as an unknown option.</summary>
    private static readonly Option<bool> Publish = new("--publish")
    {
        Description = "Refused (exit 2): the tracker lists children one by one and is never published; `yj report --publish` publishes its figures.",
    };

    public static Command Create(IAnsiConsole progress)
    {
        var dataset = new Argument<string?>("dataset")
        {
            Description = "A dataset folder or .json file. Default: the sample dataset embedded in yj.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        Choices.RefuseOptionLikeValues(dataset);
        var command = new Command("tracker", "List the live reoffending tracker's cohort child by child: index outcome and date, follow-up end, live or complete, reoffences so far; most frequent reoffenders first. For analysts only (never published): --publish is refused.")
        {
            dataset, ReportCommand.Periods, ReportCommand.Areas, Publish,
        };
        ValidateCommand.AddImportOptionsTo(command);
        SdkHost.AddOptionsTo(command);
        command.SetAction(parse =>
        {
            // Refused before anything is read: child-level data never goes through a publication path.
            if (parse.GetValue(Publish))
            {
                System.Console.Error.WriteLine(PublishRefused);
                return ExitCodes.UsageError;
            }
            if (ReportCommand.CheckPeriodTexts(parse) is { } badPeriod)
            {
                return badPeriod;
            }
            var periodTexts = parse.GetValue(ReportCommand.Periods);
            using var provider = SdkHost.Build(parse);
            var registry = provider.GetRequiredService<IYouthJusticeRegistry>();
            var path = parse.GetResult(dataset) is null ? null : parse.GetValue(dataset);
            var (imported, importExit) = ValidateCommand.ImportOrFail(parse, progress, path, registry, provider);
            if (imported is not { Dataset: { } data } import)
            {
                return importExit;
            }
            var areaNames = ReportCommand.AreaNames(data);
            var asked = parse.GetValue(ReportCommand.Areas) ?? [];
            var unknown = asked.Where(a => !areaNames.ContainsKey(a)).ToList();
            if (unknown.Count > 0)
            {
                System.Console.Error.WriteLine($"No area {string.Join(", ", unknown.Select(a => $"'{a}'"))} in this dataset. Its areas: {ReportCommand.DescribeAreas(areaNames)}.");
                return ExitCodes.UsageError;
            }
            var areas = asked.Length > 0 ? asked : [.. data.Areas.Select(a => a.Code)];
            var periods = ReportCommand.ParsePeriods(periodTexts, data.AsOf);

            // The tracker as composed: a plugin's declared override of its definition applies here as in the report.
            var definition = registry.Indicators.First(i => i.Definition.Id == NationalIndicatorIds.TrackerBinary).Definition;
            var tracker = new LiveReoffendingTrackerIndicator(definition);
            var context = new IndicatorContext(data, [], provider);
            static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
            static string Date(NodaTime.LocalDate? d) => d?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? "";

            var summary = new List<IReadOnlyList<string>>();
            var children = new List<IReadOnlyList<string>>();
            foreach (var period in periods)
            {
                foreach (var area in areas)
                {
                    var members = tracker.MembersMostFrequentFirst(context, period, area);
                    var live = members.Count(m => m.Status == TrackingStatus.Live);
                    summary.Add(
                    [
                        period.ToString(), ReportCommand.AreaLabel(areaNames, area), N(members.Count), N(live), N(members.Count - live),
                        N(members.Count(m => m.Reoffences > 0)), N(members.Sum(m => m.Reoffences)),
                    ]);
                    children.AddRange(members.Select((m, rank) => (IReadOnlyList<string>)
                    [
                        period.ToString(), area, N(rank + 1), m.ChildId, m.Status == TrackingStatus.Live ? "live" : "complete", N(m.Reoffences),
                        Date(m.FirstReoffenceDate), m.IndexOutcomeId, Date(m.IndexDate), Date(m.FollowUpEnd), Date(m.ProvenBy),
                    ]));
                }
            }
            var heading = new TabularOutput("Live reoffending tracker (analysts only: child-level, never published)", ["item", "value"],
            [
                ["dataset", DatasetSource.Describe(path)],
                ["as of", Date(data.AsOf)],
                ["records", string.Create(CultureInfo.InvariantCulture, $"read {import.Report.TotalRead} = accepted {import.Report.TotalAccepted} + rejected {import.Report.TotalRejected}")],
                ["methodology", $"{definition.Ref} {definition.Name}"],
                ["source", definition.Source.ToString()],
                ["cohort", "children whose penalty was imposed in the period, each once, from their first such penalty; live until the follow-up (plus any waiting period) has ended by the as-of date"],
                ["order", "most reoffences first; ties by earlier first reoffence, then child id"],
            ]);
            var outputs = new List<TabularOutput>
            {
                heading,
                new("Cohorts", ["period", "area", "children", "live", "complete", "reoffended", "reoffences"], summary),
                new("Children", ["period", "area", "rank", "child", "status", "reoffences", "first reoffence", "index outcome", "index date", "follow-up end", "proven by"], children),
            };
            OutputWriter.Write(outputs, parse.GetValue(CommonOptions.Format), parse.GetValue(CommonOptions.Output), AnsiConsole.Console);
            return ExitCodes.Success;
        });
        return command;
    }
}
