using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace YouthJustice.Sdk.Samples.Web.Pages;

/// <summary>Signs out (a POST with the anti-forgery token).</summary>
public sealed class SignOutModel : PageModel
{
    /// <summary>Shows the button.</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs out and returns to the dashboard.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/");
    }
}
