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
        var figures = report.Figures();
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var s in report.Sections)
        {
            foreach (var f in s.Figures())
            {
                if (!sections.TryGetValue(f.Id, out var list))
                {
                    sections[f.Id] = list = [];
                }
                if (!list.Contains(s.Id))
                {
                    list.Add(s.Id);
                }
            }
        }
        var comparators = figures.SelectMany(f => f.Comparisons.Select(c => c.Name)).Distinct(StringComparer.Ordinal).ToList();
        using var text = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var csvOptions = CsvWriterOptions.Default with { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture, ValidateFieldCount = false };
        using var csv = CsvWriter.Create(text, csvOptions, leaveOpen: true);
        csv.WriteRecord([.. FixedColumns, .. comparators.SelectMany(c => new[] { "comparator_" + c, "rag_" + c })]);
        static string N(decimal? d) => d is { } v ? v.ToString(CultureInfo.InvariantCulture) : "";
        static string Iso(NodaTime.LocalDate d) => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        foreach (var f in figures)
        {
            var row = new List<string>
            {
                f.Id, f.Methodology.Id, f.Methodology.Version.ToString(CultureInfo.InvariantCulture), f.Label, f.AreaCode, report.AreaName(f.AreaCode),
                f.Period.ToString(), Iso(f.Period.Start), Iso(f.Period.End), f.CohortPeriod?.ToString() ?? "",
                f.Breakdown.Dimension, f.Breakdown.Value, N(f.Value), f.Unit, f.Decimals.ToString(CultureInfo.InvariantCulture),
                N(f.Numerator), N(f.Denominator), N(f.IntervalLower), N(f.IntervalUpper), f.Provisional ? "true" : "false",
                ReportFormatting.Camel(f.Disclosure.Value), ReportFormatting.Camel(f.Disclosure.Numerator), ReportFormatting.Camel(f.Disclosure.Denominator),
                f.Disclosure.Rounded ? "true" : "false",
                N(f.Target?.Value), ReportFormatting.RagName(f.Target?.Rag) ?? "",
                string.Join(" ", sections.GetValueOrDefault(f.Id) ?? []), f.Citation?.ToString() ?? "",
            };
            foreach (var c in comparators)
            {
                var comparison = f.Comparison(c);
                row.Add(N(comparison?.Value));
                row.Add(ReportFormatting.RagName(comparison?.Rag) ?? "");
            }
            csv.WriteRecord([.. row]);
        }
    }
}
