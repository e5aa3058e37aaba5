using System.Collections.Immutable;
using YouthJustice.Sdk.Internal;

namespace YouthJustice.Sdk.Domain;

/// <summary>
/// A kind of programme or intervention a child can be referred to. The national kinds are in
/// <see cref="ProgrammeKinds"/>; plugins add local programmes (with aliases where a service renamed one).
/// </summary>
/// <remarks>
/// <para>Two programme kinds are equal when their codes are equal. Aliases resolve to the same kind through
/// <see cref="DomainVocabulary"/>.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class ProgrammeKind : IEquatable<ProgrammeKind>
{
    /// <summary>Creates a programme kind.</summary>
    /// <param name="code">A short upper-case code, unique across the vocabulary.</param>
    /// <param name="name">The display name.</param>
    /// <param name="aliases">Other names or codes the same programme is recorded under.</param>
    /// <param name="isLocal">Whether a plugin (not the national vocabulary) defines it.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="name"/> is blank.</exception>
    public ProgrammeKind(string code, string name, IEnumerable<string>? aliases = null, bool isLocal = false)
    {
        Code = Preconditions.CheckNotBlank(code, nameof(code)).Trim().ToUpperInvariant();
        Name = Preconditions.CheckNotBlank(name, nameof(name));
        Aliases = aliases is null ? [] : [.. aliases.Select(a => Preconditions.CheckNotBlank(a, nameof(aliases)).Trim())];
        IsLocal = isLocal;
    }

    /// <summary>The short code, upper case.</summary>
    public string Code { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>Other names or codes for the same programme.</summary>
    public ImmutableArray<string> Aliases { get; }

    /// <summary>Whether a plugin defines this kind.</summary>
    public bool IsLocal { get; }

    /// <inheritdoc />
    public bool Equals(ProgrammeKind? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ProgrammeKind);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>The code.</summary>
    public override string ToString() => Code;
}

/// <summary>The programme kinds every service has.</summary>
public static class ProgrammeKinds
{
    /// <summary>Diversion from the formal system for children where police take no further action.</summary>
    public static readonly ProgrammeKind Diversion = new("DIVERSION", "Diversion");

    /// <summary>Early intervention and prevention for children at risk.</summary>
    public static readonly ProgrammeKind EarlyIntervention = new("EARLY_INTERVENTION", "Early intervention");

    /// <summary>Enriched (trauma-informed) case management.</summary>
    public static readonly ProgrammeKind EnrichedCaseManagement = new("ECM", "Enriched case management");

    /// <summary>An intervention attached to an out-of-court disposal.</summary>
    public static readonly ProgrammeKind OutOfCourtIntervention = new("OOCD_INTERVENTION", "Out-of-court disposal intervention");

    /// <summary>Supervision of a court order in the community.</summary>
    public static readonly ProgrammeKind CourtOrderSupervision = new("COURT_ORDER", "Court order supervision");

    /// <summary>Resettlement after release from custody.</summary>
    public static readonly ProgrammeKind Resettlement = new("RESETTLEMENT", "Resettlement after custody");

    /// <summary>Every national programme kind.</summary>
    public static IReadOnlyList<ProgrammeKind> National { get; } =
        [Diversion, EarlyIntervention, EnrichedCaseManagement, OutOfCourtIntervention, CourtOrderSupervision, Resettlement];
}
