using YouthJustice.Sdk.Engine;
using System.Globalization;
using NodaTime;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.PlanMeasures;

/// <summary>
/// <c>caseload-per-practitioner</c>: at each month-end in the period up to the dataset's as-of date, the episodes of programmes
/// in <c>caseloadProgrammes</c> (empty for every programme) open that day with a practitioner recorded, of children in the
/// area, and the practitioners holding them. The value is the episodes summed over the month-ends (numerator) over the
/// practitioners summed over the month-ends (denominator): the mean caseload of a practitioner at a month-end.
/// </summary>
/// <remarks>A practitioner holding children of two areas counts in each. Immutable and thread-safe.</remarks>
internal sealed class CaseloadMeasure : PlanMeasure
{
    internal CaseloadMeasure(IndicatorDefinition definition)
        : base(definition, LocalMeasures.CaseloadPerPractitionerId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var programmes = Codes(LocalMeasures.CaseloadProgrammesParameter);
        var children = Children(context.Dataset);
        var held = FirstOfEachId.Of(context.Dataset.Episodes, static e => e.Id)
            .Where(e => !string.IsNullOrWhiteSpace(e.PractitionerId) && children.ContainsKey(e.ChildId)
                && (programmes.Count == 0 || programmes.Contains(e.Programme.Code.ToUpperInvariant())))
            .ToList();
        var monthEnds = query.Periods.SelectMany(MonthEnds).Where(d => d <= context.AsOf).Distinct().Order().ToList();
        // A unit per open episode and per practitioner at every month-end: its id (episode or practitioner, stamped with the
        // month-end) is read only as evidence, so it is made only when the query collects evidence, and every unit shares one
        // read-only cell list of each kind.
        MeasureCell[] episodeCell = [new MeasureCell(BreakdownKey.Total, 1m, 0m)];
        MeasureCell[] practitionerCell = [new MeasureCell(BreakdownKey.Total, 0m, 1m)];
        var evidence = query.CollectEvidence;
        var units = new List<MeasureUnit>();
        foreach (var monthEnd in monthEnds)
        {
            var stamp = "@" + monthEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var open = held.Where(e => OpenOn(e, monthEnd)).ToList();
            units.AddRange(open.Select(e => new MeasureUnit(evidence ? e.Id + stamp : e.Id, children[e.ChildId].HomeAreaCode, monthEnd, episodeCell)));
            units.AddRange(open.Select(e => (Practitioner: e.PractitionerId!.Trim(), children[e.ChildId].HomeAreaCode)).Distinct()
                .Select(p => new MeasureUnit(evidence ? p.Practitioner + stamp : p.Practitioner, p.HomeAreaCode, monthEnd, practitionerCell)));
        }
        return Aggregate(context, query, units, [BreakdownKey.Total], MeasureShape.Mean, "episode-month-end", "practitioner-month-end");
    }

    private static IEnumerable<LocalDate> MonthEnds(Periods.ReportingPeriod period)
    {
        for (var month = new YearMonth(period.Start.Year, period.Start.Month); month.OnDayOfMonth(1) <= period.End; month = month.PlusMonths(1))
        {
            var end = month.OnDayOfMonth(CalendarSystem.Iso.GetDaysInMonth(month.Year, month.Month));
            if (period.Contains(end))
            {
                yield return end;
            }
        }
    }
}

/// <summary>
/// <c>interventions-started</c>: programme episodes whose intervention started in the period (start date inclusive), of
/// children in the area, a count. Results: the total, then <c>programme=CODE</c> for each programme in <c>programmes</c> (or,
/// when it is empty, each programme in the data, in code order); they add up to the total.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class InterventionsStartedMeasure : PlanMeasure
{
    internal const string ProgrammeDimension = "programme";

    internal InterventionsStartedMeasure(IndicatorDefinition definition)
        : base(definition, LocalMeasures.InterventionsStartedId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var programmes = Codes(LocalMeasures.ProgrammesParameter);
        var children = Children(context.Dataset);
        var started = FirstOfEachId.Of(context.Dataset.Episodes, static e => e.Id)
            .Where(e => e.StartDate is not null && children.ContainsKey(e.ChildId)
                && (programmes.Count == 0 || programmes.Contains(e.Programme.Code.ToUpperInvariant())))
            .ToList();
        var codes = programmes.Count > 0
            ? Definition.GetList(LocalMeasures.ProgrammesParameter).Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList()
            : started.Select(e => e.Programme.Code.ToUpperInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var keys = codes.ToDictionary(c => c, c => new BreakdownKey(ProgrammeDimension, c), StringComparer.Ordinal);
        var units = started.Select(e => new MeasureUnit(e.Id, children[e.ChildId].HomeAreaCode, e.StartDate!.Value,
            [MeasureCell.Counted(BreakdownKey.Total), MeasureCell.Counted(keys[e.Programme.Code.ToUpperInvariant()])]));
        return Aggregate(context, query, units, [BreakdownKey.Total, .. keys.Values], MeasureShape.Count, "episode", "episode");
    }
}

/// <summary>
/// <c>oocd-intervention-share</c>: disposal-based interventions (episodes of a programme in <c>disposalProgrammes</c>) started
/// in the period, of children in the area; numerator: the programme is in <c>outOfCourtProgrammes</c>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class OutOfCourtShareMeasure : PlanMeasure
{
    internal OutOfCourtShareMeasure(IndicatorDefinition definition)
        : base(definition, LocalMeasures.OutOfCourtInterventionShareId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var disposal = Codes(LocalMeasures.DisposalProgrammesParameter);
        var outOfCourt = Codes(LocalMeasures.OutOfCourtProgrammesParameter);
        var children = Children(context.Dataset);
        var units = FirstOfEachId.Of(context.Dataset.Episodes, static e => e.Id)
            .Where(e => e.StartDate is not null && children.ContainsKey(e.ChildId) && disposal.Contains(e.Programme.Code.ToUpperInvariant()))
            .Select(e => new MeasureUnit(e.Id, children[e.ChildId].HomeAreaCode, e.StartDate!.Value,
                [MeasureCell.Of(BreakdownKey.Total, outOfCourt.Contains(e.Programme.Code.ToUpperInvariant()))]));
        return Aggregate(context, query, units, [BreakdownKey.Total], MeasureShape.Proportion, "episode", "episode");
    }
}
