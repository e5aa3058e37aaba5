using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Engine;

/// <summary>
/// The programme codes a local indicator counts as its programme: the plugin's local code and, in its own authority's
/// data, the national kind that records the same work in national-standard extracts and generated data (e.g. Coventry's
/// diversion pathway is <c>COVENTRY_DIVERSION</c> or <c>DIVERSION</c>). Indicators carry the list as their
/// <see cref="Parameter"/> parameter (comma-separated), so the choice is visible in every definition.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class ProgrammeCodes
{
    /// <summary>The definition parameter holding the comma-separated codes.</summary>
    public const string Parameter = "programmes";

    /// <summary>Splits a comma-separated list of codes (upper-cased, blanks dropped, duplicates removed, order kept).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="codes"/> is null.</exception>
    public static IReadOnlyList<string> Parse(string codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        return [.. codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The comma-separated form, as written into a definition parameter.</summary>
    public static string Format(IEnumerable<string> codes) => string.Join(",", codes);

    /// <summary>The codes in the setting <paramref name="setting"/>, or <paramref name="defaults"/>' codes when it is absent or empty.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<string> FromSettings(IReadOnlyDictionary<string, string> settings, string setting, params ProgrammeKind[] defaults)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(defaults);
        var codes = Parse(settings.GetSetting(setting, Format(defaults.Select(k => k.Code))));
        return codes.Count == 0 ? [.. defaults.Select(k => k.Code)] : codes;
    }

    /// <summary>Whether the programme is one of the codes (ignoring case).</summary>
    public static bool Contains(IReadOnlyCollection<string> codes, ProgrammeKind programme)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(programme);
        return codes.Contains(programme.Code, StringComparer.OrdinalIgnoreCase);
    }
}
