using System.Globalization;
using YouthJustice.Sdk.Internal;

namespace YouthJustice.Sdk.Domain;

/// <summary>
/// The names of the kinds of record a <see cref="Dataset"/> holds, and how each record is named, so that a validation
/// finding (<c>ValidationFinding.RecordKind</c> and <c>RecordId</c>) can point at exactly one record and the importer can
/// find it.
/// </summary>
/// <remarks>
/// <para>A record with an id is named by it: <see cref="Area"/> by its code; <see cref="Child"/>, <see cref="Offence"/>,
/// <see cref="Outcome"/>, <see cref="Episode"/>, <see cref="Assessment"/>, <see cref="StatusObservation"/> and
/// <see cref="VictimContact"/> by their ids. Ids are unique per kind; where a dataset built in code repeats one, the
/// first record with it is meant.</para>
/// <para>A pathway event has no id of its own: it is named <c>episode-id#n</c>, where <c>n</c> is its 0-based position
/// among that episode's events in the order the dataset lists them (<see cref="PathwayEventId"/>), e.g. <c>E1#0</c> for
/// the first event recorded against episode <c>E1</c>. Adding events of other episodes does not change the name.</para>
/// <para>The other records without an id (<see cref="Link"/>, <see cref="BoardAttendance"/>, <see cref="Population"/>,
/// <see cref="ReferencePopulation"/>) are named by their 0-based position in the dataset's list, <c>#n</c>
/// (<see cref="PositionId"/>).</para>
/// <para><see cref="IdsOf"/> gives the name of every record of a kind, in the dataset's order. Kinds compare ordinally,
/// ignoring case. All members are thread-safe.</para>
/// </remarks>
public static class RecordKinds
{
    /// <summary>An <see cref="Domain.Area"/>, named by its code.</summary>
    public const string Area = "area";

    /// <summary>A <see cref="Domain.Child"/>, named by its id.</summary>
    public const string Child = "child";

    /// <summary>An <see cref="Domain.Offence"/>, named by its id.</summary>
    public const string Offence = "offence";

    /// <summary>An <see cref="Domain.Outcome"/>, named by its id.</summary>
    public const string Outcome = "outcome";

    /// <summary>A <see cref="ProgrammeEpisode"/>, named by its id.</summary>
    public const string Episode = "episode";

    /// <summary>A <see cref="Domain.PathwayEvent"/>, named <c>episode-id#n</c> (see <see cref="PathwayEventId"/>).</summary>
    public const string PathwayEvent = "pathway-event";

    /// <summary>A <see cref="ChildLink"/>, named by its position, <c>#n</c>.</summary>
    public const string Link = "link";

    /// <summary>An <see cref="Domain.Assessment"/>, named by its id.</summary>
    public const string Assessment = "assessment";

    /// <summary>A <see cref="Domain.StatusObservation"/>, named by its id.</summary>
    public const string StatusObservation = "status-observation";

    /// <summary>A <see cref="Domain.VictimContact"/>, named by its id.</summary>
    public const string VictimContact = "victim-contact";

    /// <summary>A <see cref="Domain.BoardAttendance"/>, named by its position, <c>#n</c>.</summary>
    public const string BoardAttendance = "board-attendance";

    /// <summary>A <see cref="PopulationEstimate"/>, named by its position, <c>#n</c>.</summary>
    public const string Population = "population";

    /// <summary>A <see cref="Domain.ReferencePopulation"/>, named by its position, <c>#n</c>.</summary>
    public const string ReferencePopulation = "reference-population";

    /// <summary>A <see cref="Domain.CaseEvent"/>, named by its id.</summary>
    public const string CaseEvent = "case-event";

    /// <summary>A <see cref="FeedbackRequest"/>, named by its id.</summary>
    public const string Feedback = "feedback";

    /// <summary>Every kind, in the order a dataset lists its records.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Area, Child, Offence, Outcome, Episode, PathwayEvent, Link, Assessment, StatusObservation, VictimContact,
        BoardAttendance, Population, ReferencePopulation, CaseEvent, Feedback,
    ];

    /// <summary>Whether <paramref name="kind"/> is one of <see cref="All"/> (ignoring case).</summary>
    public static bool IsKnown(string? kind) => Normalise(kind) is not null;

    /// <summary>The kind in <see cref="All"/> that <paramref name="kind"/> names (ignoring case), or <see langword="null"/>.</summary>
    public static string? Normalise(string? kind) =>
        kind is null ? null : All.FirstOrDefault(k => string.Equals(k, kind, StringComparison.OrdinalIgnoreCase));

    /// <summary>The name of the pathway event at 0-based position <paramref name="ordinal"/> among episode
    /// <paramref name="episodeId"/>'s events, e.g. <c>E1#0</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="episodeId"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ordinal"/> is negative.</exception>
    public static string PathwayEventId(string episodeId, int ordinal)
    {
        Preconditions.CheckNotBlank(episodeId, nameof(episodeId));
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        return string.Create(CultureInfo.InvariantCulture, $"{episodeId}#{ordinal}");
    }

    /// <summary>The name of a record without an id by its 0-based position in the dataset's list, e.g. <c>#3</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public static string PositionId(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return string.Create(CultureInfo.InvariantCulture, $"#{index}");
    }

    /// <summary>The name of every record of <paramref name="kind"/> in <paramref name="dataset"/>, in the dataset's order
    /// (element <c>i</c> names the <c>i</c>-th record of that list).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not one of <see cref="All"/>.</exception>
    public static IReadOnlyList<string> IdsOf(Dataset dataset, string kind)
    {
        Preconditions.CheckNotNull(dataset, nameof(dataset));
        Preconditions.CheckNotNull(kind, nameof(kind));
        return Normalise(kind) switch
        {
            Area => [.. dataset.Areas.Select(a => a.Code)],
            Child => [.. dataset.Children.Select(c => c.Id)],
            Offence => [.. dataset.Offences.Select(o => o.Id)],
            Outcome => [.. dataset.Outcomes.Select(o => o.Id)],
            Episode => [.. dataset.Episodes.Select(e => e.Id)],
            PathwayEvent => PathwayEventIds(dataset.PathwayEvents),
            Link => Positions(dataset.Links.Count),
            Assessment => [.. dataset.Assessments.Select(a => a.Id)],
            StatusObservation => [.. dataset.StatusObservations.Select(s => s.Id)],
            VictimContact => [.. dataset.VictimContacts.Select(v => v.Id)],
            BoardAttendance => Positions(dataset.BoardAttendances.Count),
            Population => Positions(dataset.Populations.Count),
            ReferencePopulation => Positions(dataset.ReferencePopulations.Count),
            CaseEvent => [.. dataset.CaseEvents.Select(e => e.Id)],
            Feedback => [.. dataset.Feedback.Select(f => f.Id)],
            _ => throw new ArgumentException($"'{kind}' is not a record kind; the kinds are {string.Join(", ", All)}.", nameof(kind)),
        };
    }

    /// <summary>The name of every event in <paramref name="events"/>, in order: <c>episode-id#n</c>, counting each episode's events from 0.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    public static IReadOnlyList<string> PathwayEventIds(IReadOnlyList<Domain.PathwayEvent> events)
    {
        Preconditions.CheckNotNull(events, nameof(events));
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new string[events.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            var episode = events[i].EpisodeId;
            seen.TryGetValue(episode, out var n);
            seen[episode] = n + 1;
            ids[i] = string.Create(CultureInfo.InvariantCulture, $"{episode}#{n}");
        }
        return ids;
    }

    private static string[] Positions(int count)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = PositionId(i);
        }
        return ids;
    }
}
