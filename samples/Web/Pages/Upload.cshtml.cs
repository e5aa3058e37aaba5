using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using YouthJustice.Sdk.Samples.Web.Api;
using YouthJustice.Sdk.Samples.Web.Sdk;

namespace YouthJustice.Sdk.Samples.Web.Pages;

/// <summary>The upload form (analysts; anti-forgery checked): imports the file and shows its import report.</summary>
[RequestSizeLimit(WebSettings.MaxUploadBytes)]
public sealed class UploadModel(DatasetCatalog catalog) : PageModel
{
    /// <summary>Why the file could not be read as a dataset at all.</summary>
    public string? Error { get; private set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Imports the file and goes to its import report.</summary>
    public IActionResult OnPost(IFormFile? file)
    {
        if (file is not { Length: > 0 })
        {
            Error = "Choose a file: a zip of the CSV folder or the JSON document.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (WebApi.Upload(catalog, file, User.Identity!.Name!, out var answer) is not null || answer is null)
        {
            Error = $"'{file.FileName}' is neither a zip of the dataset's CSV folder nor a JSON dataset document, or the zip is unsafe to unpack.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return RedirectToPage("/ImportReport", new { id = answer.Id ?? LatestId() });
    }

    private string LatestId() => HttpContext.RequestServices.GetRequiredService<Store.WebStore>().Datasets()[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
