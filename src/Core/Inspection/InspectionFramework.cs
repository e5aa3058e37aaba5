using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Internal;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Inspection;

/// <summary>HM Inspectorate of Probation's four-point rating scale. The numeric values order the scale; points are data on the framework.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InspectionRating>))]
public enum InspectionRating
{
    /// <summary>Inadequate.</summary>
    Inadequate = 0,
    /// <summary>Requires improvement.</summary>
    RequiresImprovement = 1,
    /// <summary>Good.</summary>
    Good = 2,
    /// <summary>Outstanding.</summary>
    Outstanding = 3,
}

/// <summary>The three lenses of a case-based standard's key questions: desistance, the child's safety and wellbeing, and the
/// safety of others (HM Inspectorate of Probation, <i>An inspection of youth offending services in Coventry</i>, February 2023,
/// domains two and three).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KeyQuestionLens>))]
public enum KeyQuestionLens
{
    /// <summary>Supporting the child's desistance.</summary>
    Desistance = 0,
    /// <summary>Keeping the child safe: the child's safety and wellbeing.</summary>
    SafetyAndWellbeing = 1,
    /// <summary>Keeping other people safe: risk of harm to others.</summary>
    SafetyOfOthers = 2,
}

/// <summary>How a standard is rated.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StandardKind>))]
public enum StandardKind
{
    /// <summary>From a case sample: the band of the lowest key question's share of cases judged sufficient.</summary>
    CaseBased = 0,
    /// <summary>By inspectors' judgement from documents, meetings and interviews.</summary>
    Judged = 1,
}

/// <summary>One key question of a case-based standard, with its wording as printed (wording differs between standards).</summary>
/// <param name="Lens">The lens it asks about.</param>
/// <param name="Text">The question as printed.</param>
public sealed record KeyQuestionDefinition(KeyQuestionLens Lens, string Text);

/// <summary>A standard: its id (e.g. <c>2.2</c>), name, kind, key questions (case-based only) and whether it counts toward the overall score.</summary>
/// <remarks>Immutable; equality compares the key questions element by element.</remarks>
public sealed record StandardDefinition
{
    /// <summary>The id, e.g. <c>2.2</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The name, e.g. <c>Planning</c>.</summary>
    public required string Name { get; init; }

    /// <summary>How it is rated.</summary>
    public required StandardKind Kind { get; init; }

    /// <summary>Whether its points count toward the overall score (false for 4.1 resettlement: "The rating for Resettlement
    /// does not influence the overall YOS rating", HM Inspectorate of Probation, Coventry inspection, February 2023, section "Ratings").</summary>
    public bool CountsTowardOverall { get; init; } = true;

    /// <summary>The key questions (three for a case-based standard, none for a judged one).</summary>
    public ImmutableArray<KeyQuestionDefinition> KeyQuestions { get; init; } = [];

    /// <inheritdoc />
    public bool Equals(StandardDefinition? other) =>
        other is not null && Id == other.Id && Name == other.Name && Kind == other.Kind
        && CountsTowardOverall == other.CountsTowardOverall && KeyQuestions.SequenceEqual(other.KeyQuestions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Kind, CountsTowardOverall, KeyQuestions.Length);
}

/// <summary>A domain of the framework and its standards, in order.</summary>
/// <remarks>Immutable; equality compares the standards element by element.</remarks>
public sealed record DomainDefinition
{
    /// <summary>The domain number, e.g. 2.</summary>
    public required int Number { get; init; }

    /// <summary>The name, e.g. <c>Court disposals</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The standards, in order.</summary>
    public ImmutableArray<StandardDefinition> Standards { get; init; } = [];

    /// <inheritdoc />
    public bool Equals(DomainDefinition? other) =>
        other is not null && Number == other.Number && Name == other.Name && Standards.SequenceEqual(other.Standards);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Number, Name, Standards.Length);
}

/// <summary>A band of the lowest key question's percentage: at or above <paramref name="MinPercent"/> (and below the next band up) rates <paramref name="Rating"/>.</summary>
/// <param name="Rating">The rating.</param>
/// <param name="MinPercent">The lowest percentage in the band, inclusive, compared with the exact (unrounded) percentage.</param>
public sealed record PercentBand(InspectionRating Rating, decimal MinPercent);

/// <summary>A band of the overall score: <paramref name="MinScore"/> to <paramref name="MaxScore"/>, both inclusive, rates <paramref name="Rating"/>.</summary>
/// <param name="Rating">The rating.</param>
/// <param name="MinScore">The lowest score in the band, inclusive.</param>
/// <param name="MaxScore">The highest score in the band, inclusive.</param>
public sealed record ScoreBand(InspectionRating Rating, int MinScore, int MaxScore);

/// <summary>The points a rating earns toward the overall score.</summary>
/// <param name="Rating">The rating.</param>
/// <param name="Points">The points.</param>
public sealed record RatingPoints(InspectionRating Rating, int Points);

/// <summary>
/// An inspection framework as data: domains, standards and key questions, the percentage bands, the points per rating and
/// the overall score bands, with a version and the source of each part. Serialises to JSON and back
/// (<see cref="ToJson"/>, <see cref="FromJson"/>); compares by value.
/// </summary>
/// <remarks>Immutable and thread-safe. <see cref="HmipYouthJustice"/> is the built-in framework.</remarks>
public sealed record InspectionFramework
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>A stable id, e.g. <c>hmip-youth-justice</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The version, starting at 1.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The display name.</summary>
    public required string Name { get; init; }

    /// <summary>Where the structure comes from.</summary>
    public required SourceCitation Source { get; init; }

    /// <summary>Where the bands and points come from, and how sure that is.</summary>
    public required string BandsProvenance { get; init; }

    /// <summary>The domains, in order.</summary>
    public ImmutableArray<DomainDefinition> Domains { get; init; } = [];

    /// <summary>The bands of the lowest key question's percentage, highest first.</summary>
    public ImmutableArray<PercentBand> PercentBands { get; init; } = [];

    /// <summary>The points per rating.</summary>
    public ImmutableArray<RatingPoints> Points { get; init; } = [];

    /// <summary>The overall score bands.</summary>
    public ImmutableArray<ScoreBand> ScoreBands { get; init; } = [];

    /// <summary>Every standard, in domain order.</summary>
    [JsonIgnore]
    public IEnumerable<StandardDefinition> Standards => Domains.SelectMany(d => d.Standards);

    /// <summary>The rating of an exact percentage (0-100) under <see cref="PercentBands"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is outside 0-100.</exception>
    /// <exception cref="InvalidOperationException">No band covers the percentage.</exception>
    public InspectionRating BandFor(decimal percent)
    {
        if (percent is < 0m or > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A percentage must be between 0 and 100.");
        }
        foreach (var band in PercentBands.OrderByDescending(b => b.MinPercent))
        {
            if (percent >= band.MinPercent)
            {
                return band.Rating;
            }
        }
        throw new InvalidOperationException($"Framework '{Id}' v{Version} has no band for {percent}%.");
    }

    /// <summary>The points <paramref name="rating"/> earns.</summary>
    /// <exception cref="InvalidOperationException">The framework gives no points for the rating.</exception>
    public int PointsFor(InspectionRating rating) =>
        Points.FirstOrDefault(p => p.Rating == rating)?.Points
        ?? throw new InvalidOperationException($"Framework '{Id}' v{Version} gives no points for {rating}.");

    /// <summary>The overall rating of a score.</summary>
    /// <exception cref="InvalidOperationException">No score band covers <paramref name="score"/>.</exception>
    public InspectionRating OverallFor(int score) =>
        ScoreBands.FirstOrDefault(b => score >= b.MinScore && score <= b.MaxScore)?.Rating
        ?? throw new InvalidOperationException($"Framework '{Id}' v{Version} has no overall band for a score of {score}.");

    /// <summary>Serialises the framework to indented JSON (enums as names).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads a framework from JSON written by <see cref="ToJson"/> (or by hand) and checks it.</summary>
    /// <exception cref="ArgumentException"><paramref name="json"/> is blank.</exception>
    /// <exception cref="JsonException">The JSON is malformed or lacks a required member.</exception>
    /// <exception cref="InvalidOperationException">The framework is inconsistent (see <see cref="Validate"/>).</exception>
    public static InspectionFramework FromJson(string json)
    {
        Preconditions.CheckNotBlank(json, nameof(json));
        var framework = JsonSerializer.Deserialize<InspectionFramework>(json, JsonOptions)
            ?? throw new JsonException("The JSON holds no inspection framework.");
        framework.Validate();
        return framework;
    }

    /// <summary>
    /// Checks the framework: standard ids unique; case-based standards have one key question per lens; judged standards have
    /// none; every rating has points and a percentage band.
    /// </summary>
    /// <exception cref="InvalidOperationException">The framework is inconsistent; the message says where.</exception>
    public void Validate()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in Standards)
        {
            if (!ids.Add(s.Id))
            {
                throw new InvalidOperationException($"Standard '{s.Id}' appears twice in framework '{Id}'.");
            }
            var lenses = s.KeyQuestions.Select(q => q.Lens).ToList();
            if (s.Kind == StandardKind.CaseBased && (lenses.Count == 0 || lenses.Distinct().Count() != lenses.Count))
            {
                throw new InvalidOperationException($"Case-based standard '{s.Id}' needs key questions, each with a different lens.");
            }
            if (s.Kind == StandardKind.Judged && lenses.Count > 0)
            {
                throw new InvalidOperationException($"Judged standard '{s.Id}' cannot have key questions.");
            }
        }
        foreach (var rating in Enum.GetValues<InspectionRating>())
        {
            if (!Points.Any(p => p.Rating == rating))
            {
                throw new InvalidOperationException($"Framework '{Id}' gives no points for {rating}.");
            }
        }
        if (!PercentBands.Any(b => b.MinPercent <= 0m))
        {
            throw new InvalidOperationException($"Framework '{Id}' has no percentage band starting at 0%.");
        }
    }

    /// <inheritdoc />
    public bool Equals(InspectionFramework? other) =>
        other is not null && Id == other.Id && Version == other.Version && Name == other.Name && Source == other.Source
        && BandsProvenance == other.BandsProvenance && Domains.SequenceEqual(other.Domains)
        && PercentBands.SequenceEqual(other.PercentBands) && Points.SequenceEqual(other.Points) && ScoreBands.SequenceEqual(other.ScoreBands);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Version, Domains.Length);

    /// <summary>
    /// HM Inspectorate of Probation's framework for inspecting youth justice services, as used in the inspection of Coventry
    /// (February 2023): the structure from the report's "Ratings" section and domain chapters, the bands and overall score mapping recalled from HMIP's
    /// published rules (marked as such in <see cref="BandsProvenance"/>).
    /// </summary>
    public static InspectionFramework HmipYouthJustice { get; } = CreateHmip();

    private static InspectionFramework CreateHmip()
    {
        static StandardDefinition Judged(string id, string name, bool counts = true) =>
            new() { Id = id, Name = name, Kind = StandardKind.Judged, CountsTowardOverall = counts };
        static StandardDefinition Case(string id, string name, string desistance, string child, string others) => new()
        {
            Id = id,
            Name = name,
            Kind = StandardKind.CaseBased,
            KeyQuestions =
            [
                new(KeyQuestionLens.Desistance, desistance),
                new(KeyQuestionLens.SafetyAndWellbeing, child),
                new(KeyQuestionLens.SafetyOfOthers, others),
            ],
        };
        return new InspectionFramework
        {
            Id = "hmip-youth-justice",
            Version = 1,
            Name = "HM Inspectorate of Probation: inspection of youth justice services",
            Source = SourceCitation.Publication(
                "HM Inspectorate of Probation", "An inspection of youth offending services in Coventry", "February 2023",
                "Ratings (domains, standards and the overall score; resettlement rated but not counted); domains two and three " +
                "(key-question tables by standard, and the footnote that a standard's rating is the band of its lowest key question)",
                "https://www.justiceinspectorates.gov.uk/hmiprobation/"),
            BandsProvenance =
                "Percentage bands (>=80 Outstanding, 65-79 Good, 50-64 Requires improvement, <50 Inadequate), points (Requires improvement 1, " +
                "Inadequate 0) and overall score bands (0-5, 6-15, 16-25, 26-36) are recalled from HMIP's published rules, not stated in the report; " +
                "they fit every Coventry figure (Outstanding 3 and Good 2 are forced by 32/36). Bands apply to the exact, unrounded percentage.",
            Domains =
            [
                new DomainDefinition
                {
                    Number = 1, Name = "Organisational delivery",
                    Standards =
                    [
                        Judged("1.1", "Governance and leadership"), Judged("1.2", "Staff"),
                        Judged("1.3", "Partnerships and services"), Judged("1.4", "Information and facilities"),
                    ],
                },
                new DomainDefinition
                {
                    Number = 2, Name = "Court disposals",
                    Standards =
                    [
                        Case("2.1", "Assessment",
                            "Does assessment sufficiently analyse how to support the child's desistance?",
                            "Does assessment sufficiently analyse how to keep the child safe?",
                            "Does assessment sufficiently analyse how to keep other people safe?"),
                        Case("2.2", "Planning",
                            "Does planning focus sufficiently on supporting the child's desistance?",
                            "Does planning focus sufficiently on keeping the child safe?",
                            "Does planning focus sufficiently on keeping other people safe?"),
                        Case("2.3", "Implementation and delivery",
                            "Does the implementation and delivery of services effectively support the child's desistance?",
                            "Does the implementation and delivery of services effectively support the safety of the child?",
                            "Does the implementation and delivery of services effectively support the safety of other people?"),
                        Case("2.4", "Reviewing",
                            "Does reviewing focus sufficiently on supporting the child's desistance?",
                            "Does reviewing focus sufficiently on keeping the child safe?",
                            "Does reviewing focus sufficiently on keeping other people safe?"),
                    ],
                },
                new DomainDefinition
                {
                    Number = 3, Name = "Out-of-court disposals",
                    Standards =
                    [
                        Case("3.1", "Assessment",
                            "Does assessment sufficiently analyse how to support the child's desistance?",
                            "Does assessment sufficiently analyse how to keep the child safe?",
                            "Does assessment sufficiently analyse how to keep other people safe?"),
                        Case("3.2", "Planning",
                            "Does planning focus on supporting the child's desistance?",
                            "Does planning focus sufficiently on keeping the child safe?",
                            "Does planning focus sufficiently on keeping other people safe?"),
                        Case("3.3", "Implementation and delivery",
                            "Does service delivery effectively support the child's desistance?",
                            "Does service delivery effectively support the safety of the child?",
                            "Does service delivery effectively support the safety of other people?"),
                        Judged("3.4", "Out-of-court disposal policy and provision"),
                    ],
                },
                new DomainDefinition
                {
                    Number = 4, Name = "Resettlement",
                    Standards = [Judged("4.1", "Resettlement policy and provision", counts: false)],
                },
            ],
            PercentBands =
            [
                new(InspectionRating.Outstanding, 80m), new(InspectionRating.Good, 65m),
                new(InspectionRating.RequiresImprovement, 50m), new(InspectionRating.Inadequate, 0m),
            ],
            Points =
            [
                new(InspectionRating.Outstanding, 3), new(InspectionRating.Good, 2),
                new(InspectionRating.RequiresImprovement, 1), new(InspectionRating.Inadequate, 0),
            ],
            ScoreBands =
            [
                new(InspectionRating.Inadequate, 0, 5), new(InspectionRating.RequiresImprovement, 6, 15),
                new(InspectionRating.Good, 16, 25), new(InspectionRating.Outstanding, 26, 36),
            ],
        };
    }
}
