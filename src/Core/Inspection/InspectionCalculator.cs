using System.Collections.Immutable;
using System.Globalization;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Internal;
using YouthJustice.Sdk.Statistics;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Inspection;

/// <summary>The case-sample answer to one key question: how many of the inspected cases were judged sufficient.</summary>
/// <param name="StandardId">The standard, e.g. <c>2.2</c>.</param>
/// <param name="Lens">The key question's lens.</param>
/// <param name="Sufficient">Cases judged sufficient ('Yes').</param>
/// <param name="Total">Cases the question applied to.</param>
/// <remarks>Immutable and thread-safe; checked by <see cref="InspectionCalculator.Calculate"/>.</remarks>
public sealed record KeyQuestionAnswer(string StandardId, KeyQuestionLens Lens, int Sufficient, int Total);

/// <summary>Inspectors' rating of a judged (qualitative) standard.</summary>
/// <param name="StandardId">The standard, e.g. <c>1.1</c>.</param>
/// <param name="Rating">The rating.</param>
/// <remarks>Immutable and thread-safe; checked by <see cref="InspectionCalculator.Calculate"/>.</remarks>
public sealed record JudgedRating(string StandardId, InspectionRating Rating);

/// <summary>One key question's result.</summary>
/// <param name="Question">The question.</param>
/// <param name="Sufficient">Cases judged sufficient.</param>
/// <param name="Total">Cases inspected.</param>
/// <param name="Percent">The exact percentage, 100 × sufficient / total, unrounded.</param>
/// <param name="Interval">The 95% Wilson score interval, in percent.</param>
/// <param name="Band">The band the exact percentage falls in.</param>
public sealed record KeyQuestionResult(
    KeyQuestionDefinition Question, int Sufficient, int Total, decimal Percent, ConfidenceInterval Interval, InspectionRating Band)
{
    /// <summary>The percentage as published: whole percent, rounded half away from zero (93.75 → "94").</summary>
    public string FormatPercent(int decimals = 0) =>
        DisplayRounding.Round(Percent, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

/// <summary>One standard's result.</summary>
/// <remarks>Immutable.</remarks>
public sealed record StandardResult
{
    /// <summary>The standard.</summary>
    public required StandardDefinition Standard { get; init; }

    /// <summary>The rating: the band of the lowest key question (case-based) or the inspectors' rating (judged).</summary>
    public required InspectionRating Rating { get; init; }

    /// <summary>The points the rating earns (whether or not it counts toward the overall score).</summary>
    public required int Points { get; init; }

    /// <summary>The key question results, in framework order (empty for a judged standard).</summary>
    public ImmutableArray<KeyQuestionResult> KeyQuestions { get; init; } = [];

    /// <summary>The lowest exact key-question percentage, or <see langword="null"/> for a judged standard.</summary>
    public decimal? LowestPercent { get; init; }

    /// <summary>The key question(s) with the lowest percentage, which drive the rating (more than one on a tie; empty when judged).</summary>
    public ImmutableArray<KeyQuestionLens> DrivingKeyQuestions { get; init; } = [];

    /// <summary>Whether the points count toward the overall score.</summary>
    public bool CountsTowardOverall => Standard.CountsTowardOverall;
}

/// <summary>One domain's score over its counted standards.</summary>
/// <param name="Number">The domain number.</param>
/// <param name="Name">The domain name.</param>
/// <param name="Score">Points over the counted standards.</param>
/// <param name="MaxScore">The most points the counted standards could earn.</param>
public sealed record DomainResult(int Number, string Name, int Score, int MaxScore);

/// <summary>An inspection's result: every standard, domain scores, the overall score and rating.</summary>
/// <remarks>Immutable.</remarks>
public sealed record InspectionResult
{
    /// <summary>The framework id.</summary>
    public required string FrameworkId { get; init; }

    /// <summary>The framework version.</summary>
    public required int FrameworkVersion { get; init; }

    /// <summary>Every standard, in framework order.</summary>
    public required ImmutableArray<StandardResult> Standards { get; init; }

    /// <summary>Every domain, in framework order.</summary>
    public required ImmutableArray<DomainResult> Domains { get; init; }

    /// <summary>Points over the counted standards.</summary>
    public required int Score { get; init; }

    /// <summary>The most points the counted standards could earn.</summary>
    public required int MaxScore { get; init; }

    /// <summary>The overall rating of <see cref="Score"/>.</summary>
    public required InspectionRating Overall { get; init; }

    /// <summary>A standard's result by id.</summary>
    /// <exception cref="KeyNotFoundException">No standard has that id.</exception>
    public StandardResult this[string standardId] =>
        Standards.FirstOrDefault(s => s.Standard.Id == standardId)
        ?? throw new KeyNotFoundException($"No standard '{standardId}' in the result.");
}

/// <summary>
/// Rates an inspection under a framework: each key question's percentage (exact, with a Wilson interval), each case-based
/// standard's rating from its <b>lowest</b> key question (not the mean), judged ratings as given, points, domain scores,
/// the overall score over counted standards and the overall rating.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class InspectionCalculator
{
    /// <summary>Creates a calculator for <paramref name="framework"/> (default <see cref="InspectionFramework.HmipYouthJustice"/>).</summary>
    /// <exception cref="InvalidOperationException">The framework is inconsistent.</exception>
    public InspectionCalculator(InspectionFramework? framework = null)
    {
        Framework = framework ?? InspectionFramework.HmipYouthJustice;
        Framework.Validate();
    }

    /// <summary>The framework applied.</summary>
    public InspectionFramework Framework { get; }

    /// <summary>Rates an inspection.</summary>
    /// <param name="answers">One answer per key question of every case-based standard.</param>
    /// <param name="judged">One rating per judged standard.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// An answer or rating names an unknown standard or key question, gives a rating to a case-based standard or answers for a
    /// judged one, is duplicated, has negative counts, no cases, or more sufficient cases than cases; or a key question or judged
    /// standard is missing. The message names the standard and key question.
    /// </exception>
    public InspectionResult Calculate(IEnumerable<KeyQuestionAnswer> answers, IEnumerable<JudgedRating> judged)
    {
        Preconditions.CheckNotNull(answers, nameof(answers));
        Preconditions.CheckNotNull(judged, nameof(judged));
        var standards = Framework.Standards.ToDictionary(s => s.Id, StringComparer.Ordinal);

        var answerMap = new Dictionary<(string, KeyQuestionLens), KeyQuestionAnswer>();
        foreach (var a in answers)
        {
            Preconditions.CheckNotNull(a, nameof(answers));
            if (!standards.TryGetValue(a.StandardId, out var s))
            {
                throw new ArgumentException($"Unknown standard '{a.StandardId}': the framework has {string.Join(", ", standards.Keys)}.", nameof(answers));
            }
            if (s.Kind != StandardKind.CaseBased || !s.KeyQuestions.Any(q => q.Lens == a.Lens))
            {
                throw new ArgumentException($"Standard {s.Id} ({s.Name}) has no key question on {a.Lens}: it is {(s.Kind == StandardKind.Judged ? "judged, not case-based" : "missing that lens")}.", nameof(answers));
            }
            if (a.Total <= 0 || a.Sufficient < 0 || a.Sufficient > a.Total)
            {
                throw new ArgumentException($"Standard {s.Id}, {a.Lens}: need 0 <= sufficient <= total and total > 0; got {a.Sufficient} sufficient of {a.Total}.", nameof(answers));
            }
            if (!answerMap.TryAdd((a.StandardId, a.Lens), a))
            {
                throw new ArgumentException($"Standard {s.Id}, {a.Lens} is answered twice.", nameof(answers));
            }
        }

        var judgedMap = new Dictionary<string, InspectionRating>(StringComparer.Ordinal);
        foreach (var j in judged)
        {
            Preconditions.CheckNotNull(j, nameof(judged));
            if (!standards.TryGetValue(j.StandardId, out var s))
            {
                throw new ArgumentException($"Unknown standard '{j.StandardId}': the framework has {string.Join(", ", standards.Keys)}.", nameof(judged));
            }
            if (s.Kind != StandardKind.Judged)
            {
                throw new ArgumentException($"Standard {s.Id} ({s.Name}) is case-based: it is rated from its key questions, not judged.", nameof(judged));
            }
            if (!Enum.IsDefined(j.Rating))
            {
                throw new ArgumentException($"Standard {s.Id}: {j.Rating} is not a rating.", nameof(judged));
            }
            if (!judgedMap.TryAdd(j.StandardId, j.Rating))
            {
                throw new ArgumentException($"Standard {s.Id} is rated twice.", nameof(judged));
            }
        }

        var results = ImmutableArray.CreateBuilder<StandardResult>();
        foreach (var s in Framework.Standards)
        {
            results.Add(s.Kind == StandardKind.Judged ? RateJudged(s, judgedMap) : RateCaseBased(s, answerMap));
        }
        var standardResults = results.ToImmutable();

        var domains = Framework.Domains.Select(d =>
        {
            var counted = standardResults.Where(r => r.CountsTowardOverall && d.Standards.Contains(r.Standard)).ToList();
            return new DomainResult(d.Number, d.Name, counted.Sum(r => r.Points), counted.Count * MaxPoints);
        }).ToImmutableArray();
        var score = domains.Sum(d => d.Score);
        return new InspectionResult
        {
            FrameworkId = Framework.Id,
            FrameworkVersion = Framework.Version,
            Standards = standardResults,
            Domains = domains,
            Score = score,
            MaxScore = domains.Sum(d => d.MaxScore),
            Overall = Framework.OverallFor(score),
        };
    }

    private int MaxPoints => Framework.Points.Max(p => p.Points);

    private StandardResult RateJudged(StandardDefinition s, Dictionary<string, InspectionRating> judged)
    {
        if (!judged.TryGetValue(s.Id, out var rating))
        {
            throw new ArgumentException($"Standard {s.Id} ({s.Name}) is judged but has no rating.", nameof(judged));
        }
        return new StandardResult { Standard = s, Rating = rating, Points = Framework.PointsFor(rating) };
    }

    private StandardResult RateCaseBased(StandardDefinition s, Dictionary<(string, KeyQuestionLens), KeyQuestionAnswer> answers)
    {
        var questions = ImmutableArray.CreateBuilder<KeyQuestionResult>();
        foreach (var q in s.KeyQuestions)
        {
            if (!answers.TryGetValue((s.Id, q.Lens), out var a))
            {
                throw new ArgumentException($"Standard {s.Id} ({s.Name}) has no answer for its {q.Lens} key question: \"{q.Text}\".", nameof(answers));
            }
            var percent = 100m * a.Sufficient / a.Total;
            var (lo, hi) = ConfidenceIntervals.Wilson(a.Sufficient, a.Total);
            var interval = new ConfidenceInterval(Math.Round((decimal)lo * 100m, 10), Math.Round((decimal)hi * 100m, 10), 0.95m, "Wilson score");
            questions.Add(new KeyQuestionResult(q, a.Sufficient, a.Total, percent, interval, Framework.BandFor(percent)));
        }
        var lowest = questions.Min(k => k.Percent);
        var rating = Framework.BandFor(lowest);
        return new StandardResult
        {
            Standard = s,
            Rating = rating,
            Points = Framework.PointsFor(rating),
            KeyQuestions = questions.ToImmutable(),
            LowestPercent = lowest,
            DrivingKeyQuestions = [.. questions.Where(k => k.Percent == lowest).Select(k => k.Question.Lens)],
        };
    }
}
