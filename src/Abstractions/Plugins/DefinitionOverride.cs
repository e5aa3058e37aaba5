using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Internal;

namespace YouthJustice.Sdk.Plugins;

/// <summary>
/// A named, declared change to another indicator's definition (normally a national one): which parameters change to
/// what (and optionally the multiplier and unit), why, and by whom. The host fills in <see cref="DeclaredBy"/> with the
/// declaring plugin's id, applies it, and lists <see cref="Name"/> in the <see cref="IndicatorResult.AppliedOverrides"/>
/// of every result the changed indicator produces.
/// </summary>
/// <remarks>
/// <para>The target indicator must implement <see cref="IOverridableIndicator"/> and already have every parameter the
/// override sets; the host reports an override of an indicator that is missing or cannot be overridden, of a parameter it
/// does not have, or with a value it cannot read, as an error of the declaring plugin. Two overrides that change the same
/// field of the same indicator are an error of both plugins, so the order plugins load in never matters.</para>
/// <para>The changed definition keeps its id and version and records the override (see
/// <see cref="IndicatorDefinition.AppliedOverrides"/> and <see cref="IndicatorDefinition.Variant"/>).</para>
/// <para>Immutable and thread-safe; compares by value.</para>
/// </remarks>
public sealed class DefinitionOverride : IEquatable<DefinitionOverride>
{
    private const int LongestReadableValue = 32;
    private readonly bool _localEdit;

    /// <summary>Declares an override.</summary>
    /// <param name="name">A name unique within the plugin, e.g. <c>coventry-live-tracker-without-waiting-period</c>.</param>
    /// <param name="indicatorId">The id of the indicator to change.</param>
    /// <param name="description">What it changes and why, in a sentence.</param>
    /// <param name="parameters">The parameters it sets, by name, to invariant-culture text (as in a definition file).</param>
    /// <param name="multiplier">A new multiplier, if it changes one (e.g. a rate per 1,000 rather than per 10,000).</param>
    /// <param name="unit">A new unit, if it changes one (normally with <paramref name="multiplier"/>).</param>
    /// <exception cref="ArgumentException">A name, id or description is blank, a parameter name is blank, or the override changes nothing.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> or a value is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="multiplier"/> is not positive.</exception>
    public DefinitionOverride(string name, string indicatorId, string description, IEnumerable<KeyValuePair<string, string>> parameters,
        decimal? multiplier = null, string? unit = null)
        : this(name, indicatorId, description, parameters, multiplier, unit, declaredBy: null, localEdit: false)
    {
    }

    private DefinitionOverride(string name, string indicatorId, string description, IEnumerable<KeyValuePair<string, string>> parameters,
        decimal? multiplier, string? unit, string? declaredBy, bool localEdit)
    {
        Name = Preconditions.CheckNotBlank(name, nameof(name));
        IndicatorId = Preconditions.CheckNotBlank(indicatorId, nameof(indicatorId));
        Description = Preconditions.CheckNotBlank(description, nameof(description));
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Preconditions.CheckNotNull(parameters, nameof(parameters)))
        {
            builder[Preconditions.CheckNotBlank(key, nameof(parameters))] = Preconditions.CheckNotNull(value, nameof(parameters));
        }
        Parameters = builder.ToImmutable();
        if (multiplier is <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "The multiplier must be positive.");
        }
        Multiplier = multiplier;
        Unit = unit is null ? null : Preconditions.CheckNotBlank(unit, nameof(unit));
        Preconditions.CheckArgument(Parameters.Count > 0 || multiplier is not null || unit is not null, nameof(parameters),
            $"Override '{name}' changes nothing: give at least one parameter, a multiplier or a unit.");
        DeclaredBy = declaredBy;
        _localEdit = localEdit;
    }

    /// <summary>Declares an override that sets one parameter.</summary>
    /// <exception cref="ArgumentException">An argument is blank.</exception>
    public static DefinitionOverride SetParameter(string name, string indicatorId, string description, string parameter, string value) =>
        new(name, indicatorId, description, [KeyValuePair.Create(parameter, value)]);

    /// <summary>The override's name, shown in every affected result.</summary>
    public string Name { get; }

    /// <summary>The id of the indicator it changes.</summary>
    public string IndicatorId { get; }

    /// <summary>What it changes and why.</summary>
    public string Description { get; }

    /// <summary>The parameters it sets, by name (ordinal order).</summary>
    public ImmutableSortedDictionary<string, string> Parameters { get; }

    /// <summary>The multiplier it sets, if any.</summary>
    public decimal? Multiplier { get; }

    /// <summary>The unit it sets, if any.</summary>
    public string? Unit { get; }

    /// <summary>The id of the plugin that declared it, filled in by the host; null for a change made in code (e.g. by
    /// <see cref="IndicatorDefinition.WithParameter"/>).</summary>
    public string? DeclaredBy { get; }

    /// <summary>How the change is identified in <see cref="IndicatorDefinition.Variant"/>: <c>plugin/name</c>, or the
    /// name alone when no plugin declared it.</summary>
    public string Label => DeclaredBy is null ? Name : DeclaredBy + "/" + Name;

    /// <summary>The fields it changes: its parameter names, then <c>multiplier</c> and <c>unit</c> if it sets them.</summary>
    public IReadOnlyList<string> ChangedFields =>
        [.. Parameters.Keys, .. Multiplier is null ? Array.Empty<string>() : ["multiplier"], .. Unit is null ? Array.Empty<string>() : ["unit"]];

    /// <summary>The same override, declared by <paramref name="pluginId"/> (the host calls this).</summary>
    /// <exception cref="ArgumentException"><paramref name="pluginId"/> is blank.</exception>
    public DefinitionOverride WithDeclaredBy(string pluginId) =>
        new(Name, IndicatorId, Description, Parameters, Multiplier, Unit, Preconditions.CheckNotBlank(pluginId, nameof(pluginId)), _localEdit);

    /// <summary>The fields both overrides change, when they are for the same indicator (empty otherwise).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public IReadOnlyList<string> ConflictingFields(DefinitionOverride other)
    {
        Preconditions.CheckNotNull(other, nameof(other));
        return string.Equals(IndicatorId, other.IndicatorId, StringComparison.Ordinal)
            ? [.. ChangedFields.Intersect(other.ChangedFields, StringComparer.Ordinal)]
            : [];
    }

    /// <summary>Applies the override to <paramref name="definition"/> (see <see cref="IndicatorDefinition.WithOverride"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentException">The definition is for another indicator.</exception>
    /// <exception cref="InvalidOperationException">Another applied override already changes one of the same fields.</exception>
    public IndicatorDefinition ApplyTo(IndicatorDefinition definition) =>
        Preconditions.CheckNotNull(definition, nameof(definition)).WithOverride(this);

    /// <summary>A local edit of one parameter, as <see cref="IndicatorDefinition.WithParameter"/> records it: labelled
    /// <c>name=value</c>, or <c>name#hash</c> when the value is long (the hash is the first 8 hex digits of its SHA-256).</summary>
    internal static DefinitionOverride LocalEdit(string indicatorId, string parameter, string value)
    {
        var label = value.Length <= LongestReadableValue && !value.Contains('+', StringComparison.Ordinal)
            ? $"{parameter}={value}"
            : $"{parameter}#{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)), 0, 4)}";
        return new(label, indicatorId, $"Local edit: {parameter} set to '{value}'.", [KeyValuePair.Create(parameter, value)], null, null, null, localEdit: true);
    }

    /// <summary>Reads an override recorded in a definition file.</summary>
    internal static DefinitionOverride Recorded(string name, string indicatorId, string description, IEnumerable<KeyValuePair<string, string>> parameters,
        decimal? multiplier, string? unit, string? declaredBy, bool localEdit) =>
        new(name, indicatorId, description, parameters, multiplier, unit, declaredBy, localEdit);

    /// <summary>Whether this is a local edit (by <see cref="IndicatorDefinition.WithParameter"/>) of exactly <paramref name="parameter"/>.</summary>
    internal bool IsLocalEdit(string parameter) => _localEdit && Parameters.Count == 1 && Parameters.ContainsKey(parameter);

    /// <summary>Whether this is a local edit made in code rather than a declared override.</summary>
    public bool IsLocal => _localEdit;

    /// <inheritdoc />
    public bool Equals(DefinitionOverride? other) =>
        other is not null && Name == other.Name && IndicatorId == other.IndicatorId && Description == other.Description
        && Multiplier == other.Multiplier && Unit == other.Unit && DeclaredBy == other.DeclaredBy && _localEdit == other._localEdit
        && Parameters.Count == other.Parameters.Count
        && Parameters.All(p => other.Parameters.TryGetValue(p.Key, out var v) && v == p.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DefinitionOverride);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, IndicatorId, DeclaredBy, Parameters.Count);

    /// <summary>The label and what it sets, e.g. <c>local-rules/waiting-3 (waitingPeriodMonths=3)</c>.</summary>
    public override string ToString()
    {
        var fields = Parameters.Select(p => $"{p.Key}={p.Value}").ToList();
        if (Multiplier is { } m)
        {
            fields.Add(string.Create(CultureInfo.InvariantCulture, $"multiplier={m}"));
        }
        if (Unit is not null)
        {
            fields.Add($"unit={Unit}");
        }
        return $"{Label} ({string.Join(", ", fields)})";
    }
}

/// <summary>An indicator whose methodology can be swapped for a changed definition, so declared overrides can apply to it.</summary>
/// <remarks>National indicators implement this so a plugin can declare a <see cref="DefinitionOverride"/> of them.</remarks>
public interface IOverridableIndicator : IIndicator
{
    /// <summary>Returns an indicator that computes with <paramref name="definition"/> instead of <see cref="IIndicator.Definition"/>.</summary>
    IIndicator WithDefinition(IndicatorDefinition definition);
}
