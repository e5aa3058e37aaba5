using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using YouthJustice.Sdk.Internal;
using YouthJustice.Sdk.Plugins;

namespace YouthJustice.Sdk.Indicators;

/// <summary>A definition file (or text) that is not a valid indicator definition: names the file and the field.</summary>
public sealed class DefinitionFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The resource or file name.</param>
    /// <param name="field">The field at fault, as a JSON path such as <c>sources[0].year</c>; empty for the whole file.</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public DefinitionFormatException(string source, string field, string reason, Exception? inner = null)
        : base(field.Length == 0 ? $"{source}: {reason}" : $"{source}: field '{field}' {reason}", inner)
    {
        DefinitionSource = source;
        Field = field;
    }

    /// <summary>The resource or file name.</summary>
    public string DefinitionSource { get; }

    /// <summary>The field at fault, as a JSON path; empty for the whole file.</summary>
    public string Field { get; }
}

/// <summary>
/// Reads and writes indicator definition files: one JSON object per definition (the format is in
/// <c>docs/definitions.md</c>), embedded in the assembly that computes them as resources named
/// <c>&lt;id&gt;.indicator.json</c>.
/// </summary>
/// <remarks>
/// <para>Reading is strict: every required field must be present and well formed, parameter names must be camelCase,
/// and every citation complete; the error names the resource and the field. Unknown fields are errors too, so a typo
/// never silently drops a rule.</para>
/// <para><see cref="Write"/> then <see cref="Read"/> gives back an equal definition. All members are thread-safe.</para>
/// </remarks>
public static partial class IndicatorDefinitions
{
    /// <summary>The end of the name of every embedded definition resource.</summary>
    public const string ResourceSuffix = ".indicator.json";

    private static readonly string[] Known =
        ["id", "version", "name", "description", "family", "unit", "multiplier", "direction", "displayDecimals",
         "effectiveFrom", "effectiveTo", "parameters", "sources", "appliedOverrides"];

    private static readonly string[] KnownCitation = ["kind", "publisher", "title", "year", "section", "url", "reason"];

    private static readonly string[] KnownOverride = ["name", "declaredBy", "local", "description", "parameters", "multiplier", "unit"];

    /// <summary>Whether a parameter name is camelCase: a lower-case letter, then letters and digits.</summary>
    public static bool IsCamelCase(string name) => name is not null && CamelCase().IsMatch(name);

    /// <summary>Reads every embedded resource of <paramref name="assembly"/> whose name ends with <see cref="ResourceSuffix"/>.</summary>
    /// <returns>The definitions by id (ordinal order).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assembly"/> is null.</exception>
    /// <exception cref="DefinitionFormatException">A file is malformed, lacks a field, is named for another id, or two files share an id.</exception>
    public static ImmutableSortedDictionary<string, IndicatorDefinition> LoadEmbedded(Assembly assembly)
    {
        Preconditions.CheckNotNull(assembly, nameof(assembly));
        var result = ImmutableSortedDictionary.CreateBuilder<string, IndicatorDefinition>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(ResourceSuffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new DefinitionFormatException(resource, "", "cannot be opened.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var definition = Read(reader.ReadToEnd(), resource);
            if (resource != definition.Id + ResourceSuffix && !resource.EndsWith("." + definition.Id + ResourceSuffix, StringComparison.Ordinal))
            {
                throw new DefinitionFormatException(resource, "id", $"is '{definition.Id}', but the file is named for another id: name it '{definition.Id}{ResourceSuffix}'.");
            }
            if (!result.TryAdd(definition.Id, definition))
            {
                throw new DefinitionFormatException(resource, "id", $"'{definition.Id}' is defined by two resources.");
            }
        }
        return result.ToImmutable();
    }

    /// <summary>Reads one definition from JSON.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">The file or resource name, for error messages.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DefinitionFormatException">The text is not a valid definition.</exception>
    public static IndicatorDefinition Read(string json, string source = "definition")
    {
        Preconditions.CheckNotNull(json, nameof(json));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new DefinitionFormatException(source, "", $"is not valid JSON: {ex.Message}", ex);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DefinitionFormatException(source, "", "must be a JSON object.");
            }
            Unknown(source, "", root, Known);
            var id = RequiredString(source, root, "id");
            var parameters = Parameters(source, root, "parameters", required: false);
            var sources = ImmutableArray.CreateBuilder<SourceCitation>();
            if (!root.TryGetProperty("sources", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            {
                throw new DefinitionFormatException(source, "sources", "is required: a non-empty array of citations, the primary first.");
            }
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                sources.Add(Citation(source, $"sources[{i++}]", item));
            }
            var overrides = ImmutableArray.CreateBuilder<DefinitionOverride>();
            if (root.TryGetProperty("appliedOverrides", out var applied) && applied.ValueKind != JsonValueKind.Null)
            {
                if (applied.ValueKind != JsonValueKind.Array)
                {
                    throw new DefinitionFormatException(source, "appliedOverrides", "must be an array.");
                }
                var k = 0;
                foreach (var item in applied.EnumerateArray())
                {
                    overrides.Add(Override(source, $"appliedOverrides[{k++}]", id, item));
                }
            }
            var from = OptionalDate(source, root, "effectiveFrom")
                ?? throw new DefinitionFormatException(source, "effectiveFrom", "is required: the first day the methodology applies to, yyyy-MM-dd.");
            var to = OptionalDate(source, root, "effectiveTo");
            if (to is { } end && end < from)
            {
                throw new DefinitionFormatException(source, "effectiveTo", $"({end:uuuu-MM-dd}) is before effectiveFrom ({from:uuuu-MM-dd}).");
            }
            var multiplier = RequiredDecimal(source, root, "multiplier");
            if (multiplier <= 0m)
            {
                throw new DefinitionFormatException(source, "multiplier", "must be positive.");
            }
            var version = RequiredInt(source, root, "version");
            if (version < 1)
            {
                throw new DefinitionFormatException(source, "version", "must be 1 or more.");
            }
            var decimals = RequiredInt(source, root, "displayDecimals");
            if (decimals is < 0 or > 10)
            {
                throw new DefinitionFormatException(source, "displayDecimals", "must be between 0 and 10.");
            }
            var directionText = RequiredString(source, root, "direction");
            if (!Enum.TryParse<Direction>(directionText, ignoreCase: true, out var direction) || !Enum.IsDefined(direction) || int.TryParse(directionText, out _))
            {
                throw new DefinitionFormatException(source, "direction", $"is '{directionText}': expected lowerIsBetter, higherIsBetter or neutral.");
            }
            return new IndicatorDefinition
            {
                Id = id,
                Version = version,
                Name = RequiredString(source, root, "name"),
                Description = RequiredString(source, root, "description"),
                Family = RequiredString(source, root, "family"),
                Unit = RequiredString(source, root, "unit"),
                Multiplier = multiplier,
                Direction = direction,
                DisplayDecimals = decimals,
                EffectiveFrom = from,
                EffectiveTo = to,
                Parameters = parameters,
                Sources = sources.ToImmutable(),
                AppliedOverrides = [.. overrides.OrderBy(o => o.Label, StringComparer.Ordinal)],
            };
        }
    }

    /// <summary>Writes a definition as JSON (indented, fields in the documented order, parameters by name).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    public static string Write(IndicatorDefinition definition)
    {
        Preconditions.CheckNotNull(definition, nameof(definition));
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("id", definition.Id);
            w.WriteNumber("version", definition.Version);
            w.WriteString("name", definition.Name);
            w.WriteString("description", definition.Description);
            w.WriteString("family", definition.Family);
            w.WriteString("unit", definition.Unit);
            w.WriteNumber("multiplier", definition.Multiplier);
            w.WriteString("direction", Camel(definition.Direction.ToString()));
            w.WriteNumber("displayDecimals", definition.DisplayDecimals);
            if (definition.EffectiveFrom is { } from)
            {
                w.WriteString("effectiveFrom", LocalDatePattern.Iso.Format(from));
            }
            if (definition.EffectiveTo is { } to)
            {
                w.WriteString("effectiveTo", LocalDatePattern.Iso.Format(to));
            }
            WriteParameters(w, definition.Parameters);
            w.WriteStartArray("sources");
            foreach (var s in definition.Sources.IsDefault ? [] : definition.Sources)
            {
                w.WriteStartObject();
                w.WriteString("kind", Camel(s.Kind.ToString()));
                if (s.Kind == CitationKind.Publication || s.Publisher != SourceCitation.ProjectPublisher)
                {
                    w.WriteString("publisher", s.Publisher);
                }
                w.WriteString("title", s.Title);
                WriteIfAny(w, "year", s.Year);
                WriteIfAny(w, "section", s.Section);
                WriteIfAny(w, "url", s.Url);
                WriteIfAny(w, "reason", s.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (!definition.AppliedOverrides.IsDefaultOrEmpty)
            {
                w.WriteStartArray("appliedOverrides");
                foreach (var o in definition.AppliedOverrides)
                {
                    w.WriteStartObject();
                    w.WriteString("name", o.Name);
                    WriteIfAny(w, "declaredBy", o.DeclaredBy);
                    if (o.IsLocal)
                    {
                        w.WriteBoolean("local", true);
                    }
                    w.WriteString("description", o.Description);
                    WriteParameters(w, o.Parameters);
                    if (o.Multiplier is { } m)
                    {
                        w.WriteNumber("multiplier", m);
                    }
                    WriteIfAny(w, "unit", o.Unit);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteParameters(Utf8JsonWriter w, ImmutableSortedDictionary<string, string> parameters)
    {
        w.WriteStartObject("parameters");
        foreach (var (key, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteString(key, value);
        }
        w.WriteEndObject();
    }

    private static void WriteIfAny(Utf8JsonWriter w, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            w.WriteString(name, value);
        }
    }

    private static string Camel(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];

    private static SourceCitation Citation(string source, string path, JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new DefinitionFormatException(source, path, "must be a citation object.");
        }
        Unknown(source, path + ".", item, KnownCitation);
        var kindText = OptionalString(source, item, "kind", path + ".kind") ?? "publication";
        var kind = kindText.ToUpperInvariant() switch
        {
            "PUBLICATION" => CitationKind.Publication,
            "PROJECTDECISION" => CitationKind.ProjectDecision,
            _ => throw new DefinitionFormatException(source, path + ".kind", $"is '{kindText}': expected publication or projectDecision."),
        };
        var citation = new SourceCitation
        {
            Kind = kind,
            Publisher = OptionalString(source, item, "publisher", path + ".publisher") ?? (kind == CitationKind.ProjectDecision ? SourceCitation.ProjectPublisher : ""),
            Title = OptionalString(source, item, "title", path + ".title") ?? "",
            Year = OptionalString(source, item, "year", path + ".year") ?? "",
            Section = OptionalString(source, item, "section", path + ".section") ?? "",
            Url = OptionalString(source, item, "url", path + ".url"),
            Reason = OptionalString(source, item, "reason", path + ".reason"),
        };
        var problems = citation.Problems();
        if (problems.Count > 0)
        {
            var field = problems[0].Split(' ')[0] is var f && KnownCitation.Contains(f) ? path + "." + f : path;
            throw new DefinitionFormatException(source, field, $"is incomplete: {string.Join("; ", problems)}.");
        }
        return citation;
    }

    private static DefinitionOverride Override(string source, string path, string indicatorId, JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new DefinitionFormatException(source, path, "must be an override object.");
        }
        Unknown(source, path + ".", item, KnownOverride);
        var name = OptionalString(source, item, "name", path + ".name") ?? throw new DefinitionFormatException(source, path + ".name", "is required.");
        var description = OptionalString(source, item, "description", path + ".description") ?? throw new DefinitionFormatException(source, path + ".description", "is required.");
        decimal? multiplier = null;
        if (item.TryGetProperty("multiplier", out var m) && m.ValueKind != JsonValueKind.Null)
        {
            multiplier = m.ValueKind == JsonValueKind.Number && m.TryGetDecimal(out var value) && value > 0
                ? value
                : throw new DefinitionFormatException(source, path + ".multiplier", "must be a positive number.");
        }
        var local = item.TryGetProperty("local", out var l) && l.ValueKind == JsonValueKind.True;
        try
        {
            return DefinitionOverride.Recorded(name, indicatorId, description, Parameters(source, item, "parameters", required: false, path + ".parameters"),
                multiplier, OptionalString(source, item, "unit", path + ".unit"), OptionalString(source, item, "declaredBy", path + ".declaredBy"), local);
        }
        catch (ArgumentException ex)
        {
            throw new DefinitionFormatException(source, path, ex.Message, ex);
        }
    }

    private static ImmutableSortedDictionary<string, string> Parameters(string source, JsonElement parent, string name, bool required, string? path = null)
    {
        path ??= name;
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new DefinitionFormatException(source, path, "is required.") : builder.ToImmutable();
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new DefinitionFormatException(source, path, "must be an object of parameter names to values.");
        }
        foreach (var p in element.EnumerateObject())
        {
            if (!IsCamelCase(p.Name))
            {
                throw new DefinitionFormatException(source, $"{path}.{p.Name}", "is not a camelCase parameter name (a lower-case letter, then letters and digits).");
            }
            builder[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString()!,
                JsonValueKind.Number => p.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => throw new DefinitionFormatException(source, $"{path}.{p.Name}", "must be a string, a number or true/false."),
            };
        }
        return builder.ToImmutable();
    }

    private static void Unknown(string source, string prefix, JsonElement element, string[] known)
    {
        foreach (var p in element.EnumerateObject())
        {
            if (!known.Contains(p.Name, StringComparer.Ordinal))
            {
                throw new DefinitionFormatException(source, prefix + p.Name, $"is not a known field (expected one of {string.Join(", ", known)}).");
            }
        }
    }

    private static string RequiredString(string source, JsonElement root, string name) =>
        OptionalString(source, root, name, name) is { } s && s.Trim().Length > 0
            ? s
            : throw new DefinitionFormatException(source, name, "is required and must not be blank.");

    private static string? OptionalString(string source, JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return element.ValueKind == JsonValueKind.String
            ? element.GetString()
            : throw new DefinitionFormatException(source, path, "must be a string.");
    }

    private static int RequiredInt(string source, JsonElement root, string name) =>
        root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var v)
            ? v
            : throw new DefinitionFormatException(source, name, "is required and must be a whole number.");

    private static decimal RequiredDecimal(string source, JsonElement root, string name) =>
        root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var v)
            ? v
            : throw new DefinitionFormatException(source, name, "is required and must be a number.");

    private static LocalDate? OptionalDate(string source, JsonElement root, string name)
    {
        var text = OptionalString(source, root, name, name);
        if (text is null)
        {
            return null;
        }
        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success
            ? parsed.Value
            : throw new DefinitionFormatException(source, name, $"is '{text}': expected an ISO date, yyyy-MM-dd.", parsed.Exception);
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CamelCase();
}
