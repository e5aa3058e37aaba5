using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Engine;

/// <summary>
/// A plugin's indicator definitions: the definition files embedded in its assembly (one <c>&lt;id&gt;.indicator.json</c>
/// per indicator, see <c>docs/definitions.md</c>), and its settings applied on top as declared changes.
/// </summary>
/// <remarks>Files are read once per assembly. Thread-safe.</remarks>
public static class PluginDefinitions
{
    private static readonly ConcurrentDictionary<Assembly, Lazy<ImmutableSortedDictionary<string, IndicatorDefinition>>> Loaded = new();

    /// <summary>Every definition file embedded in the assembly that declares <typeparamref name="TPlugin"/>, by id.</summary>
    /// <exception cref="DefinitionFormatException">A file is malformed (the message names the file and the field).</exception>
    public static ImmutableSortedDictionary<string, IndicatorDefinition> All<TPlugin>() => Of(typeof(TPlugin).Assembly);

    /// <summary>The definition file with the id, embedded in the assembly that declares <typeparamref name="TPlugin"/>.</summary>
    /// <exception cref="InvalidOperationException">The plugin has no such file.</exception>
    public static IndicatorDefinition Get<TPlugin>(string id) =>
        All<TPlugin>().TryGetValue(id, out var d)
            ? d
            : throw new InvalidOperationException($"{typeof(TPlugin).Assembly.GetName().Name} has no definition file '{id}{IndicatorDefinitions.ResourceSuffix}'.");

    /// <summary>Applies a plugin setting as the value of a definition parameter: the definition unchanged when the value is
    /// the file's, otherwise a change named <c>setting.&lt;setting&gt;</c> declared by the plugin, so results show it.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The definition has no such parameter.</exception>
    public static IndicatorDefinition WithSetting(this IndicatorDefinition definition, string pluginId, string setting, string parameter, string value)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(pluginId);
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(value);
        if (!definition.HasParameter(parameter))
        {
            throw new InvalidOperationException($"Definition '{definition.Id}' has no parameter '{parameter}' for setting '{setting}'.");
        }
        if (definition.GetString(parameter) == value)
        {
            return definition;
        }
        var change = new DefinitionOverride("setting." + setting, definition.Id,
            $"Plugin setting '{setting}' sets {parameter} to '{value}'.", [KeyValuePair.Create(parameter, value)]);
        return definition.WithOverride(change.WithDeclaredBy(pluginId));
    }

    private static ImmutableSortedDictionary<string, IndicatorDefinition> Of(Assembly assembly) =>
        Loaded.GetOrAdd(assembly, a => new Lazy<ImmutableSortedDictionary<string, IndicatorDefinition>>(() => IndicatorDefinitions.LoadEmbedded(a))).Value;
}
