using System.Text.Json;
using YouthJustice.Sdk.Inspection;
using static YouthJustice.Sdk.Inspection.InspectionRating;
using static YouthJustice.Sdk.Inspection.KeyQuestionLens;

namespace YouthJustice.Sdk.Tests.Inspection;

public class InspectionCalculatorTests
{
    private static readonly InspectionCalculator Calculator = new();

    /// <summary>Coventry 2023 (HM Inspectorate of Probation, An inspection of youth offending services in Coventry, February 2023): counts of 16 cases per key question, desistance / child's safety / others' safety.</summary>
    private static List<KeyQuestionAnswer> CoventryAnswers()
    {
        (string Id, int D, int S, int O)[] rows =
        [
            ("2.1", 15, 14, 14), ("2.2", 15, 13, 11), ("2.3", 13, 13, 11), ("2.4", 13, 14, 11),
            ("3.1", 16, 14, 15), ("3.2", 16, 16, 16), ("3.3", 16, 16, 15),
        ];
        return [.. rows.SelectMany(r => new[]
        {
            new KeyQuestionAnswer(r.Id, Desistance, r.D, 16),
            new KeyQuestionAnswer(r.Id, SafetyAndWellbeing, r.S, 16),
            new KeyQuestionAnswer(r.Id, SafetyOfOthers, r.O, 16),
        })];
    }

    private static List<JudgedRating> CoventryJudged() =>
    [
        new("1.1", Outstanding), new("1.2", Outstanding), new("1.3", Good), new("1.4", Outstanding),
        new("3.4", Outstanding), new("4.1", Good),
    ];

    [Fact]
    public void Coventry_2023_reproduces_the_published_percentages_ratings_and_score_of_32_out_of_36_outstanding()
    {
        var result = Calculator.Calculate(CoventryAnswers(), CoventryJudged());

        var published = new Dictionary<string, (string[] Percents, InspectionRating Rating)>
        {
            ["2.1"] = (["94", "88", "88"], Outstanding),
            ["2.2"] = (["94", "81", "69"], Good),
            ["2.3"] = (["81", "81", "69"], Good),
            ["2.4"] = (["81", "88", "69"], Good),
            ["3.1"] = (["100", "88", "94"], Outstanding),
            ["3.2"] = (["100", "100", "100"], Outstanding),
            ["3.3"] = (["100", "100", "94"], Outstanding),
        };
        foreach (var (id, (percents, rating)) in published)
        {
            Assert.Equal(percents, result[id].KeyQuestions.Select(k => k.FormatPercent()));
            Assert.Equal(rating, result[id].Rating);
        }
        Assert.Equal(Outstanding, result["1.1"].Rating);
        Assert.Equal(Good, result["1.3"].Rating);
        Assert.Equal(Good, result["4.1"].Rating);
        Assert.False(result["4.1"].CountsTowardOverall);
        Assert.Equal(32, result.Score);
        Assert.Equal(36, result.MaxScore);
        Assert.Equal(Outstanding, result.Overall);
    }

    [Fact]
    public void Coventry_domain_scores_are_11_9_and_12_out_of_12_and_resettlement_is_not_counted()
    {
        var result = Calculator.Calculate(CoventryAnswers(), CoventryJudged());

        Assert.Equal(
            [new DomainResult(1, "Organisational delivery", 11, 12), new DomainResult(2, "Court disposals", 9, 12),
             new DomainResult(3, "Out-of-court disposals", 12, 12), new DomainResult(4, "Resettlement", 0, 0)],
            result.Domains.ToArray());
    }

    [Fact]
    public void Exact_percentages_are_kept_and_93_75_is_published_as_94_half_away_from_zero()
    {
        var q = Calculator.Calculate(CoventryAnswers(), CoventryJudged())["2.1"].KeyQuestions[0];

        Assert.Equal(93.75m, q.Percent);
        Assert.Equal("94", q.FormatPercent());
        Assert.Equal("93.8", q.FormatPercent(1));
        Assert.True(q.Interval.Lower < 93.75m && q.Interval.Upper > 93.75m && q.Interval.Upper <= 100m);
        Assert.Equal("Wilson score", q.Interval.Method);
    }

    [Fact]
    public void The_driving_key_question_is_the_lowest_and_ties_name_every_lowest_question()
    {
        var result = Calculator.Calculate(CoventryAnswers(), CoventryJudged());

        Assert.Equal([SafetyOfOthers], result["2.2"].DrivingKeyQuestions.ToArray());
        Assert.Equal(68.75m, result["2.2"].LowestPercent);
        Assert.Equal([SafetyAndWellbeing, SafetyOfOthers], result["2.1"].DrivingKeyQuestions.ToArray());
        Assert.Equal([SafetyAndWellbeing], result["3.1"].DrivingKeyQuestions.ToArray());
        Assert.Equal([Desistance, SafetyAndWellbeing, SafetyOfOthers], result["3.2"].DrivingKeyQuestions.ToArray());
        Assert.Empty(result["1.1"].DrivingKeyQuestions);
    }

    [Fact]
    public void Counting_resettlement_would_wrongly_give_34_out_of_39()
    {
        var framework = InspectionFramework.HmipYouthJustice;
        var counted = framework with
        {
            Domains = [.. framework.Domains.Select(d => d.Number != 4 ? d : d with { Standards = [d.Standards[0] with { CountsTowardOverall = true }] })],
        };

        var wrong = new InspectionCalculator(counted).Calculate(CoventryAnswers(), CoventryJudged());
        var right = Calculator.Calculate(CoventryAnswers(), CoventryJudged());

        Assert.Equal((34, 39), (wrong.Score, wrong.MaxScore));
        Assert.Equal((32, 36), (right.Score, right.MaxScore));
    }

    [Fact]
    public void Standard_2_2_is_good_by_its_lowest_key_question_although_the_mean_would_be_outstanding()
    {
        var result = Calculator.Calculate(CoventryAnswers(), CoventryJudged())["2.2"];
        var mean = result.KeyQuestions.Average(k => k.Percent);

        Assert.Equal(81.25m, mean);
        Assert.Equal(Outstanding, InspectionFramework.HmipYouthJustice.BandFor(mean));
        Assert.Equal(Good, result.Rating);
    }

    [Theory]
    [InlineData(80, 100, Outstanding)]
    [InlineData(799, 1000, Good)]
    [InlineData(65, 100, Good)]
    [InlineData(649, 1000, RequiresImprovement)]
    [InlineData(50, 100, RequiresImprovement)]
    [InlineData(499, 1000, Inadequate)]
    [InlineData(0, 10, Inadequate)]
    [InlineData(10, 10, Outstanding)]
    [InlineData(159, 200, Good)] // 79.5% would round to 80 but the band applies to the exact fraction
    public void A_standard_is_banded_on_its_exact_lowest_percentage(int sufficient, int total, InspectionRating expected)
    {
        var answers = CoventryAnswers().Where(a => a.StandardId != "2.1")
            .Concat([new KeyQuestionAnswer("2.1", Desistance, total, total), new KeyQuestionAnswer("2.1", SafetyAndWellbeing, sufficient, total), new KeyQuestionAnswer("2.1", SafetyOfOthers, total, total)]);

        Assert.Equal(expected, Calculator.Calculate(answers, CoventryJudged())["2.1"].Rating);
    }

    [Theory]
    [InlineData("80.0", Outstanding)]
    [InlineData("79.9", Good)]
    [InlineData("65", Good)]
    [InlineData("64.9", RequiresImprovement)]
    [InlineData("50", RequiresImprovement)]
    [InlineData("49.9", Inadequate)]
    public void Percentage_band_boundaries(string percent, InspectionRating expected) =>
        Assert.Equal(expected, InspectionFramework.HmipYouthJustice.BandFor(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(0, Inadequate)]
    [InlineData(5, Inadequate)]
    [InlineData(6, RequiresImprovement)]
    [InlineData(15, RequiresImprovement)]
    [InlineData(16, Good)]
    [InlineData(25, Good)]
    [InlineData(26, Outstanding)]
    [InlineData(36, Outstanding)]
    public void Overall_score_band_boundaries(int score, InspectionRating expected) =>
        Assert.Equal(expected, InspectionFramework.HmipYouthJustice.OverallFor(score));

    [Fact]
    public void More_sufficient_cases_than_cases_is_an_error_naming_the_standard_and_key_question()
    {
        var answers = CoventryAnswers().Select(a => a.StandardId == "2.3" && a.Lens == SafetyOfOthers ? a with { Sufficient = 17 } : a);

        var ex = Assert.Throws<ArgumentException>(() => Calculator.Calculate(answers, CoventryJudged()));
        Assert.Contains("2.3, SafetyOfOthers", ex.Message, StringComparison.Ordinal);
        Assert.Contains("17 sufficient of 16", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_question_is_an_error_quoting_the_question()
    {
        var answers = CoventryAnswers().Where(a => !(a.StandardId == "3.2" && a.Lens == Desistance));

        var ex = Assert.Throws<ArgumentException>(() => Calculator.Calculate(answers, CoventryJudged()));
        Assert.Contains("Standard 3.2 (Planning) has no answer for its Desistance key question", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Does planning focus on supporting the child's desistance?", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_standard_is_an_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => Calculator.Calculate(CoventryAnswers().Append(new("3.5", Desistance, 1, 2)), CoventryJudged()));
        Assert.Contains("Unknown standard '3.5'", ex.Message, StringComparison.Ordinal);

        ex = Assert.Throws<ArgumentException>(() => Calculator.Calculate(CoventryAnswers(), CoventryJudged().Append(new("5.1", Good))));
        Assert.Contains("Unknown standard '5.1'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Judging_a_case_based_standard_answering_a_judged_one_duplicates_and_missing_ratings_are_errors()
    {
        Assert.Throws<ArgumentException>(() => Calculator.Calculate(CoventryAnswers(), CoventryJudged().Append(new("2.1", Good))));
        Assert.Throws<ArgumentException>(() => Calculator.Calculate(CoventryAnswers().Append(new("1.1", Desistance, 1, 2)), CoventryJudged()));
        Assert.Throws<ArgumentException>(() => Calculator.Calculate(CoventryAnswers().Append(new("2.1", Desistance, 1, 2)), CoventryJudged()));
        Assert.Throws<ArgumentException>(() => Calculator.Calculate(CoventryAnswers(), CoventryJudged().Where(j => j.StandardId != "1.4")));
        Assert.Throws<ArgumentException>(() => Calculator.Calculate(CoventryAnswers().Select(a => a with { Total = 0, Sufficient = 0 }), CoventryJudged()));
        Assert.Throws<ArgumentException>(() => Calculator.Calculate(CoventryAnswers().Select(a => a with { Sufficient = -1 }), CoventryJudged()));
    }

    [Fact]
    public void The_framework_round_trips_through_json_by_value()
    {
        var framework = InspectionFramework.HmipYouthJustice;

        var json = framework.ToJson();
        var back = InspectionFramework.FromJson(json);

        Assert.Equal(framework, back);
        Assert.Equal(json, back.ToJson());
        Assert.Contains("\"Rating\": \"Outstanding\"", json, StringComparison.Ordinal);
        Assert.Contains("\"CountsTowardOverall\": false", json, StringComparison.Ordinal);
        Assert.Contains("recalled from HMIP", back.BandsProvenance, StringComparison.Ordinal);
        Assert.Equal(13, back.Standards.Count());
        Assert.Equal(7, back.Standards.Count(s => s.Kind == StandardKind.CaseBased));
    }

    [Fact]
    public void A_framework_with_changed_bands_is_a_different_value_and_rates_differently()
    {
        var strict = InspectionFramework.HmipYouthJustice with
        {
            Version = 2,
            PercentBands = [new(Outstanding, 90m), new(Good, 65m), new(RequiresImprovement, 50m), new(Inadequate, 0m)],
        };
        var back = InspectionFramework.FromJson(strict.ToJson());

        Assert.NotEqual(InspectionFramework.HmipYouthJustice, back);
        Assert.Equal(Good, new InspectionCalculator(back).Calculate(CoventryAnswers(), CoventryJudged())["2.1"].Rating);
    }

    [Fact]
    public void Inconsistent_or_malformed_framework_json_is_rejected()
    {
        var json = InspectionFramework.HmipYouthJustice.ToJson().Replace("\"Lens\": \"SafetyOfOthers\"", "\"Lens\": \"Desistance\"", StringComparison.Ordinal);

        Assert.Throws<InvalidOperationException>(() => InspectionFramework.FromJson(json));
        Assert.Throws<JsonException>(() => InspectionFramework.FromJson("{\"Version\": 1}"));
    }
}
