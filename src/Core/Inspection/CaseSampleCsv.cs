using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Internal;

namespace YouthJustice.Sdk.Inspection;

/// <summary>What reading a case-sample file gave: the key-question answers and judged ratings it accepted, every row it
/// rejected with the reason, and the file-level errors (a missing column, a standard with no row).</summary>
/// <remarks>Immutable. <see cref="Read"/> = <see cref="Accepted"/> + <see cref="Rejected"/>, always; the inspection can be
/// rated (<see cref="Rate"/>) only when there are no errors.</remarks>
public sealed record CaseSampleReadResult
{
    /// <summary>The file name messages give.</summary>
    public required string Source { get; init; }

    /// <summary>Data rows read (the header and blank lines are not rows).</summary>
    public required int Read { get; init; }

    /// <summary>Rows accepted.</summary>
    public required int Accepted { get; init; }

    /// <summary>Rows rejected (each has at least one error in <see cref="Errors"/>).</summary>
    public int Rejected => Read - Accepted;

    /// <summary>One answer per accepted key-question row, in file order.</summary>
    public required ImmutableArray<KeyQuestionAnswer> Answers { get; init; }

    /// <summary>One rating per accepted judged-standard row, in file order.</summary>
    public required ImmutableArray<JudgedRating> Judged { get; init; }

    /// <summary>Every error: file, line (none for a file-level error), field, value and reason.</summary>
    public required ImmutableArray<ImportError> Errors { get; init; }

    /// <summary>Whether the file was read without error (every row accepted, every standard answered).</summary>
    public bool Succeeded => Errors.IsEmpty;

    /// <summary>Rates the inspection from the accepted rows.</summary>
    /// <param name="calculator">The calculator (the framework the file was read against).</param>
    /// <exception cref="InvalidOperationException">The file has errors (see <see cref="Errors"/>).</exception>
    public InspectionResult Rate(InspectionCalculator calculator)
    {
        Preconditions.CheckNotNull(calculator, nameof(calculator));
        if (!Succeeded)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{Source} has {Errors.Length} error(s), e.g. {Errors[0].Location}: {Errors[0].Reason}."));
        }
        return calculator.Calculate(Answers, Judged);
    }
}

/// <summary>
/// Reads a case-sample file: the evidence an inspection is rated from, one row per key question of every case-based
/// standard (how many of the sampled cases were judged sufficient, of how many) and one row per judged standard (the
/// inspectors' rating). The format is in <c>docs/methodology-inspection.md</c>, "The case-sample file".
/// </summary>
/// <remarks>
/// <para>Columns (a header line, in any order): <c>standard,key_question,sufficient,cases,rating</c>. A case-based row fills
/// <c>key_question</c> (<c>desistance</c>, <c>safety-and-wellbeing</c> or <c>safety-of-others</c>), <c>sufficient</c> and
/// <c>cases</c> and leaves <c>rating</c> empty; a judged row fills <c>rating</c> (<c>outstanding</c>, <c>good</c>,
/// <c>requires-improvement</c> or <c>inadequate</c>) and leaves the others empty.</para>
/// <para>Every bad row is rejected with an error naming the file, line, field and reason, and the good rows are kept, so
/// read = accepted + rejected. After the rows, every key question and judged standard of the framework without a row is
/// a file-level error. Thread-safe (static, no shared state).</para>
/// </remarks>
public static class CaseSampleCsv
{
    /// <summary>The columns, in the order the shipped files use.</summary>
    public static ImmutableArray<string> Columns { get; } = ["standard", "key_question", "sufficient", "cases", "rating"];

    private static readonly (string Name, KeyQuestionLens Lens)[] LensNames =
    [
        ("desistance", KeyQuestionLens.Desistance),
        ("safety-and-wellbeing", KeyQuestionLens.SafetyAndWellbeing),
        ("safety-of-others", KeyQuestionLens.SafetyOfOthers),
    ];

    private static readonly (string Name, InspectionRating Rating)[] RatingNames =
    [
        ("outstanding", InspectionRating.Outstanding),
        ("good", InspectionRating.Good),
        ("requires-improvement", InspectionRating.RequiresImprovement),
        ("inadequate", InspectionRating.Inadequate),
    ];

    /// <summary>The file's name for a lens, e.g. <c>safety-of-others</c>.</summary>
    public static string NameOf(KeyQuestionLens lens) => LensNames.First(l => l.Lens == lens).Name;

    /// <summary>The file's name for a rating, e.g. <c>requires-improvement</c>.</summary>
    public static string NameOf(InspectionRating rating) => RatingNames.First(r => r.Rating == rating).Name;

    /// <summary>Reads the case-sample file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="framework">The framework whose standards the rows name; <see cref="InspectionFramework.HmipYouthJustice"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static CaseSampleReadResult ReadFile(string path, InspectionFramework? framework = null)
    {
        Preconditions.CheckNotNull(path, nameof(path));
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path), framework);
    }

    /// <summary>Reads case-sample CSV text.</summary>
    /// <param name="reader">The CSV text (left open).</param>
    /// <param name="source">The file name messages give.</param>
    /// <param name="framework">The framework whose standards the rows name; <see cref="InspectionFramework.HmipYouthJustice"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="source"/> is null.</exception>
    public static CaseSampleReadResult Read(TextReader reader, string source, InspectionFramework? framework = null)
    {
        Preconditions.CheckNotNull(reader, nameof(reader));
        Preconditions.CheckNotNull(source, nameof(source));
        framework ??= InspectionFramework.HmipYouthJustice;
        var standards = framework.Standards.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var errors = ImmutableArray.CreateBuilder<ImportError>();
        var answers = ImmutableArray.CreateBuilder<KeyQuestionAnswer>();
        var judged = ImmutableArray.CreateBuilder<JudgedRating>();
        var seenAnswers = new Dictionary<(string, KeyQuestionLens), int>();
        var seenJudged = new Dictionary<string, int>(StringComparer.Ordinal);
        var malformed = new Dictionary<long, CsvMalformedReason>();

        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            FormatProvider = CultureInfo.InvariantCulture,
            OnMalformedRecord = m => malformed[m.LineNumber] = m.Reason,
        };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        var headers = csv.Headers.Select(h => h.Trim()).ToArray();
        var index = Columns.Select(c => Array.IndexOf(headers, c)).ToArray();
        var missing = Columns.Where((_, i) => index[i] < 0).ToList();
        if (headers.Length == 0 || missing.Count > 0)
        {
            errors.Add(new ImportError(source, 1, null, missing.Count > 0 ? missing[0] : null, null, headers.Length == 0
                ? $"the file is empty: expected a header line with the columns {string.Join(",", Columns)}"
                : $"the header has no column {string.Join(", ", missing)}: expected the columns {string.Join(",", Columns)}"));
            return new CaseSampleReadResult { Source = source, Read = 0, Accepted = 0, Answers = [], Judged = [], Errors = errors.ToImmutable() };
        }

        var read = 0;
        var accepted = 0;
        while (csv.Read())
        {
            read++;
            var line = checked((int)csv.LineNumber);
            string Cell(int column) => index[column] < csv.FieldCount ? (csv.GetString(index[column]) ?? "").Trim() : "";
            var rowErrors = new List<ImportError>();
            void Reject(string field, string value, string reason) =>
                rowErrors.Add(new ImportError(source, line, null, field, value.Length == 0 ? null : value, reason));

            if (malformed.Remove(csv.LineNumber, out var why))
            {
                Reject("", "", $"the line is not well-formed CSV ({why})");
            }
            var id = Cell(0);
            var lensText = Cell(1);
            var sufficientText = Cell(2);
            var casesText = Cell(3);
            var ratingText = Cell(4);
            var standard = standards.GetValueOrDefault(id);
            if (rowErrors.Count == 0 && standard is null)
            {
                Reject("standard", id, id.Length == 0
                    ? $"the standard is required: one of {string.Join(", ", standards.Keys)}"
                    : $"no standard '{id}' in framework {framework.Id} version {framework.Version.ToString(CultureInfo.InvariantCulture)}: use one of {string.Join(", ", standards.Keys)}");
            }
            else if (rowErrors.Count == 0 && standard!.Kind == StandardKind.Judged)
            {
                if (lensText.Length > 0 || sufficientText.Length > 0 || casesText.Length > 0)
                {
                    var field = lensText.Length > 0 ? "key_question" : sufficientText.Length > 0 ? "sufficient" : "cases";
                    Reject(field, lensText.Length > 0 ? lensText : sufficientText.Length > 0 ? sufficientText : casesText,
                        $"standard {id} ({standard.Name}) is judged, not rated from cases: leave key_question, sufficient and cases empty and give its rating");
                }
                else if (ParseRating(ratingText) is not { } rating)
                {
                    Reject("rating", ratingText, ratingText.Length == 0
                        ? $"standard {id} ({standard.Name}) is judged: its rating is required ({string.Join(", ", RatingNames.Select(r => r.Name))})"
                        : $"not a rating: use one of {string.Join(", ", RatingNames.Select(r => r.Name))}");
                }
                else if (seenJudged.TryGetValue(id, out var first))
                {
                    Reject("standard", id, $"standard {id} is rated twice (first on line {first.ToString(CultureInfo.InvariantCulture)})");
                }
                else
                {
                    seenJudged[id] = line;
                    judged.Add(new JudgedRating(id, rating));
                }
            }
            else if (rowErrors.Count == 0)
            {
                var s = standard!;
                if (ratingText.Length > 0)
                {
                    Reject("rating", ratingText, $"standard {id} ({s.Name}) is rated from its key questions: leave rating empty and give sufficient and cases");
                }
                var lens = ParseLens(lensText);
                if (lens is null)
                {
                    Reject("key_question", lensText, lensText.Length == 0
                        ? $"standard {id} ({s.Name}) is rated from cases: key_question is required ({string.Join(", ", LensNames.Select(l => l.Name))})"
                        : $"not a key question: use one of {string.Join(", ", LensNames.Select(l => l.Name))}");
                }
                var cases = WholeNumber(casesText);
                if (cases is null or <= 0)
                {
                    Reject("cases", casesText, "the number of cases the key question applied to must be a whole number greater than 0");
                }
                var sufficient = WholeNumber(sufficientText);
                if (sufficient is null or < 0)
                {
                    Reject("sufficient", sufficientText, "the number of cases judged sufficient must be a whole number, 0 or more");
                }
                else if (cases is > 0 && sufficient > cases)
                {
                    Reject("sufficient", sufficientText, string.Create(CultureInfo.InvariantCulture, $"more cases judged sufficient than cases ({cases})"));
                }
                if (rowErrors.Count == 0 && seenAnswers.TryGetValue((id, lens!.Value), out var first))
                {
                    Reject("key_question", lensText, string.Create(CultureInfo.InvariantCulture, $"standard {id}'s {NameOf(lens.Value)} key question is answered twice (first on line {first})"));
                }
                if (rowErrors.Count == 0)
                {
                    seenAnswers[(id, lens!.Value)] = line;
                    answers.Add(new KeyQuestionAnswer(id, lens.Value, sufficient!.Value, cases!.Value));
                }
            }
            if (rowErrors.Count == 0)
            {
                accepted++;
            }
            errors.AddRange(rowErrors);
        }

        // Only a file whose rows were all good is checked for completeness: a rejected row would be reported twice.
        if (errors.Count == 0)
        {
            foreach (var s in framework.Standards)
            {
                if (s.Kind == StandardKind.Judged && !seenJudged.ContainsKey(s.Id))
                {
                    errors.Add(new ImportError(source, null, null, "standard", s.Id, $"standard {s.Id} ({s.Name}) is judged but has no row giving its rating"));
                }
                foreach (var q in s.KeyQuestions.Where(q => !seenAnswers.ContainsKey((s.Id, q.Lens))))
                {
                    errors.Add(new ImportError(source, null, null, "key_question", NameOf(q.Lens),
                        $"standard {s.Id} ({s.Name}) has no row for its {NameOf(q.Lens)} key question: \"{q.Text}\""));
                }
            }
        }
        return new CaseSampleReadResult
        {
            Source = source,
            Read = read,
            Accepted = accepted,
            Answers = answers.ToImmutable(),
            Judged = judged.ToImmutable(),
            Errors = errors.ToImmutable(),
        };
    }

    private static KeyQuestionLens? ParseLens(string text)
    {
        foreach (var (name, lens) in LensNames)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase) || string.Equals(lens.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return lens;
            }
        }
        return null;
    }

    private static InspectionRating? ParseRating(string text)
    {
        var normalised = text.Replace(' ', '-');
        foreach (var (name, rating) in RatingNames)
        {
            if (string.Equals(name, normalised, StringComparison.OrdinalIgnoreCase) || string.Equals(rating.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return rating;
            }
        }
        return null;
    }

    private static int? WholeNumber(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
}
