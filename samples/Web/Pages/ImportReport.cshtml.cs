using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using YouthJustice.Sdk.Samples.Web.Sdk;
using YouthJustice.Sdk.Samples.Web.Store;

namespace YouthJustice.Sdk.Samples.Web.Pages;

/// <summary>A stored dataset's import report: every file's counts and every rejected row.</summary>
public sealed class ImportReportModel(WebStore store) : PageModel
{
    /// <summary>The dataset's id.</summary>
    public string Id { get; private set; } = "";

    /// <summary>The report.</summary>
    public ImportReportView? Report { get; private set; }

    /// <summary>Shows the report, or 404.</summary>
    public IActionResult OnGet(string id)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key) || store.Dataset(key) is not { } stored)
        {
            return NotFound();
        }
        Id = id;
        Report = JsonSerializer.Deserialize<ImportReportView>(stored.ImportReportJson, WebJson.Options);
        return Page();
    }
}
