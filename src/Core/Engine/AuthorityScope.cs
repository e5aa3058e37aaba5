using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Engine;

/// <summary>
/// The part of a dataset that belongs to one authority: the children resident there (by home area) and every record about
/// them, and the authority's own areas, populations, reference populations and board. A local model describes one
/// service's work, so its indicators (<see cref="AuthorityIndicator"/>) and the rules it scopes with <see cref="Rule"/> see
/// only this; in a multi-area dataset, national-kind episodes elsewhere are another service's.
/// </summary>
/// <remarks>The view of a dataset is built once per (dataset, authority) and cached; a dataset whose children and areas
/// are all the authority's is returned as it is, so caches keyed by it (the <see cref="Engine.DatasetIndex"/>) are shared
/// with the host. Thread-safe.</remarks>
public static class AuthorityScope
{
    private static readonly ConditionalWeakTable<Dataset, ConcurrentDictionary<string, Dataset>> Cache = [];

    /// <summary>The authority's view of <paramref name="dataset"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Dataset Restrict(Dataset dataset, string authorityCode)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(authorityCode);
        return Cache.GetValue(dataset, static _ => new(StringComparer.OrdinalIgnoreCase))
            .GetOrAdd(authorityCode, static (code, d) => Build(d, code), dataset);
    }

    /// <summary>A validation rule that sees only the authority's records (see <see cref="Restrict"/>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IValidationRule Rule(IValidationRule rule, string authorityCode)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(authorityCode);
        return new ScopedRule(rule, authorityCode);
    }

    private static Dataset Build(Dataset d, string code)
    {
        bool Here(string area) => string.Equals(area, code, StringComparison.OrdinalIgnoreCase);
        if (d.Children.All(c => Here(c.HomeAreaCode)) && d.Areas.All(a => Here(a.Code)))
        {
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

    private sealed class ScopedRule(IValidationRule inner, string authorityCode) : IValidationRule
    {
        public string Id => inner.Id;

        public string Description => inner.Description;

        public IEnumerable<ValidationFinding> Validate(Dataset dataset) => inner.Validate(Restrict(dataset, authorityCode));
    }
}
