using YouthJustice.Sdk.Samples.Web.Sdk;
using YouthJustice.Sdk.Samples.Web.Security;
using YouthJustice.Sdk.Samples.Web.Store;

namespace YouthJustice.Sdk.Samples.Web;

/// <summary>What runs outside the request pipeline: the account command and first-start seeding.</summary>
public static class WebCommands
{
    /// <summary>The environment variable naming the first analyst account to create at start.</summary>
    public const string AnalystVariable = "YJ_WEB_ANALYST";

    /// <summary>The environment variable holding that account's password (never a default).</summary>
    public const string AnalystPasswordVariable = "YJ_WEB_ANALYST_PASSWORD";

    /// <summary><c>yj-web add-analyst NAME</c>: reads the password from standard input's first line and creates the account.</summary>
    public static int AddAnalyst(string[] rest, string name)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(rest).Build();
        var store = new WebStore(WebSettings.DataFolder(configuration, Directory.GetCurrentDirectory()));
        Console.Error.WriteLine($"Password for analyst '{name}' (at least {Accounts.MinimumPasswordLength} characters), then Enter:");
        var password = Console.ReadLine() ?? "";
        try
        {
            new Accounts(store).Create(name, password);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message.Split(" (Parameter")[0]);
            return 2;
        }
        Console.WriteLine($"Analyst '{name}' created in {store.Path}.");
        return 0;
    }

    /// <summary>At start: seeds the comparators and targets from the embedded sample once, and creates the analyst named by
    /// <see cref="AnalystVariable"/> and <see cref="AnalystPasswordVariable"/> when both are set and the account is new.</summary>
    public static void Initialise(IServiceProvider services, IConfiguration configuration)
    {
        var store = services.GetRequiredService<WebStore>();
        foreach (var input in ReportInputs.Names)
        {
            store.SetReportInput(input, DatasetCatalog.SampleInput(input), onlyIfMissing: true);
        }
        var name = configuration[AnalystVariable];
        var password = configuration[AnalystPasswordVariable];
        if (!string.IsNullOrWhiteSpace(name) && !string.IsNullOrEmpty(password) && store.User(name.Trim()) is null)
        {
            services.GetRequiredService<Accounts>().Create(name, password);
        }
    }
}
