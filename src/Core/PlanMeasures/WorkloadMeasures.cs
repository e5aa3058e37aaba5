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
    // Shared, read only: an episode is counted in the numerator, a practitioner in the denominator.
    private static readonly MeasureCell[] EpisodeCell = [new MeasureCell(BreakdownKey.Total, 1m, 0m)];
    private static readonly MeasureCell[] PractitionerCell = [new MeasureCell(BreakdownKey.Total, 0m, 1m)];

    internal CaseloadMeasure(IndicatorDefinition definition)
        : base(definition, LocalMeasures.CaseloadPerPractitionerId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var programmes = Codes(LocalMeasures.CaseloadProgrammesParameter);
        var held = WithArea(context.Dataset, context.Dataset.Episodes, static e => e.Id, static e => e.ChildId)
            .Where(x => !string.IsNullOrWhiteSpace(x.Record.PractitionerId)
                && (programmes.Count == 0 || programmes.Contains(x.Record.Programme.Code.ToUpperInvariant())))
            .ToList();
        var monthEnds = query.Periods.SelectMany(MonthEnds).Where(d => d <= context.AsOf).Distinct().Order().ToArray();
        var units = query.CollectEvidence ? UnitsWithEvidence(held, monthEnds) : CountedUnits(held, monthEnds);
        return Aggregate(context, query, units, [BreakdownKey.Total], MeasureShape.Mean, "episode-month-end", "practitioner-month-end");
    }

    /// <summary>
    /// A unit per open episode and per practitioner at every month-end, each with its own id (the episode or practitioner,
    /// stamped with the month-end) for the evidence.
    /// </summary>
    private static List<MeasureUnit> UnitsWithEvidence(List<(Domain.ProgrammeEpisode Record, string Area)> held, LocalDate[] monthEnds)
    {
        var units = new List<MeasureUnit>();
        foreach (var monthEnd in monthEnds)
        {
            var stamp = "@" + monthEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var open = held.Where(x => OpenOn(x.Record, monthEnd)).ToList();
            units.AddRange(open.Select(x => new MeasureUnit(x.Record.Id + stamp, x.Area, monthEnd, EpisodeCell)));
            units.AddRange(open.Select(x => (Practitioner: x.Record.PractitionerId!.Trim(), x.Area)).Distinct()
                .Select(p => new MeasureUnit(p.Practitioner + stamp, p.Area, monthEnd, PractitionerCell)));
        }
        return units;
    }

    /// <summary>
    /// Without evidence the ids are never read, so the same sums come from one unit per month-end and area carrying the
    /// count of open episodes, and one carrying the count of distinct practitioners. An episode is open on a contiguous run
    /// of the (sorted) month-ends, from the first on or after its start (or referral) to the last on or before its end, so
    /// each episode adds its run to its area's counts once (a difference array) instead of being tested at every month-end;
    /// a practitioner's runs in an area are merged first, so a practitioner holding several episodes counts once a month-end.
    /// </summary>
    private static List<MeasureUnit> CountedUnits(List<(Domain.ProgrammeEpisode Record, string Area)> held, LocalDate[] monthEnds)
    {
        var areaIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var areaCodes = new List<string>();
        var practitionerIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var months = monthEnds.Length;
        var areaOf = new int[held.Count];
        var practitionerOf = new int[held.Count];
        var fromOf = new int[held.Count];
        var toOf = new int[held.Count];
        for (var i = 0; i < held.Count; i++)
        {
            var (e, area) = held[i];
            if (!areaIndex.TryGetValue(area, out var a))
            {
                areaIndex[area] = a = areaCodes.Count;
                areaCodes.Add(area);
            }
            var practitioner = e.PractitionerId!.Trim();
            if (!practitionerIndex.TryGetValue(practitioner, out var p))
            {
                practitionerIndex[practitioner] = p = practitionerIndex.Count;
            }
            areaOf[i] = a;
            practitionerOf[i] = p;
            // The run of month-ends the episode is open on: [from, to).
            fromOf[i] = LowerBound(monthEnds, e.StartDate ?? e.ReferralDate);
            toOf[i] = e.EndDate is { } end ? UpperBound(monthEnds, end) : months;
        }
        var areas = areaCodes.Count;
        var episodes = new int[areas * (months + 1)];
        var practitioners = new int[areas * (months + 1)];
        for (var i = 0; i < held.Count; i++)
        {
            if (fromOf[i] < toOf[i])
            {
                episodes[(areaOf[i] * (months + 1)) + fromOf[i]]++;
                episodes[(areaOf[i] * (months + 1)) + toOf[i]]--;
            }
        }
        // Each practitioner's runs in an area, in order of their first month-end, merged where they meet or overlap.
        var order = new int[held.Count];
        var keys = new long[held.Count];
        for (var i = 0; i < held.Count; i++)
        {
            order[i] = i;
            keys[i] = ((((long)areaOf[i] * practitionerIndex.Count) + practitionerOf[i]) * (months + 1)) + fromOf[i];
        }
        Array.Sort(keys, order);
        for (var k = 0; k < order.Length;)
        {
            var first = order[k];
            var (area, practitioner, from, to) = (areaOf[first], practitionerOf[first], fromOf[first], toOf[first]);
            for (k++; k < order.Length && areaOf[order[k]] == area && practitionerOf[order[k]] == practitioner; k++)
            {
                var next = order[k];
                if (fromOf[next] <= to)
                {
                    to = Math.Max(to, toOf[next]);
                    continue;
                }
                AddRun(practitioners, area, from, to);
                (from, to) = (fromOf[next], toOf[next]);
            }
            AddRun(practitioners, area, from, to);
        }
        void AddRun(int[] counts, int area, int from, int to)
        {
            if (from < to)
            {
                counts[(area * (months + 1)) + from]++;
                counts[(area * (months + 1)) + to]--;
            }
        }
        var units = new List<MeasureUnit>();
        for (var a = 0; a < areas; a++)
        {
            var (openEpisodes, holding) = (0, 0);
            for (var m = 0; m < months; m++)
            {
                openEpisodes += episodes[(a * (months + 1)) + m];
                holding += practitioners[(a * (months + 1)) + m];
                if (openEpisodes > 0)
                {
                    units.Add(new MeasureUnit(string.Empty, areaCodes[a], monthEnds[m], [new MeasureCell(BreakdownKey.Total, openEpisodes, 0m)]));
                    units.Add(new MeasureUnit(string.Empty, areaCodes[a], monthEnds[m], [new MeasureCell(BreakdownKey.Total, 0m, holding)]));
                }
            }
        }
        return units;
    }

    /// <summary>The index of the first month-end on or after <paramref name="date"/> (the length when there is none).</summary>
    private static int LowerBound(LocalDate[] sorted, LocalDate date)
    {
        var found = Array.BinarySearch(sorted, date);
        return found >= 0 ? found : ~found;
    }

    /// <summary>The index of the first month-end after <paramref name="date"/> (the length when there is none).</summary>
    private static int UpperBound(LocalDate[] sorted, LocalDate date)
    {
        var found = Array.BinarySearch(sorted, date);
        return found >= 0 ? found + 1 : ~found;
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
        var started = WithArea(context.Dataset, context.Dataset.Episodes, static e => e.Id, static e => e.ChildId)
            .Where(x => x.Record.StartDate is not null
                && (programmes.Count == 0 || programmes.Contains(x.Record.Programme.Code.ToUpperInvariant())))
            .ToList();
        var codes = programmes.Count > 0
            ? Definition.GetList(LocalMeasures.ProgrammesParameter).Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList()
            : started.Select(x => x.Record.Programme.Code.ToUpperInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var keys = codes.ToDictionary(c => c, c => new BreakdownKey(ProgrammeDimension, c), StringComparer.Ordinal);
        // Every episode of a programme has the same two cells: one shared, read-only list per programme.
        var cells = keys.ToDictionary(k => k.Key, k => (IReadOnlyList<MeasureCell>)[MeasureCell.Counted(BreakdownKey.Total), MeasureCell.Counted(k.Value)], StringComparer.Ordinal);
        var units = started.Select(x => new MeasureUnit(x.Record.Id, x.Area, x.Record.StartDate!.Value, cells[x.Record.Programme.Code.ToUpperInvariant()]));
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
        IReadOnlyList<MeasureCell> inNumerator = [MeasureCell.Of(BreakdownKey.Total, true)];
        IReadOnlyList<MeasureCell> notInNumerator = [MeasureCell.Of(BreakdownKey.Total, false)];
        var units = WithArea(context.Dataset, context.Dataset.Episodes, static e => e.Id, static e => e.ChildId)
            .Where(x => x.Record.StartDate is not null && disposal.Contains(x.Record.Programme.Code.ToUpperInvariant()))
            .Select(x => new MeasureUnit(x.Record.Id, x.Area, x.Record.StartDate!.Value,
                outOfCourt.Contains(x.Record.Programme.Code.ToUpperInvariant()) ? inNumerator : notInNumerator));
        return Aggregate(context, query, units, [BreakdownKey.Total], MeasureShape.Proportion, "episode", "episode");
    }
}
