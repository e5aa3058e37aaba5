using System.Globalization;
using System.Text;
using YouthJustice.Sdk.Internal;

namespace YouthJustice.Sdk.Indicators;

/// <summary>What a citation points at: a publication a reader can obtain, or a decision this project took.</summary>
public enum CitationKind
{
    /// <summary>A published document: a methodology guide, statistics release, plan, inspection report or statute.</summary>
    Publication = 0,
    /// <summary>A rule no publication gives, chosen by the project; <see cref="SourceCitation.Reason"/> says why.</summary>
    ProjectDecision = 1,
}

/// <summary>
/// Where a methodology (or one of its rules) comes from: a publication by publisher, title, year and section or table,
/// or a project decision with its reason.
/// </summary>
/// <remarks>
/// <para>Make one with <see cref="Publication"/> or <see cref="ProjectDecision"/>. A publication has a publisher, a title
/// and a year (the year as the publication gives it, e.g. <c>2019</c> or <c>February 2023</c>); a project decision has a
/// title (the decision) and a reason. <see cref="Problems"/> lists what is missing.</para>
/// <para>Immutable and thread-safe; compares by value.</para>
/// </remarks>
public sealed record SourceCitation
{
    /// <summary>The publisher given for a project decision.</summary>
    public const string ProjectPublisher = "YouthJustice.Sdk";

    /// <summary>A publication or a project decision.</summary>
    public CitationKind Kind { get; init; }

    /// <summary>Who published it, e.g. "Ministry of Justice"; <see cref="ProjectPublisher"/> for a project decision.</summary>
    public string Publisher { get; init; } = "";

    /// <summary>The title, e.g. "Guide to proven reoffending statistics"; for a project decision, the decision in a few words.</summary>
    public string Title { get; init; } = "";

    /// <summary>The year (or month and year) of publication, e.g. "2019"; empty for a project decision.</summary>
    public string Year { get; init; } = "";

    /// <summary>The section, table, paragraph or recommendation cited, e.g. "Section 2.1"; empty when the whole work is cited.</summary>
    public string Section { get; init; } = "";

    /// <summary>Where the publication can be read, if public.</summary>
    public string? Url { get; init; }

    /// <summary>Why the project decided so (a project decision only).</summary>
    public string? Reason { get; init; }

    /// <summary>Cites a publication.</summary>
    /// <exception cref="ArgumentException"><paramref name="publisher"/>, <paramref name="title"/> or <paramref name="year"/> is blank.</exception>
    public static SourceCitation Publication(string publisher, string title, string year, string section = "", string? url = null) => new()
    {
        Kind = CitationKind.Publication,
        Publisher = Preconditions.CheckNotBlank(publisher, nameof(publisher)),
        Title = Preconditions.CheckNotBlank(title, nameof(title)),
        Year = Preconditions.CheckNotBlank(year, nameof(year)),
        Section = section ?? "",
        Url = url,
    };

    /// <summary>Records a project decision and its reason.</summary>
    /// <exception cref="ArgumentException"><paramref name="decision"/> or <paramref name="reason"/> is blank.</exception>
    public static SourceCitation ProjectDecision(string decision, string reason) => new()
    {
        Kind = CitationKind.ProjectDecision,
        Publisher = ProjectPublisher,
        Title = Preconditions.CheckNotBlank(decision, nameof(decision)),
        Reason = Preconditions.CheckNotBlank(reason, nameof(reason)),
    };

    /// <summary>What the citation lacks (empty when it is complete): a publication needs a publisher, title and year; a
    /// project decision a title and a reason.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Kind))
        {
            problems.Add("kind is not publication or projectDecision");
        }
        if (string.IsNullOrWhiteSpace(Title))
        {
            problems.Add("title is blank");
        }
        if (Kind == CitationKind.Publication)
        {
            if (string.IsNullOrWhiteSpace(Publisher))
            {
                problems.Add("publisher is blank");
            }
            if (string.IsNullOrWhiteSpace(Year))
            {
                problems.Add("year is blank");
            }
        }
        else if (string.IsNullOrWhiteSpace(Reason))
        {
            problems.Add("a project decision needs a reason");
        }
        return problems;
    }

    /// <summary>"Publisher, Title (Year), Section" for a publication; "Project decision: Title (Reason)" for a decision.</summary>
    public override string ToString()
    {
        if (Kind == CitationKind.ProjectDecision)
        {
            return string.IsNullOrWhiteSpace(Reason) ? $"Project decision: {Title}" : $"Project decision: {Title} ({Reason})";
        }
        var text = new StringBuilder();
        text.Append(Publisher).Append(", ").Append(Title);
        if (!string.IsNullOrWhiteSpace(Year))
        {
            text.Append(CultureInfo.InvariantCulture, $" ({Year})");
        }
        if (!string.IsNullOrWhiteSpace(Section))
        {
            text.Append(", ").Append(Section);
        }
        return text.ToString();
    }
}
