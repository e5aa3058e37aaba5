using System.Text.Json;
using System.Text.Json.Serialization;
using YouthJustice.Sdk.IO;

namespace YouthJustice.Sdk.Samples.Web.Sdk;

/// <summary>The JSON settings every response and stored document uses: camelCase, enums as strings.</summary>
public static class WebJson
{
    /// <summary>The options.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the settings to <paramref name="options"/>.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }
}

/// <summary>One file of an import: read = accepted + rejected.</summary>
public sealed record ImportFileView(string File, string Entity, bool Present, long Read, long Accepted, long Rejected, long AcceptedWithWarnings);

/// <summary>One rejected row or file-level problem: where (file, line, field) and why.</summary>
public sealed record ImportErrorView(string File, int? Line, string? Position, string? Field, string? Value, string Reason);

/// <summary>An import report as the API and the upload page show it.</summary>
public sealed record ImportReportView(
    string Source, string Policy, bool Succeeded, long Read, long Accepted, long Rejected,
    IReadOnlyList<ImportFileView> Files, IReadOnlyList<ImportErrorView> Errors, IReadOnlyList<ImportErrorView> Warnings)
{
    /// <summary>The view of <paramref name="report"/>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="source">The name to show for the source (the uploaded file's), instead of the folder it was unpacked to.</param>
    public static ImportReportView From(ImportReport report, string? source = null) => new(
        source ?? Path.GetFileName(report.Source), report.Policy.ToString(), report.Succeeded, report.TotalRead, report.TotalAccepted, report.TotalRejected,
        [.. report.Files.Select(f => new ImportFileView(f.File, f.Entity.ToString(), f.Present, f.Read, f.Accepted, f.Rejected, f.AcceptedWithWarnings))],
        [.. report.Errors.Select(View)], [.. report.Warnings.Select(View)]);

    private static ImportErrorView View(ImportError e) => new(e.File, e.Line, e.Position, e.Field, e.Value, e.Reason);
}
