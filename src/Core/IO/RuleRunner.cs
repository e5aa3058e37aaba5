using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Plugins;

namespace YouthJustice.Sdk.IO;

/// <summary>
/// Runs the extra <see cref="IValidationRule"/>s (e.g. plugins') on a loaded dataset. Each finding's
/// <see cref="ValidationFinding.RecordKind"/> and <see cref="ValidationFinding.RecordId"/> are resolved to a record as
/// <see cref="RecordKinds"/> names them. An error finding becomes an error located at the record's line (or JSON
/// position), and under the lenient policy the record is removed with every record that depends on it, the file counts
/// moving from accepted to rejected so they still reconcile. A warning finding is reported as a warning and rejects
/// nothing. A finding naming an unknown kind or record is an error of its rule; a rule that throws is reported by id and
/// not applied.
/// </summary>
internal sealed class RuleRunner(
    IReadOnlyList<IValidationRule> rules,
    List<ImportFileReport> files,
    Dictionary<DatasetEntity, List<int>> positions,
    List<ImportError> errors,
    List<ImportError> warnings,
    bool lenient)
{
    private static readonly Dictionary<string, DatasetEntity> EntityOfKind = new(StringComparer.Ordinal)
    {
        [RecordKinds.Area] = DatasetEntity.Areas,
        [RecordKinds.Child] = DatasetEntity.Children,
        [RecordKinds.Offence] = DatasetEntity.Offences,
        [RecordKinds.Outcome] = DatasetEntity.Outcomes,
        [RecordKinds.Episode] = DatasetEntity.Episodes,
        [RecordKinds.PathwayEvent] = DatasetEntity.PathwayEvents,
        [RecordKinds.Link] = DatasetEntity.Links,
        [RecordKinds.Assessment] = DatasetEntity.Assessments,
        [RecordKinds.StatusObservation] = DatasetEntity.StatusObservations,
        [RecordKinds.VictimContact] = DatasetEntity.VictimContacts,
        [RecordKinds.BoardAttendance] = DatasetEntity.BoardAttendance,
        [RecordKinds.Population] = DatasetEntity.Populations,
        [RecordKinds.ReferencePopulation] = DatasetEntity.ReferencePopulations,
        [RecordKinds.CaseEvent] = DatasetEntity.CaseEvents,
        [RecordKinds.Feedback] = DatasetEntity.Feedback,
    };

    private readonly Dictionary<DatasetEntity, HashSet<int>> _removed = [];
    private readonly Dictionary<string, Dictionary<string, int>> _indexes = new(StringComparer.Ordinal);

    public Dataset Apply(Dataset dataset)
    {
        // The rules read the dataset at the same time (one per processor), as indicators do; what they find is applied
        // afterwards in the rules' order, so errors, warnings and removals are those of running them one after another.
        var found = new (List<ValidationFinding>? Findings, Exception? Failure)[rules.Count];
        PrepareAuthorityViews(dataset);
        Parallel.For(0, rules.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, r =>
        {
            try
            {
                found[r] = ([.. rules[r].Validate(dataset)], null);
            }
#pragma warning disable CA1031 // A plugin's rule may fail in any way; it is reported by id instead of ending the import.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                found[r] = (null, ex);
            }
        });
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            if (found[r] is not ({ } findings, null))
            {
                errors.Add(RuleError(rule, null, $"validation rule '{rule.Id}' failed and was not applied: {found[r].Failure!.Message}"));
                continue;
            }
            foreach (var finding in findings)
            {
                if (finding is null)
                {
                    errors.Add(RuleError(rule, null, $"validation rule '{rule.Id}' returned a null finding"));
                    continue;
                }
                var ruleId = string.IsNullOrWhiteSpace(finding.RuleId) ? rule.Id : finding.RuleId;
                if (Resolve(dataset, finding) is not { } record)
                {
                    errors.Add(RuleError(rule, finding.Field,
                        $"validation rule '{ruleId}' named {Describe(finding)}, which is not in the dataset (kinds: {string.Join(", ", RecordKinds.All)}): {finding.Message}"));
                    continue;
                }
                var reason = $"rule {ruleId}: {finding.Message}";
                if (finding.Severity == FindingSeverity.Warning)
                {
                    warnings.Add(Located(record.Entity, record.Index, finding.Field, reason));
                    continue;
                }
                Remove(record.Entity, record.Index);
                errors.Add(Located(record.Entity, record.Index, finding.Field, reason));
            }
        }
        return lenient && _removed.Count > 0 ? Cascade(dataset) : dataset;
    }

    /// <summary>Makes, in one pass, the views of the authorities the rules are scoped to (<see cref="AuthorityScope.Rule"/>),
    /// which they would otherwise each wait for a partition of the whole dataset to give.</summary>
    private void PrepareAuthorityViews(Dataset dataset)
    {
        var authorities = rules.Select(AuthorityScope.AuthorityOf).OfType<string>().ToList();
        if (authorities.Count == 0)
        {
            return;
        }
        try
        {
            AuthorityScope.Prepare(dataset, authorities);
        }
#pragma warning disable CA1031 // Only a head start: a dataset the views cannot be made of fails each scoped rule, reported by id, as before.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static ImportError RuleError(IValidationRule rule, string? field, string reason) => new($"rule {rule.Id}", null, null, field, null, reason);

    private static string Describe(ValidationFinding finding) =>
        RecordKinds.IsKnown(finding.RecordKind)
            ? $"{finding.RecordKind} '{finding.RecordId}'"
            : $"an unknown record kind '{finding.RecordKind}' (record '{finding.RecordId}')";

    /// <summary>The list and index of the record a finding names, or <see langword="null"/> when there is none.</summary>
    private (DatasetEntity Entity, int Index)? Resolve(Dataset dataset, ValidationFinding finding)
    {
        if (RecordKinds.Normalise(finding.RecordKind) is not { } kind || finding.RecordId is null)
        {
            return null;
        }
        if (!_indexes.TryGetValue(kind, out var index))
        {
            var ids = RecordKinds.IdsOf(dataset, kind);
            index = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
            for (var i = 0; i < ids.Count; i++)
            {
                index.TryAdd(ids[i], i);
            }
            _indexes[kind] = index;
        }
        return index.TryGetValue(finding.RecordId, out var at) ? (EntityOfKind[kind], at) : null;
    }

    private void Remove(DatasetEntity entity, int index)
    {
        if (!_removed.TryGetValue(entity, out var set))
        {
            _removed[entity] = set = [];
        }
        set.Add(index);
    }

    private ImportError Located(DatasetEntity entity, int index, string? field, string reason)
    {
        var report = files.Find(f => f.Entity == entity)!;
        var hash = report.File.IndexOf('#', StringComparison.Ordinal);
        var place = positions.TryGetValue(entity, out var list) && index < list.Count ? list[index] : index;
        return hash < 0
            ? new ImportError(report.File, place, null, field, null, reason)
            : new ImportError(report.File[..hash], null, $"{report.File[(hash + 1)..]}[{place}]", field, null, reason);
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
        var goneOutcomes = RemovedIds(dataset.Outcomes, DatasetEntity.Outcomes, o => o.Id);
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
            CaseEvents = Keep(dataset.CaseEvents, DatasetEntity.CaseEvents, (e, _) =>
                ChildGone(e.ChildId) ?? (e.OutcomeId is { } o && goneOutcomes.Contains(o) ? $"outcome {o} was rejected by a validation rule" : null)),
            Feedback = Keep(dataset.Feedback, DatasetEntity.Feedback, (f, _) => ChildGone(f.ChildId) ?? EpisodeGone(f.EpisodeId)),
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
                errors.Add(Located(entity, i, null, reason));
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
}
