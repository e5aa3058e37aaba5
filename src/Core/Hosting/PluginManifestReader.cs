using System.Collections.Immutable;
using System.Text.Json;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Hosting;

/// <summary>Reads <c>plugin.json</c> manifests.</summary>
/// <remarks>
/// The file is a JSON object: <c>id</c>, <c>displayName</c>, <c>version</c>, <c>authorityCode</c>, <c>sdkVersion</c> and
/// <c>entryAssembly</c> are required; <c>authorityName</c>, <c>entryType</c> and <c>settings</c> (an object of strings)
/// are optional. Property names are matched ignoring case. Thread-safe.
/// </remarks>
public static class PluginManifestReader
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "plugin.json";

    /// <summary>Reads the manifest at <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">The file is not a valid manifest; the message says which field and why.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PluginManifest Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses manifest JSON. <paramref name="source"/> names the file in error messages.</summary>
    /// <exception cref="FormatException">The text is not a valid manifest.</exception>
    public static PluginManifest Parse(string json, string source = FileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{source} is not valid JSON: {ex.Message}", ex);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{source} must be a JSON object.");
            }
            var properties = root.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);

            string Required(string name)
            {
                if (!properties.TryGetValue(name, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
                {
                    throw new FormatException($"{source}: '{name}' is required and must be a non-empty string.");
                }
                return value.GetString()!.Trim();
            }

            string? Optional(string name) =>
                properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
                    ? value.GetString()!.Trim()
                    : null;

            var id = Required("id");
            if (!PluginManifest.IsValidId(id))
            {
                throw new FormatException($"{source}: id '{id}' must be lower-case letters, digits and single hyphens, starting with a letter.");
            }
            var rangeText = Required("sdkVersion");
            if (!SdkVersionRange.TryParse(rangeText, out var range))
            {
                throw new FormatException($"{source}: sdkVersion '{rangeText}' is not a version range such as '[0.1, 1.0)'.");
            }
            var entryAssembly = Required("entryAssembly");
            if (Path.GetFileName(entryAssembly) != entryAssembly)
            {
                throw new FormatException($"{source}: entryAssembly '{entryAssembly}' must be a file name in the plugin's folder, not a path.");
            }
            var settings = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            if (properties.TryGetValue("settings", out var settingsElement) && settingsElement.ValueKind != JsonValueKind.Null)
            {
                if (settingsElement.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"{source}: 'settings' must be an object of strings.");
                }
                foreach (var setting in settingsElement.EnumerateObject())
                {
                    settings[setting.Name] = setting.Value.ValueKind switch
                    {
                        JsonValueKind.String => setting.Value.GetString()!,
                        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => setting.Value.GetRawText(),
                        _ => throw new FormatException($"{source}: setting '{setting.Name}' must be a string, number or true/false."),
                    };
                }
            }
            return new PluginManifest
            {
                Id = id,
                DisplayName = Required("displayName"),
                Version = Required("version"),
                AuthorityCode = Required("authorityCode"),
                AuthorityName = Optional("authorityName"),
                SdkVersion = range,
                EntryAssembly = entryAssembly,
                EntryType = Optional("entryType"),
                Settings = settings.ToImmutable(),
            };
        }
    }
}
