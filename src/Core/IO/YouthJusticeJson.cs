using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Internal;

namespace YouthJustice.Sdk.IO;

/// <summary>
/// The <see cref="JsonSerializerOptions"/> the SDK serialises with (indicator definitions, results, datasets): NodaTime
/// types as ISO text (a <see cref="LocalDate"/> as <c>yyyy-MM-dd</c>), enums as the dataset format's upper snake case
/// codes (<c>NON_BINARY</c>), and ethnicity categories, outcome types and programmes as their codes.
/// </summary>
/// <remarks>Property names are snake_case, as in the dataset format. Each call returns a new, mutable options instance,
/// so a caller can add its own converters; the converters themselves are immutable and thread-safe.</remarks>
public static class YouthJusticeJson
{
    /// <summary>Creates the SDK's serializer options.</summary>
    /// <param name="vocabulary">The vocabulary outcome type and programme codes are read through; <see langword="null"/>
    /// for <see cref="DomainVocabulary.National"/>.</param>
    public static JsonSerializerOptions CreateOptions(DomainVocabulary? vocabulary = null)
    {
        vocabulary ??= DomainVocabulary.National;
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
            NewLine = "\n",
        };
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
        options.Converters.Add(new CodeConverter<EthnicityCategory>(EthnicityCategory.TryFromCode, c => c.Code, "a known ethnicity code"));
        options.Converters.Add(new CodeConverter<OutcomeType>(vocabulary.TryGetOutcomeType, t => t.Code, "a known outcome type code in the vocabulary"));
        options.Converters.Add(new CodeConverter<ProgrammeKind>(vocabulary.TryGetProgramme, p => p.Code, "a known programme code or alias in the vocabulary"));
        return options;
    }

    /// <summary>Looks a code up; the shape of <see cref="EthnicityCategory.TryFromCode"/> and the vocabulary's lookups.</summary>
    private delegate bool TryLookup<T>(string? code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value);

    /// <summary>Writes a coded value as its code and reads it back through a lookup, refusing unknown codes.</summary>
    private sealed class CodeConverter<T>(TryLookup<T> lookup, Func<T, string> code, string expected) : JsonConverter<T>
        where T : class
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return lookup(text, out var value) ? value : throw new JsonException($"'{text}' is not {expected}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            Preconditions.CheckNotNull(writer, nameof(writer));
            Preconditions.CheckNotNull(value, nameof(value));
            writer.WriteStringValue(code(value));
        }
    }
}
