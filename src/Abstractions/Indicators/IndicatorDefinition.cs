using System.Collections.Immutable;
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

/// <summary>Where a methodology comes from: a document and the section within it.</summary>
/// <param name="Document">The source document, e.g. "Ministry of Justice, Guide to proven reoffending statistics (2019)".</param>
/// <param name="Section">The section, table or line, e.g. "§2.1".</param>
/// <param name="Url">Where the document can be read, if public.</param>
public sealed record SourceCitation(string Document, string Section, string? Url = null)
{
    /// <summary>"Document, Section".</summary>
    public override string ToString() => $"{Document}, {Section}";
}

/// <summary>A reference to one version of one methodology, carried by every result.</summary>
/// <param name="Id">The indicator id.</param>
/// <param name="Version">The methodology version.</param>
public readonly record struct MethodologyRef(string Id, int Version)
{
    /// <summary>"id v1".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id} v{Version}");
}

/// <summary>
/// An indicator's methodology as data: what it counts, over what, with which parameters, and where the rules come from.
/// </summary>
/// <remarks>
/// <para>Definitions are values: they serialise to JSON and compare by value. Parameters are held as invariant-culture
/// strings keyed by name, so any methodology's parameters can be shown, stored and overridden the same way; the typed
/// accessors (<see cref="GetInt"/>, <see cref="GetDecimal"/>, …) read them.</para>
/// <para>A definition is never edited in place. <see cref="WithParameter"/> returns a new definition with the next
/// version, so every result can say exactly which rules produced it.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record IndicatorDefinition
{
    /// <summary>A stable, lower-case id, e.g. <c>fte-rate</c>. Plugins prefix theirs with the plugin id.</summary>
    public required string Id { get; init; }

    /// <summary>The display name.</summary>
    public required string Name { get; init; }

    /// <summary>The methodology version, starting at 1.</summary>
    public int Version { get; init; } = 1;

    /// <summary>What the indicator measures, in a sentence or two.</summary>
    public string Description { get; init; } = "";

    /// <summary>Where the methodology comes from.</summary>
    public required SourceCitation Source { get; init; }

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

    /// <summary>The reference to this exact version.</summary>
    public MethodologyRef Ref => new(Id, Version);

    /// <summary>Returns a new version of this definition with one parameter set to <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    public IndicatorDefinition WithParameter(string name, string value)
    {
        Preconditions.CheckNotBlank(name, nameof(name));
        Preconditions.CheckNotNull(value, nameof(value));
        return this with { Version = Version + 1, Parameters = Parameters.SetItem(name, value) };
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
        && Description == other.Description && Source == other.Source && Unit == other.Unit
        && Multiplier == other.Multiplier && Direction == other.Direction && DisplayDecimals == other.DisplayDecimals
        && Parameters.Count == other.Parameters.Count
        && Parameters.All(p => other.Parameters.TryGetValue(p.Key, out var v) && v == p.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Version, Multiplier, Parameters.Count);
}
