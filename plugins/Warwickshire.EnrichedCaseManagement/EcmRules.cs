using System.Collections.Immutable;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Reporting;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Plugins.Warwickshire;

/// <summary>"Where a child has experienced adverse childhood experiences, parents will be included in the assessment for
/// Enriched Case Management" (Warwickshire Youth Justice Service Strategic Plan 2018/19, section 2(iii), Improve outcomes for parents and families): an ECM assessment of a child with ACEs without a parent is reported.</summary>
internal sealed class ParentInclusionRule : IValidationRule
{
    public string Id => WarwickshirePlugin.Id + ".parent-inclusion";

    public string Description => "ECM assessments of children with ACEs include a parent or carer.";

    public IEnumerable<ValidationFinding> Validate(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Assessments
            .Where(a => string.Equals(a.Kind, "ECM", StringComparison.OrdinalIgnoreCase) && a.AceCount > 0 && !a.ParentIncluded)
            .Select(a => new ValidationFinding(Id, RecordKinds.Assessment, a.Id, "ParentIncluded",
                "The child has experienced ACEs, so a parent or carer should be included in the ECM assessment (Warwickshire Youth Justice Service Strategic Plan 2018/19, section 2(iii), Improve outcomes for parents and families).", FindingSeverity.Warning));
    }
}

/// <summary>Team-around-the-child and parent feedback records belong to ECM episodes.</summary>
internal sealed class EcmRecordsRule(IReadOnlyCollection<string> programmes) : IValidationRule
{
    private static readonly string[] EcmOnly =
    [
        WarwickshirePlugin.States.TeamAroundTheChild, WarwickshirePlugin.States.ParentFeedback,
        WarwickshirePlugin.States.ParentingWork, WarwickshirePlugin.States.EvaluationFeedback,
    ];

    public string Id => WarwickshirePlugin.Id + ".records";

    public string Description => "TAC meetings, parenting work and parent feedback are recorded against ECM episodes.";

    public IEnumerable<ValidationFinding> Validate(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var episodes = dataset.Episodes.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var names = RecordKinds.PathwayEventIds(dataset.PathwayEvents);
        for (var i = 0; i < dataset.PathwayEvents.Count; i++)
        {
            var e = dataset.PathwayEvents[i];
            if (!EcmOnly.Contains(e.State, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!episodes.TryGetValue(e.EpisodeId, out var episode))
            {
                yield return new ValidationFinding(Id, RecordKinds.PathwayEvent, names[i], "EpisodeId", $"{e.State} is recorded against episode '{e.EpisodeId}', which does not exist.");
            }
            else if (!EcmIds.IsEcm(episode, programmes))
            {
                yield return new ValidationFinding(Id, RecordKinds.PathwayEvent, names[i], "State", $"{e.State} is an ECM record but episode '{e.EpisodeId}' is on {episode.Programme.Code}.");
            }
        }
    }
}

/// <summary>The ECM section for the board: eligible vs enrolled, parents included, reoffending by cohort, and the SROI.</summary>
internal sealed class EcmSection(IReadOnlyList<IIndicator> indicators) : IReportSection
{
    public string Id => WarwickshirePlugin.Id + ".summary";

    public string Title => "Enriched case management";

    public ImmutableArray<string> HeadlineIndicators => [EcmIds.Reoffending, EcmIds.Sroi];

    public ReportSection Build(IndicatorContext context, IndicatorQuery query, IReadOnlyList<IndicatorResult> computed)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(computed);
        // What a query without breakdowns gives: totals and the cohorts each indicator always reports, not the host's breakdowns.
        var results = indicators.SelectMany(i => computed.Where(r => r.IndicatorId == i.Definition.Id && (r.Breakdown.IsTotal || !query.Wants(r.Breakdown.Dimension))))
            .ToImmutableArray();
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<ReportCell>>();
        foreach (var r in results)
        {
            var definition = indicators.First(i => i.Definition.Id == r.IndicatorId).Definition;
            var label = r.Breakdown.IsTotal ? definition.Name : $"{definition.Name} ({r.Breakdown.Value})";
            rows.Add([new TextCell(r.Period.ToString()), new TextCell(label), new FigureCell(ReportFigure.FromResult(r, definition, label)), new TextCell(r.Note ?? "")]);
        }
        return new ReportSection
        {
            Id = Id,
            Title = Title,
            Blocks =
            [
                new ReportTable
                {
                    Id = Id,
                    Title = Title,
                    Columns = [new("period", "Period"), new("measure", "Measure"), new("figure", "Figure"), new("note", "Note", ColumnPriority.Secondary)],
                    Rows = rows.ToImmutable(),
                    Notes = ["'p' marks figures whose follow-up has not finished.", "Sources: " + string.Join("; ", indicators.Select(i => i.Definition.Source.ToString()).Distinct(StringComparer.Ordinal))],
                },
            ],
        };
    }
}
