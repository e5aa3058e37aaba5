using Microsoft.AspNetCore.Mvc.RazorPages;
using YouthJustice.Sdk.Samples.Web.Api;
using YouthJustice.Sdk.Samples.Web.Sdk;

namespace YouthJustice.Sdk.Samples.Web.Pages;

/// <summary>The records behind one figure (analysts only, by the page convention in Program.cs).</summary>
public sealed class ExplainModel(DatasetCatalog catalog, ReportService reports) : PageModel
{
    /// <summary>The explanation.</summary>
    public ExplainAnswer? Answer { get; private set; }

    /// <summary>What was wrong with the request.</summary>
    public string? Error { get; private set; }

    /// <summary>Explains the figure named by the query.</summary>
    public void OnGet(string? dataset, string? indicator, string? period, string? area, string? breakdown)
    {
        var (answer, field, error) = WebApi.ExplainFigure(catalog, reports, dataset, indicator, period, area, breakdown);
        Answer = answer;
        Error = answer is null ? $"{field}: {error}" : null;
    }
}
