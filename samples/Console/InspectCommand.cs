using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using YouthJustice.Sdk.Inspection;

namespace YouthJustice.Sdk.Samples.Console;

/// <summary><c>yj inspect</c>: HM Inspectorate of Probation ratings from a case-sample file, or from the shipped Coventry 2023 sample.</summary>
internal static class InspectCommand
{
    /// <summary>The shipped sample: Coventry's published key-question counts and judged ratings.</summary>
    public const string SampleResource = "SampleInspection/coventry-2023.case-sample.csv";

    /// <summary>What the shipped sample is, for the heading.</summary>
    public const string SampleDescription =
        "shipped sample: Coventry, February 2023 (HM Inspectorate of Probation, An inspection of youth offending services in Coventry, February 2023, \"Ratings\" and the key-question tables of domains two and three)";

    public static Command Create()
    {
        var file = new Argument<FileInfo?>("case-sample")
        {
            Description = "A case-sample CSV (standard,key_question,sufficient,cases,rating; docs/methodology-inspection.md). Default: the shipped Coventry 2023 sample.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("inspect", "Rate an inspection by HM Inspectorate of Probation's framework: each key question's share of cases judged sufficient, each standard's rating (its lowest key question), the domain scores and the overall score and rating.")
        {
            file,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file);
            var read = path is null ? ReadSample() : CaseSampleCsv.ReadFile(path.FullName);
            var source = path is null ? SampleDescription : path.FullName;
            if (!read.Succeeded)
            {
                System.Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"The case sample {read.Source} has {read.Errors.Length} error(s): read {read.Read} = accepted {read.Accepted} + rejected {read.Rejected} rows. Nothing was rated."));
                OutputWriter.WriteToStandardError([Errors(read)]);
                return ExitCodes.DataErrors;
            }
            var result = read.Rate(new InspectionCalculator());
            OutputWriter.Write(Describe(result, read, source), parse.GetValue(CommonOptions.Format), parse.GetValue(CommonOptions.Output), AnsiConsole.Console);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Reads the case-sample file shipped inside yj.</summary>
    public static CaseSampleReadResult ReadSample()
    {
        using var stream = typeof(InspectCommand).Assembly.GetManifestResourceStream(SampleResource)
            ?? throw new InvalidOperationException("The shipped case sample is missing from this build of yj.");
        using var reader = new StreamReader(stream);
        return CaseSampleCsv.Read(reader, Path.GetFileName(SampleResource));
    }

    /// <summary>The rating as HMIP prints it, e.g. "Requires improvement".</summary>
    public static string Words(InspectionRating rating) => rating switch
    {
        InspectionRating.Outstanding => "Outstanding",
        InspectionRating.Good => "Good",
        InspectionRating.RequiresImprovement => "Requires improvement",
        _ => "Inadequate",
    };

    private static IReadOnlyList<TabularOutput> Describe(InspectionResult result, CaseSampleReadResult read, string source)
    {
        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        var framework = InspectionFramework.HmipYouthJustice;
        var heading = new TabularOutput("HM Inspectorate of Probation inspection rating", ["item", "value"],
        [
            ["case sample", source],
            ["rows", $"read {N(read.Read)} = accepted {N(read.Accepted)} + rejected {N(read.Rejected)}"],
            ["framework", $"{framework.Name} ({result.FrameworkId} version {N(result.FrameworkVersion)})"],
            ["overall", $"{N(result.Score)}/{N(result.MaxScore)} {Words(result.Overall)}"],
            ["rules", "a case-based standard takes the band of its lowest key question (exact percentage); resettlement (4.1) is rated but not counted"],
            ["bands", framework.BandsProvenance],
        ]);
        var domainOf = framework.Domains.SelectMany(d => d.Standards.Select(s => (s.Id, d))).ToDictionary(x => x.Id, x => x.d, StringComparer.Ordinal);
        var standards = new TabularOutput("Standards", ["domain", "standard", "name", "rated from", "rating", "points", "counted", "lowest key question"],
        [
            .. result.Standards.Select(s => (IReadOnlyList<string>)
            [
                $"{N(domainOf[s.Standard.Id].Number)} {domainOf[s.Standard.Id].Name}",
                s.Standard.Id,
                s.Standard.Name,
                s.Standard.Kind == StandardKind.CaseBased ? "cases" : "inspectors' judgement",
                Words(s.Rating),
                N(s.Points),
                s.CountsTowardOverall ? "yes" : "no",
                s.LowestPercent is { } lowest
                    ? $"{Percent(lowest)}% ({string.Join(", ", s.DrivingKeyQuestions.Select(CaseSampleCsv.NameOf))})"
                    : "",
            ]),
        ]);
        var questions = new TabularOutput("Key questions", ["standard", "key question", "sufficient", "cases", "%", "exact %", "95% interval", "band", "question"],
        [
            .. result.Standards.SelectMany(s => s.KeyQuestions.Select(k => (IReadOnlyList<string>)
            [
                s.Standard.Id,
                CaseSampleCsv.NameOf(k.Question.Lens),
                N(k.Sufficient),
                N(k.Total),
                k.FormatPercent(),
                Percent(k.Percent),
                $"{k.Interval.Lower.ToString("0.0", CultureInfo.InvariantCulture)} to {k.Interval.Upper.ToString("0.0", CultureInfo.InvariantCulture)}",
                Words(k.Band),
                k.Question.Text,
            ])),
        ]);
        var domains = new TabularOutput("Domains", ["domain", "name", "score", "max"],
            [.. result.Domains.Select(d => (IReadOnlyList<string>)[N(d.Number), d.Name, N(d.Score), N(d.MaxScore)])]);
        return [heading, standards, questions, domains];
    }

    /// <summary>An exact percentage without trailing zeros (93.75, 87.5, 100).</summary>
    private static string Percent(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static TabularOutput Errors(CaseSampleReadResult read) => new(
        string.Create(CultureInfo.InvariantCulture, $"Errors ({read.Errors.Length})"), ["file", "line", "field", "value", "reason"],
        [.. read.Errors.Select(e => (IReadOnlyList<string>)[e.File, e.Line?.ToString(CultureInfo.InvariantCulture) ?? "", e.Field ?? "", e.Value ?? "", e.Reason])]);
}
