using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using YouthJustice.Sdk.Disclosure;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Samples.Web.Sdk;
using YouthJustice.Sdk.Samples.Web.Security;
using YouthJustice.Sdk.Reports;
using YouthJustice.Sdk.Samples.Web.Store;

namespace YouthJustice.Sdk.Samples.Web.Api;

/// <summary>A dataset in the list.</summary>
public sealed record DatasetSummary(string Id, string Name, string? AsOf, bool Succeeded, string? UploadedAt, string? UploadedBy, long Read, long Accepted, long Rejected, string ImportReport);

/// <summary>The answer to an upload: the dataset's id (when it imported) and its import report.</summary>
public sealed record UploadAnswer(string? Id, bool Succeeded, ImportReportView ImportReport);

/// <summary>A report as JSON: the figures (published unless an analyst asked for them unsuppressed) and the plugins' sections.</summary>
public sealed record ReportAnswer(string Dataset, IReadOnlyList<string> Areas, IReadOnlyList<string> Periods, bool Published, long Run,
    IReadOnlyList<FigureView> Figures, IReadOnlyList<TableView> Sections, IReadOnlyList<string> Errors);

/// <summary>An indicator definition with its versions and citations.</summary>
public sealed record DefinitionAnswer(string Id, int Version, string Name, string Family, string Unit, string Direction, string Description,
    string? Owner, IReadOnlyList<string> Citations, IReadOnlyDictionary<string, string> Parameters);

/// <summary>The plugins loaded and those that failed.</summary>
public sealed record PluginsAnswer(IReadOnlyList<PluginAnswer> Loaded, IReadOnlyList<PluginErrorAnswer> Errors);

/// <summary>A loaded plugin.</summary>
public sealed record PluginAnswer(string Id, string Version, string DisplayName, string Authority, IReadOnlyList<string> Indicators);

/// <summary>A plugin that failed to load.</summary>
public sealed record PluginErrorAnswer(string PluginId, string Kind, string Message);

/// <summary>The records behind one figure (child-level: analysts only).</summary>
public sealed record ExplainAnswer(string Indicator, string Methodology, string Area, string Period, string Breakdown, string Summary,
    IReadOnlyList<string> Parameters, string NumeratorKind, IReadOnlyList<string> NumeratorIds, string DenominatorKind, IReadOnlyList<string> DenominatorIds,
    decimal Numerator, decimal? Denominator, decimal? Value);

/// <summary>One child on the live reoffending tracker (child-level: analysts only).</summary>
public sealed record TrackerRow(string ChildId, string IndexOutcomeId, string IndexDate, string FollowUpEnd, string Status, int Reoffences, string? FirstReoffence);

/// <summary>The HTTP API: datasets, reports, definitions, plugins, explain, tracker, comparators and report runs.</summary>
public static class WebApi
{
    /// <summary>Maps the endpoints under <c>/api</c>.</summary>
    public static void MapWebApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("YouthJustice.Sdk");

        api.MapGet("/datasets", ListDatasets).WithSummary("The datasets: the embedded sample and every upload, with read = accepted + rejected.");
        api.MapPost("/datasets", UploadDataset).RequireAuthorization(Accounts.AnalystPolicy).DisableAntiforgery()
            .WithSummary("Upload a dataset (analysts): a zip of the CSV folder or the JSON document, as the multipart field 'file'. Strict import: 201 when it imported, 422 with the full import report when it did not.")
            .Produces<UploadAnswer>(StatusCodes.Status201Created).Produces<UploadAnswer>(StatusCodes.Status422UnprocessableEntity)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/datasets/{id}/import-report", ImportReport).RequireAuthorization(Accounts.AnalystPolicy)
            .WithSummary("A dataset's import report (analysts: it quotes rejected rows, child ids among them): every file's counts and every rejected row with file, line, field and reason.")
            .Produces<ImportReportView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/reports", Report).WithSummary("Compute the indicators for areas × periods × breakdowns. Published (disclosure control applied) unless an analyst asks for unsuppressed=true. format=json (default: the figures), csv (the SDK's tidy CSV, one row per figure), report (the SDK's report JSON), xlsx (the board pack) or parquet (the figures, for DuckDB, pandas or Power BI).")
            .Produces<ReportAnswer>().Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/dashboard", Dashboard).WithSummary("Exactly what the dashboard shows for a dataset, area and period: tiles, trends, funnels, ranked bars, plugin sections and detail tables (published figures).")
            .Produces<DashboardView>().ProducesValidationProblem();
        api.MapGet("/runs", (WebStore store) => TypedResults.Ok(store.ReportRuns())).WithSummary("The report runs computed, newest first, with the definitions (id and version) each used.");

        api.MapGet("/definitions", Definitions).WithSummary("Every indicator definition: id, version, family, unit, description, citations and parameters.");
        api.MapGet("/plugins", Plugins).WithSummary("The plugins loaded and the load errors of those left out.");

        api.MapGet("/explain", Explain).RequireAuthorization(Accounts.AnalystPolicy)
            .WithSummary("The records behind one figure: child, offence or outcome ids, parameters and arithmetic (analysts).")
            .Produces<ExplainAnswer>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/tracker", Tracker).RequireAuthorization(Accounts.AnalystPolicy)
            .WithSummary("The live reoffending tracker's cohort child by child, most reoffences first (analysts).")
            .Produces<IReadOnlyList<TrackerRow>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/comparators", (WebStore store, ReportService reports) => TypedResults.Ok(ReportInputs.ReadComparators(store, reports.IndicatorIds)))
            .WithSummary("The comparators the RAG ratings use.");
        api.MapGet("/targets", (WebStore store, ReportService reports) => TypedResults.Ok(ReportInputs.ReadTargets(store, reports.IndicatorIds)))
            .WithSummary("The targets the headline page rates against.");
        api.MapPut("/comparators", (HttpRequest request, WebStore store, ReportService reports) => PutInput(request, store, reports, ReportInputs.Comparators))
            .RequireAuthorization(Accounts.AnalystPolicy).DisableAntiforgery().Accepts<string>("text/csv")
            .WithSummary("Replace the comparators (analysts): CSV indicator_id,comparator,period,value,area_code,source.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPut("/targets", (HttpRequest request, WebStore store, ReportService reports) => PutInput(request, store, reports, ReportInputs.Targets))
            .RequireAuthorization(Accounts.AnalystPolicy).DisableAntiforgery().Accepts<string>("text/csv")
            .WithSummary("Replace the targets (analysts): CSV indicator_id,area_code,period,value,source.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static bool IsAnalyst(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && user.IsInRole(Accounts.AnalystRole);

    private static Ok<List<DatasetSummary>> ListDatasets(DatasetCatalog catalog, WebStore store)
    {
        var list = new List<DatasetSummary>();
        if (catalog.Find(DatasetCatalog.SampleId) is { } sample)
        {
            list.Add(new DatasetSummary(sample.Id, sample.Label, sample.Dataset.AsOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), true, null, null,
                sample.Report.TotalRead, sample.Report.TotalAccepted, sample.Report.TotalRejected, "/api/datasets/sample/import-report"));
        }
        foreach (var d in store.Datasets())
        {
            var report = System.Text.Json.JsonSerializer.Deserialize<ImportReportView>(d.ImportReportJson, WebJson.Options)!;
            var id = d.Id.ToString(CultureInfo.InvariantCulture);
            list.Add(new DatasetSummary(id, d.Name, d.AsOf, d.Succeeded, d.UploadedAt, d.UploadedBy, report.Read, report.Accepted, report.Rejected, $"/api/datasets/{id}/import-report"));
        }
        return TypedResults.Ok(list);
    }

    private static async Task<IResult> UploadDataset(HttpRequest request, DatasetCatalog catalog, ClaimsPrincipal user)
    {
        if (!request.HasFormContentType)
        {
            return ApiProblems.Field("file", "Send the dataset as multipart/form-data with the field 'file'.", StatusCodes.Status415UnsupportedMediaType);
        }
        if (request.ContentLength > WebSettings.MaxUploadBytes)
        {
            return ApiProblems.Field("file", $"The upload is larger than {WebSettings.MaxUploadBytes / (1024 * 1024)} MiB.", StatusCodes.Status413PayloadTooLarge);
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException ex)
        {
            return ApiProblems.Field("file", "The multipart form cannot be read: " + ex.Message);
        }
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            return ApiProblems.Field("file", "No file, or an empty one, in the field 'file'.");
        }
        return Upload(catalog, file, user.Identity!.Name!, out var answer)
            is { } problem ? problem
            : answer!.Succeeded ? TypedResults.Created($"/api/datasets/{answer.Id}/import-report", answer)
            : TypedResults.UnprocessableEntity(answer);
    }

    /// <summary>Imports an uploaded file; the problem when the file could not even be read as a dataset.</summary>
    public static IResult? Upload(DatasetCatalog catalog, IFormFile file, string user, out UploadAnswer? answer)
    {
        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        file.CopyTo(buffer);
        try
        {
            var (stored, result) = catalog.Upload(file.FileName, buffer.ToArray(), user);
            answer = new UploadAnswer(stored.Succeeded ? stored.Id.ToString(CultureInfo.InvariantCulture) : null, stored.Succeeded,
                System.Text.Json.JsonSerializer.Deserialize<ImportReportView>(stored.ImportReportJson, WebJson.Options)!);
            return null;
        }
        catch (UploadRejectedException ex)
        {
            answer = null;
            return ApiProblems.Field(ex.Field, ex.Message);
        }
    }

    private static IResult ImportReport(string id, DatasetCatalog catalog, WebStore store)
    {
        if (id == DatasetCatalog.SampleId && catalog.Find(id) is { } sample)
        {
            return TypedResults.Ok(ImportReportView.From(sample.Report, "embedded sample"));
        }
        if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key) && store.Dataset(key) is { } stored)
        {
            return TypedResults.Text(stored.ImportReportJson, "application/json");
        }
        return ApiProblems.NotFound("id", $"No dataset '{id}'.");
    }

    private static IResult Report(HttpContext http, DatasetCatalog catalog, ReportService reports,
        [FromQuery] string? dataset, [FromQuery] string[]? area, [FromQuery] string[]? period, [FromQuery] string[]? breakdown,
        [FromQuery] bool unsuppressed = false, [FromQuery] string format = "json")
    {
        if (format is not ("json" or "csv" or "report" or "xlsx" or "parquet"))
        {
            return ApiProblems.Field("format", $"'{format}' is not a format: use json (the figures), csv (the SDK's tidy CSV), report (the SDK's report JSON), xlsx (the board pack) or parquet (the figures).");
        }
        if (unsuppressed && !IsAnalyst(http.User))
        {
            return http.User.Identity?.IsAuthenticated == true ? TypedResults.Problem(statusCode: 403, detail: "unsuppressed: only analysts see unsuppressed figures.")
                : TypedResults.Problem(statusCode: 401, detail: "unsuppressed: sign in as an analyst to see unsuppressed figures.");
        }
        var (first, field, error) = Selection.Resolve(catalog, dataset, area is { Length: > 0 } ? area[0] : null, null);
        if (first is null)
        {
            return ApiProblems.Field(field!, error!, field == "dataset" ? 404 : 400);
        }
        var areas = new List<string>();
        foreach (var a in area is { Length: > 0 } ? area : [first.Area])
        {
            if (!first.Areas.Any(x => x.Key == a))
            {
                return ApiProblems.Field("area", $"No area '{a}' in this dataset. Its areas: {string.Join(", ", first.Areas.Select(x => x.Key))}.");
            }
            areas.Add(a);
        }
        var periods = new List<ReportingPeriod>();
        foreach (var text in period is { Length: > 0 } ? period : [first.Periods[^2].ToString(), first.Periods[^1].ToString()])
        {
            if (!ReportingPeriod.TryParse(text, out var p))
            {
                return ApiProblems.Field("period", $"'{text}' is not a reporting period: use 2021/22, 2021/22 Q3, 2021, \"Oct 2020 - Sep 2021\" or 2021-01-01..2021-03-31.");
            }
            periods.Add(p);
        }
        var request = new WebReportRequest(first.Dataset.Id, [.. areas.Distinct(StringComparer.Ordinal)], [.. periods.Distinct()], [.. (breakdown ?? []).Distinct(StringComparer.Ordinal)]);
        var computed = reports.Compute(first.Dataset, request);
        var produced = computed.Internal.Figures().Select(f => f.Breakdown.Dimension);
        var known = ReportBreakdowns.National.Concat(produced).ToHashSet(StringComparer.Ordinal);
        if (request.Breakdowns.FirstOrDefault(b => !known.Contains(b)) is { } unknown)
        {
            return ApiProblems.Field("breakdown", $"No indicator breaks down by '{unknown}'. Breakdowns: {string.Join(", ", known.Where(k => k != "total"))}.");
        }
        var mode = unsuppressed ? DisclosureMode.Internal : DisclosureMode.Publication;
        var report = computed.For(mode);
        if (format is "csv" or "report" or "xlsx" or "parquet")
        {
            // The SDK's own renderers: tidy CSV (one row per figure), the report schema's JSON, the XLSX board pack and the
            // Parquet figures, each from the one report the disclosure mode chose.
            var renderer = OfficeReportRenderers.All.Find(format == "report" ? "json" : format)!;
            return TypedResults.File(ReportAdapter.Rendered(report, renderer), renderer.MediaType, $"yj-report-{first.Dataset.Id}{renderer.FileExtension}");
        }
        var figures = ReportAdapter.Figures(reports, computed, mode);
        var sections = request.Areas.SelectMany(a => ReportAdapter.Dashboard(reports, computed, a, "", mode).PluginSections).ToList();
        return TypedResults.Ok(new ReportAnswer(first.Dataset.Id, request.Areas, [.. request.Periods.Select(p => p.ToString())], mode == DisclosureMode.Publication,
            computed.RunId, figures, sections, [.. ReportAdapter.Dashboard(reports, computed, request.Areas[0], "", mode).Errors]));
    }

    private static IResult Dashboard(DatasetCatalog catalog, ReportService reports, [FromQuery] string? dataset, [FromQuery] string? area, [FromQuery] string? period)
    {
        var (selection, field, error) = Selection.Resolve(catalog, dataset, area, period);
        if (selection is null)
        {
            return ApiProblems.Field(field!, error!, field == "dataset" ? 404 : 400);
        }
        var computed = reports.Compute(selection.Dataset, selection.Request);
        return TypedResults.Ok(ReportAdapter.Dashboard(reports, computed, selection.Area, selection.AreaName, DisclosureMode.Publication));
    }

    private static Ok<List<DefinitionAnswer>> Definitions(ReportService reports) => TypedResults.Ok(reports.Registry.Indicators.Select(i => i.Definition).Select(d =>
        new DefinitionAnswer(d.Id, d.Version, d.Name, d.Family, d.Unit, d.Direction.ToString(), d.Description, reports.Registry.OwnerOf(d.Id),
            [.. d.Sources.Select(s => s.ToString())], d.Parameters)).ToList());

    private static Ok<PluginsAnswer> Plugins(ReportService reports)
    {
        var registry = reports.Registry;
        return TypedResults.Ok(new PluginsAnswer(
            [.. registry.LoadReport.Loaded.Select(p => new PluginAnswer(p.Id, p.Manifest.Version, p.Manifest.DisplayName, p.Manifest.AuthorityName ?? p.Manifest.AuthorityCode,
                [.. registry.Indicators.Where(i => registry.OwnerOf(i.Definition.Id) == p.Id).Select(i => i.Definition.Id)]))],
            [.. registry.LoadReport.Errors.Select(e => new PluginErrorAnswer(e.PluginId, e.Kind.ToString(), e.Message))]));
    }

    /// <summary>The explanation of one figure, or the problem naming the field.</summary>
    public static (ExplainAnswer? Answer, string? Field, string? Error) ExplainFigure(DatasetCatalog catalog, ReportService reports,
        string? dataset, string? indicator, string? period, string? area, string? breakdown)
    {
        var (selection, field, error) = Selection.Resolve(catalog, dataset, area, period);
        if (selection is null)
        {
            return (null, field, error);
        }
        if (reports.Registry.Indicators.FirstOrDefault(i => i.Definition.Id == indicator) is not { } target)
        {
            return (null, "indicator", $"No indicator '{indicator}'.");
        }
        BreakdownKey? key = null;
        if (!string.IsNullOrWhiteSpace(breakdown) && breakdown != "total")
        {
            var parts = breakdown.Split('=', 2);
            if (parts.Length != 2)
            {
                return (null, "breakdown", $"'{breakdown}' is not a breakdown: use dimension=value, e.g. sex=Female.");
            }
            key = new BreakdownKey(parts[0], parts[1]);
        }
        IndicatorExplanation e;
        try
        {
            e = IndicatorExplainer.Explain(target, reports.Context(selection.Dataset), selection.Period, selection.Area, key);
        }
        catch (InvalidOperationException ex)
        {
            return (null, "breakdown", ex.Message);
        }
        return (new ExplainAnswer(target.Definition.Id, e.Result.Methodology.ToString(), selection.Area, selection.Period.ToString(), e.Result.Breakdown.ToString(),
            e.Summary, e.Parameters, e.Evidence.NumeratorRecordKind, e.Evidence.NumeratorIds, e.Evidence.DenominatorRecordKind, e.Evidence.DenominatorIds,
            e.Result.Numerator, e.Result.Denominator, e.Result.Value), null, null);
    }

    private static IResult Explain(DatasetCatalog catalog, ReportService reports, [FromQuery] string? dataset, [FromQuery] string? indicator,
        [FromQuery] string? period, [FromQuery] string? area, [FromQuery] string? breakdown)
    {
        var (answer, field, error) = ExplainFigure(catalog, reports, dataset, indicator, period, area, breakdown);
        return answer is null ? ApiProblems.Field(field!, error!, field == "dataset" ? 404 : 400) : TypedResults.Ok(answer);
    }

    private static IResult Tracker(DatasetCatalog catalog, ReportService reports, [FromQuery] string? dataset, [FromQuery] string? period, [FromQuery] string? area)
    {
        var (selection, field, error) = Selection.Resolve(catalog, dataset, area, period);
        if (selection is null)
        {
            return ApiProblems.Field(field!, error!, field == "dataset" ? 404 : 400);
        }
        var tracker = reports.Registry.Indicators.OfType<LiveReoffendingTrackerIndicator>().First();
        var rows = tracker.MembersMostFrequentFirst(reports.Context(selection.Dataset), selection.Period, selection.Area)
            .Select(m => new TrackerRow(m.ChildId, m.IndexOutcomeId, Date(m.IndexDate), Date(m.FollowUpEnd), m.Status.ToString(), m.Reoffences,
                m.FirstReoffenceDate is { } d ? Date(d) : null))
            .ToList();
        return TypedResults.Ok(rows);
    }

    private static string Date(NodaTime.LocalDate d) => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<IResult> PutInput(HttpRequest request, WebStore store, ReportService reports, string name)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        try
        {
            // Read as the SDK reads them: a bad line or an unknown indicator is an error naming the file, line and field.
            if (name == ReportInputs.Comparators)
            {
                ReportInputFiles.ReadComparators(new StringReader(text), name, reports.IndicatorIds);
            }
            else
            {
                ReportInputFiles.ReadTargets(new StringReader(text), name, reports.IndicatorIds);
            }
        }
        catch (FormatException ex)
        {
            return ApiProblems.Field("body", ex.Message);
        }
        store.SetReportInput(name, text);
        reports.Invalidate();
        return TypedResults.NoContent();
    }
}

/// <summary>The breakdowns the national indicators take.</summary>
public static class ReportBreakdowns
{
    /// <summary>sex, age-band, ethnicity-group, outcome-type, offence-group.</summary>
    public static readonly ImmutableArray<string> National = ["sex", "age-band", "ethnicity-group", "outcome-type", "offence-group"];
}
