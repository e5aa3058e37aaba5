using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.Features;
using Scalar.AspNetCore;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Samples.Web;
using YouthJustice.Sdk.Samples.Web.Api;
using YouthJustice.Sdk.Samples.Web.Sdk;
using YouthJustice.Sdk.Samples.Web.Security;
using YouthJustice.Sdk.Samples.Web.Store;

// `yj-web add-analyst <name>` creates a local analyst account (the password is read from standard input) and exits.
if (args is ["add-analyst", var analystName, ..])
{
    return WebCommands.AddAnalyst(args[2..], analystName);
}

var builder = WebApplication.CreateBuilder(args);

builder.WebHost.ConfigureKestrel(k =>
{
    k.Limits.MaxRequestBodySize = WebSettings.MaxUploadBytes;
    k.AddServerHeader = false;
});
builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = WebSettings.MaxUploadBytes);
// The data folder is read when the store is first needed, so configuration added by a test host applies too.
builder.Services.AddSingleton(sp => new WebStore(WebSettings.DataFolder(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath)));
// The keys that protect the sign-in and anti-forgery cookies live in the data folder, so a restart keeps analysts signed in.
builder.Services.AddDataProtection().SetApplicationName("yj-web");
builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
    o.XmlRepository = new FileSystemXmlRepository(
        new DirectoryInfo(Path.Combine(Path.GetDirectoryName(sp.GetRequiredService<WebStore>().Path)!, "keys")), sp.GetRequiredService<ILoggerFactory>())));
builder.Services.AddYouthJustice(options =>
{
    var plugins = Path.Combine(AppContext.BaseDirectory, "plugins");
    options.PluginsDirectory = Directory.Exists(plugins) ? plugins : null;
    options.FailurePolicy = PluginFailurePolicy.ContinueWithoutFaultyPlugins;
});
builder.Services.AddSingleton<DatasetCatalog>();
builder.Services.AddSingleton<ReportService>();
builder.Services.AddSingleton<Accounts>();

builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => WebJson.Configure(o.SerializerOptions));
builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "YouthJustice.Sdk web API";
    document.Info.Description = "Published youth justice indicators (disclosure control applied) for anyone; child-level data, unsuppressed figures and uploads for signed-in analysts.";
    return Task.CompletedTask;
}));

// Cookie authentication behind the standard schemes: a council can swap in its own identity provider (OpenID Connect,
// Entra ID, …) by changing the default scheme; the policies below only ask for the analyst role.
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(o =>
    {
        o.LoginPath = "/signin";
        o.LogoutPath = "/signout";
        o.AccessDeniedPath = "/signin";
        o.Cookie.Name = "yj-web-auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.SlidingExpiration = true;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        // The API answers 401/403 with ProblemDetails instead of redirecting to the sign-in page.
        o.Events.OnRedirectToLogin = ctx => ApiProblems.RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = ctx => ApiProblems.RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
    });
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(Accounts.AnalystPolicy, p => p.RequireAuthenticatedUser().RequireRole(Accounts.AnalystRole));
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = "yj-web-af";
    o.Cookie.SameSite = SameSiteMode.Strict;
});
builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizePage("/Upload", Accounts.AnalystPolicy);
    o.Conventions.AuthorizePage("/Explain", Accounts.AnalystPolicy);
    // An import report quotes the rejected rows' values, child ids among them.
    o.Conventions.AuthorizePage("/ImportReport", Accounts.AnalystPolicy);
});

var app = builder.Build();
var dataFolder = Path.GetDirectoryName(app.Services.GetRequiredService<WebStore>().Path);

WebCommands.Initialise(app.Services, app.Configuration);

app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ApiProblems.WriteUnhandled });
app.UseStatusCodePages();
app.Use(SecurityHeaders.Add);
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/scalar", o => o.WithTitle("YouthJustice.Sdk web API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
app.MapRazorPages();
app.MapWebApi();

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var address in app.Urls)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"YouthJustice.Sdk dashboard: {address}/  (API reference: {address}/scalar, data folder: {dataFolder})"));
    }
});

app.Run();
return 0;

/// <summary>The web sample's entry point (named for the integration tests' <c>WebApplicationFactory</c>).</summary>
public partial class Program;
