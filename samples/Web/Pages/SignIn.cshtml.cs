using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using YouthJustice.Sdk.Samples.Web.Security;

namespace YouthJustice.Sdk.Samples.Web.Pages;

/// <summary>Signs an analyst in with a local account (cookie authentication).</summary>
public sealed class SignInModel(Accounts accounts) : PageModel
{
    /// <summary>Why the last attempt failed.</summary>
    public string? Error { get; private set; }

    /// <summary>Where to go after signing in (a local path only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the name and password.</summary>
    public async Task<IActionResult> OnPostAsync(string? name, string? password)
    {
        var principal = accounts.SignIn(name ?? "", password ?? "", CookieAuthenticationDefaults.AuthenticationScheme);
        if (principal is null)
        {
            Error = "The user name or password is wrong.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
