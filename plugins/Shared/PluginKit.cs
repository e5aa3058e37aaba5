using System.Collections.Immutable;
using NodaTime;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Plugins.Shared;

/// <summary>Lookups over a dataset built once per computation, so rules avoid scanning every list per child.</summary>
internal sealed class DatasetIndex
{
    // Datasets are immutable, so an index built once can serve every rule and indicator that reads the same dataset
    // (a host deciding eligibility child by child would otherwise rebuild it per child).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Dataset, DatasetIndex> Cache = [];

    internal static DatasetIndex For(Dataset dataset) => Cache.GetValue(dataset, d => new DatasetIndex(d));

    private DatasetIndex(Dataset dataset)
    {
        Dataset = dataset;
        Children = dataset.Children.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        OffencesByChild = dataset.Offences.ToLookup(o => o.ChildId, StringComparer.Ordinal);
        OutcomesByChild = dataset.Outcomes.ToLookup(o => o.ChildId, StringComparer.Ordinal);
        AssessmentsByChild = dataset.Assessments.ToLookup(a => a.ChildId, StringComparer.Ordinal);
        EpisodesByChild = dataset.Episodes.ToLookup(e => e.ChildId, StringComparer.Ordinal);
        EventsByEpisode = dataset.PathwayEvents.ToLookup(e => e.EpisodeId, StringComparer.Ordinal);
        Offences = dataset.Offences.GroupBy(o => o.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    internal Dataset Dataset { get; }
    internal Dictionary<string, Child> Children { get; }
    internal Dictionary<string, Offence> Offences { get; }
    internal ILookup<string, Offence> OffencesByChild { get; }
    internal ILookup<string, Outcome> OutcomesByChild { get; }
    internal ILookup<string, Assessment> AssessmentsByChild { get; }
    internal ILookup<string, ProgrammeEpisode> EpisodesByChild { get; }
    internal ILookup<string, PathwayEvent> EventsByEpisode { get; }

    /// <summary>The date of the child's first statutory outcome (the date they became a first time entrant), if any.</summary>
    internal LocalDate? FirstStatutoryOutcome(string childId) =>
        OutcomesByChild[childId].Where(o => o.Type.CountsAsFirstTimeEntrant).Select(o => (LocalDate?)o.OutcomeDate).Min();

    /// <summary>Offences the child committed after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    internal IEnumerable<Offence> OffencesBetween(string childId, LocalDate from, LocalDate to) =>
        OffencesByChild[childId].Where(o => o.CommittedOn > from && o.CommittedOn <= to);

    /// <summary>Episodes of any of the programme codes (a plugin counts its local code and the national kind it stands for).</summary>
    internal IEnumerable<ProgrammeEpisode> EpisodesOf(IReadOnlyCollection<string> programmeCodes) =>
        Dataset.Episodes.Where(e => ProgrammeCodes.Contains(programmeCodes, e.Programme));
}

/// <summary>
/// The programme codes a plugin counts as its programme: its local code and, in its own authority's data, the national
/// kind that records the same work in national-standard extracts and generated data (e.g. Coventry's diversion pathway
/// is <c>COVENTRY_DIVERSION</c> or <c>DIVERSION</c>). Indicators carry the list as their <c>programmes</c> parameter
/// (comma-separated), so the choice is visible in every definition; a plugin setting can narrow or widen it.
/// </summary>
internal static class ProgrammeCodes
{
    /// <summary>The definition parameter holding the comma-separated codes.</summary>
    internal const string Parameter = "programmes";

    /// <summary>Splits a comma-separated list of codes (upper-cased, blanks dropped, duplicates removed, order kept).</summary>
    internal static IReadOnlyList<string> Parse(string codes) =>
        [.. codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal)];

    /// <summary>The comma-separated form, as written into a definition parameter.</summary>
    internal static string Format(IEnumerable<string> codes) => string.Join(",", codes);

    /// <summary>The codes from the plugin setting <paramref name="setting"/>, or the local and national codes.</summary>
    internal static IReadOnlyList<string> FromSettings(IReadOnlyDictionary<string, string> settings, string setting, params ProgrammeKind[] defaults)
    {
        var codes = Parse(Settings.Get(settings, setting, Format(defaults.Select(k => k.Code))));
        return codes.Count == 0 ? [.. defaults.Select(k => k.Code)] : codes;
    }

    /// <summary>Whether the programme is one of the codes.</summary>
    internal static bool Contains(IReadOnlyCollection<string> codes, ProgrammeKind programme) =>
        codes.Contains(programme.Code, StringComparer.OrdinalIgnoreCase);
}

/// <summary>Proportions with a Wilson score interval: local cohorts are small, and a rate over tens of children needs one.</summary>
internal static class Proportion
{
    private const double Z95 = 1.959963984540054;

    /// <summary>The 95% Wilson score interval for <paramref name="successes"/> of <paramref name="n"/>, scaled by <paramref name="multiplier"/>.</summary>
    internal static ConfidenceInterval? Wilson(int successes, int n, decimal multiplier)
    {
        if (n <= 0)
        {
            return null;
        }
        var p = (double)successes / n;
        var z2 = Z95 * Z95;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = Z95 * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / (1 + (z2 / n));
        return new ConfidenceInterval(
            (decimal)Math.Max(0, centre - half) * multiplier,
            (decimal)Math.Min(1, centre + half) * multiplier,
            0.95m,
            "Wilson score");
    }
}

/// <summary>What plugin indicators share: the area filter (a plugin reports for its own authority) and result building.</summary>
internal abstract class PluginIndicator : IIndicator
{
    protected PluginIndicator(IndicatorDefinition definition, string authorityCode)
    {
        Definition = definition;
        AuthorityCode = authorityCode;
    }

    public IndicatorDefinition Definition { get; }

    protected string AuthorityCode { get; }

    public IReadOnlyList<IndicatorResult> Compute(IndicatorContext context, IndicatorQuery query)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(query);
        // A local model describes one service's work, so its figures are for that authority only.
        if (query.Periods.IsDefaultOrEmpty
            || (!query.AreaCodes.IsDefaultOrEmpty && !query.AreaCodes.Contains(AuthorityCode, StringComparer.OrdinalIgnoreCase)))
        {
            return [];
        }
        // Everything the indicator reads, through the index or the context, is the authority's own data.
        var local = context with { Dataset = AuthorityData.For(context.Dataset, AuthorityCode) };
        var index = DatasetIndex.For(local.Dataset);
        var results = new List<IndicatorResult>();
        foreach (var period in query.Periods)
        {
            results.AddRange(ComputePeriod(local, query, period, index));
        }
        return results;
    }

    /// <summary>The programme codes this indicator counts, from its <c>programmes</c> parameter (see <see cref="ProgrammeCodes"/>).</summary>
    protected IReadOnlyList<string> Programmes => ProgrammeCodes.Parse(Definition.GetString(ProgrammeCodes.Parameter));

    protected abstract IEnumerable<IndicatorResult> ComputePeriod(IndicatorContext context, IndicatorQuery query, ReportingPeriod period, DatasetIndex index);

    /// <summary>A proportion of distinct ids (numerator ids are a subset of the denominator's), with a Wilson interval.</summary>
    protected IndicatorResult Rate(IndicatorQuery query, ReportingPeriod period, BreakdownKey breakdown,
        IReadOnlyCollection<string> numerator, IReadOnlyCollection<string> denominator, string recordKind,
        bool provisional = false, string? note = null)
    {
        var n = numerator.Count;
        var d = denominator.Count;
        return new IndicatorResult
        {
            Methodology = Definition.Ref,
            AreaCode = AuthorityCode,
            Period = period,
            Breakdown = breakdown,
            Numerator = n,
            Denominator = d,
            Multiplier = Definition.Multiplier,
            Value = d == 0 ? null : (decimal)n / d * Definition.Multiplier,
            Unit = Definition.Unit,
            Interval = Proportion.Wilson(n, d, Definition.Multiplier),
            Provisional = provisional,
            Note = note,
            Evidence = query.CollectEvidence
                ? new ResultEvidence([.. numerator.Order(StringComparer.Ordinal)], [.. denominator.Order(StringComparer.Ordinal)], recordKind, recordKind)
                : null,
        };
    }

    /// <summary>A plain count of distinct ids.</summary>
    protected IndicatorResult Count(IndicatorQuery query, ReportingPeriod period, BreakdownKey breakdown,
        IReadOnlyCollection<string> ids, string recordKind, string? note = null) =>
        new()
        {
            Methodology = Definition.Ref,
            AreaCode = AuthorityCode,
            Period = period,
            Breakdown = breakdown,
            Numerator = ids.Count,
            Denominator = null,
            Value = ids.Count,
            Unit = Definition.Unit,
            Note = note,
            Evidence = query.CollectEvidence
                ? new ResultEvidence([.. ids.Order(StringComparer.Ordinal)], [], recordKind, recordKind)
                : null,
        };

    protected static ImmutableSortedDictionary<string, string> Parameters(params (string Name, string Value)[] parameters) =>
        parameters.ToImmutableSortedDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
}

/// <summary>Query helpers that tolerate a query built with default (uninitialised) arrays.</summary>
internal static class QueryExtensions
{
    internal static bool Wants(this IndicatorQuery query, string dimension) =>
        !query.Breakdowns.IsDefault && query.Breakdowns.Contains(dimension, StringComparer.OrdinalIgnoreCase);
}

/// <summary>Reads typed plugin settings with the plugin's defaults.</summary>
internal static class Settings
{
    internal static string Get(IReadOnlyDictionary<string, string> settings, string name, string fallback) =>
        settings.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : fallback;

    internal static int GetInt(IReadOnlyDictionary<string, string> settings, string name, int fallback) =>
        settings.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v)
            ? int.Parse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture)
            : fallback;

    internal static bool GetBool(IReadOnlyDictionary<string, string> settings, string name, bool fallback) =>
        settings.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? bool.Parse(v) : fallback;
}

/// <summary>Follow-up after a date: a new offence, or a first statutory outcome, within a number of months.</summary>
internal static class FollowUp
{
    /// <summary>The end of a follow-up of <paramref name="months"/> months from <paramref name="start"/>.
    /// NodaTime clamps to the month end (31 August + 6 months = 28 or 29 February).</summary>
    internal static LocalDate End(LocalDate start, int months) => start.PlusMonths(months);

    /// <summary>Whether the follow-up has not finished by the dataset's date, so the figure may still change.</summary>
    internal static bool IsOpen(LocalDate start, int months, LocalDate asOf) => End(start, months) > asOf;

    /// <summary>Offences committed in the follow-up (after <paramref name="start"/>, up to the end or <paramref name="asOf"/>).</summary>
    internal static int OffencesWithin(DatasetIndex index, string childId, LocalDate start, int months, LocalDate asOf)
    {
        var end = End(start, months);
        return index.OffencesBetween(childId, start, end < asOf ? end : asOf).Count();
    }

    /// <summary>Whether the child's first statutory outcome falls after <paramref name="after"/> and within the follow-up.</summary>
    internal static bool BecameFirstTimeEntrant(DatasetIndex index, string childId, LocalDate after, LocalDate start, int months, LocalDate asOf)
    {
        var end = End(start, months);
        return index.FirstStatutoryOutcome(childId) is { } first && first > after && first <= (end < asOf ? end : asOf);
    }
}

/// <summary>
/// The part of a dataset that belongs to one authority: the children resident there (by home area) and every record
/// about them, and the authority's own populations and board. A plugin describes one service's work, so its indicators
/// and rules see only this; in a multi-area dataset, national-kind episodes elsewhere are another service's.
/// </summary>
internal static class AuthorityData
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Dataset, System.Collections.Concurrent.ConcurrentDictionary<string, Dataset>> Cache = [];

    /// <summary>The authority's view of <paramref name="dataset"/>: the same instance when every child lives there.</summary>
    internal static Dataset For(Dataset dataset, string authorityCode) =>
        Cache.GetValue(dataset, _ => new(StringComparer.OrdinalIgnoreCase)).GetOrAdd(authorityCode, code => Restrict(dataset, code));

    private static Dataset Restrict(Dataset d, string code)
    {
        bool Here(string area) => string.Equals(area, code, StringComparison.OrdinalIgnoreCase);
        if (d.Children.All(c => Here(c.HomeAreaCode)) && d.Areas.All(a => Here(a.Code)))
        {
            // A single-authority dataset: keep the instance, so caches keyed by it are shared with the host.
            return d;
        }
        var children = d.Children.Where(c => Here(c.HomeAreaCode)).ToList();
        var ids = children.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var episodes = d.Episodes.Where(e => ids.Contains(e.ChildId)).ToList();
        var episodeIds = episodes.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return d with
        {
            Areas = [.. d.Areas.Where(a => Here(a.Code))],
            Children = children,
            Offences = [.. d.Offences.Where(o => ids.Contains(o.ChildId))],
            Outcomes = [.. d.Outcomes.Where(o => ids.Contains(o.ChildId))],
            Episodes = episodes,
            PathwayEvents = [.. d.PathwayEvents.Where(e => episodeIds.Contains(e.EpisodeId))],
            Links = [.. d.Links.Where(l => ids.Contains(l.ChildId))],
            Assessments = [.. d.Assessments.Where(a => ids.Contains(a.ChildId))],
            StatusObservations = [.. d.StatusObservations.Where(o => ids.Contains(o.ChildId))],
            VictimContacts = [.. d.VictimContacts.Where(v => ids.Contains(v.ChildId))],
            BoardAttendances = [.. d.BoardAttendances.Where(b => Here(b.AreaCode))],
            Populations = [.. d.Populations.Where(p => Here(p.AreaCode))],
            ReferencePopulations = [.. d.ReferencePopulations.Where(p => Here(p.AreaCode))],
        };
    }
}

/// <summary>Runs a plugin's validation rule over its authority's data only (see <see cref="AuthorityData"/>).</summary>
internal sealed class AuthorityScopedRule(YouthJustice.Sdk.Plugins.IValidationRule inner, string authorityCode) : YouthJustice.Sdk.Plugins.IValidationRule
{
    public string Id => inner.Id;

    public string Description => inner.Description;

    public IEnumerable<YouthJustice.Sdk.Plugins.ValidationFinding> Validate(Dataset dataset) => inner.Validate(AuthorityData.For(dataset, authorityCode));
}

/// <summary>The plugin's indicator definitions: the JSON files in its <c>Definitions</c> folder, embedded in its assembly
/// (this kit is compiled into each plugin), read once. Plugin settings that change a definition apply on top as
/// parameter values, recorded on the definition as the plugin's own change.</summary>
internal static class PluginDefinitions
{
    private static readonly Lazy<ImmutableSortedDictionary<string, IndicatorDefinition>> Loaded =
        new(() => IndicatorDefinitions.LoadEmbedded(typeof(PluginDefinitions).Assembly));

    /// <summary>Every definition file of the plugin, by id.</summary>
    internal static ImmutableSortedDictionary<string, IndicatorDefinition> All => Loaded.Value;

    /// <summary>The definition file with the id.</summary>
    /// <exception cref="InvalidOperationException">The plugin has no such file.</exception>
    internal static IndicatorDefinition Get(string id) =>
        All.TryGetValue(id, out var d) ? d : throw new InvalidOperationException($"The plugin has no definition file '{id}{IndicatorDefinitions.ResourceSuffix}'.");

    /// <summary>Applies a plugin setting as the value of a definition parameter: unchanged when the value is the file's,
    /// otherwise a change named <c>setting.&lt;setting&gt;</c> declared by the plugin (so results show it).</summary>
    internal static IndicatorDefinition WithSetting(this IndicatorDefinition definition, string pluginId, string setting, string parameter, string value)
    {
        if (!definition.HasParameter(parameter))
        {
            throw new InvalidOperationException($"Definition '{definition.Id}' has no parameter '{parameter}' for setting '{setting}'.");
        }
        if (definition.GetString(parameter) == value)
        {
            return definition;
        }
        var change = new YouthJustice.Sdk.Plugins.DefinitionOverride("setting." + setting, definition.Id,
            $"Plugin setting '{setting}' sets {parameter} to '{value}'.", [KeyValuePair.Create(parameter, value)]);
        return definition.WithOverride(change.WithDeclaredBy(pluginId));
    }
}
