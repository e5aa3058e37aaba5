using System.Globalization;
using System.Text.Json;

namespace YouthJustice.Sdk.Hosting;

/// <summary>One plugin setting a host lays over the plugin's manifest, with where it came from (for error messages).</summary>
/// <param name="PluginId">The plugin's id, e.g. <c>warwickshire-ecm</c>.</param>
/// <param name="Name">The setting's name, e.g. <c>sroi.serviceCost</c>.</param>
/// <param name="Value">The value, as text the plugin reads.</param>
/// <param name="Origin">Where it was given, e.g. <c>settings.json warwickshire-ecm.sroi.serviceCost</c> or <c>--plugin-setting</c>.</param>
public sealed record PluginSettingValue(string PluginId, string Name, string Value, string Origin);

/// <summary>
/// Reads plugin settings given outside a plugin's <c>plugin.json</c>: a settings file (JSON, one object per plugin id) and
/// assignments such as <c>warwickshire-ecm:sroi.serviceCost=50000</c>. A host lays them over the manifest with
/// <see cref="YouthJusticeOptions.SetPluginSetting"/>; the plugin then reads and checks them as it reads its manifest.
/// </summary>
/// <remarks>
/// <para>The file: <c>{ "warwickshire-ecm": { "sroi.serviceCost": 50000, "sroi.unitCostSource": "Home Office, 2018" } }</c>.
/// A value is a string, a number (written as it appears in the file) or <c>true</c>/<c>false</c>; an object, array or
/// <c>null</c> is an error naming the file and the property. Thread-safe (static, no shared state).</para>
/// </remarks>
public static class PluginSettingsFile
{
    /// <summary>Reads a settings file.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>Every setting, in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FormatException">The file is not JSON of that shape; the message names the file and the property (or line).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static IReadOnlyList<PluginSettingValue> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Reads settings-file JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="source">The file name messages give.</param>
    /// <returns>Every setting, in file order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="FormatException">The text is not JSON of that shape; the message names the source and the property (or line).</exception>
    public static IReadOnlyList<PluginSettingValue> Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? string.Create(CultureInfo.InvariantCulture, $" line {l + 1}") : "";
            throw new FormatException($"{source}{line}: not valid JSON ({ex.Message}).", ex);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{source}: expected an object with one property per plugin id, e.g. {{ \"warwickshire-ecm\": {{ \"sroi.serviceCost\": 50000 }} }}.");
            }
            var settings = new List<PluginSettingValue>();
            foreach (var plugin in document.RootElement.EnumerateObject())
            {
                if (plugin.Name.Trim().Length == 0)
                {
                    throw new FormatException($"{source}: a plugin id is empty.");
                }
                if (plugin.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"{source} property '{plugin.Name}': expected an object of the plugin's settings (name: value), not {Describe(plugin.Value.ValueKind)}.");
                }
                foreach (var setting in plugin.Value.EnumerateObject())
                {
                    var where = $"{source} property '{plugin.Name}.{setting.Name}'";
                    if (setting.Name.Trim().Length == 0)
                    {
                        throw new FormatException($"{source} property '{plugin.Name}': a setting name is empty.");
                    }
                    var value = setting.Value.ValueKind switch
                    {
                        JsonValueKind.String => setting.Value.GetString()!,
                        JsonValueKind.Number => setting.Value.GetRawText(),
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        _ => throw new FormatException($"{where}: setting '{setting.Name}' must be a string, number, true or false, not {Describe(setting.Value.ValueKind)}."),
                    };
                    settings.Add(new PluginSettingValue(plugin.Name, setting.Name, value, where));
                }
            }
            return settings;
        }
    }

    /// <summary>Reads one assignment, <c>plugin-id:name=value</c> (the value may be empty and may contain <c>=</c>).</summary>
    /// <param name="text">The assignment.</param>
    /// <param name="origin">Where it was given, for messages (e.g. <c>--plugin-setting</c>).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="FormatException">The text is not of that shape; the message quotes it and shows the shape.</exception>
    public static PluginSettingValue ParseAssignment(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(origin);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (colon <= 0 || equals < 0 || equals < colon || text[(colon + 1)..equals].Trim().Length == 0 || text[..colon].Trim().Length == 0)
        {
            throw new FormatException($"{origin} '{text}' is not a plugin setting: write plugin-id:name=value, e.g. warwickshire-ecm:sroi.serviceCost=50000.");
        }
        return new PluginSettingValue(text[..colon].Trim(), text[(colon + 1)..equals].Trim(), text[(equals + 1)..].Trim(), $"{origin} {text}");
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "true or false",
    };
}
