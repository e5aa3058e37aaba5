using System.Globalization;
using Microsoft.Data.Sqlite;

namespace YouthJustice.Sdk.Samples.Web.Store;

/// <summary>A stored dataset: the uploaded file itself (a zip of the CSV folder or the JSON document) and its import report.</summary>
/// <param name="Id">The dataset's id in the store.</param>
/// <param name="Name">The file name it was uploaded as.</param>
/// <param name="Kind"><c>zip</c> or <c>json</c>.</param>
/// <param name="UploadedAt">When it was uploaded (UTC, ISO 8601).</param>
/// <param name="UploadedBy">The analyst who uploaded it.</param>
/// <param name="Succeeded">Whether the import produced a dataset.</param>
/// <param name="AsOf">The dataset's as-of date, when it imported.</param>
/// <param name="ImportReportJson">The import report as JSON.</param>
public sealed record StoredDataset(long Id, string Name, string Kind, string UploadedAt, string UploadedBy, bool Succeeded, string? AsOf, string ImportReportJson);

/// <summary>A computed report run: what was asked, and the definitions (id and version) the figures used.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="Dataset">The dataset's id (<c>sample</c> for the embedded one).</param>
/// <param name="ComputedAt">When it was computed (UTC, ISO 8601).</param>
/// <param name="Areas">The areas, comma-separated.</param>
/// <param name="Periods">The periods, comma-separated.</param>
/// <param name="Breakdowns">The breakdowns asked for, comma-separated.</param>
/// <param name="Definitions">The definitions used, as <c>id@version</c>, comma-separated.</param>
/// <param name="Results">How many results the run produced.</param>
public sealed record StoredReportRun(long Id, string Dataset, string ComputedAt, string Areas, string Periods, string Breakdowns, string Definitions, int Results);

/// <summary>A target or comparator value for an indicator, used for RAG ratings.</summary>
/// <param name="IndicatorId">The indicator.</param>
/// <param name="Comparator">The comparator's name (e.g. <c>target</c>, <c>family group</c>).</param>
/// <param name="Period">The period it applies to, or empty for every period.</param>
/// <param name="Value">The value.</param>
public sealed record StoredComparator(string IndicatorId, string Comparator, string Period, decimal Value);

/// <summary>A local account.</summary>
/// <param name="Name">The user name.</param>
/// <param name="PasswordHash">The framework password hasher's hash.</param>
/// <param name="Role">The role (<c>analyst</c>).</param>
public sealed record StoredUser(string Name, string PasswordHash, string Role);

/// <summary>
/// The web sample's SQLite database: datasets with their import reports, report runs with the definitions' versions,
/// targets and comparators, and users. WAL journalling lets a second instance read while one writes; the schema is
/// migrated inside an immediate transaction keyed on <c>PRAGMA user_version</c>, so migrations run once.
/// </summary>
public sealed class WebStore
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE datasets (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          name TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('zip', 'json')),
          content BLOB NOT NULL,
          uploaded_at TEXT NOT NULL,
          uploaded_by TEXT NOT NULL,
          succeeded INTEGER NOT NULL,
          as_of TEXT NULL,
          import_report TEXT NOT NULL
        );
        CREATE TABLE report_runs (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          dataset TEXT NOT NULL,
          computed_at TEXT NOT NULL,
          areas TEXT NOT NULL,
          periods TEXT NOT NULL,
          breakdowns TEXT NOT NULL,
          definitions TEXT NOT NULL,
          results INTEGER NOT NULL
        );
        CREATE TABLE comparators (
          indicator_id TEXT NOT NULL,
          comparator TEXT NOT NULL,
          period TEXT NOT NULL,
          value TEXT NOT NULL,
          PRIMARY KEY (indicator_id, comparator, period)
        );
        CREATE TABLE users (
          name TEXT PRIMARY KEY,
          password_hash TEXT NOT NULL,
          role TEXT NOT NULL,
          created_at TEXT NOT NULL
        );
        """,
        """
        CREATE TABLE report_inputs (
          name TEXT PRIMARY KEY CHECK (name IN ('comparators.csv', 'targets.csv')),
          text TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        """,
    ];

    private readonly string _connectionString;

    /// <summary>Opens (creating if needed) the database <c>yj-web.db</c> in <paramref name="dataFolder"/> and migrates it.</summary>
    /// <param name="dataFolder">The data folder; created if missing.</param>
    public WebStore(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        Path = System.IO.Path.Combine(dataFolder, "yj-web.db");
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 }.ToString();
        Migrate();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The schema version after migration.</summary>
    public int SchemaVersion => Migrations.Length;

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private void Migrate()
    {
        using var connection = Open();
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }
        // BEGIN IMMEDIATE takes the write lock first, so a second instance starting at the same moment waits, then sees
        // the version the first one wrote and runs nothing.
        using var transaction = connection.BeginTransaction(deferred: false);
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "PRAGMA user_version;";
        var version = Convert.ToInt32(read.ExecuteScalar(), CultureInfo.InvariantCulture);
        for (var i = version; i < Migrations.Length; i++)
        {
            using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = Migrations[i] + string.Create(CultureInfo.InvariantCulture, $"\nPRAGMA user_version = {i + 1};");
            migrate.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>The journal mode in force (<c>wal</c>).</summary>
    public string JournalMode()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>Stores an uploaded dataset and its import report; returns its id.</summary>
    public long AddDataset(string name, string kind, byte[] content, string uploadedBy, bool succeeded, string? asOf, string importReportJson)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO datasets (name, kind, content, uploaded_at, uploaded_by, succeeded, as_of, import_report)
            VALUES ($name, $kind, $content, $at, $by, $ok, $asOf, $report) RETURNING id;
            """;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$content", content);
        command.Parameters.AddWithValue("$at", Now());
        command.Parameters.AddWithValue("$by", uploadedBy);
        command.Parameters.AddWithValue("$ok", succeeded ? 1 : 0);
        command.Parameters.AddWithValue("$asOf", (object?)asOf ?? DBNull.Value);
        command.Parameters.AddWithValue("$report", importReportJson);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Every stored dataset, newest first (without content).</summary>
    public IReadOnlyList<StoredDataset> Datasets()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, kind, uploaded_at, uploaded_by, succeeded, as_of, import_report FROM datasets ORDER BY id DESC;";
        using var reader = command.ExecuteReader();
        var list = new List<StoredDataset>();
        while (reader.Read())
        {
            list.Add(ReadDataset(reader));
        }
        return list;
    }

    /// <summary>One stored dataset, or <see langword="null"/>.</summary>
    public StoredDataset? Dataset(long id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, kind, uploaded_at, uploaded_by, succeeded, as_of, import_report FROM datasets WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadDataset(reader) : null;
    }

    /// <summary>The uploaded bytes of a stored dataset, or <see langword="null"/>.</summary>
    public byte[]? DatasetContent(long id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT content FROM datasets WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() as byte[];
    }

    private static StoredDataset ReadDataset(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5) != 0, r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7));

    /// <summary>Records a computed report run; returns its id.</summary>
    public long AddReportRun(string dataset, string areas, string periods, string breakdowns, string definitions, int results)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO report_runs (dataset, computed_at, areas, periods, breakdowns, definitions, results)
            VALUES ($dataset, $at, $areas, $periods, $breakdowns, $definitions, $results) RETURNING id;
            """;
        command.Parameters.AddWithValue("$dataset", dataset);
        command.Parameters.AddWithValue("$at", Now());
        command.Parameters.AddWithValue("$areas", areas);
        command.Parameters.AddWithValue("$periods", periods);
        command.Parameters.AddWithValue("$breakdowns", breakdowns);
        command.Parameters.AddWithValue("$definitions", definitions);
        command.Parameters.AddWithValue("$results", results);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The report runs, newest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<StoredReportRun> ReportRuns(int limit = 100)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, dataset, computed_at, areas, periods, breakdowns, definitions, results FROM report_runs ORDER BY id DESC LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var list = new List<StoredReportRun>();
        while (reader.Read())
        {
            list.Add(new StoredReportRun(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetInt32(7)));
        }
        return list;
    }

    /// <summary>Adds or replaces comparator values.</summary>
    public void UpsertComparators(IEnumerable<StoredComparator> values)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var v in values)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO comparators (indicator_id, comparator, period, value) VALUES ($id, $name, $period, $value)
                ON CONFLICT (indicator_id, comparator, period) DO UPDATE SET value = excluded.value;
                """;
            command.Parameters.AddWithValue("$id", v.IndicatorId);
            command.Parameters.AddWithValue("$name", v.Comparator);
            command.Parameters.AddWithValue("$period", v.Period);
            command.Parameters.AddWithValue("$value", v.Value.ToString(CultureInfo.InvariantCulture));
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>Every comparator value, by indicator, comparator and period.</summary>
    public IReadOnlyList<StoredComparator> Comparators()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT indicator_id, comparator, period, value FROM comparators ORDER BY indicator_id, comparator, period;";
        using var reader = command.ExecuteReader();
        var list = new List<StoredComparator>();
        while (reader.Read())
        {
            list.Add(new StoredComparator(reader.GetString(0), reader.GetString(1), reader.GetString(2), decimal.Parse(reader.GetString(3), CultureInfo.InvariantCulture)));
        }
        return list;
    }

    /// <summary>The text of a report input file (<c>comparators.csv</c> or <c>targets.csv</c>), or <see langword="null"/>.</summary>
    public string? ReportInput(string name)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT text FROM report_inputs WHERE name = $name;";
        command.Parameters.AddWithValue("$name", name);
        return command.ExecuteScalar() as string;
    }

    /// <summary>Replaces a report input file; with <paramref name="onlyIfMissing"/>, keeps one already there.</summary>
    public void SetReportInput(string name, string text, bool onlyIfMissing = false)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = onlyIfMissing
            ? "INSERT INTO report_inputs (name, text, updated_at) VALUES ($name, $text, $at) ON CONFLICT (name) DO NOTHING;"
            : "INSERT INTO report_inputs (name, text, updated_at) VALUES ($name, $text, $at) ON CONFLICT (name) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at;";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$text", text);
        command.Parameters.AddWithValue("$at", Now());
        command.ExecuteNonQuery();
    }

    /// <summary>Adds a user; false when the name is taken.</summary>
    public bool AddUser(string name, string passwordHash, string role)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO users (name, password_hash, role, created_at) VALUES ($name, $hash, $role, $at) ON CONFLICT (name) DO NOTHING;";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$hash", passwordHash);
        command.Parameters.AddWithValue("$role", role);
        command.Parameters.AddWithValue("$at", Now());
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>Replaces a user's password hash (after a rehash).</summary>
    public void SetPasswordHash(string name, string passwordHash)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE users SET password_hash = $hash WHERE name = $name;";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$hash", passwordHash);
        command.ExecuteNonQuery();
    }

    /// <summary>A user by name, or <see langword="null"/>.</summary>
    public StoredUser? User(string name)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, password_hash, role FROM users WHERE name = $name;";
        command.Parameters.AddWithValue("$name", name);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new StoredUser(reader.GetString(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    /// <summary>How many users there are.</summary>
    public int UserCount()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM users;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
