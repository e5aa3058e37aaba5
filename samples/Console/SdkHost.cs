using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Hosting;

namespace YouthJustice.Sdk.Samples.Console;

/// <summary>The composition root: the SDK, its national indicators and the plugins, as any host would compose them.</summary>
internal static class SdkHost
{
    public static readonly Option<DirectoryInfo?> Plugins = new("--plugins")
    {
        Description = "The plugins folder (one subfolder per plugin). Default: the plugins built with the solution, beside yj.",
        HelpName = "folder",
    };

    public static readonly Option<bool> ContinueWithoutFaultyPlugins = new("--continue-without-faulty-plugins")
    {
        Description = "Leave out a plugin that fails to load (and say so) instead of stopping.",
    };

    public static readonly Option<LogLevel> LogLevelOption = new("--log-level")
    {
        Description = "What the SDK logs to standard error: plugin load decisions and compute timings (information), per-indicator timings (debug). Default: error.",
        HelpName = Choices.HelpName<LogLevel>(),
        CustomParser = r => Choices.Parse<LogLevel>(r, "--log-level"),
        DefaultValueFactory = _ => LogLevel.Error,
    };

    /// <summary>The plugins built with the solution land here (plugins/Plugins.targets).</summary>
    public static string DefaultPluginsDirectory => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>Adds <c>--plugins</c> and <c>--continue-without-faulty-plugins</c> to a command that loads plugins.</summary>
    public static void AddOptionsTo(Command command)
    {
        command.Options.Add(Plugins);
        command.Options.Add(ContinueWithoutFaultyPlugins);
        command.Options.Add(LogLevelOption);
    }

    /// <summary>Builds the registry; a faulty plugin under fail-fast throws <see cref="PluginFailureException"/>.</summary>
    public static ServiceProvider Build(ParseResult parse, PluginFailurePolicy? policy = null)
    {
        var pluginsDirectory = parse.GetValue(Plugins)?.FullName ?? DefaultPluginsDirectory;
        var services = new ServiceCollection();
        // Logs go to standard error, so standard output stays the report and can be piped.
        var level = parse.GetValue(LogLevelOption);
        services.AddLogging(logging => logging
            .SetMinimumLevel(level)
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddYouthJustice(options =>
        {
            options.FailurePolicy = policy ?? (parse.GetValue(ContinueWithoutFaultyPlugins)
                ? PluginFailurePolicy.ContinueWithoutFaultyPlugins
                : PluginFailurePolicy.FailFast);
            // A missing default folder means "no plugins were built"; a folder the user named must exist.
            options.PluginsDirectory = Directory.Exists(pluginsDirectory) || parse.GetValue(Plugins) is not null ? pluginsDirectory : null;
        });
        return services.BuildServiceProvider();
    }

    /// <summary>Says on standard error which plugins were left out because they failed to load.</summary>
    public static void WarnAboutFaultyPlugins(PluginLoadReport report, string consequence)
    {
        foreach (var error in report.Errors)
        {
            System.Console.Error.WriteLine($"warning: plugin '{error.PluginId}' was left out ({error.Kind}): {error.Message} {consequence}");
        }
    }
}
