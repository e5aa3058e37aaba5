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

    private static T Read<T>(IReadOnlyDictionary<string, string> settings, string name, T fallback, string expected, Func<string, (bool Ok, T Value)> parse)
    {
        var text = settings.GetSetting(name, "");
        if (text.Length == 0)
        {
            return fallback;
        }
        var (ok, value) = parse(text);
        return ok ? value : throw new FormatException($"Setting '{name}' is '{text}', which is not {expected}.");
    }
}
