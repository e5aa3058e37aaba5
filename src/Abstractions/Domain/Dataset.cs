using NodaTime;

namespace YouthJustice.Sdk.Domain;

/// <summary>
/// Everything the SDK computes from: case-level records, population estimates and reference populations, as at a date.
/// </summary>
/// <remarks>
/// <para>A dataset is a snapshot: <see cref="AsOf"/> is the last date its records can describe, and the date
/// live cohorts are measured against. The lists are never <see langword="null"/>; they may be empty.</para>
/// <para>Immutable once built; thread-safe for reading.</para>
/// </remarks>
public sealed record Dataset
{
    /// <summary>The date the extract was taken. No record may be dated after it.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>The areas the dataset covers.</summary>
    public IReadOnlyList<Area> Areas { get; init; } = [];

    /// <summary>Children.</summary>
    public IReadOnlyList<Child> Children { get; init; } = [];

    /// <summary>Offences.</summary>
    public IReadOnlyList<Offence> Offences { get; init; } = [];

    /// <summary>Outcomes.</summary>
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [];

    /// <summary>Programme episodes.</summary>
    public IReadOnlyList<ProgrammeEpisode> Episodes { get; init; } = [];

    /// <summary>Steps along programme pathways.</summary>
    public IReadOnlyList<PathwayEvent> PathwayEvents { get; init; } = [];

    /// <summary>Links between children.</summary>
    public IReadOnlyList<ChildLink> Links { get; init; } = [];

    /// <summary>Assessments.</summary>
    public IReadOnlyList<Assessment> Assessments { get; init; } = [];

    /// <summary>Status observations at the start and end of interventions.</summary>
    public IReadOnlyList<StatusObservation> StatusObservations { get; init; } = [];

    /// <summary>Victim contacts.</summary>
    public IReadOnlyList<VictimContact> VictimContacts { get; init; } = [];

    /// <summary>Management board attendance.</summary>
    public IReadOnlyList<BoardAttendance> BoardAttendances { get; init; } = [];

    /// <summary>Population estimates.</summary>
    public IReadOnlyList<PopulationEstimate> Populations { get; init; } = [];

    /// <summary>Named reference populations.</summary>
    public IReadOnlyList<ReferencePopulation> ReferencePopulations { get; init; } = [];

    /// <summary>Case events: management oversight, exploitation, missing episodes, bail support, learning reviews, transfers.</summary>
    public IReadOnlyList<CaseEvent> CaseEvents { get; init; } = [];

    /// <summary>Feedback asked of children, parents and carers, and victims.</summary>
    public IReadOnlyList<FeedbackRequest> Feedback { get; init; } = [];

    /// <summary>The tables this dataset was imported without, by their file names in the dataset format less
    /// <c>.csv</c> (e.g. <c>status-observations</c>), in the format's order. Their lists are empty because they were not
    /// read, not because nothing was recorded, so nothing that reads them may be computed from this dataset: the SDK
    /// refuses to (see <c>ImportOptions.Tables</c>). Empty, the default, for a dataset with every table.</summary>
    public IReadOnlyList<string> TablesNotRead { get; init; } = [];

    /// <summary>The total number of records across every list.</summary>
    public long RecordCount =>
        (long)Areas.Count + Children.Count + Offences.Count + Outcomes.Count + Episodes.Count + PathwayEvents.Count
        + Links.Count + Assessments.Count + StatusObservations.Count + VictimContacts.Count + BoardAttendances.Count
        + Populations.Count + ReferencePopulations.Count + CaseEvents.Count + Feedback.Count;
}
