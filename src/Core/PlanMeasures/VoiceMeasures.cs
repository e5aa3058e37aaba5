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
        var episodes = atClosure ? Kpis.KpiEngine.EpisodesById(context.Dataset) : [];
        // The cells depend only on the respondent and whether they responded: one shared, read-only list of each.
        var cells = new Dictionary<(FeedbackRespondent, bool), IReadOnlyList<MeasureCell>>();
        foreach (var (respondent, key) in keys)
        {
            cells[(respondent, true)] = [MeasureCell.Of(BreakdownKey.Total, true), MeasureCell.Of(key, true)];
            cells[(respondent, false)] = [MeasureCell.Of(BreakdownKey.Total, false), MeasureCell.Of(key, false)];
        }
        var units = WithArea(context.Dataset, context.Dataset.Feedback, static f => f.Id, static f => f.ChildId)
            .Where(x => keys.ContainsKey(x.Record.Respondent)
                && (!atClosure || (x.Record.EpisodeId is { } id && episodes.TryGetValue(id, out var e) && e.ChildId == x.Record.ChildId && e.EndDate is not null)))
            .Select(x => new MeasureUnit(x.Record.Id, x.Area, x.Record.RequestedOn, cells[(x.Record.Respondent, x.Record.Responded)]));
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
        var units = WithArea(context.Dataset, context.Dataset.Feedback, static f => f.Id, static f => f.ChildId)
            .Where(x => x.Record.Responded && x.Record.Score is not null && keys.ContainsKey(x.Record.Respondent))
            .Select(x => new MeasureUnit(x.Record.Id, x.Area, x.Record.RequestedOn,
                [new MeasureCell(BreakdownKey.Total, x.Record.Score!.Value, 1m), new MeasureCell(keys[x.Record.Respondent], x.Record.Score!.Value, 1m)]));
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
        var units = WithArea(context.Dataset, context.Dataset.VictimContacts, static v => v.Id, static v => v.ChildId)
            .Where(x => x.Record.ConsentedToContact)
            .Select(x => new MeasureUnit(x.Record.Id, x.Area, x.Record.ContactDate, [MeasureCell.Of(BreakdownKey.Total, x.Record.ViewsTaken)]));
        return Aggregate(context, query, units, [BreakdownKey.Total], MeasureShape.Proportion, "victim-contact", "victim-contact");
    }
}
