using System.Globalization;
using YouthJustice.Sdk.Domain;

namespace YouthJustice.Sdk.Synthetic.Tests;

/// <summary>
/// Every rule a generated dataset must keep, checked independently of the generator. Returns one line per
/// violation (capped), so a failing test says exactly which record broke which rule.
/// </summary>
internal static class DatasetConsistency
{
    public static IReadOnlyList<string> Violations(Dataset dataset)
    {
        var v = new List<string>();
        void Fail(string message)
        {
            if (v.Count < 50)
            {
                v.Add(message);
            }
        }
        var asOf = dataset.AsOf;
        void NotAfterAsOf(LocalDate? date, string what)
        {
            if (date is { } d && d > asOf)
            {
                Fail($"{what} is dated {d:uuuu-MM-dd}, after the as-of date");
            }
        }

        var areas = UniqueIds(dataset.Areas, a => a.Code, "area", Fail);
        var children = UniqueIds(dataset.Children, c => c.Id, "child", Fail);
        var offences = UniqueIds(dataset.Offences, o => o.Id, "offence", Fail);
        var outcomes = UniqueIds(dataset.Outcomes, o => o.Id, "outcome", Fail);
        var episodes = UniqueIds(dataset.Episodes, e => e.Id, "episode", Fail);
        UniqueIds(dataset.Assessments, a => a.Id, "assessment", Fail);
        UniqueIds(dataset.StatusObservations, s => s.Id, "status observation", Fail);
        UniqueIds(dataset.VictimContacts, c => c.Id, "victim contact", Fail);
        UniqueIds(dataset.CaseEvents, e => e.Id, "case event", Fail);
        UniqueIds(dataset.Feedback, f => f.Id, "feedback request", Fail);

        foreach (var child in dataset.Children)
        {
            if (!areas.ContainsKey(child.HomeAreaCode))
            {
                Fail($"child {child.Id} lives in unknown area {child.HomeAreaCode}");
            }
            NotAfterAsOf(child.DateOfBirth, $"child {child.Id}'s birth");
        }

        foreach (var offence in dataset.Offences)
        {
            NotAfterAsOf(offence.CommittedOn, $"offence {offence.Id}");
            if (offence.Gravity is < 1 or > 8)
            {
                Fail($"offence {offence.Id} has gravity {offence.Gravity}");
            }
            if (!children.TryGetValue(offence.ChildId, out var child))
            {
                Fail($"offence {offence.Id} refers to unknown child {offence.ChildId}");
                continue;
            }
            var age = child.AgeOn(offence.CommittedOn);
            if (offence.CommittedOn < child.DateOfBirth || age is < 10 or > 17)
            {
                Fail($"offence {offence.Id} was committed at age {age}");
            }
        }

        foreach (var outcome in dataset.Outcomes)
        {
            NotAfterAsOf(outcome.OutcomeDate, $"outcome {outcome.Id}");
            NotAfterAsOf(outcome.ReleaseDate, $"outcome {outcome.Id}'s release");
            NotAfterAsOf(outcome.EndDate, $"outcome {outcome.Id}'s end");
            if (!children.ContainsKey(outcome.ChildId))
            {
                Fail($"outcome {outcome.Id} refers to unknown child {outcome.ChildId}");
            }
            if (outcome.OffenceIds.IsDefaultOrEmpty && outcome.Type.Category != OutcomeCategory.Remand)
            {
                Fail($"outcome {outcome.Id} disposes of no offence");
            }
            foreach (var offenceId in outcome.OffenceIds.IsDefault ? [] : outcome.OffenceIds)
            {
                if (!offences.TryGetValue(offenceId, out var offence))
                {
                    Fail($"outcome {outcome.Id} refers to unknown offence {offenceId}");
                }
                else if (offence.ChildId != outcome.ChildId)
                {
                    Fail($"outcome {outcome.Id} disposes of another child's offence {offenceId}");
                }
                else if (outcome.OutcomeDate < offence.CommittedOn)
                {
                    Fail($"outcome {outcome.Id} is dated before its offence {offenceId}");
                }
            }
            if (outcome.EndDate is { } end && end < outcome.OutcomeDate)
            {
                Fail($"outcome {outcome.Id} ends before it starts");
            }
            if (outcome.Type.IsCustodial)
            {
                if (outcome.SentenceLengthDays is not > 0)
                {
                    Fail($"custodial outcome {outcome.Id} has no sentence length");
                }
                if (outcome.ReleaseDate is { } release
                    && (release <= outcome.OutcomeDate || release > outcome.OutcomeDate.PlusDays(outcome.SentenceLengthDays ?? 0)))
                {
                    Fail($"custodial outcome {outcome.Id} is released outside its sentence");
                }
            }
            else if (outcome.SentenceLengthDays is not null || outcome.ReleaseDate is not null)
            {
                Fail($"non-custodial outcome {outcome.Id} has a sentence length or release date");
            }
            if (outcome.Resentenced && !outcome.Type.Equals(OutcomeTypes.Breach))
            {
                Fail($"outcome {outcome.Id} is re-sentenced but is not a breach");
            }
        }

        foreach (var episode in dataset.Episodes)
        {
            NotAfterAsOf(episode.ReferralDate, $"episode {episode.Id}'s referral");
            NotAfterAsOf(episode.StartDate, $"episode {episode.Id}'s start");
            NotAfterAsOf(episode.EndDate, $"episode {episode.Id}'s end");
            if (!children.ContainsKey(episode.ChildId))
            {
                Fail($"episode {episode.Id} refers to unknown child {episode.ChildId}");
            }
            if (episode.StartDate is { } start && start < episode.ReferralDate)
            {
                Fail($"episode {episode.Id} starts before its referral");
            }
            if (episode.EndDate is { } end && (end < episode.ReferralDate || (episode.StartDate is { } s && end < s)))
            {
                Fail($"episode {episode.Id} ends before it starts");
            }
            if ((episode.EndDate is null) != (episode.ClosureReason is null))
            {
                Fail($"episode {episode.Id} has an end date without a closure reason or the reverse");
            }
        }

        foreach (var step in dataset.PathwayEvents)
        {
            NotAfterAsOf(step.Date, $"pathway event {step.State} of {step.EpisodeId}");
            if (!episodes.TryGetValue(step.EpisodeId, out var episode))
            {
                Fail($"pathway event {step.State} refers to unknown episode {step.EpisodeId}");
            }
            else if (step.Date < episode.ReferralDate
                || (episode.EndDate is { } end && step.Date > end && !step.State.StartsWith("FOLLOW_UP_", StringComparison.Ordinal)))
            {
                Fail($"pathway event {step.State} of {step.EpisodeId} on {step.Date:uuuu-MM-dd} is outside its episode");
            }
        }

        foreach (var link in dataset.Links)
        {
            if (!children.ContainsKey(link.ChildId) || !children.ContainsKey(link.LinkedChildId) || link.ChildId == link.LinkedChildId)
            {
                Fail($"link {link.ChildId} - {link.LinkedChildId} does not join two known children");
            }
        }
        if (dataset.Links.Select(l => (l.ChildId, l.LinkedChildId)).Distinct().Count() != dataset.Links.Count)
        {
            Fail("a link appears twice");
        }

        foreach (var assessment in dataset.Assessments)
        {
            NotAfterAsOf(assessment.AssessedOn, $"assessment {assessment.Id}");
            if (!children.TryGetValue(assessment.ChildId, out var child))
            {
                Fail($"assessment {assessment.Id} refers to unknown child {assessment.ChildId}");
            }
            else if (assessment.AssessedOn < child.DateOfBirth)
            {
                Fail($"assessment {assessment.Id} predates the child's birth");
            }
        }

        foreach (var observation in dataset.StatusObservations)
        {
            NotAfterAsOf(observation.ObservedOn, $"status observation {observation.Id}");
            if (!children.ContainsKey(observation.ChildId))
            {
                Fail($"status observation {observation.Id} refers to unknown child {observation.ChildId}");
            }
            if (observation.EpisodeId is { } episodeId)
            {
                if (!episodes.TryGetValue(episodeId, out var episode) || episode.ChildId != observation.ChildId)
                {
                    Fail($"status observation {observation.Id} refers to an unknown or another child's episode {episodeId}");
                }
                else if (observation.ObservedOn < episode.ReferralDate || (episode.EndDate is { } end && observation.ObservedOn > end))
                {
                    Fail($"status observation {observation.Id} is outside its episode");
                }
            }
        }

        foreach (var contact in dataset.VictimContacts)
        {
            NotAfterAsOf(contact.ContactDate, $"victim contact {contact.Id}");
            if (!children.ContainsKey(contact.ChildId))
            {
                Fail($"victim contact {contact.Id} refers to unknown child {contact.ChildId}");
            }
            if (contact.OffenceId is { } offenceId
                && (!offences.TryGetValue(offenceId, out var offence) || offence.ChildId != contact.ChildId || contact.ContactDate < offence.CommittedOn))
            {
                Fail($"victim contact {contact.Id} refers to an unknown, another child's or a later offence {offenceId}");
            }
            if ((contact.ViewsTaken || contact.RestorativeJusticeOffered) && !contact.ConsentedToContact)
            {
                Fail($"victim contact {contact.Id} took views or offered restorative justice without consent");
            }
            if (contact.RestorativeJusticeTakenUp && !contact.RestorativeJusticeOffered)
            {
                Fail($"victim contact {contact.Id} took up restorative justice that was not offered");
            }
        }

        foreach (var meeting in dataset.BoardAttendances)
        {
            NotAfterAsOf(meeting.MeetingDate, $"board meeting {meeting.Agency}");
            if (!areas.ContainsKey(meeting.AreaCode))
            {
                Fail($"board meeting {meeting.Agency} on {meeting.MeetingDate} is of unknown area {meeting.AreaCode}");
            }
        }
        foreach (var population in dataset.Populations)
        {
            if (!areas.ContainsKey(population.AreaCode) || population.Count < 0 || population.Age is < 10 or > 17)
            {
                Fail($"population row {population} is for an unknown area, a negative count or an age outside 10-17");
            }
        }
        foreach (var reference in dataset.ReferencePopulations)
        {
            if (!areas.ContainsKey(reference.AreaCode) || reference.Count < 0)
            {
                Fail($"reference population row {reference} is for an unknown area or a negative count");
            }
        }

        foreach (var outcome in dataset.Outcomes)
        {
            if (outcome.PsrProposal is not null && outcome.DecidedBy != DecidingBody.Court)
            {
                Fail($"outcome {outcome.Id} has a pre-sentence report proposal but was not decided by a court");
            }
        }
        foreach (var caseEvent in dataset.CaseEvents)
        {
            NotAfterAsOf(caseEvent.Date, $"case event {caseEvent.Id}");
            if (!children.TryGetValue(caseEvent.ChildId, out var child))
            {
                Fail($"case event {caseEvent.Id} refers to unknown child {caseEvent.ChildId}");
                continue;
            }
            if (caseEvent.Date < child.DateOfBirth)
            {
                Fail($"case event {caseEvent.Id} is before the child's birth");
            }
            if (caseEvent.OutcomeId is { } outcomeId
                && (!outcomes.TryGetValue(outcomeId, out var outcome) || outcome.ChildId != caseEvent.ChildId || caseEvent.Date < outcome.OutcomeDate))
            {
                Fail($"case event {caseEvent.Id} refers to an unknown, another child's or a later outcome {outcomeId}");
            }
        }
        foreach (var request in dataset.Feedback)
        {
            NotAfterAsOf(request.RequestedOn, $"feedback request {request.Id}");
            if (!children.ContainsKey(request.ChildId))
            {
                Fail($"feedback request {request.Id} refers to unknown child {request.ChildId}");
            }
            if (request.Score is { } score && (!request.Responded || score < 1 || score > 5))
            {
                Fail($"feedback request {request.Id} has score {score} without a response or outside 1-5");
            }
            if (request.EpisodeId is { } episodeId
                && (!episodes.TryGetValue(episodeId, out var episode) || episode.ChildId != request.ChildId))
            {
                Fail($"feedback request {request.Id} refers to an unknown or another child's episode {episodeId}");
            }
        }
        for (var i = 1; i < dataset.CaseEvents.Count; i++)
        {
            if (dataset.CaseEvents[i - 1].Date > dataset.CaseEvents[i].Date)
            {
                Fail($"case events are not in date order at {dataset.CaseEvents[i].Id}");
            }
        }

        for (var i = 1; i < dataset.Children.Count; i++)
        {
            if (string.CompareOrdinal(dataset.Children[i - 1].Id, dataset.Children[i].Id) >= 0)
            {
                Fail($"children are not in id order at {dataset.Children[i].Id}");
            }
        }
        for (var i = 1; i < dataset.Offences.Count; i++)
        {
            if (dataset.Offences[i - 1].CommittedOn > dataset.Offences[i].CommittedOn)
            {
                Fail($"offences are not in date order at {dataset.Offences[i].Id}");
            }
        }
        return v;
    }

    private static Dictionary<string, T> UniqueIds<T>(IReadOnlyList<T> items, Func<T, string> id, string what, Action<string> fail)
    {
        var byId = new Dictionary<string, T>(items.Count, StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!byId.TryAdd(id(item), item))
            {
                fail(string.Create(CultureInfo.InvariantCulture, $"{what} id {id(item)} is not unique"));
            }
        }
        return byId;
    }
}
