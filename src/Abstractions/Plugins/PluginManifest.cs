using System.Collections.Immutable;
using System.Globalization;
using YouthJustice.Sdk.Internal;

namespace YouthJustice.Sdk.Plugins;

/// <summary>
/// What a plugin says about itself in the <c>plugin.json</c> that sits beside its assemblies: who it is, which authority
/// it serves, which SDK versions it supports and which assembly holds its entry point.
/// </summary>
/// <remarks>
/// <para>The host reads the manifest before it loads any plugin code, so an incompatible plugin is refused without
/// running it. <see cref="Settings"/> are plain text the plugin interprets (e.g. eligibility thresholds or unit costs), so an
/// authority can change them without rebuilding the plugin.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record PluginManifest
{
    /// <summary>The plugin's id: lower-case letters, digits and hyphens, e.g. <c>coventry-diversion</c>.
    /// Every indicator id the plugin registers starts with it followed by a dot.</summary>
    public required string Id { get; init; }

    /// <summary>The display name, e.g. "Coventry diversion".</summary>
    public required string DisplayName { get; init; }

    /// <summary>The plugin's own version, e.g. <c>1.0.0</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The ONS code of the authority the plugin serves, e.g. <c>E08000026</c>.</summary>
    public required string AuthorityCode { get; init; }

    /// <summary>The authority's name, if given.</summary>
    public string? AuthorityName { get; init; }

    /// <summary>The SDK versions the plugin supports.</summary>
    public required SdkVersionRange SdkVersion { get; init; }

    /// <summary>The file name of the assembly that holds the entry point, relative to the manifest's folder.</summary>
    public required string EntryAssembly { get; init; }

    /// <summary>The full name of the entry type, when the assembly holds more than one <see cref="IYouthJusticePlugin"/>.</summary>
    public string? EntryType { get; init; }

    /// <summary>Plugin-specific settings by name (invariant-culture text).</summary>
    public ImmutableSortedDictionary<string, string> Settings { get; init; } =
        ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="id"/> is a well-formed plugin id (lower-case letters, digits and single hyphens,
    /// starting with a letter).</summary>
    public static bool IsValidId(string? id)
    {
        if (string.IsNullOrEmpty(id) || !char.IsAsciiLetterLower(id[0]) || id[^1] == '-')
        {
            return false;
        }
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            var ok = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || (c == '-' && id[i - 1] != '-');
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>"id version (authority)".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Id} {Version} ({AuthorityCode})");
}

/// <summary>
/// A range of SDK versions in NuGet interval notation: <c>[0.1, 1.0)</c> means 0.1 inclusive to 1.0 exclusive;
/// a bare version such as <c>0.1</c> means that version or later.
/// </summary>
/// <remarks>Versions compare on major, minor and build; missing parts count as 0. Immutable and thread-safe.</remarks>
public sealed class SdkVersionRange : IEquatable<SdkVersionRange>
{
    private SdkVersionRange(Version? minimum, bool minimumInclusive, Version? maximum, bool maximumInclusive, string text)
    {
        Minimum = minimum;
        MinimumInclusive = minimumInclusive;
        Maximum = maximum;
        MaximumInclusive = maximumInclusive;
        _text = text;
    }

    private readonly string _text;

    /// <summary>The lower bound, or <see langword="null"/> for none.</summary>
    public Version? Minimum { get; }

    /// <summary>Whether <see cref="Minimum"/> itself is in the range.</summary>
    public bool MinimumInclusive { get; }

    /// <summary>The upper bound, or <see langword="null"/> for none.</summary>
    public Version? Maximum { get; }

    /// <summary>Whether <see cref="Maximum"/> itself is in the range.</summary>
    public bool MaximumInclusive { get; }

    /// <summary>Parses a range (see the type's summary).</summary>
    /// <exception cref="FormatException">The text is not a version range.</exception>
    public static SdkVersionRange Parse(string text) =>
        TryParse(text, out var range)
            ? range
            : throw new FormatException($"'{text}' is not a version range. Expected e.g. '[0.1, 1.0)' or '0.1'.");

    /// <summary>Tries to parse a range (see the type's summary).</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SdkVersionRange? range)
    {
        range = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var s = text.Trim();
        if (s[0] is not ('[' or '('))
        {
            if (!TryParseVersion(s, out var only))
            {
                return false;
            }
            range = new SdkVersionRange(only, true, null, false, s);
            return true;
        }
        if (s.Length < 3 || s[^1] is not (']' or ')'))
        {
            return false;
        }
        var minInclusive = s[0] == '[';
        var maxInclusive = s[^1] == ']';
        var inner = s[1..^1];
        var comma = inner.IndexOf(',', StringComparison.Ordinal);
        Version? min = null, max = null;
        if (comma < 0)
        {
            // "[1.0]" is exactly one version.
            if (!minInclusive || !maxInclusive || !TryParseVersion(inner.Trim(), out min))
            {
                return false;
            }
            range = new SdkVersionRange(min, true, min, true, s);
            return true;
        }
        var left = inner[..comma].Trim();
        var right = inner[(comma + 1)..].Trim();
        if ((left.Length > 0 && !TryParseVersion(left, out min)) || (right.Length > 0 && !TryParseVersion(right, out max)))
        {
            return false;
        }
        if (min is not null && max is not null && (min > max || (min == max && !(minInclusive && maxInclusive))))
        {
            return false;
        }
        range = new SdkVersionRange(min, minInclusive && min is not null, max, maxInclusive && max is not null, s);
        return true;
    }

    /// <summary>Whether <paramref name="version"/> is in the range.</summary>
    public bool Includes(Version version)
    {
        Preconditions.CheckNotNull(version, nameof(version));
        var v = Normalise(version);
        if (Minimum is not null && (MinimumInclusive ? v < Minimum : v <= Minimum))
        {
            return false;
        }
        return Maximum is null || (MaximumInclusive ? v <= Maximum : v < Maximum);
    }

    private static bool TryParseVersion(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Version? version)
    {
        version = null;
        if (!System.Version.TryParse(text.Contains('.', StringComparison.Ordinal) ? text : text + ".0", out var parsed))
        {
            return false;
        }
        version = Normalise(parsed);
        return true;
    }

    private static Version Normalise(Version v) => new(v.Major, v.Minor, Math.Max(v.Build, 0));

    /// <inheritdoc />
    public bool Equals(SdkVersionRange? other) =>
        other is not null && Equals(Minimum, other.Minimum) && MinimumInclusive == other.MinimumInclusive
        && Equals(Maximum, other.Maximum) && MaximumInclusive == other.MaximumInclusive;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SdkVersionRange);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Minimum, MinimumInclusive, Maximum, MaximumInclusive);

    /// <summary>The range as written.</summary>
    public override string ToString() => _text;
}
