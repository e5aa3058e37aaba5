using YouthJustice.Sdk.Engine;
using NodaTime;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Sdk.PlanMeasures;

/// <summary>The custodial sentences of a dataset by child, read once per measure computation.</summary>
internal static class CustodialSentences
{
    /// <summary>Custodial outcomes (codes in the parameter) of known children, by child, in date then id order.</summary>
    internal static Dictionary<string, List<Outcome>> ByChild(Dataset dataset, HashSet<string> codes, Dictionary<string, Child> children) =>
        FirstOfEachId.Of(dataset.Outcomes, static o => o.Id)
            .Where(o => codes.Contains(o.Type.Code.ToUpperInvariant()) && children.ContainsKey(o.ChildId))
            .GroupBy(o => o.ChildId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(o => o.OutcomeDate).ThenBy(o => o.Id, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
}

/// <summary>
/// <c>custody-entrants</c>: children given a custodial sentence (an outcome type in <c>custodialOutcomeTypes</c>) in the period,
/// each once, a count. Results: the total, then <c>entry=new</c> (the child's first custodial sentence ever falls in the period)
/// and <c>entry=concurrent</c> (the child already had a custodial sentence before the period); they add up to the total.
/// </summary>
/// <remarks>"Ever" means in the dataset: an extract that starts late can make a returning child look new. Immutable and thread-safe.</remarks>
internal sealed class CustodyEntrantsMeasure : PlanMeasure
{
    internal const string EntryDimension = "entry";

    private static readonly BreakdownKey New = new(EntryDimension, "new");
    private static readonly BreakdownKey Concurrent = new(EntryDimension, "concurrent");

    internal CustodyEntrantsMeasure(IndicatorDefinition definition)
        : base(definition, LocalMeasures.CustodyEntrantsId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var children = Children(context.Dataset);
        var sentences = CustodialSentences.ByChild(context.Dataset, Codes(LocalMeasures.CustodialOutcomeTypesParameter), children);
        IEnumerable<MeasureUnit> UnitsOf(ReportingPeriod period)
        {
            foreach (var (childId, list) in sentences)
            {
                if (!list.Any(o => period.Contains(o.OutcomeDate)))
                {
                    continue;
                }
                var isNew = list[0].OutcomeDate >= period.Start;
                yield return new MeasureUnit(childId, children[childId].HomeAreaCode, period.Start,
                    [MeasureCell.Counted(BreakdownKey.Total), MeasureCell.Counted(isNew ? New : Concurrent)]);
            }
        }
        return AggregateByPeriod(context, query, UnitsOf, [BreakdownKey.Total, New, Concurrent], MeasureShape.Count, "child", "child");
    }
}

/// <summary>
/// <c>custody-learning-reviews</c>: children given a custodial sentence in the period, each once; numerator: a custody learning
/// review case event of the child linked to one of those sentences (or, with <c>includeUnlinkedReviews</c>, linked to no outcome
/// and dated on or after the first of them).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class CustodyLearningReviewMeasure : PlanMeasure
{
    internal CustodyLearningReviewMeasure(IndicatorDefinition definition)
        : base(definition, LocalMeasures.CustodyLearningReviewsId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var children = Children(context.Dataset);
        var sentences = CustodialSentences.ByChild(context.Dataset, Codes(LocalMeasures.CustodialOutcomeTypesParameter), children);
        var includeUnlinked = Definition.GetBool(LocalMeasures.IncludeUnlinkedReviewsParameter);
        var reviews = context.Dataset.CaseEvents.Where(e => e.Kind == CaseEventKind.CustodyLearningReview)
            .GroupBy(e => e.ChildId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        IEnumerable<MeasureUnit> UnitsOf(ReportingPeriod period)
        {
            foreach (var (childId, list) in sentences)
            {
                var inPeriod = list.Where(o => period.Contains(o.OutcomeDate)).ToList();
                if (inPeriod.Count == 0)
                {
                    continue;
                }
                var ids = inPeriod.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
                LocalDate first = inPeriod[0].OutcomeDate;
                var reviewed = reviews.TryGetValue(childId, out var ofChild) && ofChild.Any(e =>
                    e.OutcomeId is { } outcome ? ids.Contains(outcome) : includeUnlinked && e.Date >= first);
                yield return new MeasureUnit(childId, children[childId].HomeAreaCode, period.Start, [MeasureCell.Of(BreakdownKey.Total, reviewed)]);
            }
        }
        return AggregateByPeriod(context, query, UnitsOf, [BreakdownKey.Total], MeasureShape.Proportion, "child", "child");
    }
}
