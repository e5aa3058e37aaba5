using System.Text.Json.Serialization;
using Parquet.Serialization;
using YouthJustice.Sdk.Reporting;

namespace YouthJustice.Sdk.Reports;

/// <summary>
/// The report's figures as an Apache Parquet file (written with Parquet.Net), for analysts who continue in DuckDB, pandas or
/// Power BI: one row per distinct figure (the figures of the JSON output, in the same order), typed columns (see
/// <see cref="ParquetFigureRow"/>). A withheld number is null, with its state in the matching <c>*_state</c> column.
/// </summary>
/// <remarks>Numbers are doubles: the nearest double to the model's unrounded decimal (the JSON output holds the decimal itself).
/// Period dates are Parquet <c>DATE</c>s. Deterministic: the same report gives the same bytes.</remarks>
public sealed class ParquetReportRenderer : IReportRenderer
{
    /// <inheritdoc />
    public string Format => "parquet";

    /// <inheritdoc />
    public string FileExtension => ".parquet";

    /// <inheritdoc />
    public string MediaType => "application/vnd.apache.parquet";

    /// <inheritdoc />
    public bool IsText => false;

    /// <inheritdoc />
    public void Render(Report report, Stream output, ReportRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var rows = Rows(report);
        // Parquet.Net writes to a seekable stream and may close it; a memory stream keeps the caller's stream open.
        using var buffer = new MemoryStream();
        ParquetSerializer.SerializeAsync(rows, buffer).GetAwaiter().GetResult();
        output.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The rows the file holds: one per distinct figure of <paramref name="report"/>, in order of first appearance.</summary>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static IReadOnlyList<ParquetFigureRow> Rows(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Figures().Select(f => new ParquetFigureRow
        {
            FigureId = f.Id,
            IndicatorId = f.Methodology.Id,
            MethodologyVersion = f.Methodology.Version,
            MethodologyVariant = f.Methodology.Variant,
            Label = f.Label,
            AreaCode = f.AreaCode,
            AreaName = report.AreaName(f.AreaCode),
            Period = f.Period.ToString(),
            PeriodStart = f.Period.Start.ToDateOnly(),
            PeriodEnd = f.Period.End.ToDateOnly(),
            CohortPeriodStart = f.CohortPeriod?.Start.ToDateOnly(),
            CohortPeriodEnd = f.CohortPeriod?.End.ToDateOnly(),
            BreakdownDimension = f.Breakdown.Dimension,
            BreakdownValue = f.Breakdown.Value,
            Numerator = Double(f.Numerator),
            Denominator = Double(f.Denominator),
            Multiplier = (double)f.Multiplier,
            Value = Double(f.Value),
            Unit = f.Unit,
            Decimals = f.Decimals,
            IntervalLower = Double(f.IntervalLower),
            IntervalUpper = Double(f.IntervalUpper),
            IntervalLevel = Double(f.IntervalLevel),
            Direction = ReportFormatting.Camel(f.Direction),
            Provisional = f.Provisional,
            NumeratorState = ReportFormatting.Camel(f.Disclosure.Numerator),
            DenominatorState = ReportFormatting.Camel(f.Disclosure.Denominator),
            ValueState = ReportFormatting.Camel(f.Disclosure.Value),
            Rounded = f.Disclosure.Rounded,
            Published = report.Disclosure.Published,
            Target = Double(f.Target?.Value),
            TargetRag = ReportFormatting.RagName(f.Target?.Rag),
            Citation = f.Citation?.ToString(),
        })];
    }

    private static double? Double(decimal? value) => value is { } v ? (double)v : null;
}

/// <summary>One row of <see cref="ParquetReportRenderer"/>'s file: one figure. Column names are the
/// <see cref="JsonPropertyNameAttribute"/>s (snake case).</summary>
public sealed class ParquetFigureRow
{
    /// <summary>The figure's id (<see cref="ReportFigure.Id"/>), as in the JSON output.</summary>
    [JsonPropertyName("figure_id")]
    public string FigureId { get; set; } = "";

    /// <summary>The indicator (methodology) id.</summary>
    [JsonPropertyName("indicator_id")]
    public string IndicatorId { get; set; } = "";

    /// <summary>The methodology version.</summary>
    [JsonPropertyName("methodology_version")]
    public int MethodologyVersion { get; set; }

    /// <summary>The methodology's variant (a plugin's changed definition), or null.</summary>
    [JsonPropertyName("methodology_variant")]
    public string? MethodologyVariant { get; set; }

    /// <summary>The figure's label.</summary>
    [JsonPropertyName("label")]
    public string Label { get; set; } = "";

    /// <summary>The area's ONS code.</summary>
    [JsonPropertyName("area_code")]
    public string AreaCode { get; set; } = "";

    /// <summary>The area's name, or empty.</summary>
    [JsonPropertyName("area_name")]
    public string AreaName { get; set; } = "";

    /// <summary>The period's label, e.g. <c>2024-25 Q2</c>.</summary>
    [JsonPropertyName("period")]
    public string Period { get; set; } = "";

    /// <summary>The period's first day.</summary>
    [JsonPropertyName("period_start")]
    public DateOnly PeriodStart { get; set; }

    /// <summary>The period's last day.</summary>
    [JsonPropertyName("period_end")]
    public DateOnly PeriodEnd { get; set; }

    /// <summary>For a cohort measure, the cohort period's first day; otherwise null.</summary>
    [JsonPropertyName("cohort_period_start")]
    public DateOnly? CohortPeriodStart { get; set; }

    /// <summary>For a cohort measure, the cohort period's last day; otherwise null.</summary>
    [JsonPropertyName("cohort_period_end")]
    public DateOnly? CohortPeriodEnd { get; set; }

    /// <summary>The breakdown's dimension (<c>total</c> for the whole population).</summary>
    [JsonPropertyName("breakdown_dimension")]
    public string BreakdownDimension { get; set; } = "";

    /// <summary>The breakdown's value.</summary>
    [JsonPropertyName("breakdown_value")]
    public string BreakdownValue { get; set; } = "";

    /// <summary>The numerator (a plain count's count); null when withheld.</summary>
    [JsonPropertyName("numerator")]
    public double? Numerator { get; set; }

    /// <summary>The denominator; null for a plain count or when withheld.</summary>
    [JsonPropertyName("denominator")]
    public double? Denominator { get; set; }

    /// <summary>The multiplier applied to numerator / denominator.</summary>
    [JsonPropertyName("multiplier")]
    public double Multiplier { get; set; }

    /// <summary>The value, unrounded; null when undefined or withheld.</summary>
    [JsonPropertyName("value")]
    public double? Value { get; set; }

    /// <summary>The value's unit.</summary>
    [JsonPropertyName("unit")]
    public string Unit { get; set; } = "";

    /// <summary>The decimal places the value is displayed with.</summary>
    [JsonPropertyName("decimals")]
    public int Decimals { get; set; }

    /// <summary>The interval's lower bound; null when there is none or it is withheld.</summary>
    [JsonPropertyName("interval_lower")]
    public double? IntervalLower { get; set; }

    /// <summary>The interval's upper bound.</summary>
    [JsonPropertyName("interval_upper")]
    public double? IntervalUpper { get; set; }

    /// <summary>The interval's confidence level (e.g. 0.95), when there is an interval.</summary>
    [JsonPropertyName("interval_level")]
    public double? IntervalLevel { get; set; }

    /// <summary>Which way the indicator improves: <c>higherIsBetter</c>, <c>lowerIsBetter</c> or <c>neutral</c>.</summary>
    [JsonPropertyName("direction")]
    public string Direction { get; set; } = "";

    /// <summary>Whether the figure may still change.</summary>
    [JsonPropertyName("provisional")]
    public bool Provisional { get; set; }

    /// <summary>The numerator's suppression state: <c>none</c>, <c>primary</c>, <c>zero</c>, <c>complementary</c> or <c>derived</c>.</summary>
    [JsonPropertyName("numerator_state")]
    public string NumeratorState { get; set; } = "";

    /// <summary>The denominator's suppression state.</summary>
    [JsonPropertyName("denominator_state")]
    public string DenominatorState { get; set; } = "";

    /// <summary>The value's (and interval's) suppression state.</summary>
    [JsonPropertyName("value_state")]
    public string ValueState { get; set; } = "";

    /// <summary>Whether the published counts are rounded.</summary>
    [JsonPropertyName("rounded")]
    public bool Rounded { get; set; }

    /// <summary>Whether the report went through the disclosure policy (is for publication).</summary>
    [JsonPropertyName("published")]
    public bool Published { get; set; }

    /// <summary>The target's value, if one was set.</summary>
    [JsonPropertyName("target")]
    public double? Target { get; set; }

    /// <summary>The RAG rating against the target (<c>green</c>, <c>amber</c>, <c>red</c>), or null.</summary>
    [JsonPropertyName("target_rag")]
    public string? TargetRag { get; set; }

    /// <summary>The methodology's primary source, or null.</summary>
    [JsonPropertyName("citation")]
    public string? Citation { get; set; }
}
