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
        options.Converters.Add(new EthnicityCategoryConverter());
        options.Converters.Add(new OutcomeTypeConverter(vocabulary));
        options.Converters.Add(new ProgrammeKindConverter(vocabulary));
        return options;
    }

    private sealed class EthnicityCategoryConverter : JsonConverter<EthnicityCategory>
    {
        public override EthnicityCategory Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var code = reader.GetString();
            return EthnicityCategory.TryFromCode(code, out var category)
                ? category
                : throw new JsonException($"'{code}' is not a known ethnicity code.");
        }

        public override void Write(Utf8JsonWriter writer, EthnicityCategory value, JsonSerializerOptions options)
        {
            Preconditions.CheckNotNull(writer, nameof(writer));
            Preconditions.CheckNotNull(value, nameof(value));
            writer.WriteStringValue(value.Code);
        }
    }

    private sealed class OutcomeTypeConverter(DomainVocabulary vocabulary) : JsonConverter<OutcomeType>
    {
        public override OutcomeType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var code = reader.GetString();
            return vocabulary.TryGetOutcomeType(code, out var type)
                ? type
                : throw new JsonException($"'{code}' is not a known outcome type code in the vocabulary.");
        }

        public override void Write(Utf8JsonWriter writer, OutcomeType value, JsonSerializerOptions options)
        {
            Preconditions.CheckNotNull(writer, nameof(writer));
            Preconditions.CheckNotNull(value, nameof(value));
            writer.WriteStringValue(value.Code);
        }
    }

    private sealed class ProgrammeKindConverter(DomainVocabulary vocabulary) : JsonConverter<ProgrammeKind>
    {
        public override ProgrammeKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var code = reader.GetString();
            return vocabulary.TryGetProgramme(code, out var programme)
                ? programme
                : throw new JsonException($"'{code}' is not a known programme code or alias in the vocabulary.");
        }

        public override void Write(Utf8JsonWriter writer, ProgrammeKind value, JsonSerializerOptions options)
        {
            Preconditions.CheckNotNull(writer, nameof(writer));
            Preconditions.CheckNotNull(value, nameof(value));
            writer.WriteStringValue(value.Code);
        }
    }
}
