using NodaTime;
using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Runtime.InteropServices;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using CsvHelper;
using Microsoft.Extensions.Logging;
using YouthJustice.Sdk.Domain;

namespace YouthJustice.Sdk.IO;

/// <summary>The state of one import: lookups of ids, counts, errors and rejects writers.</summary>
internal sealed class ImportSession
{
    private readonly string _source;
    private readonly bool _json;
    private readonly ImportOptions _options;
    private readonly List<ImportError> _errors = [];
    private readonly List<ImportError> _warnings = [];
    private readonly List<ImportFileReport> _files = [];
    private readonly Dictionary<DatasetEntity, List<int>> _positions = [];
    private long _totalBytes;

    // The accepted records later files check against (each file's list is the dataset's), their ids with where each is
    // in that list, and rejected ids with where they were (for cascades). A reference is kept as the record's own id
    // string, which the records that refer to it then share: a reference read from a later file is a new string of the
    // same text, and would otherwise be kept as well.
    private readonly List<Child> _acceptedChildren = [];
    private readonly Dictionary<string, int> _children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _rejectedChildren = new(StringComparer.Ordinal);
    private readonly List<Offence> _acceptedOffences = [];
    private readonly Dictionary<string, int> _offences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _rejectedOffences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _offenceIds;
    private readonly List<Outcome> _acceptedOutcomes = [];
    private readonly Dictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _rejectedOutcomes = new(StringComparer.Ordinal);
    private readonly List<ProgrammeEpisode> _acceptedEpisodes = [];
    private readonly Dictionary<string, int> _episodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _rejectedEpisodes = new(StringComparer.Ordinal);
    private readonly Dictionary<DatasetEntity, HashSet<string>> _seenIds = [];
    // The files read to the end, so that their ids no longer change.
    private readonly ConcurrentDictionary<DatasetEntity, bool> _complete = new();
    private readonly HashSet<(string, int, int, Sex?, EthnicityGroup?)> _populationKeys = [];
    private readonly HashSet<(string, string, int, EthnicityGroup)> _referenceKeys = [];

    public ImportSession(string source, ImportOptions options, bool json = false)
    {
        _json = json;
        _source = source;
        _offenceIds = _offences.GetAlternateLookup<ReadOnlySpan<char>>();
        _options = options;
        Internal.Preconditions.CheckArgument(options.Vocabulary is not null, nameof(options), "ImportOptions.Vocabulary must not be null.");
        Internal.Preconditions.CheckArgument(options.ValidationRules is not null && !options.ValidationRules.Contains(null!), nameof(options),
            "ImportOptions.ValidationRules must not be null or contain null.");
        if (options.Tables?.FirstOrDefault(t => !Enum.IsDefined(t)) is { } notTable && !Enum.IsDefined(notTable))
        {
            throw new ArgumentException($"ImportOptions.Tables holds {(int)notTable}, which is not a table of the dataset format.", nameof(options));
        }
    }

    public bool HasErrors => _errors.Count > 0;

    private bool Lenient => _options.Policy == ImportPolicy.Lenient;

    public void Error(ImportError error) => _errors.Add(error);

    public void FatalError(string file, int? line, string reason) => _errors.Add(new ImportError(file, line, null, null, null, reason));

    public ImportResult Fail() => Logged(new(null, new ImportReport(_source, _options.Policy, false, _files, _errors, _warnings)));

    private ImportResult Logged(ImportResult result)
    {
        if (_options.Logger is { } logger && logger.IsEnabled(LogLevel.Information))
        {
            var r = result.Report;
            ImportLog.Finished(logger, r.Source, r.Policy, r.Succeeded, r.TotalRead, r.TotalAccepted, r.TotalRejected, r.ErrorCount, r.WarningCount);
        }
        return result;
    }

    /// <summary>Reads every file and builds the dataset.</summary>
    /// <param name="asOf">The dataset's as-of date.</param>
    /// <param name="open">Opens one file's rows (null when the file is absent); problems with the file itself (e.g. it is a
    /// folder) go into the list given, which is that file's own; the flag says whether to tokenise ahead on a thread of
    /// its own (see <see cref="PrefetchingRowSource"/>).</param>
    /// <param name="totalBytes">The size of every file, for progress.</param>
    /// <param name="parallelFiles">How many files may be converted at once (1: one after another on this thread). A file
    /// starts only when the files whose ids it checks are complete; whatever the number, everything reported is the same,
    /// in the same order, as reading the files one after another.</param>
    /// <param name="present">Whether a table's file (or JSON array) is there, for a table the options ask not to read.</param>
    public ImportResult Run(LocalDate asOf, Func<EntitySchema, List<ImportError>, bool, RowSource?> open, Func<EntitySchema, bool> present,
        long totalBytes = 0, int parallelFiles = 1)
    {
        _totalBytes = totalBytes;
        if (Lenient && _options.RejectsDirectory is { } rejects)
        {
            Directory.CreateDirectory(rejects);
            foreach (var schema in DatasetSchema.All)
            {
                // A rejects file left by an earlier run would be mistaken for this run's.
                File.Delete(Path.Combine(rejects, schema.RejectsFileName));
            }
        }
        // Empty for a table not read (ImportOptions.Tables).
        List<Area> areas = [];
        List<Child> children = [];
        List<Offence> offences = [];
        List<Outcome> outcomes = [];
        List<ProgrammeEpisode> episodes = [];
        List<PathwayEvent> pathwayEvents = [];
        List<ChildLink> links = [];
        List<Assessment> assessments = [];
        List<StatusObservation> observations = [];
        List<VictimContact> victimContacts = [];
        List<BoardAttendance> board = [];
        List<PopulationEstimate> populations = [];
        List<ReferencePopulation> references = [];
        List<CaseEvent> caseEvents = [];
        List<FeedbackRequest> feedback = [];

        // In file order, each with the files (by position here) whose accepted and rejected ids its rows check.
        FileJob[] jobs =
        [
            new(DatasetSchema.Areas, [], f => areas = Read(f, asOf, open, ConvertArea)),
            new(DatasetSchema.Children, [], f => children = Read(f, asOf, open, ConvertChild, (c, at) => _children.Add(c.Id, at), _rejectedChildren, n => _children.EnsureCapacity(n), _acceptedChildren)),
            new(DatasetSchema.Offences, [1], f => offences = Read(f, asOf, open, ConvertOffence, (o, at) => _offences.Add(o.Id, at), _rejectedOffences, n => _offences.EnsureCapacity(n), _acceptedOffences)),
            new(DatasetSchema.Outcomes, [1, 2], f => outcomes = Read(f, asOf, open, ConvertOutcome, (o, at) => _outcomes.Add(o.Id, at), _rejectedOutcomes, n => _outcomes.EnsureCapacity(n), _acceptedOutcomes)),
            new(DatasetSchema.Episodes, [1], f => episodes = Read(f, asOf, open, ConvertEpisode, (e, at) => _episodes.Add(e.Id, at), _rejectedEpisodes, n => _episodes.EnsureCapacity(n), _acceptedEpisodes)),
            new(DatasetSchema.PathwayEvents, [4], f => pathwayEvents = Read(f, asOf, open, ConvertPathwayEvent)),
            new(DatasetSchema.Links, [1], f => links = Read(f, asOf, open, ConvertLink)),
            new(DatasetSchema.Assessments, [1], f => assessments = Read(f, asOf, open, ConvertAssessment)),
            new(DatasetSchema.StatusObservations, [1, 4], f => observations = Read(f, asOf, open, ConvertObservation)),
            new(DatasetSchema.VictimContacts, [1, 2], f => victimContacts = Read(f, asOf, open, ConvertVictimContact)),
            new(DatasetSchema.BoardAttendance, [], f => board = Read(f, asOf, open, ConvertBoardAttendance)),
            new(DatasetSchema.Populations, [], f => populations = Read(f, asOf, open, ConvertPopulation)),
            new(DatasetSchema.ReferencePopulations, [], f => references = Read(f, asOf, open, ConvertReferencePopulation)),
            new(DatasetSchema.CaseEvents, [1, 3], f => caseEvents = Read(f, asOf, open, ConvertCaseEvent)),
            new(DatasetSchema.Feedback, [1, 4], f => feedback = Read(f, asOf, open, ConvertFeedback)),
        ];
        var read = TablesToRead(_options.Tables, jobs.Select(j => (j.File.Schema.Entity, j.After)).ToArray());
        var notRead = new List<string>();
        for (var i = 0; i < jobs.Length; i++)
        {
            if (!read[i])
            {
                var schema = jobs[i].File.Schema;
                notRead.Add(DatasetFormat.TableName(schema.Entity));
                var name = _json ? $"{_source}#{schema.JsonName}" : schema.FileName;
                var there = present(schema);
                jobs[i] = new FileJob(schema, jobs[i].After, f =>
                {
                    f.Report = new ImportFileReport { Entity = schema.Entity, File = name, Present = there, NotRead = true, Read = 0, Accepted = 0, Rejected = 0 };
                    _complete[schema.Entity] = true;
                }, reads: false);
            }
        }
        _reads = [.. jobs.Select(j => j.File)];
        foreach (var job in jobs)
        {
            // Made here so that files read at once only read this dictionary; each set is one file's own. A file whose
            // accepted and rejected ids are kept leaves its set empty (see CheckUnique), and Reserve does not size it.
            _seenIds[job.File.Schema.Entity] = new HashSet<string>(StringComparer.Ordinal);
        }
        if (parallelFiles <= 1)
        {
            foreach (var job in jobs)
            {
                job.Run(job.File);
            }
        }
        else
        {
            // A file tokenises ahead on a thread of its own only when it starts with a core to spare (RunInParallel).
            RunInParallel(jobs, parallelFiles);
        }
        // Everything each file reported, in file order: as though the files had been read one after another.
        foreach (var file in _reads)
        {
            _errors.AddRange(file.Errors);
            _warnings.AddRange(file.Warnings);
            _files.Add(file.Report!);
            if (file.Positions is not null)
            {
                _positions[file.Schema.Entity] = file.Positions;
            }
        }

        var dataset = new Dataset
        {
            AsOf = asOf,
            Areas = areas.AsReadOnly(),
            Children = children.AsReadOnly(),
            Offences = offences.AsReadOnly(),
            Outcomes = outcomes.AsReadOnly(),
            Episodes = episodes.AsReadOnly(),
            PathwayEvents = pathwayEvents.AsReadOnly(),
            Links = links.AsReadOnly(),
            Assessments = assessments.AsReadOnly(),
            StatusObservations = observations.AsReadOnly(),
            VictimContacts = victimContacts.AsReadOnly(),
            BoardAttendances = board.AsReadOnly(),
            Populations = populations.AsReadOnly(),
            ReferencePopulations = references.AsReadOnly(),
            CaseEvents = caseEvents.AsReadOnly(),
            Feedback = feedback.AsReadOnly(),
            TablesNotRead = notRead.AsReadOnly(),
        };
        if (_options.ValidationRules.Count > 0 && (Lenient || !HasErrors))
        {
            dataset = new RuleRunner(_options.ValidationRules, _files, _positions, _errors, _warnings, Lenient).Apply(dataset);
        }
        var succeeded = Lenient || !HasErrors;
        return Logged(new ImportResult(succeeded ? Engine.KnownUniqueIds.Mark(dataset) : null, new ImportReport(_source, _options.Policy, succeeded, _files, _errors, _warnings)));
    }

    /// <summary>Which of the files (in file order, each with the files by position whose ids its rows check) to read: every
    /// one when <paramref name="asked"/> is null; otherwise those asked for, the areas and children always (the areas
    /// decide which areas are reported, the children are required), and every file a file read checks its rows against,
    /// so that a record read is checked exactly as in a full import.</summary>
    internal static bool[] TablesToRead(IReadOnlyCollection<DatasetEntity>? asked, (DatasetEntity Entity, int[] After)[] files)
    {
        var read = new bool[files.Length];
        if (asked is null)
        {
            Array.Fill(read, true);
            return read;
        }
        foreach (var entity in asked)
        {
            // The constructor has checked that each is a table.
            read[Array.FindIndex(files, f => f.Entity == entity)] = true;
        }
        read[Array.FindIndex(files, f => f.Entity == DatasetEntity.Areas)] = true;
        read[Array.FindIndex(files, f => f.Entity == DatasetEntity.Children)] = true;
        // A file only ever checks files before it, so one pass from the last file back closes the set.
        for (var i = files.Length - 1; i >= 0; i--)
        {
            if (read[i])
            {
                foreach (var before in files[i].After)
                {
                    read[before] = true;
                }
            }
        }
        return read;
    }

    /// <summary>One file to read: what it reports, the files it waits for, and how to read it.</summary>
    private sealed class FileJob(EntitySchema schema, int[] after, Action<FileRead> run, bool reads = true)
    {
        public FileRead File { get; } = new(schema);

        public int[] After { get; } = after;

        public Action<FileRead> Run { get; } = run;

        /// <summary>False for a table the options ask not to read: its job only reports it, and takes no time.</summary>
        public bool Reads { get; } = reads;
    }

    /// <summary>What one file's read reports, kept apart until every file is read and then added in file order.</summary>
    private sealed class FileRead(EntitySchema schema)
    {
        public EntitySchema Schema { get; } = schema;

        public List<ImportError> Errors { get; } = [];

        public List<ImportError> Warnings { get; } = [];

        public List<int>? Positions { get; set; }

        public ImportFileReport? Report { get; set; }

        /// <summary>Records and bytes read so far, for progress (written by the reading thread, read by the importing one).</summary>
        public long RecordsRead;

        public long BytesRead;

        /// <summary>Whether the file was there (progress is told at the end of a file only when it was).</summary>
        public bool Present;

        public ExceptionDispatchInfo? Failure;

        /// <summary>Whether to tokenise a batch ahead on a second thread while converting.</summary>
        public bool ReadAhead = true;
    }

    // The files' reads in file order (progress adds up what each has read).
    private FileRead[] _reads = [];

    // Set while files are read on other threads: where a read tells the importing thread of its progress.
    private BlockingCollection<(int File, bool Done)>? _events;

    /// <summary>Which file to start first when several could: the one with the most (typically) waiting on it or the
    /// largest, so that the longest chain of dependent files (children, episodes, pathway events) starts early. Only
    /// the elapsed time depends on it, never the result.</summary>
    private static readonly DatasetEntity[] StartOrder =
    [
        DatasetEntity.Children, DatasetEntity.Episodes, DatasetEntity.Offences, DatasetEntity.PathwayEvents,
        DatasetEntity.Outcomes, DatasetEntity.StatusObservations, DatasetEntity.Assessments, DatasetEntity.Feedback,
        DatasetEntity.CaseEvents, DatasetEntity.VictimContacts, DatasetEntity.Populations, DatasetEntity.Links,
        DatasetEntity.BoardAttendance, DatasetEntity.ReferencePopulations, DatasetEntity.Areas,
    ];

    /// <summary>Reads the files on worker threads, at most <paramref name="parallelFiles"/> at once, each once the
    /// files it checks against are complete. This thread tells progress and starts files; it waits otherwise.</summary>
    /// <remarks>A failure (an I/O error, or the progress callback throwing) stops further files from starting; once the
    /// running ones end, it is thrown: the callback's first, else the first failed file's in file order.</remarks>
    private void RunInParallel(FileJob[] jobs, int parallelFiles)
    {
        var order = jobs.Select((job, index) => (job, index))
            .OrderBy(j => Array.IndexOf(StartOrder, j.job.File.Schema.Entity) is var at and >= 0 ? at : int.MaxValue)
            .Select(j => j.index)
            .ToArray();
        var started = new bool[jobs.Length];
        var done = new bool[jobs.Length];
        int running = 0, finished = 0;
        var failed = false;
        ExceptionDispatchInfo? progressFailure = null;
        // A table not read is reported here and now: no thread, and no place among the files being read.
        for (var i = 0; i < jobs.Length; i++)
        {
            if (!jobs[i].Reads)
            {
                jobs[i].Run(jobs[i].File);
                started[i] = done[i] = true;
                finished++;
            }
        }
        using var events = new BlockingCollection<(int File, bool Done)>();
        _events = events;
        try
        {
            void StartReady()
            {
                // With files converted at once, a tokenising thread per file as well only makes the threads take turns
                // on the cores and costs the hand-over (measured on two cores: 0.3-0.8 s more CPU and no shorter). But
                // when fewer files can run than there are cores (a chain such as children, offences, outcomes, each
                // waiting for the one before), a file on its own leaves a core idle, and tokenising ahead uses it.
                var ready = order.Count(i => !started[i] && jobs[i].After.All(a => done[a]));
                var spareCores = parallelFiles - running - ready > 0;
                foreach (var index in order)
                {
                    if (failed || running >= parallelFiles)
                    {
                        return;
                    }
                    if (started[index] || !jobs[index].After.All(a => done[a]))
                    {
                        continue;
                    }
                    started[index] = true;
                    running++;
                    var job = jobs[index];
                    job.File.ReadAhead = spareCores;
                    var thread = new Thread(() =>
                    {
                        try
                        {
                            job.Run(job.File);
                        }
#pragma warning disable CA1031 // Rethrown on the importing thread.
                        catch (Exception ex)
#pragma warning restore CA1031
                        {
                            job.File.Failure = ExceptionDispatchInfo.Capture(ex);
                        }
                        finally
                        {
                            events.Add((index, true));
                        }
                    })
                    {
                        IsBackground = true,
                        Name = $"import {job.File.Schema.FileName}",
                    };
                    thread.Start();
                }
            }

            StartReady();
            // Once anything fails (a file, or the progress callback on this thread), no file starts; the loop still waits
            // for the running ones, which post here until they end.
            while (finished < jobs.Length && (running > 0 || !failed))
            {
                var (file, isDone) = events.Take();
                var read = jobs[file].File;
                if (isDone)
                {
                    running--;
                    finished++;
                    done[file] = true;
                    failed |= read.Failure is not null;
                }
                if (!failed && (!isDone || (read.Present && _options.Progress is not null)))
                {
                    try
                    {
                        ReportProgress(read);
                    }
#pragma warning disable CA1031 // Rethrown below, once no file is being read.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        progressFailure = ExceptionDispatchInfo.Capture(ex);
                        failed = true;
                    }
                }
                if (isDone)
                {
                    StartReady();
                }
            }
        }
        finally
        {
            _events = null;
        }
        progressFailure?.Throw();
        foreach (var job in jobs)
        {
            job.File.Failure?.Throw();
        }
    }

    private void ReportProgress(FileRead current)
    {
        long records = 0, bytes = 0;
        foreach (var read in _reads)
        {
            records += Volatile.Read(ref read.RecordsRead);
            bytes += Volatile.Read(ref read.BytesRead);
        }
        _options.Progress!.Report(new ImportProgress(current.Report?.File ?? current.Schema.FileName, records, bytes, _totalBytes));
    }

    /// <summary>Reads one file: converts each record, counts it, and rejects it (with every problem) or accepts it.</summary>
    private List<T> Read<T>(FileRead file, LocalDate asOf, Func<EntitySchema, List<ImportError>, bool, RowSource?> open,
        Func<RowParser, T?> convert, Action<T, int>? onAccepted = null, Dictionary<string, string>? rejectedIds = null, Action<int>? reserve = null,
        List<T>? accepted = null)
        where T : class
    {
        var schema = file.Schema;
        var records = accepted ?? [];
        var source = open(schema, file.Errors, file.ReadAhead);
        if (source is null)
        {
            var missing = _json ? $"{_source}#{schema.JsonName}" : schema.FileName;
            file.Report = new ImportFileReport { Entity = schema.Entity, File = missing, Present = false, Read = 0, Accepted = 0, Rejected = 0 };
            return records;
        }
        using var _ = source;
        file.Present = true;
        var row = new RowParser(asOf, Lenient);
        var errors = file.Errors;
        var warnings = file.Warnings;
        var positions = _options.ValidationRules.Count > 0 ? new List<int>() : null;
        file.Positions = positions;
        errors.AddRange(source.FileErrors);
        long read = 0, rejected = 0, withWarnings = 0;
        CsvWriter? rejects = null;
        try
        {
            var progress = _options.Progress;
            while (source.MoveNext())
            {
                read++;
                if (read == SizingRows)
                {
                    Reserve(source, read, records, positions, reserve);
                }
                if (progress is not null && (read & 0xFFF) == 0)
                {
                    Volatile.Write(ref file.RecordsRead, read);
                    Volatile.Write(ref file.BytesRead, source.BytesRead);
                    if (_events is { } events)
                    {
                        events.Add((Array.IndexOf(_reads, file), false));
                    }
                    else
                    {
                        progress.Report(new ImportProgress(source.File, SumRead(), SumBytes(), _totalBytes));
                    }
                }
                row.Begin(source);
                var record = convert(row);
                if (row.HasErrors || record is null)
                {
                    rejected++;
                    foreach (var problem in row.Problems)
                    {
                        errors.Add(new ImportError(source.File, source.Line, source.Position, problem.Field, problem.Value, problem.Reason));
                    }
                    if (rejectedIds is not null && source.Cells[0] is { } id)
                    {
                        // Only consulted when no accepted record has the id, so a rejected duplicate is harmless here.
                        rejectedIds.TryAdd(id, source.Where);
                    }
                    if (Lenient && _options.RejectsDirectory is { } directory)
                    {
                        rejects ??= OpenRejects(directory, schema, source);
                        WriteReject(rejects, source, row.Problems);
                    }
                    continue;
                }
                if (row.Warnings.Count > 0)
                {
                    withWarnings++;
                    foreach (var warning in row.Warnings)
                    {
                        warnings.Add(new ImportError(source.File, source.Line, source.Position, warning.Field, warning.Value, warning.Reason));
                    }
                }
                records.Add(record);
                positions?.Add(source.Line ?? ParsePosition(source.Position));
                onAccepted?.Invoke(record, records.Count - 1);
            }
        }
        finally
        {
            rejects?.Dispose();
        }
        Volatile.Write(ref file.RecordsRead, read);
        Volatile.Write(ref file.BytesRead, source.BytesRead);
        // Its accepted ids are all in (onAccepted ran for the last record): later files may read them (HeldReferences).
        _complete[schema.Entity] = true;
        var displayFile = source is JsonRowSource ? $"{source.File}#{schema.JsonName}" : source.File;
        file.Report = new ImportFileReport { Entity = schema.Entity, File = displayFile, Present = true, Read = read, Accepted = read - rejected, Rejected = rejected, AcceptedWithWarnings = withWarnings };
        if (_events is null)
        {
            _options.Progress?.Report(new ImportProgress(source.File, SumRead(), SumBytes(), _totalBytes));
        }
        return records;
    }

    /// <summary>After this many records, the lists and sets a file fills are sized for the whole file.</summary>
    private const int SizingRows = 16384;

    /// <summary>Sizes the records list, positions, set of ids seen and id lookup for the records the file has, judged by the
    /// bytes the first records took, so that they are not grown (and copied) a dozen times on the way: at national scale
    /// they hold hundreds of thousands of records each. Nothing read or reported depends on it.</summary>
    private void Reserve<T>(RowSource source, long read, List<T> records, List<int>? positions, Action<int>? reserve)
    {
        if (source.Length <= 0 || source.BytesRead <= 0 || source.BytesRead >= source.Length)
        {
            return;
        }
        // Bytes read runs ahead of the records (the reader's buffer), so this estimate is low, never far high.
        var expected = (int)Math.Min(1 << 28, source.Length / Math.Max(1, source.BytesRead / read));
        records.EnsureCapacity(expected);
        positions?.EnsureCapacity(expected);
        // A set still empty after this many records is one the file does not fill (its converter checks duplicates
        // against the ids it keeps), or one of ids all empty: either way not worth sizing.
        if (_seenIds[source.Schema.Entity] is { Count: > 0 } seen)
        {
            seen.EnsureCapacity(expected);
        }
        reserve?.Invoke(expected);
    }

    private long SumRead() => _reads.Sum(r => Volatile.Read(ref r.RecordsRead));

    private long SumBytes() => _reads.Sum(r => Volatile.Read(ref r.BytesRead));

    private static int ParsePosition(string? position)
    {
        var open = position!.IndexOf('[', StringComparison.Ordinal);
        return int.Parse(position.AsSpan(open + 1, position.Length - open - 2), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static CsvWriter OpenRejects(string directory, EntitySchema schema, RowSource source)
    {
        var writer = CsvWriter.ToFile(Path.Combine(directory, schema.RejectsFileName), DatasetExporter.WriterOptions);
        writer.WriteRecord([.. source.RejectHeader, source.RejectLocationColumn, "reject_field", "reject_reason"]);
        return writer;
    }

    private static void WriteReject(CsvWriter writer, RowSource source, List<RowProblem> problems)
    {
        var fields = new List<string>();
        var reasons = new List<string>();
        foreach (var problem in problems)
        {
            fields.Add(problem.Field ?? "");
            reasons.Add(problem.Field is null ? problem.Reason : $"{problem.Field}: {problem.Reason}");
        }
        var location = source.Line is { } line ? line.ToString(System.Globalization.CultureInfo.InvariantCulture) : source.Position ?? "";
        writer.WriteRecord([.. source.RejectValues(), location, string.Join(";", fields), string.Join("; ", reasons)]);
    }

    /// <summary>For a CSV file's reference columns, where its reader finds the id strings already held for them: the
    /// accepted records of the file each column refers to, offered only once that file has been read to the end (a file
    /// starts once the files it is checked against are read, see <see cref="Run"/>), so the lookups only ever read.
    /// Columns as the converters below read them. A lookup can only give back a string equal to the text read, so a column
    /// left out here (or a file not yet complete) costs a new string, never a different value.</summary>
    internal HeldText?[]? HeldReferences(EntitySchema schema)
    {
        HeldText? child = Held(DatasetEntity.Children, _children);
        HeldText? episode = Held(DatasetEntity.Episodes, _episodes);
        HeldText? offence = Held(DatasetEntity.Offences, _offences);
        HeldText? outcome = Held(DatasetEntity.Outcomes, _outcomes);
        HeldText? Held(DatasetEntity entity, Dictionary<string, int> accepted)
        {
            if (!_complete.ContainsKey(entity))
            {
                return null;
            }
            var ids = accepted.GetAlternateLookup<ReadOnlySpan<char>>();
            return (ReadOnlySpan<char> text, out int position) =>
            {
                if (ids.TryGetValue(text, out var id, out position))
                {
                    return id;
                }
                position = -1;
                return null;
            };
        }
        HeldText?[] Columns(params (int Column, HeldText? Held)[] columns)
        {
            var held = new HeldText?[schema.Columns.Count];
            foreach (var (column, h) in columns)
            {
                held[column] = h;
            }
            return held;
        }
        return schema.Entity switch
        {
            DatasetEntity.Offences => Columns((1, child)),
            // A list of several offence ids is not an id, so it is read as a new string as before.
            DatasetEntity.Outcomes => Columns((1, child), (2, offence)),
            DatasetEntity.Episodes => Columns((1, child)),
            DatasetEntity.PathwayEvents => Columns((0, episode)),
            DatasetEntity.Links => Columns((0, child), (1, child)),
            DatasetEntity.Assessments => Columns((1, child)),
            DatasetEntity.StatusObservations => Columns((1, child), (2, episode)),
            DatasetEntity.VictimContacts => Columns((1, child), (2, offence)),
            DatasetEntity.CaseEvents => Columns((1, child), (4, outcome)),
            DatasetEntity.Feedback => Columns((1, child), (6, episode)),
            _ => null,
        };
    }

    /// <summary>Ids are unique per entity (not across entities), so each entity has its own set of the ids seen.</summary>
    private void CheckUnique(RowParser row, EntitySchema schema, string id)
    {
        var seen = _seenIds[schema.Entity];
        if (id.Length > 0 && !seen.Add(id))
        {
            DuplicateId(row, schema, id);
        }
    }

    /// <summary>As <see cref="CheckUnique(RowParser, EntitySchema, string)"/>, for a file whose accepted and rejected ids
    /// are kept anyway (for the files checked against it): every earlier record with an id is in one or the other, so
    /// between them they are the ids seen. A set of its own held a second copy of up to a million ids, and its hashing was
    /// a twentieth of the import's time on the national dataset.</summary>
    private static void CheckUnique<TAccepted>(RowParser row, EntitySchema schema, string id, Dictionary<string, TAccepted> accepted,
        Dictionary<string, string> rejected)
    {
        if (id.Length > 0 && (accepted.ContainsKey(id) || (rejected.Count > 0 && rejected.ContainsKey(id))))
        {
            DuplicateId(row, schema, id);
        }
    }

    private static void DuplicateId(RowParser row, EntitySchema schema, string id) =>
        row.Error(0, $"duplicate id: another {schema.Singular} in this file already has id {id}");

    /// <summary>Checks a reference to a child; returns its date of birth when the child was accepted with, in
    /// <paramref name="shared"/>, the child's own id string (else <paramref name="id"/>).</summary>
    private LocalDate? RequireChild(RowParser row, int column, string id, out string shared)
    {
        shared = id;
        if (id.Length == 0)
        {
            return null;
        }
        // The reader has usually found the child already (HeldAt), so it is not looked up again.
        var at = row.HeldAt(column);
        if (at >= 0 || _children.TryGetValue(id, out at))
        {
            var child = _acceptedChildren[at];
            shared = child.Id;
            return child.DateOfBirth;
        }
        row.Error(column, _rejectedChildren.TryGetValue(id, out var where)
            ? $"child {id} was rejected ({where})"
            : $"unknown child {id}: not in {DatasetSchema.Children.FileName}");
        return null;
    }

    private static bool ListsAlready(string[] ids, int count, ReadOnlySpan<char> id)
    {
        for (var i = 0; i < count; i++)
        {
            if (id.SequenceEqual(ids[i]))
            {
                return true;
            }
        }
        return false;
    }

    private Offence? RequireOffence(RowParser row, int column, string id)
    {
        var at = row.HeldAt(column);
        if (at >= 0 || _offences.TryGetValue(id, out at))
        {
            return _acceptedOffences[at];
        }
        row.Error(column, id, _rejectedOffences.TryGetValue(id, out var where)
            ? $"offence {id} was rejected ({where})"
            : $"unknown offence {id}: not in {DatasetSchema.Offences.FileName}");
        return null;
    }

    /// <summary>Checks a reference to an episode; returns the episode's child when it was accepted with, in
    /// <paramref name="shared"/>, the episode's own id string (else <paramref name="id"/>).</summary>
    private string? RequireEpisode(RowParser row, int column, string id, out string shared)
    {
        shared = id;
        var at = row.HeldAt(column);
        if (at >= 0 || _episodes.TryGetValue(id, out at))
        {
            var episode = _acceptedEpisodes[at];
            shared = episode.Id;
            return episode.ChildId;
        }
        row.Error(column, _rejectedEpisodes.TryGetValue(id, out var where)
            ? $"episode {id} was rejected ({where})"
            : $"unknown episode {id}: not in {DatasetSchema.Episodes.FileName}");
        return null;
    }

    private string? RequireOutcome(RowParser row, int column, string id, out string shared)
    {
        shared = id;
        var at = row.HeldAt(column);
        if (at >= 0 || _outcomes.TryGetValue(id, out at))
        {
            var outcome = _acceptedOutcomes[at];
            shared = outcome.Id;
            return outcome.ChildId;
        }
        row.Error(column, _rejectedOutcomes.TryGetValue(id, out var where)
            ? $"outcome {id} was rejected ({where})"
            : $"unknown outcome {id}: not in {DatasetSchema.Outcomes.FileName}");
        return null;
    }

    private Area? ConvertArea(RowParser row)
    {
        var code = row.Id(0);
        CheckUnique(row, DatasetSchema.Areas, code);
        var name = row.Text(1);
        return row.HasErrors ? null : new Area(code, name);
    }

    private Child? ConvertChild(RowParser row)
    {
        var id = row.Id(0);
        CheckUnique(row, DatasetSchema.Children, id, _children, _rejectedChildren);
        var dateOfBirth = row.Date(1);
        var sex = row.Classification(2, "sex", Sex.Unknown);
        var ethnicity = row.Ethnicity(3);
        var home = row.Text(4);
        var care = row.OptionalCode<CareStatus>(5, "care status") ?? CareStatus.None;
        var send = row.OptionalCode<SendStatus>(6, "SEND status") ?? SendStatus.None;
        return row.HasErrors || ethnicity is null ? null : new Child(id, dateOfBirth, sex, ethnicity, home, care, send);
    }

    private Offence? ConvertOffence(RowParser row)
    {
        var id = row.Id(0);
        CheckUnique(row, DatasetSchema.Offences, id, _offences, _rejectedOffences);
        var childId = row.Text(1);
        var dateOfBirth = RequireChild(row, 1, childId, out childId);
        var before = row.Problems.Count;
        var committed = row.Date(2);
        if (dateOfBirth is { } born && row.Problems.Count == before && committed < born)
        {
            row.Error(2, $"is before the child's date of birth {RowParser.FormatDate(born)}");
        }
        var group = row.Code<OffenceGroup>(3, "offence group");
        var gravity = row.Int(4, 1, 8);
        var knife = row.OptionalBool(5) ?? false;
        return row.HasErrors ? null : new Offence(id, childId, committed, group, gravity, knife);
    }

    private Outcome? ConvertOutcome(RowParser row)
    {
        var id = row.Id(0);
        CheckUnique(row, DatasetSchema.Outcomes, id, _outcomes, _rejectedOutcomes);
        var childId = row.Text(1);
        RequireChild(row, 1, childId, out childId);
        var before = row.Problems.Count;
        var date = row.Date(3);
        var dateOk = row.Problems.Count == before;
        OutcomeType? type = null;
        if (row.Raw(4) is null)
        {
            row.Error(4, "is required but empty");
        }
        else if (!_options.Vocabulary.TryGetOutcomeType(row.Raw(4), out type))
        {
            row.Error(4, $"is not a known outcome type code (allowed: {string.Join(", ", _options.Vocabulary.OutcomeTypes.Select(t => t.Code))})");
        }
        var offenceIds = ImmutableArray<string>.Empty;
        if (row.Raw(2) is { } list)
        {
            // Each id is looked up as a slice of the cell, and kept as the offence's own id string: no string is made
            // per id unless the id is not an accepted offence's.
            var ids = new string[list.AsSpan().Count(';') + 1];
            var count = 0;
            foreach (var range in list.AsSpan().Split(';'))
            {
                var part = list.AsSpan(range);
                if (part.Trim().Length == 0)
                {
                    row.Error(2, "has an empty offence id (ids are separated by ';')");
                    continue;
                }
                if (part.Trim().Length != part.Length)
                {
                    row.Error(2, part.ToString(), "has white space around an offence id (ids are separated by ';' with no spaces, e.g. O1;O2)");
                    continue;
                }
                if (ListsAlready(ids, count, part))
                {
                    row.Error(2, part.ToString(), "lists the same offence twice");
                    continue;
                }
                // A cell of one id the reader has found already (HeldAt) is not looked up again.
                var at = part.Length == list.Length ? row.HeldAt(2) : -1;
                string? offenceId = at >= 0 ? list : null;
                if (at < 0 && !_offenceIds.TryGetValue(part, out offenceId, out at))
                {
                    offenceId = part.Length == list.Length ? list : part.ToString();
                    ids[count++] = offenceId;
                    RequireOffence(row, 2, offenceId);
                    continue;
                }
                ids[count++] = offenceId!;
                var offence = _acceptedOffences[at];
                if (!string.Equals(offence.ChildId, childId, StringComparison.Ordinal))
                {
                    row.Error(2, offenceId, $"offence {offenceId} belongs to child {offence.ChildId}, not to child {childId}");
                }
                else if (dateOk && date < offence.CommittedOn)
                {
                    row.Error(3, $"is before offence {offenceId} was committed ({RowParser.FormatDate(offence.CommittedOn)})");
                }
            }
            offenceIds = count == ids.Length ? ImmutableCollectionsMarshal.AsImmutableArray(ids) : ImmutableArray.Create(ids, 0, count);
        }
        else if (type is not null && type.Category != OutcomeCategory.Remand)
        {
            row.Error(2, "is required: an outcome must dispose of at least one offence (only a remand may have none)");
        }
        var beforeDecidedBy = row.Problems.Count;
        var decidedBy = row.Code<DecidingBody>(5, "deciding body");
        var decidedByOk = row.Problems.Count == beforeDecidedBy;
        var admitted = row.OptionalBool(6);
        var resentenced = row.OptionalBool(7) ?? false;
        var length = row.OptionalInt(8, 0, int.MaxValue);
        var release = row.OptionalDate(9);
        var end = row.OptionalDate(10);
        if (dateOk && release is { } released && released < date)
        {
            row.Error(9, "is before the outcome date");
        }
        if (dateOk && end is { } ended && ended < date)
        {
            row.Error(10, "is before the outcome date");
        }
        OutcomeType? proposal = null;
        if (row.Raw(11) is { } proposed)
        {
            if (!_options.Vocabulary.TryGetOutcomeType(proposed, out proposal))
            {
                row.Error(11, $"is not a known outcome type code (allowed: {string.Join(", ", _options.Vocabulary.OutcomeTypes.Select(t => t.Code))})");
            }
            else if (decidedByOk && decidedBy != DecidingBody.Court)
            {
                row.Error(11, "a pre-sentence report proposal is only recorded for a court outcome (decided_by COURT)");
            }
        }
        return row.HasErrors || type is null
            ? null
            : new Outcome(id, childId, offenceIds, date, type, decidedBy, admitted, resentenced, length, release, end, proposal);
    }

    private ProgrammeEpisode? ConvertEpisode(RowParser row)
    {
        var id = row.Id(0);
        CheckUnique(row, DatasetSchema.Episodes, id, _episodes, _rejectedEpisodes);
        var childId = row.Text(1);
        RequireChild(row, 1, childId, out childId);
        ProgrammeKind? programme = null;
        if (row.Raw(2) is null)
        {
            row.Error(2, "is required but empty");
        }
        else if (!_options.Vocabulary.TryGetProgramme(row.Raw(2), out programme))
        {
            row.Error(2, $"is not a known programme code or alias (allowed: {string.Join(", ", _options.Vocabulary.Programmes.Select(p => p.Code))})");
        }
        var before = row.Problems.Count;
        var referral = row.Date(3);
        var referralOk = row.Problems.Count == before;
        var route = row.OptionalText(4);
        var eligibility = row.OptionalText(5);
        var consent = row.OptionalBool(6);
        var engagement = row.OptionalClassification(7, "engagement", Engagement.NotKnown) ?? Engagement.NotKnown;
        var start = row.OptionalDate(8);
        var end = row.OptionalDate(9);
        if (referralOk && start is { } started && started < referral)
        {
            row.Error(8, "is before the referral date");
        }
        if (referralOk && end is { } ended && (ended < referral || (start is { } s && ended < s)))
        {
            row.Error(9, "is before the referral or start date");
        }
        var closure = row.OptionalText(10);
        var practitioner = row.OptionalText(11) is null ? null : row.Id(11);
        return row.HasErrors || programme is null
            ? null
            : new ProgrammeEpisode(id, childId, programme, referral, route, eligibility, consent, engagement, start, end, closure, practitioner);
    }

    private PathwayEvent? ConvertPathwayEvent(RowParser row)
    {
        var episodeId = row.Text(0);
        if (episodeId.Length > 0)
        {
            RequireEpisode(row, 0, episodeId, out episodeId);
        }
        var date = row.Date(1);
        var state = row.Text(2);
        var detail = row.OptionalText(3);
        return row.HasErrors ? null : new PathwayEvent(episodeId, date, state, detail);
    }

    private ChildLink? ConvertLink(RowParser row)
    {
        var childId = row.Text(0);
        RequireChild(row, 0, childId, out childId);
        var linkedId = row.Text(1);
        RequireChild(row, 1, linkedId, out linkedId);
        if (childId.Length > 0 && string.Equals(childId, linkedId, StringComparison.Ordinal))
        {
            row.Error(1, "a child cannot be linked to itself");
        }
        var kind = row.Code<LinkKind>(2, "link kind");
        return row.HasErrors ? null : new ChildLink(childId, linkedId, kind);
    }

    private Assessment? ConvertAssessment(RowParser row)
    {
        var id = row.Id(0);
        CheckUnique(row, DatasetSchema.Assessments, id);
        var childId = row.Text(1);
        RequireChild(row, 1, childId, out childId);
        var date = row.Date(2);
        var kind = row.Text(3);
        var harm = row.OptionalCode<RiskLevel>(4, "risk level") ?? RiskLevel.NotAssessed;
        var safety = row.OptionalCode<RiskLevel>(5, "risk level") ?? RiskLevel.NotAssessed;
        var aces = row.OptionalInt(6, 0, int.MaxValue);
        var needs = row.NeedsList(7);
        var parent = row.OptionalBool(8) ?? false;
        var stage = row.OptionalCode<AssessmentStage>(9, "assessment stage") ?? AssessmentStage.NotKnown;
        return row.HasErrors ? null : new Assessment(id, childId, date, kind, harm, safety, aces, needs, parent, stage);
    }

    private StatusObservation? ConvertObservation(RowParser row)
    {
        var id = row.Id(0);
        CheckUnique(row, DatasetSchema.StatusObservations, id);
        var childId = row.Text(1);
        RequireChild(row, 1, childId, out childId);
        var episodeId = row.OptionalText(2);
        if (episodeId is not null && RequireEpisode(row, 2, episodeId, out episodeId) is { } episodeChild && childId.Length > 0
            && !string.Equals(episodeChild, childId, StringComparison.Ordinal))
        {
            row.Error(2, $"episode {episodeId} belongs to child {episodeChild}, not to child {childId}");
        }
        var date = row.Date(3);
        var point = row.Code<ObservationPoint>(4, "observation point");
        var setting = row.Code<SupervisionSetting>(5, "supervision setting");
        var accommodation = row.OptionalBool(6);
        var ete = row.OptionalBool(7);
        var hours = row.OptionalNonNegativeDecimal(8);
        var plan = row.OptionalBool(9);
        var mental = row.OptionalCode<SupportStage>(10, "support stage");
        var substance = row.OptionalCode<SupportStage>(11, "support stage");
        return row.HasErrors
            ? null
            : new StatusObservation(id, childId, episodeId, date, point, setting, accommodation, ete, hours, plan, mental, substance);
    }

    private VictimContact? ConvertVictimContact(RowParser row)
    {
        var id = row.Id(0);
        CheckUnique(row, DatasetSchema.VictimContacts, id);
        var childId = row.Text(1);
        RequireChild(row, 1, childId, out childId);
        var offenceId = row.OptionalText(2);
        if (offenceId is not null && RequireOffence(row, 2, offenceId) is { } offence)
        {
            offenceId = offence.Id;
            if (childId.Length > 0 && !string.Equals(offence.ChildId, childId, StringComparison.Ordinal))
            {
                row.Error(2, $"offence {offenceId} belongs to child {offence.ChildId}, not to child {childId}");
            }
        }
        var date = row.Date(3);
        var consented = row.Bool(4);
        var views = row.Bool(5);
        var offered = row.Bool(6);
        var takenUp = row.Bool(7);
        return row.HasErrors ? null : new VictimContact(id, childId, offenceId, date, consented, views, offered, takenUp);
    }

    private BoardAttendance? ConvertBoardAttendance(RowParser row)
    {
        var area = row.Text(0);
        var date = row.Date(1);
        var agency = row.Text(2);
        var attendance = row.Code<AttendanceLevel>(3, "attendance level");
        return row.HasErrors ? null : new BoardAttendance(area, date, agency, attendance);
    }

    private PopulationEstimate? ConvertPopulation(RowParser row)
    {
        var area = row.Text(0);
        var year = row.Int(1, DatasetFormat.MinYear, DatasetFormat.MaxYear);
        var age = row.Int(2, 0, DatasetFormat.MaxAge);
        var sex = row.OptionalCode<Sex>(3, "sex");
        var group = row.OptionalCode<EthnicityGroup>(4, "ethnicity group");
        var count = row.Int(5, 0, int.MaxValue);
        if (!row.HasErrors && !_populationKeys.Add((area, year, age, sex, group)))
        {
            row.Error(5, "duplicate population estimate: another row has the same area_code, year, age, sex and ethnicity_group");
        }
        return row.HasErrors ? null : new PopulationEstimate(area, year, age, sex, group, count);
    }

    private ReferencePopulation? ConvertReferencePopulation(RowParser row)
    {
        var name = row.Text(0);
        var area = row.Text(1);
        var year = row.Int(2, DatasetFormat.MinYear, DatasetFormat.MaxYear);
        var group = row.Code<EthnicityGroup>(3, "ethnicity group");
        var count = row.Int(4, 0, int.MaxValue);
        if (!row.HasErrors && !_referenceKeys.Add((name, area, year, group)))
        {
            row.Error(4, "duplicate reference population: another row has the same name, area_code, year and ethnicity_group");
        }
        return row.HasErrors ? null : new ReferencePopulation(name, area, year, group, count);
    }

    private CaseEvent? ConvertCaseEvent(RowParser row)
    {
        var id = row.Id(0);
        CheckUnique(row, DatasetSchema.CaseEvents, id);
        var childId = row.Text(1);
        RequireChild(row, 1, childId, out childId);
        var date = row.Date(2);
        var kind = row.Code<CaseEventKind>(3, "case event kind");
        var outcomeId = row.OptionalText(4);
        if (outcomeId is not null && RequireOutcome(row, 4, outcomeId, out outcomeId) is { } outcomeChild && childId.Length > 0
            && !string.Equals(outcomeChild, childId, StringComparison.Ordinal))
        {
            row.Error(4, $"outcome {outcomeId} belongs to child {outcomeChild}, not to child {childId}");
        }
        var detail = row.OptionalText(5);
        return row.HasErrors ? null : new CaseEvent(id, childId, date, kind, outcomeId, detail);
    }

    private FeedbackRequest? ConvertFeedback(RowParser row)
    {
        var id = row.Id(0);
        CheckUnique(row, DatasetSchema.Feedback, id);
        var childId = row.Text(1);
        RequireChild(row, 1, childId, out childId);
        var respondent = row.Code<FeedbackRespondent>(2, "feedback respondent");
        var requested = row.Date(3);
        var beforeResponded = row.Problems.Count;
        var responded = row.Bool(4);
        var respondedOk = row.Problems.Count == beforeResponded;
        var score = row.OptionalDecimal(5, 1, 5);
        if (score is not null && respondedOk && !responded)
        {
            row.Error(5, "a score is only recorded when feedback was given (responded is false)");
        }
        var episodeId = row.OptionalText(6);
        if (episodeId is not null && RequireEpisode(row, 6, episodeId, out episodeId) is { } episodeChild && childId.Length > 0
            && !string.Equals(episodeChild, childId, StringComparison.Ordinal))
        {
            row.Error(6, $"episode {episodeId} belongs to child {episodeChild}, not to child {childId}");
        }
        return row.HasErrors ? null : new FeedbackRequest(id, childId, respondent, requested, responded, score, episodeId);
    }
}

/// <summary>The importer's log messages.</summary>
internal static partial class ImportLog
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Information,
        Message = "Imported {Source} ({Policy}): succeeded {Succeeded}; read {Read} = accepted {Accepted} + rejected {Rejected}; {Errors} errors, {Warnings} warnings")]
    internal static partial void Finished(ILogger logger, string source, ImportPolicy policy, bool succeeded, long read, long accepted, long rejected, int errors, int warnings);
}
