using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Engine;
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

    public static readonly Option<string[]> PluginSetting = new("--plugin-setting")
    {
        Description = "A plugin setting laid over the plugin's plugin.json, as plugin-id:name=value (e.g. warwickshire-ecm:sroi.serviceCost=50000). Repeat for several; wins over --plugin-settings.",
        HelpName = "plugin-id:name=value",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<FileInfo?> PluginSettingsFileOption = new("--plugin-settings")
    {
        Description = "A JSON file of plugin settings laid over each plugin's plugin.json: { \"plugin-id\": { \"name\": value } }.",
        HelpName = "file",
    };

    /// <summary>The plugins built with the solution land here (plugins/Plugins.targets).</summary>
    public static string DefaultPluginsDirectory => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>Adds <c>--plugins</c> and <c>--continue-without-faulty-plugins</c> to a command that loads plugins.</summary>
    public static void AddOptionsTo(Command command)
    {
        command.Options.Add(Plugins);
        command.Options.Add(ContinueWithoutFaultyPlugins);
        command.Options.Add(LogLevelOption);
        command.Options.Add(PluginSetting);
        command.Options.Add(PluginSettingsFileOption);
    }

    /// <summary>Builds the registry; a faulty plugin under fail-fast throws <see cref="PluginFailureException"/>.</summary>
    public static ServiceProvider Build(ParseResult parse, PluginFailurePolicy? policy = null)
    {
        var pluginsDirectory = parse.GetValue(Plugins)?.FullName ?? DefaultPluginsDirectory;
        var given = GivenSettings(parse);
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
            foreach (var setting in given)
            {
                options.SetPluginSetting(setting.PluginId, setting.Name, setting.Value);
            }
        });
        var provider = services.BuildServiceProvider();
        if (given.Count > 0)
        {
            try
            {
                CheckGivenSettings(provider, given);
            }
            catch
            {
                provider.Dispose();
                throw;
            }
        }
        return provider;
    }

    /// <summary>The settings given outside plugin.json: the settings file's, then the command line's (a later one wins).</summary>
    /// <exception cref="FormatException">The file or an assignment is malformed (exit 2).</exception>
    /// <exception cref="IOException">The file cannot be read (exit 4).</exception>
    private static List<PluginSettingValue> GivenSettings(ParseResult parse)
    {
        var given = new List<PluginSettingValue>();
        if (parse.GetValue(PluginSettingsFileOption) is { } file)
        {
            if (!file.Exists)
            {
                throw new FileNotFoundException($"The plugin settings file '{file.FullName}' does not exist.", file.FullName);
            }
            given.AddRange(PluginSettingsFile.Read(file.FullName).Select(s => s with { Origin = "--plugin-settings " + s.Origin }));
        }
        given.AddRange((parse.GetValue(PluginSetting) ?? []).Select(t => PluginSettingsFile.ParseAssignment(t, "--plugin-setting")));
        return given;
    }

    /// <summary>Composes now, so that a setting the user gave is checked before any work: one the plugin cannot read, or
    /// one for a plugin that is not there, is a usage error naming it (whatever the failure policy); a name the plugin's
    /// plugin.json does not declare is a warning (plugins may read settings they do not list).</summary>
    private static void CheckGivenSettings(ServiceProvider provider, List<PluginSettingValue> given)
    {
        PluginLoadReport report;
        try
        {
            report = provider.GetRequiredService<IYouthJusticeRegistry>().LoadReport;
        }
        catch (PluginFailureException ex)
        {
            if (SettingError(ex.Errors, given) is { } message)
            {
                throw new FormatException(message, ex);
            }
            throw;
        }
        if (SettingError(report.Errors, given) is { } error)
        {
            throw new FormatException(error);
        }
        var known = report.Loaded.Select(p => p.Id).Concat(report.Errors.Select(e => e.PluginId)).ToHashSet(StringComparer.Ordinal);
        foreach (var setting in given.Where(s => !known.Contains(s.PluginId)))
        {
            throw new FormatException($"{setting.Origin}: no plugin '{setting.PluginId}' is loaded. The plugins: {(known.Count == 0 ? "none" : string.Join(", ", known.Order(StringComparer.Ordinal)))}.");
        }
        foreach (var setting in given)
        {
            var manifest = report.Loaded.FirstOrDefault(p => p.Id == setting.PluginId)?.Manifest;
            if (manifest is not null && !manifest.Settings.ContainsKey(setting.Name))
            {
                System.Console.Error.WriteLine($"warning: {setting.Origin}: plugin '{setting.PluginId}' declares no setting '{setting.Name}' in its plugin.json (it declares {string.Join(", ", manifest.Settings.Keys)}); it is passed on, and the plugin may not read it.");
            }
        }
    }

    /// <summary>The message for a plugin that failed to register because a setting the user gave cannot be read.</summary>
    private static string? SettingError(IEnumerable<PluginError> errors, List<PluginSettingValue> given)
    {
        foreach (var error in errors)
        {
            if (error.Kind == PluginErrorKind.ThrowsWhileRegistering && error.Exception is PluginSettingException bad
                && given.LastOrDefault(s => s.PluginId == error.PluginId && s.Name == bad.SettingName) is { } setting)
            {
                return $"{setting.Origin}: plugin '{error.PluginId}' cannot use this value. {bad.Message}";
            }
        }
        return null;
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
