using YouthJustice.Sdk.Inspection;
using static YouthJustice.Sdk.Inspection.InspectionRating;
using static YouthJustice.Sdk.Inspection.KeyQuestionLens;

namespace YouthJustice.Sdk.Tests.Inspection;

public class CaseSampleCsvTests
{
    /// <summary>Coventry, February 2023 (HM Inspectorate of Probation, An inspection of youth offending services in Coventry,
    /// 2023, "Ratings" and the key-question tables of domains two and three), written in the case-sample format.</summary>
    private const string Coventry = """
        standard,key_question,sufficient,cases,rating
        1.1,,,,outstanding
        1.2,,,,outstanding
        1.3,,,,good
        1.4,,,,outstanding
        2.1,desistance,15,16,
        2.1,safety-and-wellbeing,14,16,
        2.1,safety-of-others,14,16,
        2.2,desistance,15,16,
        2.2,safety-and-wellbeing,13,16,
        2.2,safety-of-others,11,16,
        2.3,desistance,13,16,
        2.3,safety-and-wellbeing,13,16,
        2.3,safety-of-others,11,16,
        2.4,desistance,13,16,
        2.4,safety-and-wellbeing,14,16,
        2.4,safety-of-others,11,16,
        3.1,desistance,16,16,
        3.1,safety-and-wellbeing,14,16,
        3.1,safety-of-others,15,16,
        3.2,desistance,16,16,
        3.2,safety-and-wellbeing,16,16,
        3.2,safety-of-others,16,16,
        3.3,desistance,16,16,
        3.3,safety-and-wellbeing,16,16,
        3.3,safety-of-others,15,16,
        3.4,,,,outstanding
        4.1,,,,good

        """;

    private static CaseSampleReadResult Read(string csv) => CaseSampleCsv.Read(new StringReader(csv), "sample.csv");

    /// <summary>The Coventry text with one line (1-based, the header is line 1) replaced.</summary>
    private static string WithLine(int line, string replacement)
    {
        var lines = Coventry.Split('\n');
        lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }

    [Fact]
    public void Coventry_2023_read_from_the_file_format_rates_32_out_of_36_outstanding_as_published()
    {
        var read = Read(Coventry);

        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        Assert.Equal((27, 27, 0), (read.Read, read.Accepted, read.Rejected));
        var result = read.Rate(new InspectionCalculator());
        Assert.Equal((32, 36, Outstanding), (result.Score, result.MaxScore, result.Overall));
        var published = new Dictionary<string, InspectionRating>
        {
            ["1.1"] = Outstanding, ["1.2"] = Outstanding, ["1.3"] = Good, ["1.4"] = Outstanding,
            ["2.1"] = Outstanding, ["2.2"] = Good, ["2.3"] = Good, ["2.4"] = Good,
            ["3.1"] = Outstanding, ["3.2"] = Outstanding, ["3.3"] = Outstanding, ["3.4"] = Outstanding,
            ["4.1"] = Good,
        };
        Assert.Equal(published, result.Standards.ToDictionary(s => s.Standard.Id, s => s.Rating));
        Assert.Equal(["94", "81", "69"], result["2.2"].KeyQuestions.Select(k => k.FormatPercent()));
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_names_are_case_insensitive_with_spaces_allowed_in_ratings()
    {
        var csv = "rating,cases,sufficient,key_question,standard\n" + string.Join('\n', Coventry.Split('\n').Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split(','))
            .Select(c => $"{(c[4] == "good" ? "Good" : c[4] == "outstanding" ? "OUTSTANDING" : c[4])},{c[3]},{c[2]},{(c[1] == "desistance" ? "Desistance" : c[1])},{c[0]}"));

        var read = Read(csv);

        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        Assert.Equal(32, read.Rate(new InspectionCalculator()).Score);
        Assert.Equal(RequiresImprovement, Read(WithLine(4, "1.3,,,,Requires improvement")).Judged.Single(j => j.StandardId == "1.3").Rating);
    }

    [Fact]
    public void A_lower_count_changes_the_rating_by_the_lowest_key_question()
    {
        // 2.2's safety-of-others at 7 of 16 is 43.75%: Inadequate, 0 points instead of Good's 2, so 30/36 (still Outstanding, 26-36).
        var result = Read(WithLine(11, "2.2,safety-of-others,7,16,")).Rate(new InspectionCalculator());

        Assert.Equal(Inadequate, result["2.2"].Rating);
        Assert.Equal((30, Outstanding), (result.Score, result.Overall));
    }

    [Theory]
    [InlineData(6, "9.9,desistance,15,16,", "standard", "no standard '9.9'")]
    [InlineData(6, "2.1,wellbeing,15,16,", "key_question", "not a key question")]
    [InlineData(6, "2.1,,15,16,", "key_question", "key_question is required")]
    [InlineData(6, "2.1,desistance,17,16,", "sufficient", "more cases judged sufficient than cases (16)")]
    [InlineData(6, "2.1,desistance,-1,16,", "sufficient", "0 or more")]
    [InlineData(6, "2.1,desistance,fifteen,16,", "sufficient", "whole number")]
    [InlineData(6, "2.1,desistance,0,0,", "cases", "greater than 0")]
    [InlineData(6, "2.1,desistance,15,16,good", "rating", "rated from its key questions")]
    [InlineData(2, "1.1,,,,excellent", "rating", "not a rating")]
    [InlineData(2, "1.1,,,,", "rating", "its rating is required")]
    [InlineData(2, "1.1,desistance,,,outstanding", "key_question", "is judged, not rated from cases")]
    [InlineData(2, "1.1,,3,4,outstanding", "sufficient", "is judged, not rated from cases")]
    public void A_bad_row_is_rejected_with_its_file_line_field_and_reason_and_the_other_rows_are_accepted(int line, string row, string field, string reason)
    {
        var read = Read(WithLine(line, row));

        var error = Assert.Single(read.Errors);
        Assert.Equal(("sample.csv", line, field), (error.File, error.Line, error.Field));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal((27, 26, 1), (read.Read, read.Accepted, read.Rejected));
        Assert.False(read.Succeeded);
        Assert.Throws<InvalidOperationException>(() => read.Rate(new InspectionCalculator()));
    }

    [Fact]
    public void A_key_question_answered_twice_is_rejected_naming_the_first_line()
    {
        var read = Read(Coventry + "2.1,desistance,1,16,\n");

        var error = Assert.Single(read.Errors);
        Assert.Equal((29, "key_question"), (error.Line, error.Field));
        Assert.Contains("answered twice (first on line 6)", error.Reason, StringComparison.Ordinal);
        Assert.Equal((28, 27, 1), (read.Read, read.Accepted, read.Rejected));
        Assert.Contains(Read(Coventry + "1.2,,,,good\n").Errors, e => e.Reason.Contains("rated twice (first on line 3)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_key_question_or_judged_rating_is_a_file_level_error_quoting_the_question()
    {
        var lines = Coventry.Split('\n').ToList();
        lines.RemoveAt(13); // line 14: 2.3 safety-of-others
        lines.RemoveAt(1); // 1.1

        var read = Read(string.Join('\n', lines));

        Assert.Equal((25, 25, 0), (read.Read, read.Accepted, read.Rejected));
        Assert.Equal(2, read.Errors.Length);
        Assert.All(read.Errors, e => Assert.Null(e.Line));
        Assert.Contains(read.Errors, e => e.Reason.Contains("1.1 (Governance and leadership) is judged but has no row", StringComparison.Ordinal));
        Assert.Contains(read.Errors, e => e.Field == "key_question" && e.Value == "safety-of-others"
            && e.Reason.Contains("\"Does the implementation and delivery of services effectively support the safety of other people?\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("standard,key_question,sufficient,cases\n1.1,,,\n", "rating")]
    [InlineData("standard,question,sufficient,cases,rating\n", "key_question")]
    public void A_header_without_a_column_is_an_error_on_line_1_and_no_row_is_read(string csv, string missing)
    {
        var read = Read(csv);

        var error = Assert.Single(read.Errors);
        Assert.Equal((1, missing), (error.Line, error.Field));
        Assert.Contains("standard,key_question,sufficient,cases,rating", error.Reason, StringComparison.Ordinal);
        Assert.Equal(0, read.Read);
    }

    [Fact]
    public void An_empty_file_is_an_error_saying_so()
    {
        var error = Assert.Single(Read("").Errors);

        Assert.Contains("the file is empty", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_keep_the_lens_and_counts_of_each_row()
    {
        var read = Read(Coventry);

        Assert.Contains(new KeyQuestionAnswer("2.2", SafetyOfOthers, 11, 16), read.Answers);
        Assert.Contains(new JudgedRating("4.1", Good), read.Judged);
        Assert.Equal(21, read.Answers.Length);
        Assert.Equal(6, read.Judged.Length);
    }
}
