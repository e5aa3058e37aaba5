using YouthJustice.Sdk.Engine;
using NodaTime;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Sdk.PlanMeasures;

/// <summary>
/// Risk of serious harm (<c>risk-of-serious-harm-high</c>) or safety and wellbeing (<c>safety-wellbeing-high</c>): assessments
/// made in the period (assessment date inclusive) of a kind in <c>assessmentKinds</c> (empty: every kind), at a stage in
/// <c>stages</c> (default start and review), with the rating assessed; numerator: rated at a level in <c>highLevels</c> (default
/// high and very high). Results: the total; <c>assessment-stage=start|review</c> (each over that stage's assessments);
/// <c>level=high|very-high</c> (each level over all the assessments: the split of the numerator); and the cross
/// <c>assessment-stage+level</c> (each over that stage's assessments). Every breakdown adds up to its margin.
/// </summary>
/// <remarks>The unit is the assessment, not the child: a child assessed at start and at review counts twice. Immutable and thread-safe.</remarks>
internal sealed class RiskMixMeasure : PlanMeasure
{
    internal const string StageDimension = "assessment-stage";
    internal const string LevelDimension = "level";

    internal RiskMixMeasure(IndicatorDefinition definition)
        : base(definition, LocalMeasures.RiskOfSeriousHarmId, LocalMeasures.SafetyAndWellbeingId)
    {
    }

    internal static string StageValue(AssessmentStage stage) => stage switch
    {
        AssessmentStage.Start => "start",
        AssessmentStage.Review => "review",
        AssessmentStage.End => "end",
        _ => "not-known",
    };

    internal static string LevelValue(RiskLevel level) => level switch
    {
        RiskLevel.Low => "low",
        RiskLevel.Medium => "medium",
        RiskLevel.High => "high",
        RiskLevel.VeryHigh => "very-high",
        _ => "not-assessed",
    };

    /// <summary>Whether an assessment is of a kind the definition counts (an empty list counts every kind).</summary>
    internal static bool KindCounted(HashSet<string> kinds, Assessment a) => kinds.Count == 0 || kinds.Contains(a.Kind.ToUpperInvariant());

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var measure = Definition.GetEnum<RiskMeasure>(LocalMeasures.RiskMeasureParameter);
        var stages = EnumList<AssessmentStage>(LocalMeasures.StagesParameter);
        var levels = EnumList<RiskLevel>(LocalMeasures.HighLevelsParameter);
        var kinds = Codes(LocalMeasures.AssessmentKindsParameter);
        var children = Children(context.Dataset);
        var stageKeys = stages.ToDictionary(s => s, s => new BreakdownKey(StageDimension, StageValue(s)));
        var levelKeys = levels.ToDictionary(l => l, l => new BreakdownKey(LevelDimension, LevelValue(l)));
        var crossKeys = stages.SelectMany(s => levels.Select(l => (s, l)))
            .ToDictionary(x => x, x => new BreakdownKey(StageDimension + "+" + LevelDimension, StageValue(x.s) + "+" + LevelValue(x.l)));
        BreakdownKey[] layout = [BreakdownKey.Total, .. stageKeys.Values, .. levelKeys.Values, .. crossKeys.Values];

        // An assessment's cells depend only on its stage and level: each combination's array is made once and shared by
        // every assessment that has it (this runs for every assessment in the dataset).
        var levelCount = Enum.GetValues<RiskLevel>().Max(v => (int)v) + 1;
        var cellsOf = new MeasureCell[]?[(Enum.GetValues<AssessmentStage>().Max(v => (int)v) + 1) * levelCount];
        MeasureCell[] CellsOf(AssessmentStage stage, RiskLevel level)
        {
            ref var cells = ref cellsOf[((int)stage * levelCount) + (int)level];
            if (cells is null)
            {
                var high = levels.Contains(level);
                cells = new MeasureCell[2 + (2 * levels.Count)];
                cells[0] = MeasureCell.Of(BreakdownKey.Total, high);
                cells[1] = MeasureCell.Of(stageKeys[stage], high);
                // The level cells split the numerator: every assessment is in their denominator, only its own level's numerator.
                for (var l = 0; l < levels.Count; l++)
                {
                    cells[2 + l] = MeasureCell.Of(levelKeys[levels[l]], level == levels[l]);
                    cells[2 + levels.Count + l] = MeasureCell.Of(crossKeys[(stage, levels[l])], level == levels[l]);
                }
            }
            return cells;
        }

        var units = new List<MeasureUnit>(context.Dataset.Assessments.Count);
        foreach (var (a, area) in WithArea(context.Dataset, context.Dataset.Assessments, static a => a.Id, static a => a.ChildId))
        {
            var level = measure == RiskMeasure.RiskOfSeriousHarm ? a.RiskOfSeriousHarm : a.SafetyAndWellbeing;
            if (level == RiskLevel.NotAssessed || !stages.Contains(a.Stage) || !KindCounted(kinds, a))
            {
                continue;
            }
            units.Add(new MeasureUnit(a.Id, area, a.AssessedOn, CellsOf(a.Stage, level)));
        }
        return Aggregate(context, query, units, layout, MeasureShape.Proportion, "assessment", "assessment");
    }
}

/// <summary>Which rating of an assessment a risk measure reads.</summary>
internal enum RiskMeasure
{
    /// <summary>Risk of serious harm to others.</summary>
    RiskOfSeriousHarm = 0,
    /// <summary>Concerns for the child's own safety and wellbeing.</summary>
    SafetyAndWellbeing = 1,
}

/// <summary>
/// <c>high-risk-oversight</c>: children with an assessment in the period (of a kind in <c>assessmentKinds</c>) rated at a level in
/// <c>highLevels</c> on any rating in <c>riskMeasures</c>; numerator: a management oversight case event of the child dated on or
/// after the child's first such assessment in the period and at most <c>oversightWithinDays</c> days after it. Each child once.
/// </summary>
/// <remarks>A window that runs past the dataset's as-of date with no oversight yet makes the period's results provisional.
/// Immutable and thread-safe.</remarks>
internal sealed class HighRiskOversightMeasure : PlanMeasure
{
    // Shared, read only: every child's unit has one of these two cell lists.
    private static readonly MeasureCell[] Overseen = [MeasureCell.Of(BreakdownKey.Total, true)];
    private static readonly MeasureCell[] NotOverseen = [MeasureCell.Of(BreakdownKey.Total, false)];

    internal HighRiskOversightMeasure(IndicatorDefinition definition)
        : base(definition, LocalMeasures.HighRiskOversightId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var measures = EnumList<RiskMeasure>(LocalMeasures.RiskMeasuresParameter);
        var levels = EnumList<RiskLevel>(LocalMeasures.HighLevelsParameter);
        var kinds = Codes(LocalMeasures.AssessmentKindsParameter);
        var days = Definition.GetInt(LocalMeasures.OversightWithinDaysParameter);
        if (days < 0)
        {
            throw new FormatException($"Parameter '{LocalMeasures.OversightWithinDaysParameter}' of indicator '{Definition.Id}' must not be negative.");
        }
        var dataset = context.Dataset;
        var high = WithArea(dataset, dataset.Assessments, static a => a.Id, static a => a.ChildId)
            .Where(x => RiskMixMeasure.KindCounted(kinds, x.Record)
                && ((measures.Contains(RiskMeasure.RiskOfSeriousHarm) && levels.Contains(x.Record.RiskOfSeriousHarm))
                    || (measures.Contains(RiskMeasure.SafetyAndWellbeing) && levels.Contains(x.Record.SafetyAndWellbeing))))
            .ToList();
        var oversight = dataset.CaseEvents.Where(e => e.Kind == CaseEventKind.ManagementOversight)
            .GroupBy(e => e.ChildId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Date).ToList(), StringComparer.Ordinal);
        var open = new HashSet<ReportingPeriod>();
        IEnumerable<MeasureUnit> UnitsOf(ReportingPeriod period)
        {
            // Each child's first high assessment in the period (earliest date, then least id): kept in one pass, children in
            // order of their first assessment in the period, as grouping then ordering each group gave.
            var firstOf = new Dictionary<string, (Assessment Record, string Area)>(StringComparer.Ordinal);
            foreach (var x in high)
            {
                if (!period.Contains(x.Record.AssessedOn))
                {
                    continue;
                }
                if (!firstOf.TryGetValue(x.Record.ChildId, out var kept)
                    || x.Record.AssessedOn < kept.Record.AssessedOn
                    || (x.Record.AssessedOn == kept.Record.AssessedOn && string.CompareOrdinal(x.Record.Id, kept.Record.Id) < 0))
                {
                    firstOf[x.Record.ChildId] = x;
                }
            }
            foreach (var (first, area) in firstOf.Values)
            {
                var until = first.AssessedOn.PlusDays(days);
                var overseen = oversight.TryGetValue(first.ChildId, out var dates) && dates.Any(d => d >= first.AssessedOn && d <= until);
                if (!overseen && until > context.AsOf)
                {
                    open.Add(period);
                }
                yield return new MeasureUnit(first.ChildId, area, period.Start, overseen ? Overseen : NotOverseen);
            }
        }
        var results = new List<IndicatorResult>();
        foreach (var period in query.Periods)
        {
            var units = UnitsOf(period).ToList();
            results.AddRange(Aggregate(context, query with { Periods = [period] }, units, [BreakdownKey.Total], MeasureShape.Proportion, "child", "child",
                provisional: open.Contains));
        }
        return results;
    }
}
