using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Synthetic;

namespace YouthJustice.Sdk.Web.BrowserTests;

/// <summary>One web server and one headless Debian chromium for every browser test, plus a two-area dataset uploaded.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    public WebServer Server { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The id of the uploaded two-area dataset.</summary>
    public string TwoAreas { get; private set; } = "";

    /// <summary>Its area codes.</summary>
    public IReadOnlyList<string> TwoAreaCodes { get; private set; } = [];

    public string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run scripts/install-chromium.sh.");
        Directory.CreateDirectory(Screenshots);
        Server = new WebServer();
        var dataset = SyntheticDatasetGenerator.Generate(SyntheticOptions.National(seed: 5, areaCount: 2) with { Scale = 0.1, FinancialYears = 3, FirstFinancialYear = 2020 });
        TwoAreaCodes = [.. dataset.Areas.Select(a => a.Code)];
        using var json = new MemoryStream();
        DatasetExporter.WriteJson(dataset, json);
        using var client = await Server.SignedInClient();
        var file = new ByteArrayContent(json.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await client.PostAsync("/api/datasets", new MultipartFormDataContent { { file, "file", "two-areas.json" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        TwoAreas = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    public async Task<IPage> NewPage()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            AcceptDownloads = true,
        });
        // Generous: the first request for a report builds it, and CI machines are shared.
        context.SetDefaultTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot into the test output, and into docs/images when YJ_WEB_SCREENSHOTS_TO_DOCS=1.</summary>
    /// <param name="page">The page.</param>
    /// <param name="name">The file name without extension.</param>
    /// <param name="selector">An element to take alone; the whole page when null.</param>
    public async Task Screenshot(IPage page, string name, string? selector = null)
    {
        var path = Path.Combine(Screenshots, name + ".png");
        if (selector is null)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        }
        else
        {
            await page.Locator(selector).ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        }
        if (Environment.GetEnvironmentVariable("YJ_WEB_SCREENSHOTS_TO_DOCS") == "1")
        {
            var docs = Path.Combine(WebServer.Metadata("DocsFolder"), "images");
            Directory.CreateDirectory(docs);
            File.Copy(path, Path.Combine(docs, "web-" + name + ".png"), overwrite: true);
        }
    }

    /// <summary>A zip of a generated dataset's CSV folder with two bad birth dates in children.csv (lines 2 and 3).</summary>
    public static byte[] BrokenZip()
    {
        var folder = Directory.CreateTempSubdirectory("yj-web-broken-");
        try
        {
            DatasetExporter.WriteFolder(SyntheticDatasetGenerator.Generate(SyntheticOptions.SingleAuthority(9) with { Scale = 0.05, FinancialYears = 2, FirstFinancialYear = 2021 }), folder.FullName);
            var children = Path.Combine(folder.FullName, "children.csv");
            var lines = File.ReadAllLines(children);
            var column = Array.IndexOf(lines[0].Split(','), "date_of_birth");
            for (var i = 1; i <= 2; i++)
            {
                var cells = lines[i].Split(',');
                cells[column] = "31/02/2008";
                lines[i] = string.Join(",", cells);
            }
            File.WriteAllLines(children, lines);
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var file in Directory.GetFiles(folder.FullName))
                {
                    zip.CreateEntryFromFile(file, Path.GetFileName(file));
                }
            }
            return buffer.ToArray();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        Playwright?.Dispose();
        Server?.Dispose();
    }
}
