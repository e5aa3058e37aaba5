using NodaTime;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Internal;

namespace YouthJustice.Sdk.IO;

/// <summary>Names and constants of the dataset format (version 1). See <c>docs/data-format.md</c>.</summary>
public static class DatasetFormat
{
    /// <summary>The format version this SDK writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The manifest file of a dataset folder.</summary>
    public const string ManifestFileName = "manifest.csv";

    /// <summary>The default name of the JSON form.</summary>
    public const string JsonFileName = "dataset.json";

    /// <summary>The manifest field (CSV column and JSON property) holding the format version.</summary>
    public const string FormatVersionField = "format_version";

    /// <summary>The manifest field holding the as-of date.</summary>
    public const string AsOfField = "as_of";

    /// <summary>The smallest year a population row may have.</summary>
    public const int MinYear = 1900;

    /// <summary>The largest year a population row may have.</summary>
    public const int MaxYear = 2200;

    /// <summary>The largest single year of age a population row may have.</summary>
    public const int MaxAge = 120;

    /// <summary>The CSV file name of an entity, e.g. <c>pathway-events.csv</c>.</summary>
    public static string FileName(DatasetEntity entity) => Schema(entity).FileName;

    /// <summary>The name of an entity's table: its CSV file name less <c>.csv</c>, e.g. <c>pathway-events</c>, as
    /// <see cref="Dataset.TablesNotRead"/> names it.</summary>
    public static string TableName(DatasetEntity entity) => Path.GetFileNameWithoutExtension(Schema(entity).FileName);

    /// <summary>Throws unless <paramref name="dataset"/> has every table: a dataset imported without some cannot be written
    /// out, because the tables it lacks would be written empty and read back as "nothing recorded".</summary>
    internal static void CheckHasEveryTable(Dataset dataset, string parameter)
    {
        if (dataset.TablesNotRead.Count > 0)
        {
            throw new ArgumentException(
                $"The dataset was imported without the tables {string.Join(", ", dataset.TablesNotRead)} (ImportOptions.Tables), so it cannot be "
                + "written out: those tables would be written empty and read back as though nothing had been recorded. Import every table to write it.",
                parameter);
        }
    }

    /// <summary>The JSON array name of an entity, e.g. <c>pathway_events</c>.</summary>
    public static string JsonArrayName(DatasetEntity entity) => Schema(entity).JsonName;

    /// <summary>The columns of an entity's file, in their fixed order.</summary>
    public static IReadOnlyList<string> Columns(DatasetEntity entity) => Schema(entity).Names;

    private static EntitySchema Schema(DatasetEntity entity)
    {
        var index = (int)entity;
        Preconditions.CheckArgument(index >= 0 && index < DatasetSchema.All.Length, nameof(entity), $"Unknown dataset entity {entity}.");
        return DatasetSchema.All[index];
    }
}

/// <summary>
/// Writes a dataset as a folder of CSV files or as one JSON document, deterministically: the same dataset always gives
/// the same bytes (fixed column order, records in dataset order, invariant culture, <c>\n</c> line endings, UTF-8
/// without a byte order mark). Importing the output gives an equal dataset.
/// </summary>
/// <remarks>Every file is written, even when empty (a header line only), so a reader sees the full layout.
/// Thread-safe: each call is independent.</remarks>
public static class DatasetExporter
{
    internal static readonly CsvWriterOptions WriterOptions = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        WriteByteOrderMark = false,
        FormatProvider = CultureInfo.InvariantCulture,
        // Values are written exactly as they are so that a round trip is lossless (no formula escaping).
        Injection = CsvInjection.None,
        ValidateFieldCount = false,
    };

    /// <summary>Writes <paramref name="dataset"/> as a folder: <c>manifest.csv</c> and one CSV file per entity.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="path">The folder; created if missing. Existing dataset files in it are overwritten.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank, or the dataset was imported without some
    /// tables (<see cref="Dataset.TablesNotRead"/>): written out, their empty files would read back as "nothing recorded".</exception>
    public static void WriteFolder(Dataset dataset, string path)
    {
        Preconditions.CheckNotNull(dataset, nameof(dataset));
        Preconditions.CheckNotBlank(path, nameof(path));
        DatasetFormat.CheckHasEveryTable(dataset, nameof(dataset));
        Directory.CreateDirectory(path);
        using (var manifest = CsvWriter.ToFile(Path.Combine(path, DatasetFormat.ManifestFileName), WriterOptions))
        {
            manifest.WriteRecord([DatasetFormat.FormatVersionField, DatasetFormat.AsOfField]);
            manifest.WriteRecord([DatasetFormat.CurrentVersion.ToString(CultureInfo.InvariantCulture), RowParser.FormatDate(dataset.AsOf)]);
        }
        foreach (var schema in DatasetSchema.All)
        {
            using var writer = CsvWriter.ToFile(Path.Combine(path, schema.FileName), WriterOptions);
            writer.WriteRecord(schema.Names);
            foreach (var cells in Rows(dataset, schema.Entity))
            {
                foreach (var cell in cells)
                {
                    writer.WriteField(cell ?? "");
                }
                writer.EndRecord();
            }
        }
    }

    /// <summary>Writes <paramref name="dataset"/> as one JSON document (UTF-8, no byte order mark, indented with
    /// two spaces, <c>\n</c> line endings). Null fields are left out. The stream is not closed.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The dataset was imported without some tables (<see cref="Dataset.TablesNotRead"/>).</exception>
    public static void WriteJson(Dataset dataset, Stream stream)
    {
        Preconditions.CheckNotNull(dataset, nameof(dataset));
        Preconditions.CheckNotNull(stream, nameof(stream));
        DatasetFormat.CheckHasEveryTable(dataset, nameof(dataset));
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        json.WriteStartObject();
        json.WriteNumber(DatasetFormat.FormatVersionField, DatasetFormat.CurrentVersion);
        json.WriteString(DatasetFormat.AsOfField, RowParser.FormatDate(dataset.AsOf));
        foreach (var schema in DatasetSchema.All)
        {
            json.WriteStartArray(schema.JsonName);
            foreach (var cells in Rows(dataset, schema.Entity))
            {
                json.WriteStartObject();
                for (var c = 0; c < cells.Length; c++)
                {
                    if (cells[c] is { } cell)
                    {
                        WriteValue(json, schema.Columns[c], cell);
                    }
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    /// <summary>Writes <paramref name="dataset"/> as one JSON document to a file (see <see cref="WriteJson(Dataset, Stream)"/>).</summary>
    public static void WriteJson(Dataset dataset, string path)
    {
        Preconditions.CheckNotBlank(path, nameof(path));
        using var stream = File.Create(path);
        WriteJson(dataset, stream);
    }

    private static void WriteValue(Utf8JsonWriter json, ColumnSpec column, string cell)
    {
        json.WritePropertyName(column.Name);
        switch (column.Kind)
        {
            case ColumnKind.Integer:
            case ColumnKind.Decimal:
                // The cell is already invariant digits, which is valid JSON number syntax; writing it raw keeps a
                // decimal's scale (12.50 stays 12.50).
                json.WriteRawValue(cell, skipInputValidation: false);
                break;
            case ColumnKind.Boolean:
                json.WriteBooleanValue(cell == "true");
                break;
            case ColumnKind.List:
                json.WriteStartArray();
                foreach (var item in cell.Split(';'))
                {
                    json.WriteStringValue(item);
                }
                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(cell);
                break;
        }
    }

    private static string Date(LocalDate date) => RowParser.FormatDate(date);

    private static string? Date(LocalDate? date) => date is { } d ? RowParser.FormatDate(d) : null;

    private static string? Bool(bool? value) => value is { } b ? (b ? "true" : "false") : null;

    private static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Code<TEnum>(TEnum? value)
        where TEnum : struct, Enum =>
        value is { } v ? DatasetCodes.Of(v) : null;

    /// <summary>The cells of every record of one entity, in schema column order.</summary>
    internal static IEnumerable<string?[]> Rows(Dataset dataset, DatasetEntity entity) => entity switch
    {
        DatasetEntity.Areas => dataset.Areas.Select(a => new string?[] { a.Code, a.Name }),
        DatasetEntity.Children => dataset.Children.Select(c => new string?[]
        {
            c.Id, Date(c.DateOfBirth), Code<Sex>(c.Sex), c.Ethnicity.Code, c.HomeAreaCode, Code<CareStatus>(c.CareStatus), Code<SendStatus>(c.Send),
        }),
        DatasetEntity.Offences => dataset.Offences.Select(o => new string?[]
        {
            o.Id, o.ChildId, Date(o.CommittedOn), Code<OffenceGroup>(o.Group), Int(o.Gravity), Bool(o.InvolvesKnife),
        }),
        DatasetEntity.Outcomes => dataset.Outcomes.Select(o => new string?[]
        {
            o.Id, o.ChildId, o.OffenceIds.IsDefaultOrEmpty ? null : string.Join(';', o.OffenceIds), Date(o.OutcomeDate), o.Type.Code,
            Code<DecidingBody>(o.DecidedBy), Bool(o.Admitted), Bool(o.Resentenced), Int(o.SentenceLengthDays), Date(o.ReleaseDate), Date(o.EndDate),
            o.PsrProposal?.Code,
        }),
        DatasetEntity.Episodes => dataset.Episodes.Select(e => new string?[]
        {
            e.Id, e.ChildId, e.Programme.Code, Date(e.ReferralDate), e.Route, e.EligibilityBasis, Bool(e.ConsentGiven),
            Code<Engagement>(e.Engagement), Date(e.StartDate), Date(e.EndDate), e.ClosureReason, e.PractitionerId,
        }),
        DatasetEntity.PathwayEvents => dataset.PathwayEvents.Select(p => new string?[] { p.EpisodeId, Date(p.Date), p.State, p.Detail }),
        DatasetEntity.Links => dataset.Links.Select(l => new string?[] { l.ChildId, l.LinkedChildId, Code<LinkKind>(l.Kind) }),
        DatasetEntity.Assessments => dataset.Assessments.Select(a => new string?[]
        {
            a.Id, a.ChildId, Date(a.AssessedOn), a.Kind, Code<RiskLevel>(a.RiskOfSeriousHarm), Code<RiskLevel>(a.SafetyAndWellbeing),
            Int(a.AceCount), NeedsCodes.Format(a.Needs), Bool(a.ParentIncluded), Code<AssessmentStage>(a.Stage),
        }),
        DatasetEntity.StatusObservations => dataset.StatusObservations.Select(s => new string?[]
        {
            s.Id, s.ChildId, s.EpisodeId, Date(s.ObservedOn), Code<ObservationPoint>(s.Point), Code<SupervisionSetting>(s.Setting),
            Bool(s.AccommodationSuitable), Bool(s.EteSuitable), s.EteHours?.ToString(CultureInfo.InvariantCulture), Bool(s.LearningPlan),
            Code(s.MentalHealth), Code(s.SubstanceMisuse),
        }),
        DatasetEntity.VictimContacts => dataset.VictimContacts.Select(v => new string?[]
        {
            v.Id, v.ChildId, v.OffenceId, Date(v.ContactDate), Bool(v.ConsentedToContact), Bool(v.ViewsTaken),
            Bool(v.RestorativeJusticeOffered), Bool(v.RestorativeJusticeTakenUp),
        }),
        DatasetEntity.BoardAttendance => dataset.BoardAttendances.Select(b => new string?[]
        {
            b.AreaCode, Date(b.MeetingDate), b.Agency, Code<AttendanceLevel>(b.Attendance),
        }),
        DatasetEntity.Populations => dataset.Populations.Select(p => new string?[]
        {
            p.AreaCode, Int(p.Year), Int(p.Age), Code(p.Sex), Code(p.EthnicityGroup), Int(p.Count),
        }),
        DatasetEntity.ReferencePopulations => dataset.ReferencePopulations.Select(r => new string?[]
        {
            r.Name, r.AreaCode, Int(r.Year), Code<EthnicityGroup>(r.EthnicityGroup), Int(r.Count),
        }),
        DatasetEntity.CaseEvents => dataset.CaseEvents.Select(e => new string?[]
        {
            e.Id, e.ChildId, Date(e.Date), Code<CaseEventKind>(e.Kind), e.OutcomeId, e.Detail,
        }),
        DatasetEntity.Feedback => dataset.Feedback.Select(f => new string?[]
        {
            f.Id, f.ChildId, Code<FeedbackRespondent>(f.Respondent), Date(f.RequestedOn), Bool(f.Responded),
            f.Score?.ToString(CultureInfo.InvariantCulture), f.EpisodeId,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, "Unknown dataset entity."),
    };
}
