using NodaTime;
using System.Globalization;
using YouthJustice.Sdk.Domain;

namespace YouthJustice.Sdk.Synthetic;

/// <summary>
/// Adds what the local measures read to a generated dataset: assessment stages, pre-sentence report proposals,
/// practitioner ids, case events and feedback requests (see <c>docs/synthetic-data.md</c>, "Local measures").
/// </summary>
/// <remarks>
/// It runs after the rest of the dataset is complete and draws every value from streams of its own (one per area, seeded
/// from the seed and a fixed salt), never from the areas' streams: adding these fields changed no byte of any other column
/// or record, so every figure computed before them is unchanged. It reads only the finished records, so it is linear in
/// their number and cheap for the national preset too.
/// </remarks>
internal static class LocalMeasures
{
    /// <summary>Mixed into the stream number: far from the areas' streams (1, 2, 3, …), so no stream is shared.</summary>
    private const ulong Salt = 0x4C4F_4341_4C00_0000UL;

    /// <summary>The court sentences in ladder order, for a pre-sentence report proposing the next rung up or down.</summary>
    private static readonly OutcomeType[] SentenceLadder =
    [
        OutcomeTypes.AbsoluteDischarge, OutcomeTypes.ConditionalDischarge, OutcomeTypes.Fine, OutcomeTypes.ReferralOrder,
        OutcomeTypes.YouthRehabilitationOrder, OutcomeTypes.YouthRehabilitationOrderWithIss, OutcomeTypes.DetentionAndTrainingOrder,
        OutcomeTypes.Section250, OutcomeTypes.Section259,
    ];

    /// <summary>Satisfaction scores 1 to 5 of children and parents who answer: mostly 4 and 5.</summary>
    private static readonly double[] ServiceScoreWeights = [3, 5, 12, 35, 45];

    /// <summary>Victims' scores are more spread.</summary>
    private static readonly double[] VictimScoreWeights = [10, 10, 20, 30, 30];

    /// <summary>The result: every list complete, in dataset order.</summary>
    public sealed record Result(CaseEvent[] CaseEvents, FeedbackRequest[] Feedback);

    /// <summary>Sets the stages, proposals and practitioners in place (the arrays are not yet published) and returns the
    /// case events and feedback.</summary>
    public static Result Add(SyntheticOptions options, Child[] children, Outcome[] outcomes, ProgrammeEpisode[] episodes,
        Assessment[] assessments, VictimContact[] victimContacts)
    {
        var childIndex = new Dictionary<string, int>(children.Length, StringComparer.Ordinal);
        for (var i = 0; i < children.Length; i++)
        {
            childIndex.Add(children[i].Id, i);
        }
        var areaIndex = new Dictionary<string, int>(options.Areas.Length, StringComparer.Ordinal);
        for (var a = 0; a < options.Areas.Length; a++)
        {
            areaIndex.TryAdd(options.Areas[a].Code, a);
        }
        var childrenOfArea = new List<int>[options.Areas.Length];
        for (var a = 0; a < childrenOfArea.Length; a++)
        {
            childrenOfArea[a] = [];
        }
        var areaOfChild = new int[children.Length];
        for (var i = 0; i < children.Length; i++)
        {
            areaOfChild[i] = areaIndex[children[i].HomeAreaCode];
            childrenOfArea[areaOfChild[i]].Add(i);
        }

        var outcomesOf = new ByChild(children.Length, outcomes.Length, i => childIndex[outcomes[i].ChildId]);
        var episodesOf = new ByChild(children.Length, episodes.Length, i => childIndex[episodes[i].ChildId]);
        var assessmentsOf = new ByChild(children.Length, assessments.Length, i => childIndex[assessments[i].ChildId]);
        var victimsOf = new ByChild(children.Length, victimContacts.Length, i => childIndex[victimContacts[i].ChildId]);

        var episodesOfArea = new List<int>[options.Areas.Length];
        for (var a = 0; a < episodesOfArea.Length; a++)
        {
            episodesOfArea[a] = [];
        }
        for (var i = 0; i < episodes.Length; i++)
        {
            episodesOfArea[areaOfChild[childIndex[episodes[i].ChildId]]].Add(i);
        }

        var events = new Output<CaseEvent>();
        var feedback = new Output<FeedbackRequest>();
        var asOf = options.EffectiveAsOf;
        for (var a = 0; a < options.Areas.Length; a++)
        {
            var random = new SyntheticRandom(unchecked((ulong)options.Seed), Salt + (ulong)a);
            AssignPractitioners(options.Areas[a].Code, episodes, episodesOfArea[a], asOf, random);
            foreach (var c in childrenOfArea[a])
            {
                var child = new ChildMeasures(children[c], random, asOf, events, feedback);
                child.Assessments(assessments, assessmentsOf.Of(c));
                child.Outcomes(outcomes, outcomesOf.Of(c));
                child.Episodes(episodes, episodesOf.Of(c), assessments, assessmentsOf.Of(c));
                child.Victims(victimContacts, victimsOf.Of(c));
            }
        }
        return new Result(events.ToSortedArray(), feedback.ToSortedArray());
    }

    /// <summary>
    /// Gives every episode of the area a practitioner, in referral order. A practitioner holds up to a caseload of their
    /// own (8 to 12 open episodes); a new episode goes to the practitioner who most recently had room, and a new
    /// practitioner joins only when everyone is full, so open caseloads stay at about 6 to 12.
    /// </summary>
    private static void AssignPractitioners(string areaCode, ProgrammeEpisode[] episodes, List<int> mine, LocalDate asOf, SyntheticRandom random)
    {
        var open = new List<int>();
        var capacity = new List<int>();
        var withRoom = new List<int>();
        // Open episodes by the day after their end, when their practitioner has room again.
        var closing = new PriorityQueue<int, (int Day, int Seq)>();
        var seq = 0;
        foreach (var i in mine)
        {
            var episode = episodes[i];
            var today = episode.ReferralDate.ToDateOnly().DayNumber;
            while (closing.TryPeek(out var freed, out var when) && when.Day <= today)
            {
                closing.Dequeue();
                if (open[freed]-- == capacity[freed])
                {
                    withRoom.Add(freed);
                }
            }
            if (withRoom.Count == 0)
            {
                open.Add(0);
                capacity.Add(random.Between(8, 12));
                withRoom.Add(open.Count - 1);
            }
            var practitioner = withRoom[^1];
            if (++open[practitioner] == capacity[practitioner])
            {
                withRoom.RemoveAt(withRoom.Count - 1);
            }
            var end = episode.EndDate ?? asOf.PlusDays(1);
            closing.Enqueue(practitioner, (end.ToDateOnly().DayNumber + 1, seq++));
            episodes[i] = episode with { PractitionerId = string.Create(CultureInfo.InvariantCulture, $"{areaCode}-P{practitioner + 1:D3}") };
        }
    }

    /// <summary>One child's measures, drawn in a fixed order: assessments, outcomes, episodes, victim contacts.</summary>
    private sealed class ChildMeasures(Child child, SyntheticRandom random, LocalDate asOf, Output<CaseEvent> events, Output<FeedbackRequest> feedback)
    {
        private int _eventSeq;
        private int _feedbackSeq;

        private void Event(LocalDate date, CaseEventKind kind, string? outcomeId = null, string? detail = null)
        {
            if (date > asOf)
            {
                return;
            }
            events.Add(date, new CaseEvent(string.Create(CultureInfo.InvariantCulture, $"{child.Id}-K{++_eventSeq:D2}"), child.Id, date, kind, outcomeId, detail));
        }

        private void Feedback(LocalDate date, FeedbackRespondent respondent, double respondRate, double[] scoreWeights, string? episodeId)
        {
            if (date > asOf)
            {
                return;
            }
            var responded = random.Chance(respondRate);
            decimal? score = responded ? 1 + random.Pick(scoreWeights) : null;
            feedback.Add(date, new FeedbackRequest(string.Create(CultureInfo.InvariantCulture, $"{child.Id}-F{++_feedbackSeq:D2}"),
                child.Id, respondent, date, responded, score, episodeId));
        }

        /// <summary>The first assessment is at the start of the child's time with the service, later ones are reviews;
        /// most high and very high risk assessments get management oversight within 30 days.</summary>
        public void Assessments(Assessment[] assessments, ReadOnlySpan<int> mine)
        {
            for (var k = 0; k < mine.Length; k++)
            {
                var assessment = assessments[mine[k]] with { Stage = k == 0 ? AssessmentStage.Start : AssessmentStage.Review };
                assessments[mine[k]] = assessment;
                if (assessment.RiskOfSeriousHarm >= RiskLevel.High || assessment.SafetyAndWellbeing >= RiskLevel.High)
                {
                    var u = random.NextDouble();
                    if (u < 0.75)
                    {
                        Event(assessment.AssessedOn.PlusDays(random.Between(0, 30)), CaseEventKind.ManagementOversight);
                    }
                    else if (u < 0.87)
                    {
                        Event(assessment.AssessedOn.PlusDays(random.Between(31, 90)), CaseEventKind.ManagementOversight);
                    }
                }
            }
        }

        /// <summary>Pre-sentence report proposals for court sentences, bail support or a remand alternative for remands,
        /// learning reviews of custodial sentences.</summary>
        public void Outcomes(Outcome[] outcomes, ReadOnlySpan<int> mine)
        {
            foreach (var at in mine)
            {
                var outcome = outcomes[at];
                if (outcome.Type.IsCourt && outcome.DecidedBy == DecidingBody.Court && random.Chance(0.8))
                {
                    var rung = Array.IndexOf(SentenceLadder, outcome.Type);
                    if (rung >= 0 && !random.Chance(0.8))
                    {
                        rung = rung == 0 ? 1 : rung == SentenceLadder.Length - 1 ? rung - 1 : rung + (random.Chance(0.5) ? 1 : -1);
                    }
                    outcomes[at] = outcome with { PsrProposal = rung >= 0 ? SentenceLadder[rung] : outcome.Type };
                }
                if (outcome.Type.Category == OutcomeCategory.Remand && random.Chance(0.6))
                {
                    Event(outcome.OutcomeDate, random.Chance(0.65) ? CaseEventKind.BailSupportOffered : CaseEventKind.RemandAlternativeOffered, outcome.Id);
                }
                if (outcome.Type.IsCustodial && random.Chance(0.8))
                {
                    Event(outcome.OutcomeDate.PlusDays(random.Between(28, 90)), CaseEventKind.CustodyLearningReview, outcome.Id);
                }
            }
        }

        /// <summary>Exploitation concerns, National Referral Mechanism referrals and missing episodes while a child is
        /// worked with, a transfer to probation at 18 with an order open, and feedback at the close of each intervention.</summary>
        public void Episodes(ProgrammeEpisode[] episodes, ReadOnlySpan<int> mine, Assessment[] assessments, ReadOnlySpan<int> assessed)
        {
            if (mine.Length == 0)
            {
                return;
            }
            var first = episodes[mine[0]];
            var exploitationNeed = false;
            foreach (var at in assessed)
            {
                exploitationNeed |= (assessments[at].Needs & Needs.CriminalExploitation) != 0;
            }
            if (random.Chance(exploitationNeed ? 0.45 : 0.08))
            {
                var concern = Within(first, 0, 60);
                Event(concern, CaseEventKind.ExploitationConcern, null, random.Chance(0.85) ? "CRIMINAL" : "SEXUAL");
                if (random.Chance(0.3))
                {
                    Event(concern.PlusDays(random.Between(7, 60)), CaseEventKind.NationalReferralMechanismReferral);
                }
            }
            if (random.Chance(child.CareStatus == CareStatus.LookedAfter ? 0.35 : 0.12))
            {
                var times = random.Between(1, 3);
                for (var t = 0; t < times; t++)
                {
                    var during = episodes[mine[random.Next(mine.Length)]];
                    Event(Within(during, 0, int.MaxValue), CaseEventKind.MissingEpisode);
                }
            }
            var eighteen = child.DateOfBirth.PlusYears(18);
            foreach (var at in mine)
            {
                var episode = episodes[at];
                var order = episode.Programme.Equals(ProgrammeKinds.CourtOrderSupervision) || episode.Programme.Equals(ProgrammeKinds.Resettlement);
                if (order && episode.StartDate is { } start && start <= eighteen && (episode.EndDate is not { } end || end > eighteen)
                    && eighteen <= asOf && random.Chance(0.85))
                {
                    Event(eighteen.PlusDays(random.Between(0, 28)), CaseEventKind.TransferToProbation);
                    break;
                }
            }
            foreach (var at in mine)
            {
                var episode = episodes[at];
                if (episode.StartDate is null || episode.EndDate is not { } closed)
                {
                    continue;
                }
                Feedback(closed, FeedbackRespondent.Child, 0.75, ServiceScoreWeights, episode.Id);
                if (random.Chance(0.35))
                {
                    Feedback(closed.PlusDays(random.Between(0, 14)), FeedbackRespondent.ParentCarer, 0.55, ServiceScoreWeights, episode.Id);
                }
            }
        }

        /// <summary>Some victims who agreed to contact are asked for feedback afterwards.</summary>
        public void Victims(VictimContact[] contacts, ReadOnlySpan<int> mine)
        {
            foreach (var at in mine)
            {
                var contact = contacts[at];
                if (contact.ConsentedToContact && random.Chance(0.6))
                {
                    Feedback(contact.ContactDate.PlusDays(random.Between(14, 90)), FeedbackRespondent.Victim, 0.45, VictimScoreWeights, null);
                }
            }
        }

        /// <summary>A day while the episode was open (from its start, or referral, to its end or the as-of date), at most
        /// <paramref name="maxDays"/> in.</summary>
        private LocalDate Within(ProgrammeEpisode episode, int minDays, int maxDays)
        {
            var from = episode.StartDate ?? episode.ReferralDate;
            var to = episode.EndDate ?? asOf;
            var span = Period.DaysBetween(from, to);
            return from.PlusDays(random.Between(Math.Min(minDays, span), Math.Min(maxDays, span)));
        }
    }

    /// <summary>Record positions grouped by child (a counting sort), each child's in dataset order.</summary>
    private sealed class ByChild
    {
        private readonly int[] _start;
        private readonly int[] _order;

        public ByChild(int children, int records, Func<int, int> childOf)
        {
            var owner = new int[records];
            _start = new int[children + 1];
            for (var i = 0; i < records; i++)
            {
                owner[i] = childOf(i);
                _start[owner[i] + 1]++;
            }
            for (var c = 0; c < children; c++)
            {
                _start[c + 1] += _start[c];
            }
            _order = new int[records];
            var next = (int[])_start.Clone();
            for (var i = 0; i < records; i++)
            {
                _order[next[owner[i]]++] = i;
            }
        }

        public ReadOnlySpan<int> Of(int child) => _order.AsSpan(_start[child], _start[child + 1] - _start[child]);
    }

    /// <summary>Records sorted at the end by date, then by the order they were added.</summary>
    private sealed class Output<T>
    {
        private readonly List<long> _keys = [];
        private readonly List<T> _items = [];

        public void Add(LocalDate date, T item)
        {
            _keys.Add(((long)date.ToDateOnly().DayNumber << 36) | (long)_items.Count);
            _items.Add(item);
        }

        public T[] ToSortedArray()
        {
            var keys = _keys.ToArray();
            var items = _items.ToArray();
            Array.Sort(keys, items);
            return items;
        }
    }
}
