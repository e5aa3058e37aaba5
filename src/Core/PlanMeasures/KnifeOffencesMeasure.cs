using NodaTime;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Kpis;

namespace YouthJustice.Sdk.PlanMeasures;

/// <summary>
/// <c>knife-offences</c>: proven offences involving a knife or bladed article, committed by a child aged <c>minAge</c>-<c>maxAge</c>
/// on the offence date, counted once in the period of their first substantive outcome (youth caution, youth conditional
/// caution or court disposal), as KPI 9 counts proven offences. Results: the total, then <c>offence-group=…</c> for every
/// offence group (they add up to the total).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class KnifeOffencesMeasure : PlanMeasure
{
    private static readonly BreakdownKey[] Layout =
        [BreakdownKey.Total, .. Enum.GetValues<OffenceGroup>().Select(g => new BreakdownKey(SeriousViolenceIndicator.OffenceGroupDimension, SeriousViolenceIndicator.OffenceGroupValue(g)))];

    internal KnifeOffencesMeasure(IndicatorDefinition definition)
        : base(definition, LocalMeasures.KnifeOffencesId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var minAge = Definition.GetInt(LocalMeasures.MinAgeParameter);
        var maxAge = Definition.GetInt(LocalMeasures.MaxAgeParameter);
        var leapDay = KpiEngine.LeapDayRule(Definition);
        var dataset = context.Dataset;
        var children = Children(dataset);
        var firstProven = new Dictionary<string, LocalDate>(StringComparer.Ordinal);
        foreach (var outcome in dataset.Outcomes)
        {
            if (!outcome.Type.IsSubstantive || outcome.OffenceIds.IsDefault)
            {
                continue;
            }
            foreach (var id in outcome.OffenceIds)
            {
                if (!firstProven.TryGetValue(id, out var date) || outcome.OutcomeDate < date)
                {
                    firstProven[id] = outcome.OutcomeDate;
                }
            }
        }
        var units = new List<MeasureUnit>();
        foreach (var offence in FirstOfEachId.Of(dataset.Offences, static o => o.Id))
        {
            if (!offence.InvolvesKnife || !firstProven.TryGetValue(offence.Id, out var proven) || !children.TryGetValue(offence.ChildId, out var child))
            {
                continue;
            }
            var age = DateArithmetic.Age(child.DateOfBirth, offence.CommittedOn, leapDay);
            if (age < minAge || age > maxAge)
            {
                continue;
            }
            units.Add(new MeasureUnit(offence.Id, child.HomeAreaCode, proven,
            [
                MeasureCell.Counted(BreakdownKey.Total),
                MeasureCell.Counted(new BreakdownKey(SeriousViolenceIndicator.OffenceGroupDimension, SeriousViolenceIndicator.OffenceGroupValue(offence.Group))),
            ]));
        }
        return Aggregate(context, query, units, Layout, MeasureShape.Count, "offence", "offence");
    }
}
