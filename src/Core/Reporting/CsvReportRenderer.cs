using System.Globalization;
using System.Text;
using CsvHelper;
using YouthJustice.Sdk.Reporting;

namespace YouthJustice.Sdk.Reports;

/// <summary>
/// Tidy CSV: one row per distinct figure of the report, with its ids, period dates, breakdown, unrounded numbers, interval,
/// flags, disclosure states, target and one value and rating column pair per comparator. A withheld number is an empty
/// cell, its state column says why. Invariant culture, <c>\n</c> line ends, UTF-8 without a byte order mark.
/// </summary>
public sealed class CsvReportRenderer : IReportRenderer
{
    /// <summary>The fixed columns, before the comparator columns (<c>comparator_&lt;name&gt;</c>, <c>rag_&lt;name&gt;</c>).</summary>
    public static IReadOnlyList<string> FixedColumns { get; } =
    [
        "figure_id", "indicator_id", "methodology_version", "label", "area_code", "area_name", "period", "period_start", "period_end",
        "cohort_period", "breakdown_dimension", "breakdown_value", "value", "unit", "decimals", "numerator", "denominator",
        "interval_lower", "interval_upper", "provisional", "value_state", "numerator_state", "denominator_state", "rounded",
        "target", "target_rag", "sections", "citation",
    ];

    /// <inheritdoc />
    public string Format => "csv";

    /// <inheritdoc />
    public string FileExtension => ".csv";

    /// <inheritdoc />
    public string MediaType => "text/csv";

    /// <inheritdoc />
    public bool IsText => true;

    /// <inheritdoc />
    public void Render(Report report, Stream output, ReportRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        // One pass over the sections finds the distinct figures (those of report.Figures(), in its order) and the sections
        // each appears in, asking each figure for its id once.
        var figures = new List<(ReportFigure Figure, string Id)>();
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var s in report.Sections)
        {
            foreach (var f in s.Figures())
            {
                var id = f.Id;
                if (!sections.TryGetValue(id, out var list))
                {
                    sections[id] = list = [];
                    figures.Add((f, id));
                }
                if (!list.Contains(s.Id))
                {
                    list.Add(s.Id);
                }
            }
        }
        var comparators = figures.SelectMany(f => f.Figure.Comparisons.Select(c => c.Name)).Distinct(StringComparer.Ordinal).ToList();
        using var text = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var csvOptions = CsvWriterOptions.Default with { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture, ValidateFieldCount = false };
        using var csv = CsvWriter.Create(text, csvOptions, leaveOpen: true);
        csv.WriteRecord([.. FixedColumns, .. comparators.SelectMany(c => new[] { "comparator_" + c, "rag_" + c })]);
        static string N(decimal? d) => d is { } v ? v.ToString(CultureInfo.InvariantCulture) : "";
        static string Iso(NodaTime.LocalDate d) => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        var areaNames = new Dictionary<string, string>(StringComparer.Ordinal);
        // One row's fields, refilled for each figure (the writer copies them out).
        var row = new string[FixedColumns.Count + (2 * comparators.Count)];
        foreach (var (f, id) in figures)
        {
            if (!areaNames.TryGetValue(f.AreaCode, out var areaName))
            {
                areaNames[f.AreaCode] = areaName = report.AreaName(f.AreaCode);
            }
            var i = 0;
            row[i++] = id;
            row[i++] = f.Methodology.Id;
            row[i++] = f.Methodology.Version.ToString(CultureInfo.InvariantCulture);
            row[i++] = f.Label;
            row[i++] = f.AreaCode;
            row[i++] = areaName;
            row[i++] = f.Period.ToString();
            row[i++] = Iso(f.Period.Start);
            row[i++] = Iso(f.Period.End);
            row[i++] = f.CohortPeriod?.ToString() ?? "";
            row[i++] = f.Breakdown.Dimension;
            row[i++] = f.Breakdown.Value;
            row[i++] = N(f.Value);
            row[i++] = f.Unit;
            row[i++] = f.Decimals.ToString(CultureInfo.InvariantCulture);
            row[i++] = N(f.Numerator);
            row[i++] = N(f.Denominator);
            row[i++] = N(f.IntervalLower);
            row[i++] = N(f.IntervalUpper);
            row[i++] = f.Provisional ? "true" : "false";
            row[i++] = ReportFormatting.Camel(f.Disclosure.Value);
            row[i++] = ReportFormatting.Camel(f.Disclosure.Numerator);
            row[i++] = ReportFormatting.Camel(f.Disclosure.Denominator);
            row[i++] = f.Disclosure.Rounded ? "true" : "false";
            row[i++] = N(f.Target?.Value);
            row[i++] = ReportFormatting.RagName(f.Target?.Rag) ?? "";
            row[i++] = string.Join(" ", sections[id]);
            row[i++] = f.Citation?.ToString() ?? "";
            foreach (var c in comparators)
            {
                var comparison = f.Comparison(c);
                row[i++] = N(comparison?.Value);
                row[i++] = ReportFormatting.RagName(comparison?.Rag) ?? "";
            }
            csv.WriteRecord(row);
        }
    }
}
