using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using NodaTime;
using NodaTime.Text;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Sdk.Plans;

/// <summary>One thing wrong in a plan input file: the file, the line (1 is the header), the field and why.</summary>
/// <param name="File">The file name.</param>
/// <param name="Line">The line number, counting the header as line 1.</param>
/// <param name="Field">The column, or <see langword="null"/> for the whole row or file.</param>
/// <param name="Reason">Why the row is refused.</param>
public sealed record PlanInputError(string File, int Line, string? Field, string Reason)
{
    /// <summary>"file line N, field F: reason".</summary>
    public override string ToString() => Field is null
        ? string.Create(CultureInfo.InvariantCulture, $"{File} line {Line}: {Reason}")
        : string.Create(CultureInfo.InvariantCulture, $"{File} line {Line}, field {Field}: {Reason}");
}

/// <summary>Plan input files were refused: every error of every file, each naming the file, line, field and reason.</summary>
public sealed class PlanInputsException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The errors (at least one).</param>
    public PlanInputsException(IReadOnlyList<PlanInputError> errors)
        : base(Describe(errors))
    {
        Errors = [.. errors];
    }

    /// <summary>Creates the exception with a message and no itemised errors.</summary>
    public PlanInputsException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message and no itemised errors.</summary>
    /// <param name="message">The message.</param>
    public PlanInputsException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PlanInputsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Every error found.</summary>
    public ImmutableArray<PlanInputError> Errors { get; }

    private static string Describe(IReadOnlyList<PlanInputError> errors)
    {
        const int MaxListed = 20;
        if (errors.Count == 0)
        {
            return "The plan input files were refused.";
        }
        var lines = errors.Take(MaxListed).Select(e => e.ToString());
        var more = errors.Count > MaxListed ? string.Create(CultureInfo.InvariantCulture, $"\n... and {errors.Count - MaxListed} more") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"The plan input files were refused ({errors.Count} {(errors.Count == 1 ? "error" : "errors")}; nothing was read):\n") + string.Join("\n", lines) + more;
    }
}

/// <summary>
/// Reads a plan inputs folder (docs/methodology-local.md section 12): <c>council-figures.csv</c>, <c>budget.csv</c>,
/// <c>grant.csv</c>, <c>workforce.csv</c>, <c>national-standards.csv</c> and <c>action-plan.csv</c>, each optional. Reading
/// is strict: an unknown file or column, a missing column, a bad or missing cell, or a duplicated row refuses the whole
/// folder, and the <see cref="PlanInputsException"/> lists every error with its file, line, field and reason (so a
/// refused folder reads nothing: read = accepted + rejected with nothing accepted).
/// </summary>
/// <remarks>Stateless and thread-safe. Money is read as <see cref="decimal"/> in the invariant culture (digits, an optional
/// sign and decimal point, thousands commas allowed inside a quoted cell); dates are ISO (<c>2022-09-30</c>); periods are
/// as <c>yj</c> prints them (<c>2022/23</c>).</remarks>
public static class PlanInputFiles
{
    /// <summary>The council's figures: <c>area_code,period,measure,value,source</c>.</summary>
    public const string CouncilFiguresFile = "council-figures.csv";

    /// <summary>Partner contributions: <c>area_code,financial_year,partner,staffing,in_kind,other_delegated,total,source</c>.</summary>
    public const string BudgetFile = "budget.csv";

    /// <summary>The YJB grant: <c>area_code,financial_year,line,budget,forecast_outturn,source</c>.</summary>
    public const string GrantFile = "grant.csv";

    /// <summary>The workforce: <c>area_code,as_of,role,ethnicity_group,headcount,source</c>.</summary>
    public const string WorkforceFile = "workforce.csv";

    /// <summary>National Standards self-assessment: <c>area_code,assessed_on,standard,level,grading,source</c>.</summary>
    public const string NationalStandardsFile = "national-standards.csv";

    /// <summary>The action plan: <c>id,area_code,action,owner,due,status,rag,completed_on,source</c>.</summary>
    public const string ActionPlanFile = "action-plan.csv";

    /// <summary>Every file a folder may hold, in the order they are read.</summary>
    public static ImmutableArray<string> FileNames { get; } =
        [CouncilFiguresFile, BudgetFile, GrantFile, WorkforceFile, NationalStandardsFile, ActionPlanFile];

    private static readonly ImmutableDictionary<string, (string[] Required, string[] Optional)> Columns =
        new Dictionary<string, (string[], string[])>
        {
            [CouncilFiguresFile] = (["area_code", "period", "measure", "value"], ["source"]),
            [BudgetFile] = (["area_code", "financial_year", "partner", "total"], ["staffing", "in_kind", "other_delegated", "source"]),
            [GrantFile] = (["area_code", "financial_year", "line", "budget", "forecast_outturn"], ["source"]),
            [WorkforceFile] = (["area_code", "as_of", "role", "ethnicity_group", "headcount"], ["source"]),
            [NationalStandardsFile] = (["area_code", "assessed_on", "standard", "level", "grading"], ["source"]),
            [ActionPlanFile] = (["id", "area_code", "action", "owner", "due", "status"], ["rag", "completed_on", "source"]),
        }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Reads every plan input file in <paramref name="directory"/>.</summary>
    /// <param name="directory">The folder.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="PlanInputsException">A file holds an error, or the folder holds a CSV file that is not a plan input.</exception>
    public static PlanInputs ReadDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"No plan inputs folder '{directory}'.");
        }
        var unknown = Directory.EnumerateFiles(directory, "*.csv").Select(Path.GetFileName).OfType<string>()
            .Where(n => !FileNames.Contains(n, StringComparer.Ordinal)).Order(StringComparer.Ordinal)
            .Select(n => new PlanInputError(n, 1, null, $"not a plan input file. The files are: {string.Join(", ", FileNames)}."))
            .ToList();
        return Read(name =>
        {
            var path = Path.Combine(directory, name);
            return File.Exists(path) ? File.OpenText(path) : null;
        }, unknown);
    }

    /// <summary>Reads the plan input files <paramref name="open"/> gives (by file name; <see langword="null"/> for a file
    /// that is absent), e.g. from embedded resources.</summary>
    /// <param name="open">Opens a file by name, or returns <see langword="null"/> when there is none. Each reader is disposed after reading.</param>
    /// <exception cref="PlanInputsException">A file holds an error.</exception>
    public static PlanInputs Read(Func<string, TextReader?> open) => Read(open, []);

    private static PlanInputs Read(Func<string, TextReader?> open, List<PlanInputError> errors)
    {
        ArgumentNullException.ThrowIfNull(open);
        List<T> ReadFile<T>(string name, Func<Row, T?> parse, Func<T, string> key, Func<T, string> keyFields)
            where T : class
        {
            using var reader = open(name);
            return reader is null ? [] : ReadRows(reader, name, parse, key, keyFields, errors);
        }

        var council = ReadFile(CouncilFiguresFile, ParseCouncilFigure,
            f => $"{f.AreaCode}|{f.Period}|{f.Measure}", _ => "area_code, period and measure");
        var budget = ReadFile(BudgetFile, ParseBudget,
            b => $"{b.AreaCode}|{b.FinancialYear}|{b.Partner.ToUpperInvariant()}", _ => "area_code, financial_year and partner");
        var grant = ReadFile(GrantFile, ParseGrant,
            g => $"{g.AreaCode}|{g.FinancialYear}|{g.Line.ToUpperInvariant()}", _ => "area_code, financial_year and line");
        var workforce = ReadFile(WorkforceFile, ParseWorkforce,
            w => $"{w.AreaCode}|{w.AsOf}|{w.Role.ToUpperInvariant()}|{w.EthnicityGroup}", _ => "area_code, as_of, role and ethnicity_group");
        var standards = ReadFile(NationalStandardsFile, ParseStandard,
            s => $"{s.AreaCode}|{s.AssessedOn}|{s.Standard}|{s.Level}", _ => "area_code, assessed_on, standard and level");
        var actions = ReadFile(ActionPlanFile, ParseAction, a => a.Id, _ => "id");
        if (errors.Count > 0)
        {
            throw new PlanInputsException(errors);
        }
        return new PlanInputs
        {
            CouncilFigures = [.. council],
            Budget = [.. budget],
            Grant = [.. grant],
            Workforce = [.. workforce],
            NationalStandards = [.. standards],
            Actions = [.. actions],
        };
    }

    /// <summary>A row being read: its cells by column, and the errors found in it.</summary>
    private sealed class Row(string file, int line, Func<string, string> cell, List<PlanInputError> errors)
    {
        public int Line => line;

        public bool Failed { get; private set; }

        public string Text(string column) => cell(column);

        public void Fail(string? field, string reason)
        {
            Failed = true;
            errors.Add(new PlanInputError(file, line, field, reason));
        }

        public string Required(string column)
        {
            var text = cell(column);
            if (text.Length == 0)
            {
                Fail(column, "a value is required.");
            }
            return text;
        }

        public string? Optional(string column) => cell(column) is { Length: > 0 } s ? s : null;

        public decimal Money(string column) => OptionalMoney(column, required: true) ?? 0m;

        public decimal? OptionalMoney(string column, bool required = false)
        {
            var text = required ? Required(column) : cell(column);
            if (text.Length == 0)
            {
                return null;
            }
            if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands,
                    CultureInfo.InvariantCulture, out var value))
            {
                Fail(column, $"'{text}' is not an amount (write digits, e.g. 1626560 or 1626560.00).");
                return null;
            }
            return value;
        }

        public int Whole(string column, int min, int max)
        {
            var text = Required(column);
            if (text.Length == 0)
            {
                return 0;
            }
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                Fail(column, string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a whole number from {min} to {max}."));
                return 0;
            }
            return value;
        }

        public LocalDate Date(string column) => OptionalDate(column, required: true) ?? default;

        public LocalDate? OptionalDate(string column, bool required = false)
        {
            var text = required ? Required(column) : cell(column);
            if (text.Length == 0)
            {
                return null;
            }
            var parsed = LocalDatePattern.Iso.Parse(text);
            if (!parsed.Success)
            {
                Fail(column, $"'{text}' is not a date (write yyyy-MM-dd, e.g. 2022-09-30).");
                return null;
            }
            return parsed.Value;
        }

        public ReportingPeriod? Period(string column, bool financialYear)
        {
            var text = Required(column);
            if (text.Length == 0)
            {
                return null;
            }
            if (!ReportingPeriod.TryParse(text, out var period))
            {
                Fail(column, $"'{text}' is not a reporting period (e.g. 2022/23).");
                return null;
            }
            if (financialYear && period.Kind != PeriodKind.FinancialYear)
            {
                Fail(column, $"'{text}' is not a financial year (write e.g. 2022/23).");
                return null;
            }
            return period;
        }

        public TEnum Code<TEnum>(string column)
            where TEnum : struct, Enum => OptionalCode<TEnum>(column, required: true) ?? default;

        public TEnum? OptionalCode<TEnum>(string column, bool required = false)
            where TEnum : struct, Enum
        {
            var text = required ? Required(column) : cell(column);
            if (text.Length == 0)
            {
                return null;
            }
            if (!DatasetCodes.TryParse<TEnum>(text, out var value))
            {
                Fail(column, $"'{text}' is not one of {string.Join(", ", DatasetCodes.All<TEnum>())}.");
                return null;
            }
            return value;
        }
    }

    private static List<T> ReadRows<T>(TextReader reader, string name, Func<Row, T?> parse, Func<T, string> key, Func<T, string> keyFields,
        List<PlanInputError> errors)
        where T : class
    {
        var (required, optional) = Columns[name];
        var options = CsvReaderOptions.Default with { Separator = ',', HasHeader = true, TrackLineNumbers = true, FormatProvider = CultureInfo.InvariantCulture };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        var headers = csv.Headers.Select(h => h.Trim()).ToArray();
        var missing = required.Where(c => Array.IndexOf(headers, c) < 0).ToList();
        var extra = headers.Where(h => !required.Contains(h) && !optional.Contains(h)).ToList();
        var repeated = headers.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count > 0 || extra.Count > 0 || repeated.Count > 0)
        {
            var problems = new List<string>();
            if (missing.Count > 0)
            {
                problems.Add($"missing {string.Join(", ", missing)}");
            }
            if (extra.Count > 0)
            {
                problems.Add($"unknown {string.Join(", ", extra)}");
            }
            if (repeated.Count > 0)
            {
                problems.Add($"repeated {string.Join(", ", repeated)}");
            }
            errors.Add(new PlanInputError(name, 1, null,
                $"the header must have the columns {string.Join(",", required)} (optional: {string.Join(",", optional)}); {string.Join("; ", problems)}."));
            return [];
        }
        var rows = new List<T>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            string Cell(string column)
            {
                var i = Array.IndexOf(headers, column);
                return i >= 0 && i < csv.FieldCount ? (csv.GetString(i) ?? "").Trim() : "";
            }
            if (csv.FieldCount > headers.Length)
            {
                errors.Add(new PlanInputError(name, line, null,
                    string.Create(CultureInfo.InvariantCulture, $"{csv.FieldCount} cells, but the header has {headers.Length} columns.")));
                continue;
            }
            var row = new Row(name, line, Cell, errors);
            var item = parse(row);
            if (row.Failed || item is null)
            {
                continue;
            }
            var k = key(item);
            if (seen.TryGetValue(k, out var first))
            {
                errors.Add(new PlanInputError(name, line, null,
                    string.Create(CultureInfo.InvariantCulture, $"a second row for the same {keyFields(item)} as line {first}.")));
                continue;
            }
            seen[k] = line;
            rows.Add(item);
        }
        return rows;
    }

    private static string Measure(Row row)
    {
        var text = row.Required("measure");
        if (text.Length > 0 && !text.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
        {
            row.Fail("measure", $"'{text}' is not a measure code (upper case letters, digits and _, e.g. {PlanInputs.LookedAfterChildrenMeasure}).");
        }
        return text;
    }

    private static CouncilFigure? ParseCouncilFigure(Row row)
    {
        var area = row.Required("area_code");
        var period = row.Period("period", financialYear: false);
        var measure = Measure(row);
        var value = row.Money("value");
        if (value < 0m)
        {
            row.Fail("value", "a council figure cannot be negative.");
        }
        return period is null ? null : new CouncilFigure(area, period, measure, value, row.Optional("source"));
    }

    private static BudgetContribution? ParseBudget(Row row)
    {
        var area = row.Required("area_code");
        var year = row.Period("financial_year", financialYear: true);
        var partner = row.Required("partner");
        var staffing = row.OptionalMoney("staffing");
        var inKind = row.OptionalMoney("in_kind");
        var other = row.OptionalMoney("other_delegated");
        var total = row.Money("total");
        if (!row.Failed && (staffing is not null || inKind is not null || other is not null))
        {
            var sum = (staffing ?? 0m) + (inKind ?? 0m) + (other ?? 0m);
            if (sum != total)
            {
                row.Fail("total", string.Create(CultureInfo.InvariantCulture,
                    $"{total} is not staffing + in_kind + other_delegated ({sum}); leave the parts empty when only the total is known."));
            }
        }
        return year is null ? null : new BudgetContribution(area, year, partner, staffing, inKind, other, total, row.Optional("source"));
    }

    private static GrantLine? ParseGrant(Row row)
    {
        var area = row.Required("area_code");
        var year = row.Period("financial_year", financialYear: true);
        var line = row.Required("line");
        var budget = row.Money("budget");
        var outturn = row.Money("forecast_outturn");
        return year is null ? null : new GrantLine(area, year, line, budget, outturn, row.Optional("source"));
    }

    private static WorkforceHeadcount? ParseWorkforce(Row row)
    {
        var area = row.Required("area_code");
        var asOf = row.Date("as_of");
        var role = row.Required("role");
        var group = row.Code<EthnicityGroup>("ethnicity_group");
        var headcount = row.Whole("headcount", 0, 100_000);
        return new WorkforceHeadcount(area, asOf, role, group, headcount, row.Optional("source"));
    }

    private static NationalStandardAssessment? ParseStandard(Row row)
    {
        var area = row.Required("area_code");
        var assessed = row.Date("assessed_on");
        var standard = row.Whole("standard", 1, 5);
        var level = row.Code<NationalStandardLevel>("level");
        var grading = row.Code<NationalStandardGrading>("grading");
        return new NationalStandardAssessment(area, assessed, standard, level, grading, row.Optional("source"));
    }

    private static PlanAction? ParseAction(Row row)
    {
        var id = row.Required("id");
        var area = row.Required("area_code");
        var action = row.Required("action");
        var owner = row.Required("owner");
        var due = row.Date("due");
        var status = row.Code<PlanActionStatus>("status");
        var rag = row.OptionalCode<RagRating>("rag");
        var completed = row.OptionalDate("completed_on");
        if (!row.Failed && completed is not null && status != PlanActionStatus.Complete)
        {
            row.Fail("completed_on", $"a completion date is given but the status is {DatasetCodes.Of(status)}: only a COMPLETE action has one.");
        }
        return new PlanAction(id, area, action, owner, due, status, rag, completed, row.Optional("source"));
    }
}
