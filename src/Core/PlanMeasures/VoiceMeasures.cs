using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.PlanMeasures;

/// <summary>The breakdown of feedback by who was asked.</summary>
internal static class Respondents
{
    internal const string Dimension = "respondent";

    internal static string Value(FeedbackRespondent respondent) => respondent switch
    {
        FeedbackRespondent.Child => "child",
        FeedbackRespondent.ParentCarer => "parent-carer",
        _ => "victim",
    };

    internal static Dictionary<FeedbackRespondent, BreakdownKey> Keys(IEnumerable<FeedbackRespondent> respondents) =>
        respondents.ToDictionary(r => r, r => new BreakdownKey(Dimension, Value(r)));
}

/// <summary>
/// <c>feedback-response-rate</c>: feedback requests made in the period (request date inclusive) of a respondent in
/// <c>respondents</c>, about children in the area (with <c>atClosureOnly</c>, only requests linked to an episode of the same child
/// that has closed); numerator: feedback was given. Results: the total, then <c>respondent=…</c> for each respondent counted
/// (they add up to the total).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class FeedbackResponseMeasure : PlanMeasure
{
    internal FeedbackResponseMeasure(IndicatorDefinition definition)
        : base(definition, LocalMeasures.FeedbackResponseRateId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var keys = Respondents.Keys(EnumList<FeedbackRespondent>(LocalMeasures.RespondentsParameter));
        var atClosure = Definition.GetBool(LocalMeasures.AtClosureOnlyParameter);
        var children = Children(context.Dataset);
        var episodes = Kpis.KpiEngine.EpisodesById(context.Dataset);
        var units = FirstOfEachId.Of(context.Dataset.Feedback, static f => f.Id)
            .Where(f => keys.ContainsKey(f.Respondent) && children.ContainsKey(f.ChildId)
                && (!atClosure || (f.EpisodeId is { } id && episodes.TryGetValue(id, out var e) && e.ChildId == f.ChildId && e.EndDate is not null)))
            .Select(f => new MeasureUnit(f.Id, children[f.ChildId].HomeAreaCode, f.RequestedOn,
                [MeasureCell.Of(BreakdownKey.Total, f.Responded), MeasureCell.Of(keys[f.Respondent], f.Responded)]));
        return Aggregate(context, query, units, [BreakdownKey.Total, .. keys.Values], MeasureShape.Proportion, "feedback", "feedback");
    }
}

/// <summary>
/// <c>feedback-satisfaction</c>: the mean satisfaction score (1-5) of the feedback given on requests made in the period, of a
/// respondent in <c>respondents</c>. The numerator is the sum of the scores, the denominator the number of scores, so the
/// disclosure policy withholds a mean of five or fewer responses. Results: the total, then <c>respondent=…</c>.
/// </summary>
/// <remarks>A response with no score is not in the mean. Immutable and thread-safe.</remarks>
internal sealed class FeedbackSatisfactionMeasure : PlanMeasure
{
    internal FeedbackSatisfactionMeasure(IndicatorDefinition definition)
        : base(definition, LocalMeasures.FeedbackSatisfactionId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var keys = Respondents.Keys(EnumList<FeedbackRespondent>(LocalMeasures.RespondentsParameter));
        var children = Children(context.Dataset);
        var units = FirstOfEachId.Of(context.Dataset.Feedback, static f => f.Id)
            .Where(f => f.Responded && f.Score is not null && keys.ContainsKey(f.Respondent) && children.ContainsKey(f.ChildId))
            .Select(f => new MeasureUnit(f.Id, children[f.ChildId].HomeAreaCode, f.RequestedOn,
                [new MeasureCell(BreakdownKey.Total, f.Score!.Value, 1m), new MeasureCell(keys[f.Respondent], f.Score!.Value, 1m)]));
        return Aggregate(context, query, units, [BreakdownKey.Total, .. keys.Values], MeasureShape.Mean, "feedback", "feedback");
    }
}

/// <summary>
/// <c>victim-secondary-contact</c>: victim contact records dated in the period where the victim consented to be contacted, of
/// children in the area; numerator: the service went on to contact the victim and take their views.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class VictimSecondaryContactMeasure : PlanMeasure
{
    internal VictimSecondaryContactMeasure(IndicatorDefinition definition)
        : base(definition, LocalMeasures.VictimSecondaryContactId)
    {
    }

    private protected override IReadOnlyList<IndicatorResult> ComputeCore(IndicatorContext context, IndicatorQuery query)
    {
        var children = Children(context.Dataset);
        var units = FirstOfEachId.Of(context.Dataset.VictimContacts, static v => v.Id)
            .Where(v => v.ConsentedToContact && children.ContainsKey(v.ChildId))
            .Select(v => new MeasureUnit(v.Id, children[v.ChildId].HomeAreaCode, v.ContactDate, [MeasureCell.Of(BreakdownKey.Total, v.ViewsTaken)]));
        return Aggregate(context, query, units, [BreakdownKey.Total], MeasureShape.Proportion, "victim-contact", "victim-contact");
    }
}
