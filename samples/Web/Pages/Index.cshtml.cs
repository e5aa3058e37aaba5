using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using YouthJustice.Sdk.Disclosure;
using YouthJustice.Sdk.Samples.Web.Sdk;
using YouthJustice.Sdk.Samples.Web.Security;
using YouthJustice.Sdk.Samples.Web.Store;

namespace YouthJustice.Sdk.Samples.Web.Pages;

/// <summary>The dashboard: pickers, headline tiles, charts, plugin sections, detail tables and downloads.</summary>
public sealed class IndexModel(DatasetCatalog catalog, ReportService reports, WebStore store) : PageModel
{
    /// <summary>The dashboard shown.</summary>
    public DashboardView? View { get; private set; }

    /// <summary>The selection behind it.</summary>
    public Selection? Selection { get; private set; }

    /// <summary>The datasets the picker offers: the sample and every upload that imported.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Datasets { get; private set; } = [];

    /// <summary>Whether the caller is a signed-in analyst.</summary>
    public bool Analyst => User.Identity?.IsAuthenticated == true && User.IsInRole(Accounts.AnalystRole);

    /// <summary>The charts' data, as JSON for dashboard.js.</summary>
    public string ChartJson { get; private set; } = "{}";

    /// <summary>The dashboard's JSON (exactly what is on screen).</summary>
    public string DashboardUrl => $"/api/dashboard?dataset={Uri.EscapeDataString(View!.DatasetId)}&area={Uri.EscapeDataString(View.AreaCode)}&period={Uri.EscapeDataString(View.Period)}";

    /// <summary>A download of the report on screen, rendered by the SDK (csv: tidy CSV; report: the report JSON; xlsx: the board pack; parquet: the figures).</summary>
    public string DownloadUrl(string format) =>
        $"/api/reports?dataset={Uri.EscapeDataString(View!.DatasetId)}&area={Uri.EscapeDataString(View.AreaCode)}"
        + "&period=" + Uri.EscapeDataString(View.Period)
        + $"&format={format}" + (View.Published ? "" : "&unsuppressed=true");

    /// <summary>Shows the dashboard for the picked dataset, area and period.</summary>
    public IActionResult OnGet(string? dataset, string? area, string? period, bool @internal = false)
    {
        var (selection, field, error) = Selection.Resolve(catalog, dataset, area, period);
        if (selection is null)
        {
            return field == "area" || field == "period"
                ? RedirectToPage("/Index", new { dataset })
                : NotFound(error ?? "");
        }
        Selection = selection;
        Datasets = [new(DatasetCatalog.SampleId, "Embedded sample"),
            .. store.Datasets().Where(d => d.Succeeded).Select(d => new KeyValuePair<string, string>(d.Id.ToString(CultureInfo.InvariantCulture), d.Name))];
        var mode = @internal && Analyst ? DisclosureMode.Internal : DisclosureMode.Publication;
        var computed = reports.Compute(selection.Dataset, selection.Request);
        View = ReportAdapter.Dashboard(reports, computed, selection.Area, selection.AreaName, mode);
        ChartJson = ChartData(View);
        return Page();
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DashboardView, string> Charts = new();

    private static string ChartData(DashboardView view) => Charts.GetValue(view, v =>
        JsonSerializer.Serialize(new { trends = v.Trends, funnels = v.Funnels, disparities = v.Disparities }, WebJson.Options));
}
