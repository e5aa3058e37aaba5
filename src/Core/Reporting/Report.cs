using System.Collections.Immutable;
using NodaTime;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Reporting;

namespace YouthJustice.Sdk.Reports;

/// <summary>An area a report covers.</summary>
/// <param name="Code">The ONS code.</param>
/// <param name="Name">The name, or empty when the dataset gives none.</param>
public sealed record ReportArea(string Code, string Name);

/// <summary>Which disclosure policy a report's figures went through.</summary>
/// <param name="Published">Whether the policy was applied (the report is for publication); <see langword="false"/> for an internal report, where every figure is exact.</param>
/// <param name="Threshold">Counts greater than zero and at or below this are withheld.</param>
/// <param name="SuppressZeros">Whether zeros are withheld too.</param>
/// <param name="SecondarySuppression">Whether secondary suppression was applied.</param>
/// <param name="RoundTo">The base published counts are rounded to, if any.</param>
/// <param name="SuppressedSymbol">What a renderer shows for a withheld figure.</param>
/// <param name="NotAvailableSymbol">What a renderer shows for an undefined value.</param>
public sealed record ReportDisclosure(
    bool Published, int Threshold, bool SuppressZeros, bool SecondarySuppression, int? RoundTo, string SuppressedSymbol = "~", string NotAvailableSymbol = "..")
{
    /// <summary>An internal report: no policy applied.</summary>
    public static ReportDisclosure Internal { get; } = new(false, 0, false, false, null);

    /// <summary>A sentence a reader can understand.</summary>
    public string Describe() => Published
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"publication: counts of {Threshold} or fewer suppressed ({SuppressedSymbol}){(SuppressZeros ? ", zeros too" : "")}{(SecondarySuppression ? ", with secondary suppression" : "")}{(RoundTo is { } r ? $", counts rounded to the nearest {r}" : "")}; rates from unrounded counts")
        : "internal: every figure shown (use --publish for output that will be published)";
}

/// <summary>
/// A report as a value: what it is of (dataset, as-of date, areas, periods), which disclosure policy its figures went
/// through, and its sections in order (about, headline, families, plugin sections, errors). Every renderer (table, JSON,
/// CSV, and any a host adds) draws from this one model.
/// </summary>
/// <remarks>Immutable. Build one with <see cref="ReportBuilder"/>; apply the disclosure policy with
/// <see cref="Disclosure.DisclosurePolicy.Apply(Report)"/> before rendering it for publication.</remarks>
public sealed record Report
{
    /// <summary>The version of the report's JSON schema (<c>docs/report.schema.json</c>) this model renders to.</summary>
    public const string CurrentSchemaVersion = "1.0";

    /// <summary>The schema version.</summary>
    public string SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>What the data is (a folder, a file, the embedded sample).</summary>
    public string Dataset { get; init; } = "";

    /// <summary>The date the data describes.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>The areas reported.</summary>
    public ImmutableArray<ReportArea> Areas { get; init; } = [];

    /// <summary>The periods reported, oldest first.</summary>
    public ImmutableArray<ReportingPeriod> Periods { get; init; } = [];

    /// <summary>The disclosure policy the figures went through.</summary>
    public ReportDisclosure Disclosure { get; init; } = ReportDisclosure.Internal;

    /// <summary>The sections, in order.</summary>
    public ImmutableArray<ReportSection> Sections { get; init; } = [];

    /// <summary>Every distinct figure of the report (by <see cref="ReportFigure.Id"/>), in order of first appearance.</summary>
    public IReadOnlyList<ReportFigure> Figures()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. Sections.SelectMany(s => s.Figures()).Where(f => seen.Add(f.Id))];
    }

    /// <summary>The report with every figure replaced by <paramref name="map"/>'s answer.</summary>
    /// <param name="map">Maps a figure to its replacement.</param>
    public Report MapFigures(Func<ReportFigure, ReportFigure> map) => this with { Sections = [.. Sections.Select(s => s.MapFigures(map))] };

    /// <summary>The name of an area, or empty.</summary>
    /// <param name="code">The area's code.</param>
    public string AreaName(string code) => Areas.FirstOrDefault(a => a.Code == code)?.Name ?? "";
}
