using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.PlanMeasures;

/// <summary>
/// <c>psr-congruence</c>: court sentences (non-custodial or custodial court outcomes) given in the period for which a
/// pre-sentence report proposal is recorded; numerator: the sentence matches the proposal, by outcome type
/// (<c>matchOn=Type</c>) or by whether it is custodial (<c>matchOn=Category</c>). Results: the total, then
/// <c>proposal=community|custody|other</c> (by what the report proposed; they add up to the total).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class PsrCongruenceMeasure : PlanMeasure
{
    internal const string ProposalDimension = "proposal";

    private static readonly BreakdownKey Community = new(ProposalDimension, "community");
    private static readonly BreakdownKey Custody = new(ProposalDimension, "custody");
    private static readonly BreakdownKey Other = new(ProposalDimension, "other");

    internal PsrCongruenceMeasure(IndicatorDefinition definition)
        : base(definition, LocalMeasures.PsrCongruenceId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var matchOn = Definition.GetEnum<PsrMatch>(LocalMeasures.MatchOnParameter);
        var children = Children(context.Dataset);
        var units = FirstOfEachId.Of(context.Dataset.Outcomes, static o => o.Id)
            .Where(o => o.Type.IsCourt && o.PsrProposal is not null && children.ContainsKey(o.ChildId))
            .Select(o =>
            {
                var proposal = o.PsrProposal!;
                var congruent = matchOn == PsrMatch.Type ? o.Type.Equals(proposal) : o.Type.IsCustodial == proposal.IsCustodial;
                var byProposal = proposal.Category switch
                {
                    OutcomeCategory.CourtNonCustodial => Community,
                    OutcomeCategory.CourtCustodial => Custody,
                    _ => Other,
                };
                return new MeasureUnit(o.Id, children[o.ChildId].HomeAreaCode, o.OutcomeDate,
                    [MeasureCell.Of(BreakdownKey.Total, congruent), MeasureCell.Of(byProposal, congruent)]);
            });
        return Aggregate(context, query, units, [BreakdownKey.Total, Community, Custody, Other], MeasureShape.Proportion, "outcome", "outcome");
    }
}

/// <summary>What a pre-sentence report's proposal must share with the sentence to be congruent.</summary>
internal enum PsrMatch
{
    /// <summary>The same outcome type (e.g. a referral order proposed and given).</summary>
    Type = 0,
    /// <summary>The same side of the custody threshold (community proposed and a community sentence given, or custody and custody).</summary>
    Category = 1,
}

/// <summary>
/// <c>bail-support-offered</c>: remands to youth detention accommodation beginning in the period; numerator: a case event of a
/// kind in <c>eventKinds</c> (default bail support offered, remand alternative offered) of the same child linked to the remand.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class BailSupportMeasure : PlanMeasure
{
    internal BailSupportMeasure(IndicatorDefinition definition)
        : base(definition, LocalMeasures.BailSupportOfferedId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var kinds = EnumList<CaseEventKind>(LocalMeasures.EventKindsParameter);
        var children = Children(context.Dataset);
        var offered = context.Dataset.CaseEvents
            .Where(e => e.OutcomeId is not null && kinds.Contains(e.Kind))
            .Select(e => (e.ChildId, e.OutcomeId!))
            .ToHashSet();
        var units = FirstOfEachId.Of(context.Dataset.Outcomes, static o => o.Id)
            .Where(o => o.Type.Category == OutcomeCategory.Remand && children.ContainsKey(o.ChildId))
            .Select(o => new MeasureUnit(o.Id, children[o.ChildId].HomeAreaCode, o.OutcomeDate,
                [MeasureCell.Of(BreakdownKey.Total, offered.Contains((o.ChildId, o.Id)))]));
        return Aggregate(context, query, units, [BreakdownKey.Total], MeasureShape.Proportion, "outcome", "outcome");
    }
}
