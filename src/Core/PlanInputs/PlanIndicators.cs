using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Kpis;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Sdk.Plans;

/// <summary>
/// The local measures a Youth Justice Plan is written from that need the service's plan inputs
/// (<see cref="IndicatorContext.Inputs"/>, docs/methodology-local.md sections 2, 10 and 11): looked-after children known to
/// the service, the pooled budget and the YJB grant, workforce diversity, the National Standards self-assessment and the
/// action plan. An area with no input for a measure gets no result from it.
/// </summary>
/// <remarks>Every definition is data, read from the embedded files <c>PlanInputs/Definitions/*.indicator.json</c>. This type
/// is thread-safe.</remarks>
public static class PlanIndicators
{
    /// <summary>Looked-after children known to the service as a share of the council's looked-after children.</summary>
    public const string LookedAfterKnownShareId = "looked-after-known-share";

    /// <summary>Partner contributions to the pooled budget, by partner and by kind.</summary>
    public const string PartnerContributionsId = "partner-contributions";

    /// <summary>The change in partner contributions against the previous financial year.</summary>
    public const string PartnerContributionsChangeId = "partner-contributions-change";

    /// <summary>The YJB grant's forecast outturn against its budget, by line.</summary>
    public const string YjbGrantOutturnId = "yjb-grant-outturn";

    /// <summary>The workforce by ethnicity group.</summary>
    public const string WorkforceEthnicityId = "workforce-ethnicity";

    /// <summary>The children open to the service by ethnicity group, the population the workforce is compared with.</summary>
    public const string PopulationServedEthnicityId = "workforce-population-served-ethnicity";

    /// <summary>National Standards self-assessment gradings that are good or better.</summary>
    public const string NationalStandardsId = "national-standards-good-or-better";

    /// <summary>Actions of the plan that are overdue.</summary>
    public const string OverdueActionsId = "action-plan-overdue";

    /// <summary>Parameter: the care statuses (comma-separated <c>CareStatus</c> names) that make a child looked after.</summary>
    public const string CareStatusesParameter = "careStatuses";

    /// <summary>Parameter: the council figure (<see cref="CouncilFigure.Measure"/>) a measure divides by.</summary>
    public const string CouncilMeasureParameter = "councilMeasure";

    /// <summary>Parameter: the roles counted (comma-separated, case-insensitive); empty for every role.</summary>
    public const string RolesParameter = "roles";

    /// <summary>Parameter: the lowest grading counted as good or better (a <see cref="NationalStandardGrading"/> name).</summary>
    public const string MinimumGradingParameter = "minimumGrading";

    /// <summary>Breakdown dimension: the partner agency.</summary>
    public const string PartnerDimension = "partner";

    /// <summary>Breakdown dimension: the kind of contribution (<c>staffing</c>, <c>in-kind</c>, <c>other-delegated</c>).</summary>
    public const string ContributionDimension = "contribution";

    /// <summary>Breakdown dimension: the grant line.</summary>
    public const string GrantLineDimension = "grant-line";

    /// <summary>Breakdown dimension: the ethnicity group.</summary>
    public const string EthnicityGroupDimension = "ethnicity-group";

    /// <summary>Breakdown dimension: the level of a National Standards grading.</summary>
    public const string LevelDimension = "level";

    /// <summary>Breakdown dimension: the National Standard (1 to 5).</summary>
    public const string StandardDimension = "standard";

    /// <summary>Breakdown dimension: an overdue action's RAG rating (<c>red</c>, <c>amber</c>, <c>green</c>, <c>not-rated</c>).</summary>
    public const string RagDimension = "rag";

    /// <summary>Every built-in definition of these measures.</summary>
    public static ImmutableArray<IndicatorDefinition> Definitions { get; } =
    [
        .. new[]
        {
            LookedAfterKnownShareId, PartnerContributionsId, PartnerContributionsChangeId, YjbGrantOutturnId,
            WorkforceEthnicityId, PopulationServedEthnicityId, NationalStandardsId, OverdueActionsId,
        }.Select(CoreDefinitions.Get),
    ];

    /// <summary>The indicators, each applying its built-in definition.</summary>
    public static IReadOnlyList<IIndicator> CreateAll() => [.. Definitions.Select(Create)];

    /// <summary>The indicator that applies <paramref name="definition"/> (one of <see cref="Definitions"/>, possibly with changed parameters).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentException">No indicator here has the definition's id.</exception>
    public static IIndicator Create(IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Id switch
        {
            LookedAfterKnownShareId => new LookedAfterKnownShareIndicator(definition),
            PartnerContributionsId => new PartnerContributionsIndicator(definition),
            PartnerContributionsChangeId => new PartnerContributionsChangeIndicator(definition),
            YjbGrantOutturnId => new GrantOutturnIndicator(definition),
            WorkforceEthnicityId => new WorkforceEthnicityIndicator(definition),
            PopulationServedEthnicityId => new PopulationServedEthnicityIndicator(definition),
            NationalStandardsId => new NationalStandardsIndicator(definition),
            OverdueActionsId => new OverdueActionsIndicator(definition),
            _ => throw new ArgumentException($"No plan input measure has the id '{definition.Id}'.", nameof(definition)),
        };
    }

    /// <summary>The date a period's live measures are read at: the period's end, or the dataset's as-of date when that is earlier.</summary>
    /// <param name="period">The period.</param>
    /// <param name="asOf">The dataset's as-of date.</param>
    public static LocalDate ReadOn(ReportingPeriod period, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.End < asOf ? period.End : asOf;
    }

    /// <summary>The breakdown value of an ethnicity group, as every other indicator gives it (the member name, e.g. <c>WhiteBritish</c>).</summary>
    internal static string GroupValue(EthnicityGroup group) => group.ToString();

    internal static string Money(decimal amount) =>
        "£" + amount.ToString("#,##0.##", CultureInfo.InvariantCulture);
}

/// <summary>The shared shape of the plan input measures: the definition, argument checks, one result list per area and period.</summary>
internal abstract class PlanInputIndicator(IndicatorDefinition definition) : IIndicator
{
    public IndicatorDefinition Definition { get; } = definition ?? throw new ArgumentNullException(nameof(definition));

    public IReadOnlyList<IndicatorResult> Compute(IndicatorContext context, IndicatorQuery query)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(query);
        if (query.Periods.IsDefaultOrEmpty || context.Inputs.IsEmpty)
        {
            return [];
        }
        var areas = query.AreaCodes.IsDefaultOrEmpty
            ? KpiEngine.ResolveAreas(context.Dataset, query).Concat(InputAreas(context.Inputs)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
            : KpiEngine.ResolveAreas(context.Dataset, query);
        var results = new List<IndicatorResult>();
        foreach (var period in query.Periods)
        {
            foreach (var area in areas)
            {
                results.AddRange(ComputeOne(context, query, area, period));
            }
        }
        return results;
    }

    /// <summary>The areas the inputs this measure reads name.</summary>
    protected abstract IEnumerable<string> InputAreas(PlanInputs inputs);

    /// <summary>One area and period: the total first, then the breakdowns; nothing when the area has no input for it.</summary>
    protected abstract IEnumerable<IndicatorResult> ComputeOne(IndicatorContext context, IndicatorQuery query, string area, ReportingPeriod period);

    protected IndicatorResult Ratio(string area, ReportingPeriod period, decimal numerator, decimal? denominator, IntervalMethod interval,
        BreakdownKey? breakdown = null, string? note = null) =>
        IndicatorResultBuilder.Ratio(Definition, area, period, numerator, denominator, interval, breakdown) with { Note = note };

    protected static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Children with a looked-after care status, known to the service in the period (an outcome beyond no further
/// action dated in it, or an episode of any programme open at some time in it), over the council's looked-after children for
/// the period (the council figure named by <c>councilMeasure</c>). Result: the total only.</summary>
internal sealed class LookedAfterKnownShareIndicator(IndicatorDefinition definition) : PlanInputIndicator(definition)
{
    protected override IEnumerable<string> InputAreas(PlanInputs inputs) => inputs.CouncilFigures.Select(f => f.AreaCode);

    protected override IEnumerable<IndicatorResult> ComputeOne(IndicatorContext context, IndicatorQuery query, string area, ReportingPeriod period)
    {
        var measure = Definition.GetString(PlanIndicators.CouncilMeasureParameter);
        var council = context.Inputs.CouncilFigures.FirstOrDefault(f => Same(f.AreaCode, area) && f.Period == period && Same(f.Measure, measure));
        if (council is null)
        {
            yield break;
        }
        var statuses = Definition.GetList(PlanIndicators.CareStatusesParameter)
            .Select(s => Enum.TryParse<CareStatus>(s, ignoreCase: true, out var v) && Enum.IsDefined(v) ? v : throw new FormatException($"'{s}' is not a CareStatus."))
            .ToHashSet();
        var dataset = context.Dataset;
        var lookedAfter = KpiEngine.ChildrenById(dataset).Values
            .Where(c => statuses.Contains(c.CareStatus) && Same(c.HomeAreaCode, area))
            .Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in dataset.Outcomes)
        {
            if (lookedAfter.Contains(o.ChildId) && o.Type.Category != OutcomeCategory.NoFurtherAction && period.Contains(o.OutcomeDate))
            {
                known.Add(o.ChildId);
            }
        }
        foreach (var e in dataset.Episodes)
        {
            if (lookedAfter.Contains(e.ChildId) && (e.StartDate ?? e.ReferralDate) <= period.End && (e.EndDate is not { } end || end >= period.Start))
            {
                known.Add(e.ChildId);
            }
        }
        var result = Ratio(area, period, known.Count, council.Value, IntervalMethod.Wilson,
            note: $"Denominator: the council's looked-after children ({council.Measure}){(council.Source is { } s ? ", " + s : "")}.");
        yield return query.CollectEvidence
            ? result with { Evidence = new ResultEvidence([.. known.Order(StringComparer.Ordinal)], [], RecordKinds.Child, "council-figure") }
            : result;
    }
}

/// <summary>Partner contributions to the pooled budget in the financial year (£): the total, then <c>partner=NAME</c> for each
/// partner (in file order), then <c>contribution=staffing|in-kind|other-delegated</c> when every partner's row gives the parts.</summary>
internal sealed class PartnerContributionsIndicator(IndicatorDefinition definition) : PlanInputIndicator(definition)
{
    protected override IEnumerable<string> InputAreas(PlanInputs inputs) => inputs.Budget.Select(b => b.AreaCode);

    protected override IEnumerable<IndicatorResult> ComputeOne(IndicatorContext context, IndicatorQuery query, string area, ReportingPeriod period)
    {
        var rows = context.Inputs.Budget.Where(b => Same(b.AreaCode, area) && b.FinancialYear == period).ToList();
        if (rows.Count == 0)
        {
            yield break;
        }
        yield return Ratio(area, period, rows.Sum(r => r.Total), null, IntervalMethod.None,
            note: "Sum of every partner's total, from the rows (a printed column total is not used).");
        foreach (var r in rows)
        {
            yield return Ratio(area, period, r.Total, null, IntervalMethod.None, new BreakdownKey(PlanIndicators.PartnerDimension, r.Partner), r.Source);
        }
        if (rows.All(r => r.Staffing is not null || r.InKind is not null || r.OtherDelegated is not null))
        {
            yield return Ratio(area, period, rows.Sum(r => r.Staffing ?? 0m), null, IntervalMethod.None, new BreakdownKey(PlanIndicators.ContributionDimension, "staffing"));
            yield return Ratio(area, period, rows.Sum(r => r.InKind ?? 0m), null, IntervalMethod.None, new BreakdownKey(PlanIndicators.ContributionDimension, "in-kind"));
            yield return Ratio(area, period, rows.Sum(r => r.OtherDelegated ?? 0m), null, IntervalMethod.None, new BreakdownKey(PlanIndicators.ContributionDimension, "other-delegated"));
        }
    }
}

/// <summary>The change in partner contributions against the previous financial year, in per cent of the previous year's
/// (numerator: this year's minus last year's; denominator: last year's): the total, then <c>partner=NAME</c> for each partner
/// with a row in both years. Nothing unless both years have rows.</summary>
internal sealed class PartnerContributionsChangeIndicator(IndicatorDefinition definition) : PlanInputIndicator(definition)
{
    protected override IEnumerable<string> InputAreas(PlanInputs inputs) => inputs.Budget.Select(b => b.AreaCode);

    protected override IEnumerable<IndicatorResult> ComputeOne(IndicatorContext context, IndicatorQuery query, string area, ReportingPeriod period)
    {
        if (period.Kind != PeriodKind.FinancialYear)
        {
            yield break;
        }
        var previous = period.Previous();
        var now = context.Inputs.Budget.Where(b => Same(b.AreaCode, area) && b.FinancialYear == period).ToList();
        var before = context.Inputs.Budget.Where(b => Same(b.AreaCode, area) && b.FinancialYear == previous).ToList();
        if (now.Count == 0 || before.Count == 0)
        {
            yield break;
        }
        var thisYear = now.Sum(r => r.Total);
        var lastYear = before.Sum(r => r.Total);
        yield return Ratio(area, period, thisYear - lastYear, lastYear, IntervalMethod.None,
            note: $"{previous} {PlanIndicators.Money(lastYear)} to {period} {PlanIndicators.Money(thisYear)}: a change of {PlanIndicators.Money(thisYear - lastYear)}.");
        foreach (var r in now)
        {
            var earlier = before.FirstOrDefault(b => Same(b.Partner, r.Partner));
            if (earlier is null)
            {
                continue;
            }
            yield return Ratio(area, period, r.Total - earlier.Total, earlier.Total, IntervalMethod.None, new BreakdownKey(PlanIndicators.PartnerDimension, r.Partner),
                $"{previous} {PlanIndicators.Money(earlier.Total)} to {period} {PlanIndicators.Money(r.Total)}.");
        }
    }
}

/// <summary>The YJB grant's forecast outturn over its budget for the financial year: the total, then <c>grant-line=LINE</c>
/// for each line (in file order), each with its over or under spend in the note.</summary>
internal sealed class GrantOutturnIndicator(IndicatorDefinition definition) : PlanInputIndicator(definition)
{
    protected override IEnumerable<string> InputAreas(PlanInputs inputs) => inputs.Grant.Select(g => g.AreaCode);

    protected override IEnumerable<IndicatorResult> ComputeOne(IndicatorContext context, IndicatorQuery query, string area, ReportingPeriod period)
    {
        var lines = context.Inputs.Grant.Where(g => Same(g.AreaCode, area) && g.FinancialYear == period).ToList();
        if (lines.Count == 0)
        {
            yield break;
        }
        string Spend(decimal budget, decimal outturn) =>
            $"Budget {PlanIndicators.Money(budget)}, forecast outturn {PlanIndicators.Money(outturn)}: " +
            (outturn == budget ? "on budget." : outturn > budget ? $"overspend {PlanIndicators.Money(outturn - budget)}." : $"underspend {PlanIndicators.Money(budget - outturn)}.");
        var budgetTotal = lines.Sum(l => l.Budget);
        var outturnTotal = lines.Sum(l => l.ForecastOutturn);
        yield return Ratio(area, period, outturnTotal, budgetTotal, IntervalMethod.None, note: Spend(budgetTotal, outturnTotal));
        foreach (var l in lines)
        {
            yield return Ratio(area, period, l.ForecastOutturn, l.Budget, IntervalMethod.None, new BreakdownKey(PlanIndicators.GrantLineDimension, l.Line),
                Spend(l.Budget, l.ForecastOutturn));
        }
    }
}

/// <summary>
/// Staff headcount by ethnicity group, from the latest workforce snapshot on or before the period's end (roles restricted
/// by <c>roles</c>): the total is staff whose ethnicity is known over all staff; <c>ethnicity-group=GROUP</c> is each known
/// group's share of staff whose ethnicity is known (so the groups add up to the total's numerator).
/// </summary>
internal sealed class WorkforceEthnicityIndicator(IndicatorDefinition definition) : PlanInputIndicator(definition)
{
    protected override IEnumerable<string> InputAreas(PlanInputs inputs) => inputs.Workforce.Select(w => w.AreaCode);

    protected override IEnumerable<IndicatorResult> ComputeOne(IndicatorContext context, IndicatorQuery query, string area, ReportingPeriod period)
    {
        var staff = Snapshot(context.Inputs, Definition, area, period);
        if (staff.Count == 0)
        {
            yield break;
        }
        var asOf = staff[0].AsOf;
        var counts = staff.GroupBy(w => w.EthnicityGroup).ToDictionary(g => g.Key, g => (decimal)g.Sum(w => w.Headcount));
        foreach (var r in EthnicityShares.Results((n, d, k, note) => Ratio(area, period, n, d, IntervalMethod.None, k, note), counts,
            string.Create(CultureInfo.InvariantCulture, $"Workforce on {asOf:uuuu-MM-dd}.")))
        {
            yield return r;
        }
    }

    /// <summary>The rows of the latest snapshot on or before the period's end, of the roles counted.</summary>
    internal static List<WorkforceHeadcount> Snapshot(PlanInputs inputs, IndicatorDefinition definition, string area, ReportingPeriod period)
    {
        var roles = definition.GetList(PlanIndicators.RolesParameter).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rows = inputs.Workforce.Where(w => Same(w.AreaCode, area) && w.AsOf <= period.End && (roles.Count == 0 || roles.Contains(w.Role))).ToList();
        if (rows.Count == 0)
        {
            return [];
        }
        var latest = rows.Max(w => w.AsOf);
        return [.. rows.Where(w => w.AsOf == latest)];
    }
}

/// <summary>
/// The children open to the service in the period (an episode of a <c>caseloadProgrammes</c> programme open at some time in
/// it, as KPI 8 counts them) by ethnicity group, the same layout as <see cref="WorkforceEthnicityIndicator"/>: reported for an
/// area and period only when the workforce measure is, so the two sit side by side.
/// </summary>
internal sealed class PopulationServedEthnicityIndicator(IndicatorDefinition definition) : PlanInputIndicator(definition)
{
    protected override IEnumerable<string> InputAreas(PlanInputs inputs) => inputs.Workforce.Select(w => w.AreaCode);

    protected override IEnumerable<IndicatorResult> ComputeOne(IndicatorContext context, IndicatorQuery query, string area, ReportingPeriod period)
    {
        if (!context.Inputs.Workforce.Any(w => Same(w.AreaCode, area) && w.AsOf <= period.End))
        {
            yield break;
        }
        var programmes = KpiEngine.ProgrammeCodes(Definition, KeyPerformanceIndicators.CaseloadProgrammesParameter);
        var children = KpiEngine.ChildrenById(context.Dataset);
        var open = context.Dataset.Episodes
            .Where(e => programmes.Contains(e.Programme.Code) && (e.StartDate ?? e.ReferralDate) <= period.End && (e.EndDate is not { } end || end >= period.Start)
                && children.TryGetValue(e.ChildId, out var c) && Same(c.HomeAreaCode, area))
            .Select(e => children[e.ChildId]).DistinctBy(c => c.Id, StringComparer.Ordinal).ToList();
        var counts = open.GroupBy(c => c.EthnicityGroup).ToDictionary(g => g.Key, g => (decimal)g.Count());
        var results = EthnicityShares.Results((n, d, k, note) => Ratio(area, period, n, d, IntervalMethod.None, k, note), counts, "Children open to the service in the period, the population the workforce serves.");
        foreach (var r in results)
        {
            if (!query.CollectEvidence)
            {
                yield return r;
                continue;
            }
            var inCell = r.Breakdown.IsTotal
                ? open.Where(c => c.EthnicityGroup != EthnicityGroup.NotKnown)
                : open.Where(c => PlanIndicators.GroupValue(c.EthnicityGroup) == r.Breakdown.Value);
            var denominator = r.Breakdown.IsTotal ? open : open.Where(c => c.EthnicityGroup != EthnicityGroup.NotKnown);
            yield return r with
            {
                Evidence = new ResultEvidence([.. inCell.Select(c => c.Id).Order(StringComparer.Ordinal)], [.. denominator.Select(c => c.Id).Order(StringComparer.Ordinal)], RecordKinds.Child, RecordKinds.Child),
            };
        }
    }
}

/// <summary>The ethnicity layout the workforce and the population it serves share. Both are whole populations (every member of
/// staff, every child open to the service), not samples, so no interval is given.</summary>
internal static class EthnicityShares
{
    /// <summary>The total (known ethnicity over everyone), then every known group's share of those whose ethnicity is known.</summary>
    /// <param name="make">Makes one result from a numerator, denominator, breakdown (null for the total) and note.</param>
    /// <param name="counts">Headcounts by group.</param>
    /// <param name="note">The total's note.</param>
    internal static IEnumerable<IndicatorResult> Results(Func<decimal, decimal, BreakdownKey?, string?, IndicatorResult> make,
        IReadOnlyDictionary<EthnicityGroup, decimal> counts, string note)
    {
        var all = counts.Values.Sum();
        var known = counts.Where(c => c.Key != EthnicityGroup.NotKnown).Sum(c => c.Value);
        yield return make(known, all, null, note + " Total: those whose ethnicity is known, of everyone.");
        foreach (var group in Enum.GetValues<EthnicityGroup>().Where(g => g != EthnicityGroup.NotKnown))
        {
            yield return make(counts.GetValueOrDefault(group), known,
                new BreakdownKey(PlanIndicators.EthnicityGroupDimension, PlanIndicators.GroupValue(group)), null);
        }
    }
}

/// <summary>National Standards self-assessment gradings at or above <c>minimumGrading</c> (default good), over every grading,
/// from each standard and level's latest self-assessment on or before the period's end: the total, then
/// <c>level=operational|strategic</c> and <c>standard=1..5</c> (the standards graded).</summary>
internal sealed class NationalStandardsIndicator(IndicatorDefinition definition) : PlanInputIndicator(definition)
{
    protected override IEnumerable<string> InputAreas(PlanInputs inputs) => inputs.NationalStandards.Select(s => s.AreaCode);

    protected override IEnumerable<IndicatorResult> ComputeOne(IndicatorContext context, IndicatorQuery query, string area, ReportingPeriod period)
    {
        var latest = Latest(context.Inputs, area, period.End);
        if (latest.Count == 0)
        {
            yield break;
        }
        var minimum = Definition.GetEnum<NationalStandardGrading>(PlanIndicators.MinimumGradingParameter);
        decimal Good(IEnumerable<NationalStandardAssessment> items) => items.Count(s => s.Grading >= minimum);
        var dates = latest.Select(s => s.AssessedOn).Distinct().Order().Select(d => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
        yield return Ratio(area, period, Good(latest), latest.Count, IntervalMethod.None,
            note: $"Graded {DatasetCodes.Of(minimum)} or better; self-assessed {string.Join(", ", dates)}.");
        foreach (var level in Enum.GetValues<NationalStandardLevel>())
        {
            var items = latest.Where(s => s.Level == level).ToList();
            yield return Ratio(area, period, Good(items), items.Count, IntervalMethod.None,
                new BreakdownKey(PlanIndicators.LevelDimension, DatasetCodes.Of(level).ToLowerInvariant()));
        }
        foreach (var standard in latest.Select(s => s.Standard).Distinct().Order())
        {
            var items = latest.Where(s => s.Standard == standard).ToList();
            yield return Ratio(area, period, Good(items), items.Count, IntervalMethod.None,
                new BreakdownKey(PlanIndicators.StandardDimension, standard.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Each standard and level's latest grading on or before <paramref name="date"/>, by standard then level.</summary>
    internal static List<NationalStandardAssessment> Latest(PlanInputs inputs, string area, LocalDate date) =>
        [.. inputs.NationalStandards.Where(s => Same(s.AreaCode, area) && s.AssessedOn <= date)
            .GroupBy(s => (s.Standard, s.Level))
            .Select(g => g.MaxBy(s => s.AssessedOn)!)
            .OrderBy(s => s.Standard).ThenBy(s => s.Level)];
}

/// <summary>Actions of the plan overdue on the period's reading date (its end, or the dataset's as-of date when earlier): due
/// before it and not complete by it. A plain count: the total, then <c>rag=red|amber|green|not-rated</c>.</summary>
internal sealed class OverdueActionsIndicator(IndicatorDefinition definition) : PlanInputIndicator(definition)
{
    protected override IEnumerable<string> InputAreas(PlanInputs inputs) => inputs.Actions.Select(a => a.AreaCode);

    protected override IEnumerable<IndicatorResult> ComputeOne(IndicatorContext context, IndicatorQuery query, string area, ReportingPeriod period)
    {
        var actions = context.Inputs.Actions.Where(a => Same(a.AreaCode, area)).ToList();
        if (actions.Count == 0)
        {
            yield break;
        }
        var on = PlanIndicators.ReadOn(period, context.AsOf);
        var overdue = actions.Where(a => a.IsOverdueOn(on)).ToList();
        var note = string.Create(CultureInfo.InvariantCulture, $"Overdue on {on:uuuu-MM-dd}: due before it and not complete by it; {actions.Count} actions in the plan.");
        ResultEvidence? Evidence(IEnumerable<PlanAction> items) => query.CollectEvidence
            ? new ResultEvidence([.. items.Select(a => a.Id).Order(StringComparer.Ordinal)], [], "plan-action", "plan-action")
            : null;
        yield return Ratio(area, period, overdue.Count, null, IntervalMethod.None, note: note) with { Evidence = Evidence(overdue) };
        foreach (var (rag, value) in new (RagRating?, string)[] { (RagRating.Red, "red"), (RagRating.Amber, "amber"), (RagRating.Green, "green"), (null, "not-rated") })
        {
            var items = overdue.Where(a => a.Rag == rag).ToList();
            yield return Ratio(area, period, items.Count, null, IntervalMethod.None, new BreakdownKey(PlanIndicators.RagDimension, value)) with { Evidence = Evidence(items) };
        }
    }
}
