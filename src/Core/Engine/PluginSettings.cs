using System.Globalization;
using NodaTime;
using NodaTime.Text;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Engine;

/// <summary>Typed reading of a plugin's settings (<see cref="Plugins.IPluginRegistrar.Settings"/>) with the plugin's defaults.</summary>
/// <remarks>A setting that is absent or blank takes the default; one that is present but malformed is an error naming the
/// setting and the value (a plugin whose settings are wrong must fail to register, not compute with a guess). Thread-safe.</remarks>
public static class PluginSettings
{
    /// <summary>The setting's text (trimmed), or <paramref name="fallback"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> or <paramref name="name"/> is null.</exception>
    public static string GetSetting(this IReadOnlyDictionary<string, string> settings, string name, string fallback)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(name);
        return settings.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : fallback;
    }

    /// <summary>The setting as a whole number, or <paramref name="fallback"/>.</summary>
    /// <exception cref="FormatException">The setting is not a whole number.</exception>
    public static int GetIntSetting(this IReadOnlyDictionary<string, string> settings, string name, int fallback) =>
        Read(settings, name, fallback, "a whole number", s => (int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v), v));

    /// <summary>The setting as <c>true</c> or <c>false</c>, or <paramref name="fallback"/>.</summary>
    /// <exception cref="FormatException">The setting is not <c>true</c> or <c>false</c>.</exception>
    public static bool GetBoolSetting(this IReadOnlyDictionary<string, string> settings, string name, bool fallback) =>
        Read(settings, name, fallback, "true or false", s => (bool.TryParse(s, out var v), v));

    /// <summary>The setting as an ISO date (yyyy-MM-dd), or <paramref name="fallback"/>.</summary>
    /// <exception cref="FormatException">The setting is not an ISO date.</exception>
    public static LocalDate GetDateSetting(this IReadOnlyDictionary<string, string> settings, string name, LocalDate fallback) =>
        Read(settings, name, fallback, "a date (yyyy-MM-dd)", s => LocalDatePattern.Iso.Parse(s) is { Success: true } r ? (true, r.Value) : (false, default));

    /// <summary>The setting as a decimal number written with a point (e.g. <c>1234.50</c>; no thousands separators), or <paramref name="fallback"/>.</summary>
    /// <exception cref="FormatException">The setting is not such a number.</exception>
    public static decimal GetDecimalSetting(this IReadOnlyDictionary<string, string> settings, string name, decimal fallback) =>
        Read(settings, name, fallback, "a number (e.g. 1234.50)", s => (decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v), v));

    private static T Read<T>(IReadOnlyDictionary<string, string> settings, string name, T fallback, string expected, Func<string, (bool Ok, T Value)> parse)
    {
        var text = settings.GetSetting(name, "");
        if (text.Length == 0)
        {
            return fallback;
        }
        var (ok, value) = parse(text);
        return ok ? value : throw new PluginSettingException(name, text, expected);
    }
}

/// <summary>A plugin setting whose value cannot be read: names the setting, the value and what was expected.</summary>
/// <remarks>A <see cref="FormatException"/>, so code that catches those still does. A host that laid the setting over the
/// plugin's manifest (a command line, a settings file) can tell its user which of their settings is wrong.</remarks>
public sealed class PluginSettingException : FormatException
{
    /// <summary>Creates the exception for setting <paramref name="settingName"/> whose value <paramref name="value"/> is not <paramref name="expected"/>.</summary>
    public PluginSettingException(string settingName, string value, string expected)
        : base($"Setting '{settingName}' is '{value}', which is not {expected}.")
    {
        SettingName = settingName;
        Value = value;
        Expected = expected;
    }

    /// <summary>Creates the exception with a message.</summary>
    public PluginSettingException()
        : this("", "", "")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PluginSettingException(string message)
        : base(message)
    {
        SettingName = "";
        Value = "";
        Expected = "";
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public PluginSettingException(string message, Exception innerException)
        : base(message, innerException)
    {
        SettingName = "";
        Value = "";
        Expected = "";
    }

    /// <summary>The setting's name, e.g. <c>sroi.serviceCost</c>.</summary>
    public string SettingName { get; }

    /// <summary>The value as given (trimmed).</summary>
    public string Value { get; }

    /// <summary>What the value should be, in words, e.g. <c>a whole number</c>.</summary>
    public string Expected { get; }
}
