using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Internal;

namespace YouthJustice.Sdk.Plugins;

/// <summary>A state on a programme pathway.</summary>
/// <param name="Code">The state's code as recorded in <see cref="PathwayEvent.State"/>, upper case, e.g. <c>CONSENT_SOUGHT</c>.</param>
/// <param name="Name">The display name.</param>
/// <param name="IsInitial">Whether an episode may start in this state.</param>
/// <param name="IsFinal">Whether no step may follow this state.</param>
public sealed record PathwayState(string Code, string Name, bool IsInitial = false, bool IsFinal = false);

/// <summary>A problem with an episode's steps along its pathway.</summary>
/// <param name="EpisodeId">The episode.</param>
/// <param name="Date">The date of the step at fault.</param>
/// <param name="State">The state of the step at fault.</param>
/// <param name="Message">What is wrong.</param>
public sealed record PathwayIssue(string EpisodeId, NodaTime.LocalDate Date, string State, string Message);

/// <summary>
/// The states a programme's episodes pass through, the allowed steps between them, and states that need another state
/// first (e.g. no intervention without consent). Validates an episode's <see cref="PathwayEvent"/>s.
/// </summary>
/// <remarks>
/// <para>A state may be repeated when a transition from it to itself is declared (e.g. several team-around-the-child
/// meetings). Steps are taken in date order; steps on the same date keep the order they were recorded in.</para>
/// <para>A plugin may also declare the programme's referral routes, the national programme its extracts record it under
/// and how a typical episode runs (<see cref="Routes"/>, <see cref="RecordedAs"/>, <see cref="Typical"/>), so that tools
/// which simulate episodes, such as the synthetic data generator, follow the local model without knowing it.</para>
/// <para>Immutable and thread-safe. Build one with <see cref="Builder"/>.</para>
/// </remarks>
public sealed class ProgrammePathway
{
    private readonly FrozenDictionary<string, PathwayState> _states;
    private readonly FrozenSet<(string From, string To)> _transitions;
    private readonly FrozenDictionary<string, ImmutableArray<string>> _prerequisites;

    private ProgrammePathway(string programmeCode, ImmutableArray<PathwayState> states,
        ImmutableArray<(string From, string To)> transitions, ImmutableDictionary<string, ImmutableArray<string>> prerequisites)
    {
        ProgrammeCode = programmeCode;
        States = states;
        Transitions = transitions;
        _states = states.ToFrozenDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
        _transitions = transitions.Select(t => (t.From.ToUpperInvariant(), t.To.ToUpperInvariant())).ToFrozenSet();
        _prerequisites = prerequisites.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The code of the programme the pathway belongs to.</summary>
    public string ProgrammeCode { get; }

    /// <summary>The states, in the order they were declared.</summary>
    public ImmutableArray<PathwayState> States { get; }

    /// <summary>The allowed steps.</summary>
    public ImmutableArray<(string From, string To)> Transitions { get; }

    /// <summary>The code of the national programme (<see cref="ProgrammeKinds"/>) the service's extracts record this
    /// programme's episodes under, or <see langword="null"/> when they carry the programme's own code.</summary>
    public string? RecordedAs { get; private init; }

    /// <summary>The referral routes the programme takes children by, in the order declared.</summary>
    public ImmutableArray<PathwayRoute> Routes { get; private init; } = [];

    /// <summary>How a typical episode runs along the pathway, or <see langword="null"/> if the plugin did not say.</summary>
    public TypicalEpisode? Typical { get; private init; }

    /// <summary>Finds a state by code, ignoring case.</summary>
    public bool TryGetState(string code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PathwayState? state) =>
        _states.TryGetValue(code, out state);

    /// <summary>Whether a step from <paramref name="from"/> to <paramref name="to"/> is allowed.</summary>
    public bool Allows(string from, string to) =>
        _transitions.Contains((from.ToUpperInvariant(), to.ToUpperInvariant()));

    /// <summary>Checks one episode's steps: every state is known, the first is an initial state, each step is allowed,
    /// prerequisites came first, and nothing follows a final state.</summary>
    /// <param name="episodeId">The episode.</param>
    /// <param name="events">The episode's steps (other episodes' steps are ignored).</param>
    /// <returns>The problems found; empty when the steps follow the pathway.</returns>
    public IReadOnlyList<PathwayIssue> Validate(string episodeId, IEnumerable<PathwayEvent> events)
    {
        Preconditions.CheckNotNull(episodeId, nameof(episodeId));
        Preconditions.CheckNotNull(events, nameof(events));
        var steps = events.Where(e => e.EpisodeId == episodeId).Select((e, i) => (e, i))
            .OrderBy(x => x.e.Date).ThenBy(x => x.i).Select(x => x.e).ToList();
        var issues = new List<PathwayIssue>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        PathwayEvent? previous = null;
        foreach (var step in steps)
        {
            if (!_states.TryGetValue(step.State, out var state))
            {
                issues.Add(new(episodeId, step.Date, step.State, $"'{step.State}' is not a state of the {ProgrammeCode} pathway."));
                continue;
            }
            if (previous is null)
            {
                if (!state.IsInitial)
                {
                    issues.Add(new(episodeId, step.Date, step.State,
                        $"An episode of {ProgrammeCode} cannot start at '{state.Code}'; it starts at {string.Join(" or ", States.Where(s => s.IsInitial).Select(s => s.Code))}."));
                }
            }
            else if (_states.TryGetValue(previous.State, out var from) && from.IsFinal)
            {
                issues.Add(new(episodeId, step.Date, step.State, $"'{from.Code}' is final on the {ProgrammeCode} pathway: no step may follow it."));
            }
            else if (!Allows(previous.State, state.Code))
            {
                issues.Add(new(episodeId, step.Date, step.State, $"The {ProgrammeCode} pathway does not allow a step from '{previous.State.ToUpperInvariant()}' to '{state.Code}'."));
            }
            if (_prerequisites.TryGetValue(state.Code, out var required))
            {
                foreach (var r in required.Where(r => !seen.Contains(r)))
                {
                    issues.Add(new(episodeId, step.Date, step.State,
                        string.Create(CultureInfo.InvariantCulture, $"'{state.Code}' needs '{r}' first on the {ProgrammeCode} pathway.")));
                }
            }
            seen.Add(state.Code);
            previous = step;
        }
        return issues;
    }

    /// <summary>Starts building a pathway for the programme with code <paramref name="programmeCode"/>.</summary>
    public static Builder For(string programmeCode) => new(Preconditions.CheckNotBlank(programmeCode, nameof(programmeCode)).Trim().ToUpperInvariant());

    /// <summary>Builds a <see cref="ProgrammePathway"/>. Not thread-safe.</summary>
    public sealed class Builder
    {
        private readonly string _programmeCode;
        private readonly List<PathwayState> _states = [];
        private readonly List<(string, string)> _transitions = [];
        private readonly Dictionary<string, List<string>> _prerequisites = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<PathwayRoute> _routes = [];
        private string? _recordedAs;
        private TypicalEpisode? _typical;

        internal Builder(string programmeCode) => _programmeCode = programmeCode;

        /// <summary>Adds a state.</summary>
        /// <exception cref="ArgumentException">The code is blank or already declared.</exception>
        public Builder State(string code, string name, bool initial = false, bool final = false)
        {
            var c = Preconditions.CheckNotBlank(code, nameof(code)).Trim().ToUpperInvariant();
            Preconditions.CheckArgument(_states.TrueForAll(s => s.Code != c), nameof(code), $"State '{c}' is already declared.");
            _states.Add(new PathwayState(c, Preconditions.CheckNotBlank(name, nameof(name)), initial, final));
            return this;
        }

        /// <summary>Allows steps from <paramref name="from"/> to each of <paramref name="to"/>.</summary>
        public Builder Step(string from, params string[] to)
        {
            Preconditions.CheckNotNull(to, nameof(to));
            foreach (var t in to)
            {
                _transitions.Add((from.Trim().ToUpperInvariant(), t.Trim().ToUpperInvariant()));
            }
            return this;
        }

        /// <summary>Says <paramref name="state"/> may only be entered after each of <paramref name="prerequisites"/>.</summary>
        public Builder Requires(string state, params string[] prerequisites)
        {
            Preconditions.CheckNotNull(prerequisites, nameof(prerequisites));
            var key = state.Trim().ToUpperInvariant();
            if (!_prerequisites.TryGetValue(key, out var list))
            {
                _prerequisites[key] = list = [];
            }
            list.AddRange(prerequisites.Select(p => p.Trim().ToUpperInvariant()));
            return this;
        }

        /// <summary>Says the service's extracts record the programme's episodes under the national programme
        /// <paramref name="nationalProgrammeCode"/> (see <see cref="RecordedAs"/>).</summary>
        public Builder RecordedAs(string nationalProgrammeCode)
        {
            _recordedAs = Preconditions.CheckNotBlank(nationalProgrammeCode, nameof(nationalProgrammeCode)).Trim().ToUpperInvariant();
            return this;
        }

        /// <summary>Adds a referral route (see <see cref="PathwayRoute"/>).</summary>
        /// <exception cref="ArgumentException">The code or basis is blank, or the code is already declared.</exception>
        public Builder Route(string code, ReferralSource source, string eligibilityBasis, string? firstStep = null)
        {
            var c = Preconditions.CheckNotBlank(code, nameof(code)).Trim().ToUpperInvariant();
            Preconditions.CheckArgument(_routes.TrueForAll(r => r.Code != c), nameof(code), $"Route '{c}' is already declared.");
            _routes.Add(new PathwayRoute(c, source, Preconditions.CheckNotBlank(eligibilityBasis, nameof(eligibilityBasis)).Trim().ToUpperInvariant(),
                firstStep?.Trim().ToUpperInvariant()));
            return this;
        }

        /// <summary>Declares how a typical episode runs (see <see cref="TypicalEpisode"/>): after the first initial state,
        /// the steps <paramref name="steps"/> adds, for children referred where the national programme
        /// <paramref name="referredAs"/> would take them.</summary>
        public Builder Typically(string referredAs, Action<TypicalEpisode.Builder> steps)
        {
            Preconditions.CheckNotNull(steps, nameof(steps));
            var builder = new TypicalEpisode.Builder();
            steps(builder);
            _typical = builder.Build(Preconditions.CheckNotBlank(referredAs, nameof(referredAs)).Trim().ToUpperInvariant());
            return this;
        }

        /// <summary>Builds the pathway.</summary>
        /// <exception cref="InvalidOperationException">There is no initial state, or a step, prerequisite, route or typical
        /// step names an undeclared state.</exception>
        public ProgrammePathway Build()
        {
            var codes = _states.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
            if (!_states.Exists(s => s.IsInitial))
            {
                throw new InvalidOperationException($"The {_programmeCode} pathway has no initial state.");
            }
            foreach (var name in _transitions.SelectMany(t => new[] { t.Item1, t.Item2 })
                         .Concat(_prerequisites.Keys).Concat(_prerequisites.Values.SelectMany(v => v))
                         .Concat(_routes.Where(r => r.FirstStep is not null).Select(r => r.FirstStep!))
                         .Concat(_typical?.States ?? []))
            {
                if (!codes.Contains(name))
                {
                    throw new InvalidOperationException($"The {_programmeCode} pathway names state '{name}', which is not declared.");
                }
            }
            return new ProgrammePathway(_programmeCode, [.. _states], [.. _transitions.Distinct()],
                _prerequisites.ToImmutableDictionary(p => p.Key, p => p.Value.Distinct().ToImmutableArray(), StringComparer.OrdinalIgnoreCase))
            {
                RecordedAs = _recordedAs,
                Routes = [.. _routes],
                Typical = _typical,
            };
        }
    }
}
