namespace YouthJustice.Sdk.Reports;

/// <summary>The binary report formats: the XLSX board pack and the Parquet figures.</summary>
public static class OfficeReportRenderers
{
    /// <summary>Table, JSON and CSV (<see cref="ReportRenderers.Default"/>) with XLSX and Parquet.</summary>
    public static ReportRenderers All { get; } = ReportRenderers.Default.WithOfficeFormats();

    /// <summary><paramref name="renderers"/> with <see cref="XlsxReportRenderer"/> and <see cref="ParquetReportRenderer"/> added
    /// (replacing any with their formats).</summary>
    /// <param name="renderers">The renderers.</param>
    /// <exception cref="ArgumentNullException"><paramref name="renderers"/> is null.</exception>
    public static ReportRenderers WithOfficeFormats(this ReportRenderers renderers)
    {
        ArgumentNullException.ThrowIfNull(renderers);
        return renderers.With(new XlsxReportRenderer()).With(new ParquetReportRenderer());
    }
}
