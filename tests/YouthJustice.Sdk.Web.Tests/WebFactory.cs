using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace YouthJustice.Sdk.Web.Tests;

/// <summary>The web sample in memory over a real SQLite file in a fresh data folder, with one analyst account.</summary>
public partial class WebFactory : WebApplicationFactory<Program>
{
    public const string Analyst = "ana";
    public const string Password = "correct-horse-battery";

    private readonly bool _ownsFolder;

    public WebFactory() : this(Directory.CreateTempSubdirectory("yj-web-tests-").FullName, ownsFolder: true)
    {
    }

    /// <summary>A host over <paramref name="dataFolder"/>, which it deletes when disposed only if it owns it.</summary>
    protected WebFactory(string dataFolder, bool ownsFolder)
    {
        DataFolder = dataFolder;
        _ownsFolder = ownsFolder;
    }

    public string DataFolder { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["YouthJustice:DataFolder"] = DataFolder,
            ["YJ_WEB_ANALYST"] = Analyst,
            ["YJ_WEB_ANALYST_PASSWORD"] = Password,
        }));
    }

    /// <summary>A client that does not follow redirects, so tests see 302s.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client signed in as the analyst through the sign-in form (with its anti-forgery token).</summary>
    public async Task<HttpClient> SignedIn()
    {
        var client = Anonymous();
        var response = await client.PostAsync("/signin", await SignInForm(client, Analyst, Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<FormUrlEncodedContent> SignInForm(HttpClient client, string name, string password)
    {
        var page = await client.GetStringAsync("/signin");
        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name,
            ["password"] = password,
            ["__RequestVerificationToken"] = Token(page),
        });
    }

    public static string Token(string page) => TokenPattern().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No anti-forgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}

/// <summary>A host over a data folder the test names (to restart on it).</summary>
public sealed class FolderWebFactory(string dataFolder, bool ownsFolder) : WebFactory(dataFolder, ownsFolder);
