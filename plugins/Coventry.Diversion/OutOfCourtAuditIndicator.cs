using System.Globalization;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Plugins.Coventry;

/// <summary>
/// The out-of-court decision audit (Coventry Youth Justice Plan 2021-23, Appendix 4, Quality Assurance Activity Schedule:
/// Threshold Analysis - Out of Court Disposals, each quarter): the out-of-court decisions of the period (outcomes of a
/// <c>decisionTypes</c> type) checked against the routing matrix (<see cref="OutOfCourtRouting.RouteOf"/>); a decision falls
/// outside it when its type is not one its route allows (<c>policeOnlyTypes</c>, <c>enhancedTypes</c>, <c>panelTypes</c>).
/// Results: decisions outside the matrix over decisions checked, the total, then <c>outcome-type=CODE</c> for every decision
/// type and, for a financial year, <c>quarter=2022/23 Q1</c>… for each quarter, so the quarterly board sees its quarter.
/// A decision none of whose offences is in the dataset cannot be checked and is left out (the note counts them).
/// </summary>
internal sealed class OutOfCourtAuditIndicator(IndicatorDefinition definition, string authority) : AuthorityIndicator(definition, authority)
{
    internal const string Id = CoventryPlugin.Id + ".oocd-audit";

    protected override IEnumerable<IndicatorResult> ComputePeriod(IndicatorContext context, IndicatorQuery query, ReportingPeriod period, DatasetIndex index)
    {
        var routing = new OutOfCourtRouting(Definition.GetInt("lowLevelMaxGravity"), Definition.GetInt("enhancedMaxGravity"));
        var types = Definition.GetList("decisionTypes").Select(t => t.ToUpperInvariant()).ToList();
        var allowed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            [OutOfCourtRouting.PoliceOnlyCommunityResolution] = Codes("policeOnlyTypes"),
            [OutOfCourtRouting.EnhancedCommunityResolution] = Codes("enhancedTypes"),
            [OutOfCourtRouting.JointDecisionPanel] = Codes("panelTypes"),
        };
        var decisions = context.Dataset.Outcomes
            .Where(o => period.Contains(o.OutcomeDate) && types.Contains(o.Type.Code.ToUpperInvariant()) && index.TryGetChild(o.ChildId, out _))
            .DistinctBy(o => o.Id, StringComparer.Ordinal)
            .Select(o => (Decision: o, Route: routing.RouteOf(o, index)))
            .ToList();
        var unchecked_ = decisions.Count(d => d.Route is null);
        var audited = decisions.Where(d => d.Route is not null)
            .Select(d => (d.Decision, d.Route, Outside: !allowed[d.Route!].Contains(d.Decision.Type.Code.ToUpperInvariant())))
            .ToList();

        IndicatorResult Cell(BreakdownKey key, Func<Outcome, bool> inCell, string? note = null)
        {
            var slice = audited.Where(a => inCell(a.Decision)).ToList();
            return Proportion(query, period, key, [.. slice.Where(a => a.Outside).Select(a => a.Decision.Id)], [.. slice.Select(a => a.Decision.Id)], "outcome", note: note);
        }

        var byRoute = audited.Where(a => a.Outside).GroupBy(a => a.Route!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} routed to {g.Key}"));
        var outside = audited.Count(a => a.Outside);
        yield return Cell(BreakdownKey.Total, _ => true, string.Create(CultureInfo.InvariantCulture,
            $"{outside} of {audited.Count} out-of-court decisions outside the routing matrix{(outside > 0 ? " (" + string.Join(", ", byRoute) + ")" : "")}" +
            $"{(unchecked_ > 0 ? $"; {unchecked_} left out, no offence in the dataset" : "")}. Each is reviewed: an escalation may be justified."));
        foreach (var type in types)
        {
            yield return Cell(new BreakdownKey("outcome-type", type), o => string.Equals(o.Type.Code, type, StringComparison.OrdinalIgnoreCase));
        }
        if (period.Kind == PeriodKind.FinancialYear)
        {
            for (var q = 1; q <= 4; q++)
            {
                var quarter = ReportingPeriod.FinancialQuarter(period.Start.Year, q);
                yield return Cell(new BreakdownKey("quarter", quarter.ToString()), o => quarter.Contains(o.OutcomeDate));
            }
        }

        HashSet<string> Codes(string parameter) =>
            Definition.GetList(parameter).Select(t => t.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
    }
}
