using System.Collections.Immutable;
using NodaTime;
using System.Globalization;
using YouthJustice.Sdk.Internal;

namespace YouthJustice.Sdk.Indicators;

/// <summary>Which way an indicator improves.</summary>
public enum Direction
{
    /// <summary>A lower value is better (e.g. first time entrants, reoffending).</summary>
    LowerIsBetter = 0,
    /// <summary>A higher value is better (e.g. suitable accommodation).</summary>
    HigherIsBetter = 1,
    /// <summary>Neither: the figure is contextual (e.g. an offence profile). No RAG rating is given.</summary>
    Neutral = 2,
}

/// <summary>A reference to one version of one methodology, carried by every result.</summary>
/// <param name="Id">The indicator id.</param>
/// <param name="Version">The methodology version of the definition file (changes applied on top do not raise it).</param>
/// <param name="Variant">Null for the definition as published; otherwise the identity of the changes applied on top of
/// it (see <see cref="IndicatorDefinition.Variant"/>), which depends only on which changes were applied, never on their order.</param>
public readonly record struct MethodologyRef(string Id, int Version, string? Variant = null)
{
    /// <summary>"id v1", or "id v1+plugin/override-name" for a changed definition.</summary>
    public override string ToString() => Variant is null
        ? string.Create(CultureInfo.InvariantCulture, $"{Id} v{Version}")
        : string.Create(CultureInfo.InvariantCulture, $"{Id} v{Version}+{Variant}");
}

/// <summary>
/// An indicator's methodology as data: what it counts, over what, with which parameters, and where the rules come from.
/// </summary>
/// <remarks>
/// <para>Definitions are values: they serialise to JSON and compare by value. Parameters are held as invariant-culture
/// strings keyed by name, so any methodology's parameters can be shown, stored and overridden the same way; the typed
/// accessors (<see cref="GetInt"/>, <see cref="GetDecimal"/>, …) read them.</para>
/// <para>A definition is never edited in place. The built-in ones are read from definition files (see
/// <see cref="IndicatorDefinitions"/>) and carry the file's <see cref="Version"/>. <see cref="WithParameter"/> and
/// <see cref="WithOverride"/> return a new definition that records the change in <see cref="AppliedOverrides"/> and is
/// identified by <see cref="Variant"/>: the same changes give the same identity whatever order they were applied in, and
/// two changes of the same parameter are an error rather than a silent "last one wins".</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record IndicatorDefinition
{
    /// <summary>A stable, lower-case id, e.g. <c>fte-rate</c>. Plugins prefix theirs with the plugin id.</summary>
    public required string Id { get; init; }

    /// <summary>The display name.</summary>
    public required string Name { get; init; }

    /// <summary>The methodology version of the definition file, starting at 1. A new published methodology is a new
    /// version; a local change applied on top keeps the version and sets <see cref="Variant"/>.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The report family the indicator is grouped under, e.g. <c>reoffending</c>, <c>yjb-kpis</c>, <c>coventry-diversion</c>.</summary>
    public string Family { get; init; } = "";

    /// <summary>The first day the methodology applies to (inclusive), if stated.</summary>
    public LocalDate? EffectiveFrom { get; init; }

    /// <summary>The last day the methodology applies to (inclusive); null while it is in force.</summary>
    public LocalDate? EffectiveTo { get; init; }

    /// <summary>What the indicator measures, in a sentence or two.</summary>
    public string Description { get; init; } = "";

    /// <summary>The primary source of the methodology: the first of <see cref="Sources"/>. Setting it replaces the list
    /// with this one citation.</summary>
    /// <exception cref="InvalidOperationException">The definition has no source.</exception>
    public SourceCitation Source
    {
        get => Sources.IsDefaultOrEmpty ? throw new InvalidOperationException($"Indicator '{Id}' has no source.") : Sources[0];
        init => Sources = [Preconditions.CheckNotNull(value, nameof(value))];
    }

    /// <summary>Every source of the methodology, the primary first (e.g. the YJB toolkit, then the local plans that use it).</summary>
    public ImmutableArray<SourceCitation> Sources { get; init; } = [];

    /// <summary>The unit of <see cref="IndicatorResult.Value"/>, e.g. "per 100,000", "%", "reoffences per reoffender".</summary>
    public required string Unit { get; init; }

    /// <summary>What the ratio is multiplied by: 100 for a percentage, 100,000 for a rate per 100,000, 1 for a plain ratio or count.</summary>
    public decimal Multiplier { get; init; } = 1m;

    /// <summary>Which way the indicator improves.</summary>
    public Direction Direction { get; init; } = Direction.Neutral;

    /// <summary>How many decimal places the value is shown with (rounded half away from zero).</summary>
    public int DisplayDecimals { get; init; } = 1;

    /// <summary>The methodology's parameters, by name (invariant-culture text).</summary>
    public ImmutableSortedDictionary<string, string> Parameters { get; init; } =
        ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>The changes applied on top of the definition file, ordered by <see cref="Plugins.DefinitionOverride.Label"/>
    /// (so the order they were applied in never shows).</summary>
    public ImmutableArray<Plugins.DefinitionOverride> AppliedOverrides { get; init; } = [];

    /// <summary>Null for the definition as its file gives it; otherwise the labels of <see cref="AppliedOverrides"/>
    /// (<c>plugin/override-name</c>, or <c>parameter=value</c> for a local edit), sorted and joined with <c>+</c>.</summary>
    public string? Variant => AppliedOverrides.IsDefaultOrEmpty ? null : string.Join("+", AppliedOverrides.Select(o => o.Label));

    /// <summary>The reference to this exact methodology: id, version and variant.</summary>
    public MethodologyRef Ref => new(Id, Version, Variant);

    /// <summary>Returns this definition with one parameter set to <paramref name="value"/>, recorded as a local edit
    /// labelled <c>name=value</c> (a long value is shortened to a stable hash). A later edit of the same parameter
    /// replaces an earlier local edit; setting the value it already has returns this definition.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    /// <exception cref="InvalidOperationException">A declared override already changes the parameter.</exception>
    public IndicatorDefinition WithParameter(string name, string value)
    {
        Preconditions.CheckNotBlank(name, nameof(name));
        Preconditions.CheckNotNull(value, nameof(value));
        if (Parameters.TryGetValue(name, out var current) && current == value)
        {
            return this;
        }
        var earlier = AppliedOverrides.IsDefault ? [] : AppliedOverrides.Where(o => !o.IsLocalEdit(name)).ToImmutableArray();
        return (this with { AppliedOverrides = earlier }).WithOverride(Plugins.DefinitionOverride.LocalEdit(Id, name, value));
    }

    /// <summary>Returns this definition with <paramref name="change"/> applied: its parameters (and multiplier or unit)
    /// set, and the change recorded in <see cref="AppliedOverrides"/>. Applying the same change twice is harmless.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    /// <exception cref="ArgumentException">The change is for another indicator.</exception>
    /// <exception cref="InvalidOperationException">Another applied change already changes one of the same fields.</exception>
    public IndicatorDefinition WithOverride(Plugins.DefinitionOverride change)
    {
        Preconditions.CheckNotNull(change, nameof(change));
        Preconditions.CheckArgument(string.Equals(change.IndicatorId, Id, StringComparison.Ordinal), nameof(change),
            $"Override '{change.Label}' is for indicator '{change.IndicatorId}', not '{Id}'.");
        var applied = AppliedOverrides.IsDefault ? [] : AppliedOverrides;
        foreach (var other in applied)
        {
            if (other.Equals(change))
            {
                return this;
            }
            var clash = other.ConflictingFields(change);
            if (clash.Count > 0 || other.Label == change.Label)
            {
                throw new InvalidOperationException(
                    $"Overrides '{other.Label}' and '{change.Label}' both change {(clash.Count > 0 ? string.Join(", ", clash) : "the same name")} of indicator '{Id}': " +
                    "the result would depend on the order they are applied in.");
            }
        }
        return this with
        {
            Parameters = Parameters.SetItems(change.Parameters),
            Multiplier = change.Multiplier ?? Multiplier,
            Unit = change.Unit ?? Unit,
            AppliedOverrides = [.. applied.Add(change).OrderBy(o => o.Label, StringComparer.Ordinal)],
        };
    }

    /// <summary>Whether the parameter is present.</summary>
    public bool HasParameter(string name) => Parameters.ContainsKey(name);

    /// <summary>Reads a text parameter.</summary>
    /// <exception cref="KeyNotFoundException">The parameter is missing.</exception>
    public string GetString(string name) =>
        Parameters.TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException($"Indicator '{Id}' v{Version} has no parameter '{name}'.");

    /// <summary>Reads a whole-number parameter.</summary>
    /// <exception cref="KeyNotFoundException">The parameter is missing.</exception>
    /// <exception cref="FormatException">The parameter is not a whole number.</exception>
    public int GetInt(string name) => Parse(name, s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture));

    /// <summary>Reads a decimal parameter.</summary>
    /// <exception cref="KeyNotFoundException">The parameter is missing.</exception>
    /// <exception cref="FormatException">The parameter is not a number.</exception>
    public decimal GetDecimal(string name) => Parse(name, s => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture));

    /// <summary>Reads a true/false parameter.</summary>
    /// <exception cref="KeyNotFoundException">The parameter is missing.</exception>
    /// <exception cref="FormatException">The parameter is not <c>true</c> or <c>false</c>.</exception>
    public bool GetBool(string name) => Parse(name, bool.Parse);

    /// <summary>Reads a comma-separated list parameter (items trimmed, empty items dropped).</summary>
    /// <exception cref="KeyNotFoundException">The parameter is missing.</exception>
    public ImmutableArray<string> GetList(string name) =>
        [.. GetString(name).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>Reads an enum parameter by name, ignoring case.</summary>
    /// <exception cref="KeyNotFoundException">The parameter is missing.</exception>
    /// <exception cref="FormatException">The parameter is not a member of <typeparamref name="TEnum"/>.</exception>
    public TEnum GetEnum<TEnum>(string name)
        where TEnum : struct, Enum =>
        Parse(name, s => Enum.TryParse<TEnum>(s, ignoreCase: true, out var v) && Enum.IsDefined(v)
            ? v
            : throw new FormatException($"'{s}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}."));

    private T Parse<T>(string name, Func<string, T> parse)
    {
        var text = GetString(name);
        try
        {
            return parse(text);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"Parameter '{name}' of indicator '{Id}' v{Version} is '{text}': {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public bool Equals(IndicatorDefinition? other) =>
        other is not null && Id == other.Id && Name == other.Name && Version == other.Version
        && Family == other.Family && EffectiveFrom == other.EffectiveFrom && EffectiveTo == other.EffectiveTo
        && Description == other.Description && Unit == other.Unit
        && (Sources.IsDefault ? [] : Sources).SequenceEqual(other.Sources.IsDefault ? [] : other.Sources)
        && (AppliedOverrides.IsDefault ? [] : AppliedOverrides).SequenceEqual(other.AppliedOverrides.IsDefault ? [] : other.AppliedOverrides)
        && Multiplier == other.Multiplier && Direction == other.Direction && DisplayDecimals == other.DisplayDecimals
        && Parameters.Count == other.Parameters.Count
        && Parameters.All(p => other.Parameters.TryGetValue(p.Key, out var v) && v == p.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Version, Multiplier, Parameters.Count);
}
