using System.Collections.Immutable;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Internal;

namespace YouthJustice.Sdk.Plugins;

/// <summary>Where a referral to a programme comes from: national categories every service has, whatever its local
/// route codes are.</summary>
public enum ReferralSource
{
    /// <summary>The police (e.g. after no further action or a community resolution).</summary>
    Police = 0,

    /// <summary>The out-of-court disposal (joint decision) panel.</summary>
    OutOfCourtPanel = 1,

    /// <summary>A youth justice case manager (e.g. for a sibling or associate of a child on an order).</summary>
    CaseManager = 2,

    /// <summary>A multi-agency partnership group (e.g. a serious youth violence joint action group).</summary>
    Partnership = 3,

    /// <summary>A school.</summary>
    School = 4,

    /// <summary>The court.</summary>
    Court = 5,

    /// <summary>The secure estate, before release.</summary>
    Custody = 6,
}

/// <summary>A referral route a programme takes children by.</summary>
/// <param name="Code">The route's code as recorded in <see cref="ProgrammeEpisode.Route"/>, upper case, e.g. <c>SYV_JAG</c>.</param>
/// <param name="Source">Where referrals by this route come from.</param>
/// <param name="EligibilityBasis">The eligibility basis recorded with a referral by this route
/// (<see cref="ProgrammeEpisode.EligibilityBasis"/>), e.g. <c>AT_RISK</c>.</param>
/// <param name="FirstStep">The state an episode referred by this route goes to first after its initial state, where it
/// differs from the typical episode's first step (e.g. the panel for panel referrals); <see langword="null"/> for the
/// typical one.</param>
public sealed record PathwayRoute(string Code, ReferralSource Source, string EligibilityBasis, string? FirstStep = null);

/// <summary>How a typical episode reaches an assessment at a step, and what is recorded.</summary>
/// <param name="Kind">The assessment kind recorded (<see cref="Assessment.Kind"/>), e.g. <c>PREVENTION</c>.</param>
/// <param name="ParentIncludedRate">The share of assessments a parent or carer takes part in (0 to 1).</param>
/// <param name="ParentOnlyWithAces">Whether parents take part only where the child has adverse childhood experiences.</param>
public sealed record TypicalAssessment(string Kind, double ParentIncludedRate, bool ParentOnlyWithAces = false);

/// <summary>One step of a <see cref="TypicalEpisode"/>. Day ranges are inclusive; "after the latest" means after the latest
/// date reached so far in the episode.</summary>
public abstract record TypicalStep;

/// <summary>The episode moves to <paramref name="State"/> <paramref name="MinDays"/> to <paramref name="MaxDays"/> days after
/// <paramref name="After"/> (a state reached earlier) or, when that is <see langword="null"/>, after the latest step.</summary>
/// <param name="State">The state.</param>
/// <param name="MinDays">The fewest days after.</param>
/// <param name="MaxDays">The most days after.</param>
/// <param name="After">The earlier state the days count from, or <see langword="null"/> for the latest step.</param>
/// <param name="Assessment">The assessment recorded at this step, if any (once consent is given, when the consent
/// decision comes later).</param>
public sealed record TypicalState(string State, int MinDays, int MaxDays, string? After = null, TypicalAssessment? Assessment = null) : TypicalStep;

/// <summary>Consent is decided <paramref name="MinDays"/> to <paramref name="MaxDays"/> days after the latest step and given
/// at the rate <paramref name="Rate"/>; a child who declines moves to <paramref name="DeclinedState"/> on that date and the
/// episode closes there. An episode whose typical path has no consent step is consented at referral.</summary>
/// <param name="MinDays">The fewest days after the latest step.</param>
/// <param name="MaxDays">The most days after.</param>
/// <param name="Rate">The share of children who consent (0 to 1).</param>
/// <param name="DeclinedState">The state a child who declines moves to.</param>
public sealed record TypicalConsent(int MinDays, int MaxDays, double Rate, string DeclinedState) : TypicalStep;

/// <summary>The intervention starts <paramref name="MinDays"/> to <paramref name="MaxDays"/> days after the latest step (the
/// episode's start date) and is completed at the rate <paramref name="CompletionRate"/>, lasting the completed or the
/// disengaged range of days; otherwise the child disengages.</summary>
/// <param name="State">The state recorded at the start, or <see langword="null"/> where the pathway has no start step.</param>
/// <param name="MinDays">The fewest days after the latest step.</param>
/// <param name="MaxDays">The most days after.</param>
/// <param name="CompletionRate">The share of interventions completed (0 to 1).</param>
/// <param name="CompletedDays">How long a completed intervention lasts, in days.</param>
/// <param name="DisengagedDays">How long an intervention lasts before the child disengages, in days.</param>
public sealed record TypicalIntervention(string? State, int MinDays, int MaxDays, double CompletionRate,
    (int Min, int Max) CompletedDays, (int Min, int Max) DisengagedDays) : TypicalStep;

/// <summary>During the intervention, <paramref name="State"/> recurs: first <paramref name="FirstDays"/> after the start,
/// then every <paramref name="EveryDays"/>, while before the end (e.g. team-around-the-child meetings).</summary>
/// <param name="State">The repeated state.</param>
/// <param name="FirstDays">Days from the start to the first.</param>
/// <param name="EveryDays">Days between one and the next.</param>
public sealed record TypicalRepeat(string State, (int Min, int Max) FirstDays, (int Min, int Max) EveryDays) : TypicalStep;

/// <summary>At the rate <paramref name="Rate"/>, a score is recorded as <paramref name="State"/> within
/// <paramref name="WithinDaysOfEnd"/> days before the intervention ends; the step's detail is the score, 1 to the number
/// of <paramref name="ScoreWeights"/>, drawn with those weights (e.g. a parent's rating out of 5).</summary>
/// <param name="State">The state.</param>
/// <param name="Rate">The share of episodes with a score (0 to 1).</param>
/// <param name="WithinDaysOfEnd">The most days before the end.</param>
/// <param name="ScoreWeights">The relative weight of each score, from 1 up.</param>
public sealed record TypicalScore(string State, double Rate, int WithinDaysOfEnd, ImmutableArray<double> ScoreWeights) : TypicalStep;

/// <summary>The episode closes as <paramref name="State"/> on the day the intervention ends.</summary>
/// <param name="State">The closing state.</param>
public sealed record TypicalClosure(string State) : TypicalStep;

/// <summary>A follow-up check <paramref name="Months"/> months after closure, recorded as <paramref name="State"/>.</summary>
/// <param name="State">The state.</param>
/// <param name="Months">Months after closure.</param>
public sealed record TypicalFollowUp(string State, int Months) : TypicalStep;

/// <summary>
/// How a typical episode of a programme runs along its <see cref="ProgrammePathway"/>: the steps in order, the days
/// between them, the consent and completion rates. A plugin declares it with
/// <see cref="ProgrammePathway.Builder.Typically(string, Action{TypicalEpisode.Builder})"/> so that tools which simulate
/// episodes (the synthetic data generator) follow the local model without knowing it. Indicators never read it.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TypicalEpisode
{
    private TypicalEpisode(string referredAs, ImmutableArray<TypicalStep> steps, bool statusObserved)
    {
        ReferredAs = referredAs;
        Steps = steps;
        StatusObserved = statusObserved;
    }

    /// <summary>The code of the national programme (<see cref="ProgrammeKinds"/>) whose referrals the programme takes: a
    /// child is referred to it where a service would refer them to that national programme (e.g. <c>DIVERSION</c> after
    /// no further action).</summary>
    public string ReferredAs { get; }

    /// <summary>The steps after the initial state, in order.</summary>
    public ImmutableArray<TypicalStep> Steps { get; }

    /// <summary>Whether the child's circumstances (accommodation, education, health) are observed at the intervention's
    /// start and end.</summary>
    public bool StatusObserved { get; }

    /// <summary>The states the steps name, each once, in order of first mention.</summary>
    public IEnumerable<string> States => Steps.SelectMany(StatesOf).Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> StatesOf(TypicalStep step) => step switch
    {
        TypicalState s => s.After is null ? [s.State] : [s.State, s.After],
        TypicalConsent c => [c.DeclinedState],
        TypicalIntervention { State: { } i } => [i],
        TypicalRepeat r => [r.State],
        TypicalScore f => [f.State],
        TypicalClosure c => [c.State],
        TypicalFollowUp f => [f.State],
        _ => [],
    };

    /// <summary>Builds a <see cref="TypicalEpisode"/>. Not thread-safe.</summary>
    public sealed class Builder
    {
        private readonly ImmutableArray<TypicalStep>.Builder _steps = ImmutableArray.CreateBuilder<TypicalStep>();
        private bool _statusObserved;

        internal Builder()
        {
        }

        /// <summary>Adds a <see cref="TypicalState"/> step.</summary>
        public Builder Step(string state, int minDays, int maxDays, string? after = null, TypicalAssessment? assessment = null) =>
            Add(new TypicalState(Code(state), Days(minDays, maxDays), maxDays, after is null ? null : Code(after), assessment));

        /// <summary>Adds a <see cref="TypicalConsent"/> step.</summary>
        public Builder Consent(int minDays, int maxDays, double rate, string declinedState) =>
            Add(new TypicalConsent(Days(minDays, maxDays), maxDays, Rate(rate), Code(declinedState)));

        /// <summary>Adds a <see cref="TypicalIntervention"/> step.</summary>
        public Builder Intervention(string? state, int minDays, int maxDays, double completionRate, (int Min, int Max) completedDays, (int Min, int Max) disengagedDays) =>
            Add(new TypicalIntervention(state is null ? null : Code(state), Days(minDays, maxDays), maxDays, Rate(completionRate),
                (Days(completedDays.Min, completedDays.Max), completedDays.Max), (Days(disengagedDays.Min, disengagedDays.Max), disengagedDays.Max)));

        /// <summary>Adds a <see cref="TypicalRepeat"/> step.</summary>
        public Builder Repeat(string state, (int Min, int Max) firstDays, (int Min, int Max) everyDays) =>
            Add(new TypicalRepeat(Code(state), (Days(firstDays.Min, firstDays.Max), firstDays.Max),
                (Math.Max(1, Days(everyDays.Min, everyDays.Max)), everyDays.Max)));

        /// <summary>Adds a <see cref="TypicalScore"/> step.</summary>
        public Builder Score(string state, double rate, int withinDaysOfEnd, params double[] scoreWeights)
        {
            Preconditions.CheckNotNull(scoreWeights, nameof(scoreWeights));
            Preconditions.CheckArgument(scoreWeights.Length > 0 && Array.TrueForAll(scoreWeights, w => w >= 0) && scoreWeights.Sum() > 0,
                nameof(scoreWeights), "Score weights must be zero or more, with at least one above zero.");
            Days(0, withinDaysOfEnd);
            return Add(new TypicalScore(Code(state), Rate(rate), withinDaysOfEnd, [.. scoreWeights]));
        }

        /// <summary>Adds a <see cref="TypicalClosure"/> step.</summary>
        public Builder Closure(string state) => Add(new TypicalClosure(Code(state)));

        /// <summary>Adds a <see cref="TypicalFollowUp"/> step.</summary>
        public Builder FollowUp(string state, int months) =>
            Add(new TypicalFollowUp(Code(state), Preconditions.CheckRange(months, 1, 120, nameof(months))));

        /// <summary>Says the child's circumstances are observed at the intervention's start and end.</summary>
        public Builder ObservesStatus()
        {
            _statusObserved = true;
            return this;
        }

        internal TypicalEpisode Build(string referredAs) => new(referredAs, _steps.ToImmutable(), _statusObserved);

        private Builder Add(TypicalStep step)
        {
            _steps.Add(step);
            return this;
        }

        private static string Code(string state) => Preconditions.CheckNotBlank(state, nameof(state)).Trim().ToUpperInvariant();

        private static int Days(int min, int max)
        {
            Preconditions.CheckArgument(min >= 0 && max >= min && max <= 3_650, nameof(min),
                $"A day range must run from zero or more to at most 3,650, lowest first; it was {min} to {max}.");
            return min;
        }

        private static double Rate(double rate)
        {
            Preconditions.CheckArgument(rate >= 0 && rate <= 1, nameof(rate), $"A rate must be between 0 and 1; it was {rate}.");
            return rate;
        }
    }
}
