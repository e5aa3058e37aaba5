using System.Collections.Frozen;

namespace YouthJustice.Sdk.IO;

/// <summary>How a column's values are written in JSON (CSV cells are always text).</summary>
internal enum ColumnKind
{
    Text,
    Code,
    Date,
    Integer,
    Decimal,
    Boolean,
    List,
}

/// <summary>One column of a dataset file.</summary>
internal sealed record ColumnSpec(string Name, ColumnKind Kind, bool Required);

/// <summary>The layout of one dataset file: its name, its JSON array name and its columns in their fixed order.</summary>
internal sealed class EntitySchema
{
    public EntitySchema(DatasetEntity entity, string fileStem, string singular, params ColumnSpec[] columns)
    {
        Entity = entity;
        FileName = fileStem + ".csv";
        RejectsFileName = fileStem + ".rejects.csv";
        JsonName = fileStem.Replace('-', '_');
        Singular = singular;
        Columns = columns;
        Names = [.. columns.Select(c => c.Name)];
        IndexOf = columns.Select((c, i) => (c.Name, i)).ToFrozenDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
    }

    public DatasetEntity Entity { get; }

    public string FileName { get; }

    public string RejectsFileName { get; }

    public string JsonName { get; }

    /// <summary>What one record is called in messages, e.g. <c>child</c>.</summary>
    public string Singular { get; }

    public IReadOnlyList<ColumnSpec> Columns { get; }

    public string[] Names { get; }

    public FrozenDictionary<string, int> IndexOf { get; }
}

/// <summary>The file and column names of format version 1. See <c>docs/data-format.md</c>.</summary>
internal static class DatasetSchema
{
    private static ColumnSpec Req(string name, ColumnKind kind) => new(name, kind, true);

    private static ColumnSpec Opt(string name, ColumnKind kind) => new(name, kind, false);

    public static readonly EntitySchema Manifest = new((DatasetEntity)(-1), "manifest", "manifest",
        Req("format_version", ColumnKind.Integer), Req("as_of", ColumnKind.Date));

    public static readonly EntitySchema Areas = new(DatasetEntity.Areas, "areas", "area",
        Req("code", ColumnKind.Text), Req("name", ColumnKind.Text));

    public static readonly EntitySchema Children = new(DatasetEntity.Children, "children", "child",
        Req("id", ColumnKind.Text), Req("date_of_birth", ColumnKind.Date), Req("sex", ColumnKind.Code),
        Req("ethnicity", ColumnKind.Code), Req("home_area_code", ColumnKind.Text),
        Opt("care_status", ColumnKind.Code), Opt("send", ColumnKind.Code));

    public static readonly EntitySchema Offences = new(DatasetEntity.Offences, "offences", "offence",
        Req("id", ColumnKind.Text), Req("child_id", ColumnKind.Text), Req("committed_on", ColumnKind.Date),
        Req("offence_group", ColumnKind.Code), Req("gravity", ColumnKind.Integer), Opt("involves_knife", ColumnKind.Boolean));

    public static readonly EntitySchema Outcomes = new(DatasetEntity.Outcomes, "outcomes", "outcome",
        Req("id", ColumnKind.Text), Req("child_id", ColumnKind.Text), Opt("offence_ids", ColumnKind.List),
        Req("outcome_date", ColumnKind.Date), Req("outcome_type", ColumnKind.Code), Req("decided_by", ColumnKind.Code),
        Opt("admitted", ColumnKind.Boolean), Opt("resentenced", ColumnKind.Boolean), Opt("sentence_length_days", ColumnKind.Integer),
        Opt("release_date", ColumnKind.Date), Opt("end_date", ColumnKind.Date), Opt("psr_proposal", ColumnKind.Code));

    public static readonly EntitySchema Episodes = new(DatasetEntity.Episodes, "episodes", "episode",
        Req("id", ColumnKind.Text), Req("child_id", ColumnKind.Text), Req("programme", ColumnKind.Code),
        Req("referral_date", ColumnKind.Date), Opt("route", ColumnKind.Text), Opt("eligibility_basis", ColumnKind.Text),
        Opt("consent_given", ColumnKind.Boolean), Opt("engagement", ColumnKind.Code), Opt("start_date", ColumnKind.Date),
        Opt("end_date", ColumnKind.Date), Opt("closure_reason", ColumnKind.Text), Opt("practitioner_id", ColumnKind.Text));

    public static readonly EntitySchema PathwayEvents = new(DatasetEntity.PathwayEvents, "pathway-events", "pathway event",
        Req("episode_id", ColumnKind.Text), Req("date", ColumnKind.Date), Req("state", ColumnKind.Text), Opt("detail", ColumnKind.Text));

    public static readonly EntitySchema Links = new(DatasetEntity.Links, "links", "link",
        Req("child_id", ColumnKind.Text), Req("linked_child_id", ColumnKind.Text), Req("kind", ColumnKind.Code));

    public static readonly EntitySchema Assessments = new(DatasetEntity.Assessments, "assessments", "assessment",
        Req("id", ColumnKind.Text), Req("child_id", ColumnKind.Text), Req("assessed_on", ColumnKind.Date), Req("kind", ColumnKind.Text),
        Opt("risk_of_serious_harm", ColumnKind.Code), Opt("safety_and_wellbeing", ColumnKind.Code), Opt("ace_count", ColumnKind.Integer),
        Opt("needs", ColumnKind.List), Opt("parent_included", ColumnKind.Boolean), Opt("stage", ColumnKind.Code));

    public static readonly EntitySchema StatusObservations = new(DatasetEntity.StatusObservations, "status-observations", "status observation",
        Req("id", ColumnKind.Text), Req("child_id", ColumnKind.Text), Opt("episode_id", ColumnKind.Text), Req("observed_on", ColumnKind.Date),
        Req("point", ColumnKind.Code), Req("setting", ColumnKind.Code), Opt("accommodation_suitable", ColumnKind.Boolean),
        Opt("ete_suitable", ColumnKind.Boolean), Opt("ete_hours", ColumnKind.Decimal), Opt("learning_plan", ColumnKind.Boolean),
        Opt("mental_health", ColumnKind.Code), Opt("substance_misuse", ColumnKind.Code));

    public static readonly EntitySchema VictimContacts = new(DatasetEntity.VictimContacts, "victim-contacts", "victim contact",
        Req("id", ColumnKind.Text), Req("child_id", ColumnKind.Text), Opt("offence_id", ColumnKind.Text), Req("contact_date", ColumnKind.Date),
        Req("consented_to_contact", ColumnKind.Boolean), Req("views_taken", ColumnKind.Boolean),
        Req("restorative_justice_offered", ColumnKind.Boolean), Req("restorative_justice_taken_up", ColumnKind.Boolean));

    public static readonly EntitySchema BoardAttendance = new(DatasetEntity.BoardAttendance, "board-attendance", "board attendance",
        Req("area_code", ColumnKind.Text), Req("meeting_date", ColumnKind.Date), Req("agency", ColumnKind.Text), Req("attendance", ColumnKind.Code));

    public static readonly EntitySchema Populations = new(DatasetEntity.Populations, "populations", "population estimate",
        Req("area_code", ColumnKind.Text), Req("year", ColumnKind.Integer), Req("age", ColumnKind.Integer), Opt("sex", ColumnKind.Code),
        Opt("ethnicity_group", ColumnKind.Code), Req("count", ColumnKind.Integer));

    public static readonly EntitySchema ReferencePopulations = new(DatasetEntity.ReferencePopulations, "reference-populations", "reference population",
        Req("name", ColumnKind.Text), Req("area_code", ColumnKind.Text), Req("year", ColumnKind.Integer),
        Req("ethnicity_group", ColumnKind.Code), Req("count", ColumnKind.Integer));

    public static readonly EntitySchema CaseEvents = new(DatasetEntity.CaseEvents, "case-events", "case event",
        Req("id", ColumnKind.Text), Req("child_id", ColumnKind.Text), Req("date", ColumnKind.Date), Req("kind", ColumnKind.Code),
        Opt("outcome_id", ColumnKind.Text), Opt("detail", ColumnKind.Text));

    public static readonly EntitySchema Feedback = new(DatasetEntity.Feedback, "feedback", "feedback request",
        Req("id", ColumnKind.Text), Req("child_id", ColumnKind.Text), Req("respondent", ColumnKind.Code), Req("requested_on", ColumnKind.Date),
        Req("responded", ColumnKind.Boolean), Opt("score", ColumnKind.Decimal), Opt("episode_id", ColumnKind.Text));

    /// <summary>Every entity schema, in dependency (read) order, indexed by <see cref="DatasetEntity"/>.</summary>
    public static readonly EntitySchema[] All =
    [
        Areas, Children, Offences, Outcomes, Episodes, PathwayEvents, Links, Assessments, StatusObservations,
        VictimContacts, BoardAttendance, Populations, ReferencePopulations, CaseEvents, Feedback,
    ];
}
