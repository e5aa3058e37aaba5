using YouthJustice.Sdk.Domain;

namespace YouthJustice.Sdk.IO;

/// <summary>
/// Runs the extra <see cref="IDatasetValidationRule"/>s on a loaded dataset. Violations become errors located at the
/// record's line (or JSON position); under the lenient policy the named records are removed with every record that
/// depends on them, and the file counts move from accepted to rejected so they still reconcile.
/// </summary>
internal sealed class RuleRunner(
    IReadOnlyList<IDatasetValidationRule> rules,
    List<ImportFileReport> files,
    Dictionary<DatasetEntity, List<int>> positions,
    List<ImportError> errors,
    bool lenient)
{
    private readonly Dictionary<DatasetEntity, HashSet<int>> _removed = [];


    public Dataset Apply(Dataset dataset)
    {
        foreach (var rule in rules)
        {
            List<DatasetRuleViolation> violations;
            try
            {
                violations = [.. rule.Validate(dataset)];
                foreach (var violation in violations)
                {
                    violation.Check();
                    var count = Count(dataset, violation.Entity);
                    if (violation.Index >= count)
                    {
                        throw new InvalidOperationException(
                            $"it reported index {violation.Index} of {violation.Entity}, which has {count} records");
                    }
                }
            }
#pragma warning disable CA1031 // A plugin's rule may fail in any way; it is reported by name instead of ending the import.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                errors.Add(new ImportError($"rule {rule.Name}", null, null, null, null, $"validation rule '{rule.Name}' failed and was not applied: {ex.Message}"));
                continue;
            }
            foreach (var violation in violations)
            {
                if (Remove(violation.Entity, violation.Index))
                {
                    AddError(violation.Entity, violation.Index, violation.Field, $"rule {rule.Name}: {violation.Reason}");
                }
            }
        }
        return lenient && _removed.Count > 0 ? Cascade(dataset) : dataset;
    }

    private bool Remove(DatasetEntity entity, int index)
    {
        if (!_removed.TryGetValue(entity, out var set))
        {
            _removed[entity] = set = [];
        }
        return set.Add(index);
    }

    private void AddError(DatasetEntity entity, int index, string? field, string reason)
    {
        var report = files.Find(f => f.Entity == entity)!;
        var hash = report.File.IndexOf('#', StringComparison.Ordinal);
        var place = positions.TryGetValue(entity, out var list) && index < list.Count ? list[index] : index;
        errors.Add(hash < 0
            ? new ImportError(report.File, place, null, field, null, reason)
            : new ImportError(report.File[..hash], null, $"{report.File[(hash + 1)..]}[{place}]", field, null, reason));
    }

    private Dataset Cascade(Dataset dataset)
    {
        var children = Keep(dataset.Children, DatasetEntity.Children, (_, _) => null);
        var goneChildren = RemovedIds(dataset.Children, DatasetEntity.Children, c => c.Id);
        string? ChildGone(string id) => goneChildren.Contains(id) ? $"child {id} was rejected by a validation rule" : null;

        var offences = Keep(dataset.Offences, DatasetEntity.Offences, (o, _) => ChildGone(o.ChildId));
        var goneOffences = RemovedIds(dataset.Offences, DatasetEntity.Offences, o => o.Id);
        var outcomes = Keep(dataset.Outcomes, DatasetEntity.Outcomes, (o, _) =>
            ChildGone(o.ChildId) ?? FirstGone(o.OffenceIds, goneOffences));
        var episodes = Keep(dataset.Episodes, DatasetEntity.Episodes, (e, _) => ChildGone(e.ChildId));
        var goneEpisodes = RemovedIds(dataset.Episodes, DatasetEntity.Episodes, e => e.Id);
        string? EpisodeGone(string? id) => id is not null && goneEpisodes.Contains(id) ? $"episode {id} was rejected by a validation rule" : null;

        return dataset with
        {
            Areas = Keep(dataset.Areas, DatasetEntity.Areas, (_, _) => null),
            Children = children,
            Offences = offences,
            Outcomes = outcomes,
            Episodes = episodes,
            PathwayEvents = Keep(dataset.PathwayEvents, DatasetEntity.PathwayEvents, (p, _) => EpisodeGone(p.EpisodeId)),
            Links = Keep(dataset.Links, DatasetEntity.Links, (l, _) => ChildGone(l.ChildId) ?? ChildGone(l.LinkedChildId)),
            Assessments = Keep(dataset.Assessments, DatasetEntity.Assessments, (a, _) => ChildGone(a.ChildId)),
            StatusObservations = Keep(dataset.StatusObservations, DatasetEntity.StatusObservations, (s, _) => ChildGone(s.ChildId) ?? EpisodeGone(s.EpisodeId)),
            VictimContacts = Keep(dataset.VictimContacts, DatasetEntity.VictimContacts, (v, _) =>
                ChildGone(v.ChildId) ?? (v.OffenceId is { } o && goneOffences.Contains(o) ? $"offence {o} was rejected by a validation rule" : null)),
            BoardAttendances = Keep(dataset.BoardAttendances, DatasetEntity.BoardAttendance, (_, _) => null),
            Populations = Keep(dataset.Populations, DatasetEntity.Populations, (_, _) => null),
            ReferencePopulations = Keep(dataset.ReferencePopulations, DatasetEntity.ReferencePopulations, (_, _) => null),
        };
    }

    private static string? FirstGone(IEnumerable<string> ids, HashSet<string> gone)
    {
        foreach (var id in ids)
        {
            if (gone.Contains(id))
            {
                return $"offence {id} was rejected by a validation rule";
            }
        }
        return null;
    }

    private HashSet<string> RemovedIds<T>(IReadOnlyList<T> records, DatasetEntity entity, Func<T, string> id)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (_removed.TryGetValue(entity, out var set))
        {
            foreach (var index in set)
            {
                ids.Add(id(records[index]));
            }
        }
        return ids;
    }

    /// <summary>Keeps the records neither named by a rule nor depending on a removed record, and fixes the counts.</summary>
    private System.Collections.ObjectModel.ReadOnlyCollection<T> Keep<T>(IReadOnlyList<T> records, DatasetEntity entity, Func<T, int, string?> dependencyGone)
    {
        _removed.TryGetValue(entity, out var named);
        var kept = new List<T>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (named is not null && named.Contains(i))
            {
                continue;
            }
            if (dependencyGone(records[i], i) is { } reason)
            {
                (named ??= _removed[entity] = []).Add(i);
                AddError(entity, i, null, reason);
                continue;
            }
            kept.Add(records[i]);
        }
        var removed = records.Count - kept.Count;
        if (removed > 0)
        {
            var at = files.FindIndex(f => f.Entity == entity);
            files[at] = files[at] with { Accepted = files[at].Accepted - removed, Rejected = files[at].Rejected + removed };
        }
        return kept.AsReadOnly();
    }

    private static int Count(Dataset dataset, DatasetEntity entity) => entity switch
    {
        DatasetEntity.Areas => dataset.Areas.Count,
        DatasetEntity.Children => dataset.Children.Count,
        DatasetEntity.Offences => dataset.Offences.Count,
        DatasetEntity.Outcomes => dataset.Outcomes.Count,
        DatasetEntity.Episodes => dataset.Episodes.Count,
        DatasetEntity.PathwayEvents => dataset.PathwayEvents.Count,
        DatasetEntity.Links => dataset.Links.Count,
        DatasetEntity.Assessments => dataset.Assessments.Count,
        DatasetEntity.StatusObservations => dataset.StatusObservations.Count,
        DatasetEntity.VictimContacts => dataset.VictimContacts.Count,
        DatasetEntity.BoardAttendance => dataset.BoardAttendances.Count,
        DatasetEntity.Populations => dataset.Populations.Count,
        DatasetEntity.ReferencePopulations => dataset.ReferencePopulations.Count,
        _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, "Unknown dataset entity."),
    };
}
