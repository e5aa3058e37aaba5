using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Synthetic;
using YouthJustice.Sdk.Hosting;

namespace YouthJustice.Sdk.Samples.Console;

/// <summary><c>yj generate</c>: writes a deterministic synthetic dataset.</summary>
internal static class GenerateCommand
{
    public enum Preset
    {
        Coventry,
        Leicester,
        Warwickshire,
        National,
    }

    /// <summary>The most areas the national preset generates (England has 153 upper-tier authorities).</summary>
    public const int MaxAreas = 1000;

    /// <summary>The largest --scale accepted.</summary>
    public const double MaxScale = 100;

    public static Command Create(IAnsiConsole progress)
    {
        var seed = new Option<int>("--seed")
        {
            Description = "The seed: the same seed always gives the same bytes.",
            DefaultValueFactory = _ => DatasetSource.SampleSeed,
            CustomParser = r => Choices.WholeNumber(r, "--seed", int.MinValue, int.MaxValue),
        };
        var preset = new Option<Preset>("--preset")
        {
            Description = "coventry, leicester or warwickshire (one authority) or national (many areas).",
            DefaultValueFactory = _ => Preset.Coventry,
            CustomParser = r => Choices.Parse<Preset>(r, "--preset"),
            HelpName = Choices.HelpName<Preset>(),
        };
        var areas = new Option<int>("--areas")
        {
            Description = string.Create(CultureInfo.InvariantCulture, $"With --preset national only: how many areas, 1 to {MaxAreas}."),
            DefaultValueFactory = _ => 150,
            CustomParser = r => Choices.WholeNumber(r, "--areas", 1, MaxAreas),
            HelpName = "count",
        };
        var scale = new Option<double>("--scale")
        {
            Description = string.Create(CultureInfo.InvariantCulture, $"Multiplies the number of children per area (1 = realistic); greater than 0, at most {MaxScale}."),
            DefaultValueFactory = _ => 1.0,
            CustomParser = r => Choices.PositiveNumber(r, "--scale", MaxScale),
            HelpName = "factor",
        };
        var json = new Option<bool>("--json") { Description = "Write one JSON document (dataset.json) instead of a folder of CSV files." };
        var target = new Argument<DirectoryInfo>("folder") { Description = "Where to write the dataset." };

        var command = new Command("generate", "Write a deterministic synthetic dataset in the dataset format (docs/data-format.md).")
        {
            seed, preset, areas, scale, json, target,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(areas) is { Implicit: false } && result.GetValue(preset) != Preset.National)
            {
                result.AddError("--areas applies only to --preset national (the other presets are one authority each).");
            }
        });
        command.SetAction(parse =>
        {
            var options = parse.GetValue(preset) switch
            {
                Preset.Leicester => SyntheticOptions.SingleAuthority(parse.GetValue(seed), AreaProfile.Leicester),
                Preset.Warwickshire => SyntheticOptions.SingleAuthority(parse.GetValue(seed), AreaProfile.Warwickshire),
                Preset.National => SyntheticOptions.National(parse.GetValue(seed), parse.GetValue(areas)),
                _ => SyntheticOptions.SingleAuthority(parse.GetValue(seed)),
            };
            // Local programmes (diversion, early intervention, enriched case management, …) follow what the loaded plugins declare.
            using var provider = SdkHost.Build(parse);
            var programmes = LocalProgrammeModel.FromRegistry(provider.GetRequiredService<IYouthJusticeRegistry>());
            options = options with { Scale = parse.GetValue(scale), Programmes = programmes };
            var folder = parse.GetValue(target)!;
            var stopwatch = Stopwatch.StartNew();
            Dataset? dataset = null;
            Progress.Steps(progress, "Generating",
            [
                ("generating records", 1, _ => dataset = SyntheticDatasetGenerator.Generate(options)),
                ("writing records", 1, _ =>
                {
                    folder.Create();
                    if (parse.GetValue(json))
                    {
                        using var stream = File.Create(Path.Combine(folder.FullName, DatasetFormat.JsonFileName));
                        DatasetExporter.WriteJson(dataset!, stream);
                    }
                    else
                    {
                        DatasetExporter.WriteFolder(dataset!, folder.FullName);
                    }
                }),
            ]);
            var rows = DatasetSource.Summarise(dataset!)
                .Select(s => (IReadOnlyList<string>)[s.Kind, s.Count.ToString(CultureInfo.InvariantCulture)])
                .Append(["total records", dataset!.RecordCount.ToString(CultureInfo.InvariantCulture)])
                .ToList();
            OutputWriter.Write(
                [new TabularOutput($"Generated {folder.FullName} (seed {options.Seed}, as of {dataset.AsOf:uuuu-MM-dd}) in {stopwatch.Elapsed.TotalSeconds:F1} s", ["records", "count"], rows)],
                parse.GetValue(CommonOptions.Format), parse.GetValue(CommonOptions.Output), AnsiConsole.Console);
            return ExitCodes.Success;
        });
        return command;
    }
}
