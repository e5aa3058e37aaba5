using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;

namespace YouthJustice.Sdk.Web.BrowserTests;

/// <summary>The web sample as its own process on a free loopback port, over a fresh data folder, with one analyst.</summary>
public sealed partial class WebServer : IDisposable
{
    public const string Analyst = "ana";
    public const string Password = "correct-horse-battery";

    private readonly Process _process;

    public WebServer()
    {
        DataFolder = Directory.CreateTempSubdirectory("yj-web-browser-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Metadata("WebAssembly") },
            WorkingDirectory = Metadata("WebProject"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["YouthJustice__DataFolder"] = DataFolder;
        start.Environment["YJ_WEB_ANALYST"] = Analyst;
        start.Environment["YJ_WEB_ANALYST_PASSWORD"] = Password;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        try
        {
            Address = WaitForAddress();
        }
        catch
        {
            Dispose();
            throw;
        }
        _ = Task.Run(() => _process.StandardOutput.ReadToEnd());
    }

    private Uri WaitForAddress()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The web sample stopped before it printed its address.");
            if (AddressLine().Match(line) is { Success: true } m)
            {
                return new Uri(m.Groups[1].Value);
            }
        }
        throw new TimeoutException("The web sample printed no address within 90 s.");
    }

    /// <summary>The printed address, e.g. http://127.0.0.1:39211/.</summary>
    public Uri Address { get; }

    public string DataFolder { get; }

    public static string Metadata(string key) =>
        typeof(WebServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <summary>An HTTP client signed in as the analyst through the sign-in form.</summary>
    public async Task<HttpClient> SignedInClient()
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Address };
        var page = await client.GetStringAsync("/signin");
        var token = TokenPattern().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = Analyst, ["password"] = Password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in answered {response.StatusCode}.");
        }
        return client;
    }

    [GeneratedRegex(@"YouthJustice\.Sdk dashboard: (\S+?)/?\s")]
    private static partial Regex AddressLine();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
