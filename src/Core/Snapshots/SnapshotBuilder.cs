using System.Collections.Concurrent;
using System.Globalization;
using System.Collections.Immutable;
using NodaTime;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.IO;
using static YouthJustice.Sdk.Snapshots.DatasetSnapshot;

namespace YouthJustice.Sdk.Snapshots;

/// <summary>
/// Turns a snapshot's typed columns back into the domain records, one entity per task. The column positions are those
/// of <see cref="DatasetSchema"/>, which declares the columns for CSV, JSON and snapshots alike.
/// </summary>
internal sealed class Builder(Table?[] tables, DomainVocabulary vocabulary, ConcurrentQueue<ImportError> errors)
{
    private bool _failed;

    // The id strings of the records other files refer to, made once and then only read (by the files loaded at once).
    private SharedStrings? _childIds;
    private SharedStrings? _offenceIds;
    private SharedStrings? _outcomeIds;
    private SharedStrings? _episodeIds;

    public Dataset? Build(LocalDate asOf)
    {
        IReadOnlyList<Area> areas = [];
        Child[] children = [];
        Offence[] offences = [];
        Outcome[] outcomes = [];
        ProgrammeEpisode[] episodes = [];
        IReadOnlyList<PathwayEvent> pathway = [];
        IReadOnlyList<ChildLink> links = [];
        IReadOnlyList<Assessment> assessments = [];
        IReadOnlyList<StatusObservation> observations = [];
        IReadOnlyList<VictimContact> victims = [];
        IReadOnlyList<BoardAttendance> board = [];
        IReadOnlyList<PopulationEstimate> populations = [];
        IReadOnlyList<ReferencePopulation> references = [];
        IReadOnlyList<CaseEvent> caseEvents = [];
        IReadOnlyList<FeedbackRequest> feedback = [];
        // In the order of what refers to what, each step's files at once: a reference is looked up among the ids of the
        // file it refers to, so that it shares the referenced record's string.
        Parallel.Invoke(
            () => areas = Each(DatasetSchema.Areas, (t, r) => new Area(Req(t, 0, r), Req(t, 1, r))),
            () =>
            {
                children = Each(DatasetSchema.Children, (t, r) => new Child(Req(t, 0, r), Day(t, 1, r), Code<Sex>(t, 2, r),
                    Ethnicity(t, 3, r), Req(t, 4, r), OptCode<CareStatus>(t, 5, r) ?? CareStatus.None, OptCode<SendStatus>(t, 6, r) ?? SendStatus.None));
                _childIds = new SharedStrings(children.Select(c => c.Id), children.Length);
            },
            () => board = Each(DatasetSchema.BoardAttendance, (t, r) => new BoardAttendance(Req(t, 0, r), Day(t, 1, r), Req(t, 2, r),
                Code<AttendanceLevel>(t, 3, r))),
            () => populations = Each(DatasetSchema.Populations, (t, r) => new PopulationEstimate(Req(t, 0, r), t.Int(1, r) ?? 0, t.Int(2, r) ?? 0,
                OptCode<Sex>(t, 3, r), OptCode<EthnicityGroup>(t, 4, r), t.Int(5, r) ?? 0)),
            () => references = Each(DatasetSchema.ReferencePopulations, (t, r) => new ReferencePopulation(Req(t, 0, r), Req(t, 1, r),
                t.Int(2, r) ?? 0, Code<EthnicityGroup>(t, 3, r), t.Int(4, r) ?? 0)));
        Parallel.Invoke(
            () =>
            {
                offences = Each(DatasetSchema.Offences, (t, r) => new Offence(Req(t, 0, r), Req(t, 1, r), Day(t, 2, r),
                    Code<OffenceGroup>(t, 3, r), t.Int(4, r) ?? 0, t.Bool(5, r) ?? false));
                _offenceIds = new SharedStrings(offences.Select(o => o.Id), offences.Length);
            },
            () =>
            {
                episodes = Each(DatasetSchema.Episodes, (t, r) => new ProgrammeEpisode(Req(t, 0, r), Req(t, 1, r), ProgrammeOf(t, 2, r),
                    Day(t, 3, r), t.Text(4, r), t.Text(5, r), t.Bool(6, r), OptCode<Engagement>(t, 7, r) ?? Engagement.NotKnown,
                    OptDay(t, 8, r), OptDay(t, 9, r), t.Text(10, r), t.Text(11, r)));
                _episodeIds = new SharedStrings(episodes.Select(e => e.Id), episodes.Length);
            },
            () => links = Each(DatasetSchema.Links, (t, r) => new ChildLink(Req(t, 0, r), Req(t, 1, r), Code<LinkKind>(t, 2, r))),
            () => assessments = Each(DatasetSchema.Assessments, (t, r) => new Assessment(Req(t, 0, r), Req(t, 1, r), Day(t, 2, r), Req(t, 3, r),
                OptCode<RiskLevel>(t, 4, r) ?? RiskLevel.NotAssessed, OptCode<RiskLevel>(t, 5, r) ?? RiskLevel.NotAssessed, t.Int(6, r),
                NeedsOf(t, 7, r), t.Bool(8, r) ?? false, OptCode<AssessmentStage>(t, 9, r) ?? AssessmentStage.NotKnown)));
        Parallel.Invoke(
            () =>
            {
                outcomes = Each(DatasetSchema.Outcomes, (t, r) => new Outcome(Req(t, 0, r), Req(t, 1, r),
                    OffenceIdsOf(t, 2, r), Day(t, 3, r), OutcomeTypeOf(t, 4, r), Code<DecidingBody>(t, 5, r),
                    t.Bool(6, r), t.Bool(7, r) ?? false, t.Int(8, r), OptDay(t, 9, r), OptDay(t, 10, r), OptOutcomeTypeOf(t, 11, r)));
                _outcomeIds = new SharedStrings(outcomes.Select(o => o.Id), outcomes.Length);
                caseEvents = Each(DatasetSchema.CaseEvents, (t, r) => new CaseEvent(Req(t, 0, r), Req(t, 1, r), Day(t, 2, r),
                    Code<CaseEventKind>(t, 3, r), t.Text(4, r), t.Text(5, r)));
            },
            () => pathway = Each(DatasetSchema.PathwayEvents, (t, r) => new PathwayEvent(Req(t, 0, r), Day(t, 1, r), Req(t, 2, r), t.Text(3, r))),
            () => observations = Each(DatasetSchema.StatusObservations, (t, r) => new StatusObservation(Req(t, 0, r), Req(t, 1, r), t.Text(2, r),
                Day(t, 3, r), Code<ObservationPoint>(t, 4, r), Code<SupervisionSetting>(t, 5, r), t.Bool(6, r), t.Bool(7, r),
                DecimalOf(t, 8, r), t.Bool(9, r), OptCode<SupportStage>(t, 10, r), OptCode<SupportStage>(t, 11, r))),
            () => victims = Each(DatasetSchema.VictimContacts, (t, r) => new VictimContact(Req(t, 0, r), Req(t, 1, r), t.Text(2, r), Day(t, 3, r),
                t.Bool(4, r) ?? false, t.Bool(5, r) ?? false, t.Bool(6, r) ?? false, t.Bool(7, r) ?? false)),
            () => feedback = Each(DatasetSchema.Feedback, (t, r) => new FeedbackRequest(Req(t, 0, r), Req(t, 1, r),
                Code<FeedbackRespondent>(t, 2, r), Day(t, 3, r), t.Bool(4, r) ?? false, DecimalOf(t, 5, r), t.Text(6, r))));
        if (Volatile.Read(ref _failed))
        {
            return null;
        }
        return new Dataset
        {
            AsOf = asOf,
            Areas = areas,
            Children = children,
            Offences = offences,
            Outcomes = outcomes,
            Episodes = episodes,
            PathwayEvents = pathway,
            Links = links,
            Assessments = assessments,
            StatusObservations = observations,
            VictimContacts = victims,
            BoardAttendances = board,
            Populations = populations,
            ReferencePopulations = references,
            CaseEvents = caseEvents,
            Feedback = feedback,
        };
    }

    private T[] Each<T>(EntitySchema schema, Func<Table, int, T> make)
    {
        if (tables[(int)schema.Entity] is not { } table)
        {
            return [];
        }
        for (var c = 0; c < schema.Columns.Count; c++)
        {
            // Dates, whole numbers and booleans are read as values, never as text.
            if (schema.Columns[c].Kind is not (ColumnKind.Date or ColumnKind.Integer or ColumnKind.Boolean))
            {
                table.Strings[c] = StringsFor(schema, c);
            }
        }
        var records = new T[table.Rows];
        table.ForEachRowGroup(t =>
        {
            for (var r = 0; r < t.GroupRows; r++)
            {
                records[t.RowOffset + r] = make(t, r);
            }
        });
        return records;
    }

    /// <summary>How a text column's values become strings: a record's own id is a new string (ids are unique); a
    /// reference to a child, offence, outcome or episode is the referenced record's id string; anything else (codes,
    /// areas, practitioners, details) is shared among the equal values of its column.</summary>
    private Func<ReadOnlySpan<char>, string> StringsFor(EntitySchema schema, int column)
    {
        var name = schema.Columns[column].Name;
        SharedStrings? referenced = name switch
        {
            "child_id" or "linked_child_id" => _childIds,
            "offence_id" => _offenceIds,
            "outcome_id" => _outcomeIds,
            "episode_id" => _episodeIds,
            _ => null,
        };
        if (referenced is not null)
        {
            return referenced.Existing;
        }
        if (column == 0 && name == "id")
        {
            return static span => new string(span);
        }
        return new StringPool().Get;
    }

    private ImmutableArray<string> OffenceIdsOf(Table t, int column, int row)
    {
        var list = t.Span(column, row);
        if (list.IsEmpty)
        {
            return [];
        }
        var ids = ImmutableArray.CreateBuilder<string>(list.Count(';') + 1);
        foreach (var part in list.Split(';'))
        {
            ids.Add(_offenceIds!.Existing(list[part]));
        }
        return ids.MoveToImmutable();
    }

    private void Fail(Table t, int column, int row, string? value, string reason)
    {
        Volatile.Write(ref _failed, true);
        // One error per file and column is enough to say what is wrong; the snapshot is not read further.
        if (errors.Count < 1000)
        {
            errors.Enqueue(new ImportError(FileName(t.Schema), null, string.Create(CultureInfo.InvariantCulture, $"row {t.RowOffset + row + 1}"),
                t.Schema.Names[column], value, reason));
        }
    }

    private string Req(Table t, int column, int row)
    {
        if (t.Text(column, row) is { } value)
        {
            return value;
        }
        Fail(t, column, row, null, "is required but empty");
        return "";
    }

    private LocalDate Day(Table t, int column, int row)
    {
        if (t.Date(column, row) is { } d)
        {
            return LocalDate.FromDateOnly(d);
        }
        Fail(t, column, row, null, "is required but empty");
        return default;
    }

    private static LocalDate? OptDay(Table t, int column, int row) => t.Date(column, row) is { } d ? LocalDate.FromDateOnly(d) : null;

    private TEnum Code<TEnum>(Table t, int column, int row)
        where TEnum : struct, Enum
    {
        if (OptCode<TEnum>(t, column, row) is { } value)
        {
            return value;
        }
        if (t.Text(column, row) is null)
        {
            Fail(t, column, row, null, "is required but empty");
        }
        return default;
    }

    private TEnum? OptCode<TEnum>(Table t, int column, int row)
        where TEnum : struct, Enum
    {
        if (t.Text(column, row) is not { } text)
        {
            return null;
        }
        if (DatasetCodes.TryParse<TEnum>(text, out var value))
        {
            return value;
        }
        Fail(t, column, row, text, $"is not a known {typeof(TEnum).Name} code");
        return null;
    }

    private EthnicityCategory Ethnicity(Table t, int column, int row)
    {
        var text = Req(t, column, row);
        if (EthnicityCategory.TryFromCode(text, out var category))
        {
            return category;
        }
        Fail(t, column, row, text, "is not a known ethnicity code");
        return EthnicityCategory.NotObtained;
    }

    private OutcomeType OutcomeTypeOf(Table t, int column, int row)
    {
        var text = Req(t, column, row);
        if (vocabulary.TryGetOutcomeType(text, out var type))
        {
            return type;
        }
        Fail(t, column, row, text, "is not an outcome type this vocabulary knows: load the plugin that declares it");
        return OutcomeTypes.NoFurtherAction;
    }

    private OutcomeType? OptOutcomeTypeOf(Table t, int column, int row) =>
        t.Text(column, row) is null ? null : OutcomeTypeOf(t, column, row);

    private ProgrammeKind ProgrammeOf(Table t, int column, int row)
    {
        var text = Req(t, column, row);
        if (vocabulary.TryGetProgramme(text, out var programme))
        {
            return programme;
        }
        Fail(t, column, row, text, "is not a programme this vocabulary knows: load the plugin that declares it");
        return vocabulary.Programmes[0];
    }

    private Needs NeedsOf(Table t, int column, int row)
    {
        var needs = Needs.None;
        if (t.Text(column, row) is { } list)
        {
            foreach (var part in list.Split(';'))
            {
                if (DatasetCodes.TryParse<Needs>(part, out var flag))
                {
                    needs |= flag;
                }
                else
                {
                    Fail(t, column, row, part, "is not a known need code");
                }
            }
        }
        return needs;
    }

    private decimal? DecimalOf(Table t, int column, int row)
    {
        if (t.Text(column, row) is not { } text)
        {
            return null;
        }
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        Fail(t, column, row, text, "is not a number");
        return null;
    }
}

/// <summary>Equal strings made once: the first value seen is kept and returned for every equal one after it. One per column
/// and per loading thread.</summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> value)
    {
        if (_lookup.TryGetValue(value, out var existing))
        {
            return existing;
        }
        var made = new string(value);
        _strings.Add(made, made);
        return made;
    }
}

/// <summary>A file's id strings, read by the files that refer to them (from several threads at once: it is only read
/// once made). An id not among them (a snapshot written by hand) becomes a new string.</summary>
internal sealed class SharedStrings
{
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public SharedStrings(IEnumerable<string> ids, int count)
    {
        var strings = new Dictionary<string, string>(count, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            strings.TryAdd(id, id);
        }
        _lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Existing(ReadOnlySpan<char> id) => _lookup.TryGetValue(id, out var existing) ? existing : new string(id);
}
