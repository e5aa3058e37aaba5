using System.Collections.Immutable;
using YouthJustice.Sdk.Internal;

namespace YouthJustice.Sdk.Domain;

/// <summary>
/// The outcome types and programme kinds a dataset may use: the national ones plus any a plugin adds.
/// Import resolves codes against it and rejects unknown codes.
/// </summary>
/// <remarks>
/// <para>Vocabularies are immutable: <see cref="WithOutcomeType"/> and <see cref="WithProgramme"/> return new instances,
/// so adding to a vocabulary is add-only and can never change a national type.</para>
/// <para>Codes and aliases are matched case-insensitively. This type is thread-safe.</para>
/// </remarks>
public sealed class DomainVocabulary
{
    private readonly ImmutableDictionary<string, OutcomeType> _outcomeTypes;
    private readonly ImmutableDictionary<string, ProgrammeKind> _programmes;

    private DomainVocabulary(ImmutableDictionary<string, OutcomeType> outcomeTypes, ImmutableDictionary<string, ProgrammeKind> programmes)
    {
        _outcomeTypes = outcomeTypes;
        _programmes = programmes;
    }

    /// <summary>The national vocabulary: <see cref="OutcomeTypes.National"/> and <see cref="ProgrammeKinds.National"/>.</summary>
    public static DomainVocabulary National { get; } = CreateNational();

    /// <summary>Every outcome type, in ladder order then code.</summary>
    public IReadOnlyList<OutcomeType> OutcomeTypes =>
        [.. _outcomeTypes.Values.OrderBy(t => t.Category == OutcomeCategory.Remand || t.Category == OutcomeCategory.Breach ? 1 : 0)
            .ThenBy(t => t.LadderRank).ThenBy(t => t.Code, StringComparer.Ordinal)];

    /// <summary>Every programme kind (each once, not once per alias), ordered by code.</summary>
    public IReadOnlyList<ProgrammeKind> Programmes =>
        [.. _programmes.Values.Distinct().OrderBy(p => p.Code, StringComparer.Ordinal)];

    /// <summary>Finds an outcome type by code, ignoring case.</summary>
    public bool TryGetOutcomeType(string? code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OutcomeType? type)
    {
        type = null;
        return code is not null && _outcomeTypes.TryGetValue(code.Trim(), out type);
    }

    /// <summary>Finds a programme by its code or one of its aliases, ignoring case.</summary>
    public bool TryGetProgramme(string? codeOrAlias, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ProgrammeKind? programme)
    {
        programme = null;
        return codeOrAlias is not null && _programmes.TryGetValue(codeOrAlias.Trim(), out programme);
    }

    /// <summary>Returns a vocabulary with one more outcome type.</summary>
    /// <exception cref="ArgumentException">The code is already used.</exception>
    public DomainVocabulary WithOutcomeType(OutcomeType type)
    {
        Preconditions.CheckNotNull(type, nameof(type));
        Preconditions.CheckArgument(!_outcomeTypes.ContainsKey(type.Code), nameof(type),
            $"Outcome type code '{type.Code}' is already defined; a plugin may add outcome types but not redefine one.");
        return new DomainVocabulary(_outcomeTypes.Add(type.Code, type), _programmes);
    }

    /// <summary>Returns a vocabulary with one more programme kind, reachable by its code and every alias.</summary>
    /// <exception cref="ArgumentException">The code or an alias is already used.</exception>
    public DomainVocabulary WithProgramme(ProgrammeKind programme)
    {
        Preconditions.CheckNotNull(programme, nameof(programme));
        var builder = _programmes.ToBuilder();
        foreach (var key in programme.Aliases.Prepend(programme.Code))
        {
            Preconditions.CheckArgument(!builder.ContainsKey(key), nameof(programme),
                $"Programme code or alias '{key}' is already defined.");
            builder.Add(key, programme);
        }
        return new DomainVocabulary(_outcomeTypes, builder.ToImmutable());
    }

    private static DomainVocabulary CreateNational()
    {
        var vocabulary = new DomainVocabulary(
            ImmutableDictionary.Create<string, OutcomeType>(StringComparer.OrdinalIgnoreCase),
            ImmutableDictionary.Create<string, ProgrammeKind>(StringComparer.OrdinalIgnoreCase));
        foreach (var type in Domain.OutcomeTypes.National)
        {
            vocabulary = vocabulary.WithOutcomeType(type);
        }
        foreach (var programme in ProgrammeKinds.National)
        {
            vocabulary = vocabulary.WithProgramme(programme);
        }
        return vocabulary;
    }
}
