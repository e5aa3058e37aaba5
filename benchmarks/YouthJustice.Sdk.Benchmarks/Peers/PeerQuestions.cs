using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using DuckDB.NET.Data;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Sdk.Benchmarks.Peers;

/// <summary>
/// The questions every peer answers on the same data and the same rules (docs/methodology.md): per area and financial
/// year, first time entrants, custodial sentences, remand episodes and remanded children, the MoJ proven reoffending
/// cohort (3-month cohorts pooled over the year) with its reoffenders and reoffences, and the live tracker's cohort with
/// its reoffenders and reoffences. An answer is a map from (question, area, period) to a count.
/// </summary>
internal static class PeerQuestions
{
    /// <summary>The periods asked: the last two complete financial years of the synthetic datasets (as-of 2023-03-31).</summary>
    public static readonly ReportingPeriod[] Periods = [ReportingPeriod.FinancialYear(2021), ReportingPeriod.FinancialYear(2022)];

    /// <summary>The SDK indicators asked and which of their counts a peer reproduces.</summary>
    private static readonly (string Indicator, string Numerator, string? Denominator)[] SdkQuestions =
    [
        (NationalIndicatorIds.FteCount, "fte", null),
        (NationalIndicatorIds.CustodyCount, "custody", null),
        (NationalIndicatorIds.RemandEpisodes, "remand-episodes", null),
        (NationalIndicatorIds.RemandChildren, "remand-children", null),
        (NationalIndicatorIds.ReoffendingBinary, "moj-reoffenders", "moj-cohort"),
        (NationalIndicatorIds.ReoffendingFrequency, "moj-reoffences", null),
        (NationalIndicatorIds.TrackerBinary, "tracker-reoffenders", "tracker-cohort"),
        (NationalIndicatorIds.TrackerFrequency, "tracker-reoffences", null),
    ];

    private static readonly IReadOnlyList<IIndicator> Indicators =
        [.. SdkQuestions.Select(q => NationalIndicators.Create(NationalIndicators.Get(q.Indicator)))];

    /// <summary>The ids of the SDK indicators the questions ask.</summary>
    public static IEnumerable<string> IndicatorIds => SdkQuestions.Select(q => q.Indicator);

    /// <summary>The tables the SDK's indicators for the questions read, as the composed SDK says
    /// (<see cref="Hosting.YouthJusticeRegistryExtensions.TablesRead"/>): the four files DuckDB loads.</summary>
    public static readonly IReadOnlyList<DatasetEntity> TablesOfQuestions = Hosting.YouthJusticeRegistryExtensions.TablesRead(
        new ServiceCollection().AddYouthJustice(_ => { }).BuildServiceProvider().GetRequiredService<Hosting.IYouthJusticeRegistry>(),
        IndicatorIds);

    /// <summary>The four CSV files the questions read (what DuckDB loads for them).</summary>
    public static readonly string[] TablesRead = ["areas", "children", "offences", "outcomes"];

    /// <summary>Every CSV file of the dataset format, as DuckDB tables (hyphens become underscores).</summary>
    public static readonly string[] AllTables =
    [
        "areas", "children", "offences", "outcomes", "episodes", "pathway-events", "links", "assessments",
        "status-observations", "victim-contacts", "board-attendance", "populations", "reference-populations", "case-events", "feedback",
    ];

    /// <summary>The SDK's answers on a loaded dataset.</summary>
    public static Dictionary<string, long> Sdk(Dataset dataset)
    {
        var context = IndicatorContext.For(dataset);
        var query = new IndicatorQuery([.. Periods], [], []);
        var answers = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < Indicators.Count; i++)
        {
            var (_, numerator, denominator) = SdkQuestions[i];
            foreach (var r in Indicators[i].Compute(context, query))
            {
                if (!r.Breakdown.IsTotal)
                {
                    continue;
                }
                answers[Key(numerator, r.AreaCode, r.Period)] = (long)r.Numerator;
                if (denominator is not null)
                {
                    answers[Key(denominator, r.AreaCode, r.Period)] = (long)(r.Denominator ?? 0);
                }
            }
        }
        return answers;
    }

    /// <summary>The SDK end to end: the CSV folder imported (strict, every rule) and the questions answered.</summary>
    /// <param name="folder">The CSV folder.</param>
    /// <param name="tablesRead">Import only the tables the questions read (<see cref="ImportOptions.Tables"/>, as
    /// <see cref="Hosting.YouthJusticeRegistryExtensions.TablesRead"/> gives them), as DuckDB reads only their files;
    /// otherwise every table.</param>
    public static Dictionary<string, long> SdkFromCsv(string folder, bool tablesRead = false)
    {
        var import = DatasetImporter.ImportFolder(folder, tablesRead ? new ImportOptions { Tables = TablesOfQuestions } : null);
        return Sdk(import.Dataset ?? throw new InvalidOperationException($"The import of {folder} failed: {import.Report.ErrorCount} errors."));
    }

    public static string Key(string question, string area, ReportingPeriod period) =>
        string.Create(CultureInfo.InvariantCulture, $"{question}|{area}|{period.Start:uuuu-MM-dd}");

    /// <summary>Throws, naming the first few differences, unless both peers gave the same non-zero counts for every key.</summary>
    public static void CheckAgree(string name, Dictionary<string, long> expected, Dictionary<string, long> actual)
    {
        var keys = expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal).ToList();
        var diffs = keys.Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
            .Select(k => $"{k}: SDK {expected.GetValueOrDefault(k)}, {name} {actual.GetValueOrDefault(k)}").ToList();
        if (diffs.Count > 0)
        {
            throw new InvalidOperationException(
                $"{name} disagrees with the SDK on {diffs.Count} of {keys.Count} counts, so nothing is timed:\n  " + string.Join("\n  ", diffs.Take(12)));
        }
        foreach (var question in SdkQuestions.SelectMany(q => new[] { q.Numerator, q.Denominator }).OfType<string>())
        {
            if (expected.Where(p => p.Key.StartsWith(question + "|", StringComparison.Ordinal)).Sum(p => p.Value) == 0)
            {
                throw new InvalidOperationException($"Every {question} count is zero: the comparison would prove nothing.");
            }
        }
    }
}

/// <summary>DuckDB (in process, through DuckDB.NET) answering <see cref="PeerQuestions"/> in SQL written from
/// docs/methodology.md.</summary>
internal static class DuckDbPeer
{
    /// <summary>Opens an in-memory database with the helper macros.</summary>
    public static DuckDBConnection Open(int threads = 0)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        if (threads > 0)
        {
            Execute(connection, $"SET threads = {threads}");
        }
        // Whole years, the age rising at the start of the birthday; a 29 February birthday is reached on 1 March in a
        // common year (leapDayBirthdayRule MarchFirst, the national default).
        Execute(connection, """
            CREATE MACRO age_on(dob, d) AS
              year(d) - year(dob) - CASE WHEN month(d) < month(dob) OR (month(d) = month(dob) AND day(d) < day(dob)) THEN 1 ELSE 0 END
            """);
        return connection;
    }

    /// <summary>Loads CSV files of the dataset into tables with read_csv (types given for the date columns that can be
    /// empty in the sample DuckDB sniffs).</summary>
    public static void Load(DuckDBConnection connection, string folder, IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file + ".csv").Replace("'", "''", StringComparison.Ordinal);
            var types = file switch
            {
                "outcomes" => ", types = {'offence_ids': 'VARCHAR', 'outcome_date': 'DATE', 'release_date': 'DATE', 'end_date': 'DATE', 'resentenced': 'BOOLEAN'}",
                "children" => ", types = {'date_of_birth': 'DATE'}",
                "offences" => ", types = {'committed_on': 'DATE'}",
                "episodes" => ", types = {'referral_date': 'DATE', 'start_date': 'DATE', 'end_date': 'DATE'}",
                _ => "",
            };
            Execute(connection, $"CREATE OR REPLACE TABLE {file.Replace('-', '_')} AS SELECT * FROM read_csv('{path}', header = true{types})");
        }
    }

    /// <summary>The answers, from tables already loaded.</summary>
    public static Dictionary<string, long> Answer(DuckDBConnection connection)
    {
        var answers = new Dictionary<string, long>(StringComparer.Ordinal);
        var periods = string.Join(" UNION ALL ", PeerQuestions.Periods.Select(p =>
            FormattableString.Invariant($"SELECT DATE '{p.Start:uuuu-MM-dd}' AS ps, DATE '{p.End:uuuu-MM-dd}' AS pe")));
        const string Statutory = "('YC','YCC','ABSDIS','CONDIS','FINE','RO','YRO','YROISS','DTO','S250','S259')";
        const string Custodial = "('DTO','S250','S259')";
        // The reoffences of a cohort: the child's offences committed in (index, follow-up end], not disposed of at the
        // index outcome, proven by a statutory outcome (or a re-sentenced breach) dated no later than follow-up end +
        // waiting period; each offence once.
        static string Reoffences(string cohort, int waitingMonths) => $"""
            reoffences AS (
              SELECT DISTINCT m.area, m.ps, m.cohort_start, m.child_id, f.id AS offence_id
              FROM {cohort} m
              JOIN offences f ON f.child_id = m.child_id AND f.committed_on > m.index_date AND f.committed_on <= m.follow_up_end
              JOIN outcome_offences p ON p.offence_id = f.id
              WHERE (p.outcome_type IN {Statutory} OR (p.outcome_type = 'BREACH' AND p.resentenced))
                AND p.outcome_date <= CAST(m.follow_up_end + INTERVAL {waitingMonths} MONTH AS DATE)
                AND NOT list_contains(m.index_offences, f.id))
            """;
        var sql = $"""
            WITH periods AS ({periods}),
            outcome_offences AS (
              SELECT o.id, o.child_id, o.outcome_date, o.outcome_type, o.resentenced, unnest(string_split(o.offence_ids, ';')) AS offence_id
              FROM outcomes o WHERE o.offence_ids IS NOT NULL),
            kids AS (SELECT id, date_of_birth, home_area_code AS area FROM children),
            fte AS (
              SELECT k.area, p.ps, count(*) AS n
              FROM (SELECT child_id, min(outcome_date) AS first FROM outcomes WHERE outcome_type IN {Statutory} GROUP BY child_id) f
              JOIN kids k ON k.id = f.child_id JOIN periods p ON f.first BETWEEN p.ps AND p.pe
              WHERE age_on(k.date_of_birth, f.first) BETWEEN 10 AND 17 GROUP BY ALL),
            custody AS (
              SELECT k.area, p.ps, count(*) AS n FROM outcomes o JOIN kids k ON k.id = o.child_id
              JOIN periods p ON o.outcome_date BETWEEN p.ps AND p.pe
              WHERE o.outcome_type IN {Custodial} AND age_on(k.date_of_birth, o.outcome_date) BETWEEN 10 AND 17 GROUP BY ALL),
            remand AS (
              SELECT k.area, p.ps, count(*) AS episodes, count(DISTINCT o.child_id) AS children FROM outcomes o JOIN kids k ON k.id = o.child_id
              JOIN periods p ON o.outcome_date BETWEEN p.ps AND p.pe
              WHERE o.outcome_type = 'REMAND' AND age_on(k.date_of_birth, o.outcome_date) BETWEEN 10 AND 17 GROUP BY ALL),
            -- MoJ: 3-month cohorts from the period start; index events are cautions and non-custodial convictions by
            -- outcome date, custodial sentences by release date; the first event in the cohort is the index event.
            cohorts AS (
              SELECT p.ps, CAST(p.ps + INTERVAL (3 * q) MONTH AS DATE) AS cohort_start,
                     CAST(p.ps + INTERVAL (3 * q + 3) MONTH AS DATE) - 1 AS cohort_end
              FROM periods p, range(4) t(q)),
            index_events AS (
              SELECT o.id, o.child_id, o.offence_ids,
                     CASE WHEN o.outcome_type IN {Custodial} THEN o.release_date ELSE o.outcome_date END AS index_date
              FROM outcomes o WHERE o.outcome_type IN {Statutory}),
            moj AS (
              SELECT c.ps, c.cohort_start, e.child_id, k.area, e.index_date, k.date_of_birth,
                     CAST(e.index_date + INTERVAL 12 MONTH AS DATE) AS follow_up_end,
                     string_split(coalesce(e.offence_ids, ''), ';') AS index_offences
              FROM cohorts c JOIN index_events e ON e.index_date BETWEEN c.cohort_start AND c.cohort_end
              JOIN kids k ON k.id = e.child_id
              QUALIFY row_number() OVER (PARTITION BY c.cohort_start, e.child_id ORDER BY e.index_date, e.id) = 1),
            moj_members AS MATERIALIZED (SELECT * FROM moj WHERE age_on(date_of_birth, index_date) BETWEEN 10 AND 17),
            {Reoffences("moj_members", 6)},
            -- A left join on the distinct reoffenders, not a correlated EXISTS in the aggregate's filter (which DuckDB
            -- ran as a product of members and reoffences, and which exhausted memory from 1M records up).
            moj_reoffenders AS (SELECT DISTINCT cohort_start, child_id FROM reoffences),
            moj_counts AS (
              SELECT m.area, m.ps, count(*) AS cohort, count(r.child_id) AS reoffenders
              FROM moj_members m LEFT JOIN moj_reoffenders r ON r.cohort_start = m.cohort_start AND r.child_id = m.child_id
              GROUP BY ALL),
            moj_reoffences AS (SELECT area, ps, count(*) AS n FROM reoffences GROUP BY ALL),
            -- Tracker: one cohort per period; the first substantive outcome in it by the date imposed (custody by sentence date).
            tracker AS (
              SELECT p.ps, p.ps AS cohort_start, o.child_id, k.area, o.outcome_date AS index_date,
                     CAST(o.outcome_date + INTERVAL 12 MONTH AS DATE) AS follow_up_end,
                     string_split(coalesce(o.offence_ids, ''), ';') AS index_offences, k.date_of_birth
              FROM periods p JOIN outcomes o ON o.outcome_date BETWEEN p.ps AND p.pe AND o.outcome_type IN {Statutory}
              JOIN kids k ON k.id = o.child_id
              QUALIFY row_number() OVER (PARTITION BY p.ps, o.child_id ORDER BY o.outcome_date, o.id) = 1),
            tracker_members AS MATERIALIZED (SELECT * FROM tracker WHERE age_on(date_of_birth, index_date) BETWEEN 10 AND 17),
            {Reoffences("tracker_members", 0).Replace("reoffences AS", "tracker_reoffences AS", StringComparison.Ordinal)},
            tracker_reoffenders AS (SELECT DISTINCT ps, child_id FROM tracker_reoffences),
            tracker_counts AS (
              SELECT m.area, m.ps, count(*) AS cohort, count(r.child_id) AS reoffenders
              FROM tracker_members m LEFT JOIN tracker_reoffenders r ON r.ps = m.ps AND r.child_id = m.child_id
              GROUP BY ALL),
            tracker_reoffence_counts AS (SELECT area, ps, count(*) AS n FROM tracker_reoffences GROUP BY ALL)
            SELECT 'fte', area, ps, n FROM fte
            UNION ALL SELECT 'custody', area, ps, n FROM custody
            UNION ALL SELECT 'remand-episodes', area, ps, episodes FROM remand
            UNION ALL SELECT 'remand-children', area, ps, children FROM remand
            UNION ALL SELECT 'moj-cohort', area, ps, cohort FROM moj_counts
            UNION ALL SELECT 'moj-reoffenders', area, ps, reoffenders FROM moj_counts
            UNION ALL SELECT 'moj-reoffences', area, ps, n FROM moj_reoffences
            UNION ALL SELECT 'tracker-cohort', area, ps, cohort FROM tracker_counts
            UNION ALL SELECT 'tracker-reoffenders', area, ps, reoffenders FROM tracker_counts
            UNION ALL SELECT 'tracker-reoffences', area, ps, n FROM tracker_reoffence_counts
            """;
        var areas = new HashSet<string>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT code FROM areas";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                areas.Add(reader.GetString(0));
            }
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = AsTempTables(connection, sql);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var area = reader.GetString(1);
                if (!areas.Contains(area))
                {
                    continue;
                }
                var start = reader.GetFieldValue<DateOnly>(2);
                var period = PeerQuestions.Periods.Single(p => p.Start.Year == start.Year && p.Start.Month == start.Month);
                var count = Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture);
                if (count != 0)
                {
                    answers[PeerQuestions.Key(reader.GetString(0), area, period)] = count;
                }
            }
        }
        return answers;
    }

    /// <summary>DuckDB end to end: a fresh database, the four files read with read_csv, the questions answered.</summary>
    public static Dictionary<string, long> FromCsv(string folder)
    {
        using var connection = Open();
        Load(connection, folder, PeerQuestions.TablesRead);
        return Answer(connection);
    }

    /// <summary>
    /// Runs each common table expression of <paramref name="sql"/> (<c>WITH a AS (...), b AS (...) SELECT ...</c>) as a
    /// temporary table, in order, and returns the final SELECT. The optimiser then plans each step with the real size of
    /// the tables before it, instead of estimates through a dozen nested expressions (with estimates, the reoffending
    /// joins were planned as products that exhausted memory from 1M records up). With <c>YJ_PEER_TRACE=1</c> each
    /// step's time goes to standard error.
    /// </summary>
    private static string AsTempTables(DuckDBConnection connection, string sql)
    {
        var trace = Environment.GetEnvironmentVariable("YJ_PEER_TRACE") == "1";
        var lines = sql.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal));
        var text = string.Join('\n', lines).Trim();
        if (!text.StartsWith("WITH ", StringComparison.Ordinal))
        {
            return sql;
        }
        var at = 5;
        while (true)
        {
            var open = text.IndexOf('(', at);
            var name = text[at..open].Replace("AS MATERIALIZED", "", StringComparison.Ordinal).Replace(" AS", "", StringComparison.Ordinal).Trim();
            var depth = 0;
            var close = open;
            for (; close < text.Length; close++)
            {
                depth += text[close] == '(' ? 1 : text[close] == ')' ? -1 : 0;
                if (depth == 0)
                {
                    break;
                }
            }
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Execute(connection, $"CREATE OR REPLACE TEMP TABLE {name} AS {text[(open + 1)..close]}");
            if (trace)
            {
                Console.Error.WriteLine($"duckdb: {name} in {clock.ElapsedMilliseconds} ms");
            }
            var rest = text[(close + 1)..].TrimStart();
            if (!rest.StartsWith(','))
            {
                return rest;
            }
            at = close + 1 + (text.Length - close - 1 - rest.Length) + 1;
        }
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
