using NodaTime;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Internal;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Hosting;

namespace YouthJustice.Sdk.Synthetic;

/// <summary>
/// Generates a realistic, internally consistent and fully deterministic synthetic <see cref="Dataset"/>: children,
/// offences, outcomes along the whole outcome ladder, programme episodes and their pathways, assessments, status
/// observations, victim contacts, board attendance, population estimates, the school census reference population,
/// case events and feedback requests.
/// </summary>
/// <remarks>
/// <para>The same <see cref="SyntheticOptions"/> always give a value-equal dataset with records in the same order, on
/// any machine, runtime, culture or time zone: the generator uses its own seeded xoshiro256** generator, never reads
/// the clock or the culture, and never takes output order from a hash table.</para>
/// <para>Every record is valid: references resolve, children are 10-17 at their offences, outcomes follow their
/// offences, nothing is dated after the as-of date, ids are unique. See <c>docs/synthetic-data.md</c> for the
/// proportions.</para>
/// <para>Thread-safe: each call works on its own state.</para>
/// </remarks>
public static class SyntheticDatasetGenerator
{
    /// <summary>Generates a dataset.</summary>
    /// <param name="options">What to generate.</param>
    /// <returns>The dataset, its records in natural order: children by id; offences, outcomes, episodes, assessments,
    /// status observations, victim contacts, case events and feedback requests by date; pathway events grouped by episode in episode order;
    /// board attendance and population rows by area, then date or year.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range or inconsistent (the message names it).</exception>
    public static Dataset Generate(SyntheticOptions options)
    {
        Preconditions.CheckNotNull(options, nameof(options));
        options.Validate();

        var expectedChildren = 0.0;
        for (var i = 0; i < options.Areas.Length; i++)
        {
            var area = options.Areas[i];
            expectedChildren += area.Population10To17 * options.Scale * AreaSimulation.ChildrenPerHeadPerYear(area) * (options.FinancialYears + AreaSimulation.LeadInYears);
        }
        var sink = new Sink((int)Math.Min(expectedChildren * 1.1, 50_000_000), options.Areas.Length);

        for (var i = 0; i < options.Areas.Length; i++)
        {
            new AreaSimulation(options, i, sink).Run();
        }

        var children = sink.Children.ToArray();
        Array.Sort(children, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        var outcomes = sink.Outcomes.ToSortedArray();
        var episodes = sink.Episodes.ToSortedArray();
        var assessments = sink.Assessments.ToSortedArray();
        var victimContacts = sink.VictimContacts.ToSortedArray();
        // Last, from streams of its own, so that none of the records or columns above changes (see LocalMeasures).
        var local = LocalMeasures.Add(options, children, outcomes, episodes, assessments, victimContacts);

        return new Dataset
        {
            AsOf = options.EffectiveAsOf,
            Areas = ImmutableCollectionsMarshal.AsImmutableArray(sink.Areas.ToArray()),
            Children = ImmutableCollectionsMarshal.AsImmutableArray(children),
            Offences = ImmutableCollectionsMarshal.AsImmutableArray(sink.Offences.ToSortedArray()),
            Outcomes = ImmutableCollectionsMarshal.AsImmutableArray(outcomes),
            Episodes = ImmutableCollectionsMarshal.AsImmutableArray(episodes),
            PathwayEvents = ImmutableCollectionsMarshal.AsImmutableArray(sink.PathwayEvents.ToSortedArray()),
            Links = ImmutableCollectionsMarshal.AsImmutableArray(sink.Links.ToArray()),
            Assessments = ImmutableCollectionsMarshal.AsImmutableArray(assessments),
            StatusObservations = ImmutableCollectionsMarshal.AsImmutableArray(sink.StatusObservations.ToSortedArray()),
            VictimContacts = ImmutableCollectionsMarshal.AsImmutableArray(victimContacts),
            BoardAttendances = ImmutableCollectionsMarshal.AsImmutableArray(sink.BoardAttendances.ToArray()),
            Populations = ImmutableCollectionsMarshal.AsImmutableArray(sink.Populations.ToArray()),
            ReferencePopulations = ImmutableCollectionsMarshal.AsImmutableArray(sink.ReferencePopulations.ToArray()),
            CaseEvents = ImmutableCollectionsMarshal.AsImmutableArray(local.CaseEvents),
            Feedback = ImmutableCollectionsMarshal.AsImmutableArray(local.Feedback),
        };
    }

    /// <summary>A list whose items are sorted at the end by a date and then by the order they were added.</summary>
    private sealed class KeyedList<T>(int capacity)
    {
        // Pre-size from the estimate, but never reserve more than 16M slots up front: beyond that the lists grow.
        private readonly List<T> _items = new(Math.Min(capacity, 1 << 24));
        private readonly List<long> _keys = new(Math.Min(capacity, 1 << 24));

        public void Add(LocalDate sortDate, T item)
        {
            // The date in the high bits, the insertion sequence in the low 36: keys are unique, so the unstable
            // Array.Sort still gives one order only.
            _keys.Add(((long)DayNumber(sortDate) << 36) | (long)_items.Count);
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

    private static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;

    private sealed class Sink(int expectedChildren, int areaCount)
    {
        public readonly List<Area> Areas = new(areaCount);
        public readonly List<Child> Children = new(expectedChildren);
        public readonly KeyedList<Offence> Offences = new(expectedChildren * 3);
        public readonly KeyedList<Outcome> Outcomes = new(expectedChildren * 3);
        public readonly KeyedList<ProgrammeEpisode> Episodes = new(expectedChildren * 2);
        public readonly KeyedList<PathwayEvent> PathwayEvents = new(expectedChildren * 7);
        public readonly List<ChildLink> Links = new(expectedChildren / 8);
        public readonly KeyedList<Assessment> Assessments = new(expectedChildren * 2);
        public readonly KeyedList<StatusObservation> StatusObservations = new(expectedChildren * 2);
        public readonly KeyedList<VictimContact> VictimContacts = new(expectedChildren);
        public readonly List<BoardAttendance> BoardAttendances = new(areaCount * 200);
        public readonly List<PopulationEstimate> Populations = new(areaCount * 40 * 72);
        public readonly List<ReferencePopulation> ReferencePopulations = new(areaCount * 40 * 7);
    }

    /// <summary>Offending pattern of a child.</summary>
    private enum Tier
    {
        OneOff = 0,
        Occasional = 1,
        Prolific = 2,
    }

    /// <summary>The generator's state for one child while their history is built.</summary>
    private sealed class ChildState(Child child, Tier tier, int aceCount, Needs needs, int ethnicityIndex)
    {
        public readonly Child Child = child;
        public readonly Tier Tier = tier;
        public readonly int AceCount = aceCount;
        public readonly Needs Needs = needs;
        public readonly int EthnicityIndex = ethnicityIndex;
        public readonly List<Offence> Offences = new(4);
        public readonly List<Outcome> Outcomes = new(4);
        public int OffenceSeq;
        public int OutcomeSeq;
        public int EpisodeSeq;
        public int AssessmentSeq;
        public int StatusSeq;
        public int VictimSeq;
        public int PriorInformal;
        public int PriorStatutory;
        public int PriorCourt;
        public bool HadEcm;

        public LocalDate EighteenthBirthday => Child.DateOfBirth.PlusYears(18);

        public bool OffendedBetween(LocalDate afterExclusive, LocalDate toInclusive)
        {
            foreach (var offence in Offences)
            {
                if (offence.CommittedOn > afterExclusive && offence.CommittedOn <= toInclusive)
                {
                    return true;
                }
            }
            return false;
        }

        public int OffencesBetween(LocalDate fromInclusive, LocalDate toInclusive)
        {
            var count = 0;
            foreach (var offence in Offences)
            {
                if (offence.CommittedOn >= fromInclusive && offence.CommittedOn <= toInclusive)
                {
                    count++;
                }
            }
            return count;
        }
    }

    /// <summary>Collects one episode's steps, then writes them cut at the as-of date.</summary>
    private sealed class EpisodeDraft(string id, ChildState child, ProgrammeKind programme, LocalDate referral, string route, string eligibility)
    {
        public readonly string Id = id;
        public readonly ChildState Child = child;
        public readonly ProgrammeKind Programme = programme;
        public readonly LocalDate Referral = referral;
        public readonly string Route = route;
        public readonly string Eligibility = eligibility;
        public readonly List<(LocalDate Date, string State, string? Detail)> Steps = new(8);
        public bool? Consent;
        public LocalDate? ConsentDecided;
        public Engagement Engagement;
        public LocalDate? Start;
        public LocalDate? End;
        public string? Closure;

        public void Step(LocalDate date, string state, string? detail = null) => Steps.Add((date, state, detail));

        /// <summary>The date of the latest step recorded in <paramref name="state"/>, if any.</summary>
        public LocalDate? DateOf(string state)
        {
            for (var i = Steps.Count - 1; i >= 0; i--)
            {
                if (string.Equals(Steps[i].State, state, StringComparison.OrdinalIgnoreCase))
                {
                    return Steps[i].Date;
                }
            }
            return null;
        }
    }

    /// <summary>A local programme model the generator can follow: its typical episode, the code its episodes are
    /// recorded under and its first state.</summary>
    private sealed class LocalModel
    {
        private LocalModel(LocalProgrammeModel model, TypicalEpisode typical)
        {
            Model = model;
            Typical = typical;
            var pathway = model.Pathway;
            RecordedAs = pathway.RecordedAs is { } code && DomainVocabulary.National.TryGetProgramme(code, out var national) ? national : model.Programme;
            InitialState = pathway.States.First(s => s.IsInitial).Code;
        }

        public LocalProgrammeModel Model { get; }

        public TypicalEpisode Typical { get; }

        public ProgrammeKind RecordedAs { get; }

        public string InitialState { get; }

        public PathwayRoute? RouteFrom(ReferralSource source)
        {
            foreach (var route in Model.Pathway.Routes)
            {
                if (route.Source == source)
                {
                    return route;
                }
            }
            return null;
        }

        /// <summary>The model that takes the national programme's referrals in the area: the area's own authority's, else
        /// the first declared; <see langword="null"/> if none does.</summary>
        public static LocalModel? For(SyntheticOptions options, AreaProfile area, ProgrammeKind national)
        {
            if (options.Programmes.IsDefaultOrEmpty)
            {
                return null;
            }
            LocalProgrammeModel? first = null;
            foreach (var model in options.Programmes)
            {
                if (model.Pathway.Typical is not { } typical || !string.Equals(typical.ReferredAs, national.Code, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                if (string.Equals(model.AuthorityCode, area.Code, StringComparison.OrdinalIgnoreCase))
                {
                    return new LocalModel(model, typical);
                }
                first ??= model;
            }
            return first is null ? null : new LocalModel(first, first.Pathway.Typical!);
        }
    }

    private sealed class AreaSimulation
    {
        public const int LeadInYears = 2;

        /// <summary>
        /// New children coming to police notice per head of the 10-17 population per year, per unit of FTE rate.
        /// Calibrated so that the realised first time entrant rate lands near the profile's rate: only about two in five
        /// of the children who come to notice receive a statutory outcome within the window.
        /// </summary>
        private const double ContactsPerFte = 2.65;

        private readonly SyntheticOptions _options;
        private readonly AreaProfile _area;
        private readonly Sink _sink;
        private readonly SyntheticRandom _random;
        private readonly LocalDate _asOf;
        private readonly LocalDate _windowStart;
        private readonly int _population;
        private readonly double[] _contactGroupWeights;
        private readonly List<ChildState> _recent = new(32);
        private readonly LocalModel? _diversion;
        private readonly LocalModel? _earlyIntervention;
        private readonly LocalModel? _enrichedCaseManagement;
        private int _childSeq;

        public AreaSimulation(SyntheticOptions options, int areaIndex, Sink sink)
        {
            _options = options;
            _area = options.Areas[areaIndex];
            _sink = sink;
            // One independent stream per area: adding an area never changes the data of the areas before it.
            _random = new SyntheticRandom(unchecked((ulong)options.Seed), (ulong)areaIndex + 1);
            _asOf = options.EffectiveAsOf;
            _windowStart = options.FirstDay.PlusYears(-LeadInYears);
            _population = Math.Max(100, (int)Math.Round(_area.Population10To17 * options.Scale, MidpointRounding.AwayFromZero));
            _contactGroupWeights = new double[SyntheticTables.Groups.Length];
            var known = _area.Ethnicity.Total - _area.Ethnicity.NotKnown;
            for (var g = 0; g < SyntheticTables.Groups.Length; g++)
            {
                var group = SyntheticTables.Groups[g];
                var share = group == EthnicityGroup.NotKnown ? known * 0.02 : _area.Ethnicity.WeightOf(group);
                _contactGroupWeights[g] = share * SyntheticTables.ContactPropensity[g];
            }
            _diversion = LocalModel.For(options, _area, ProgrammeKinds.Diversion);
            _earlyIntervention = LocalModel.For(options, _area, ProgrammeKinds.EarlyIntervention);
            _enrichedCaseManagement = LocalModel.For(options, _area, ProgrammeKinds.EnrichedCaseManagement);
        }

        /// <summary>An estimate of all children per head per year, for pre-sizing lists: offenders plus the at-risk
        /// children and siblings referred before any offence (about 30% more).</summary>
        public static double ChildrenPerHeadPerYear(AreaProfile area) => area.FteRatePer100K / 100_000.0 * ContactsPerFte * 1.3;

        public void Run()
        {
            _sink.Areas.Add(new Area(_area.Code, _area.Name));
            GeneratePopulations();
            GenerateBoardAttendance();
            GenerateChildren();
        }

        // ---------------------------------------------------------------- populations

        private void GeneratePopulations()
        {
            // Single year of age shares, 10 to 17: nearly flat, with a little area-specific texture.
            Span<double> ageWeights = stackalloc double[8];
            for (var a = 0; a < 8; a++)
            {
                ageWeights[a] = 1.0 + (0.04 * (_random.NextDouble() - 0.5));
            }
            var groups = SyntheticTables.PopulationGroups;
            Span<double> groupWeights = stackalloc double[groups.Length];
            for (var g = 0; g < groups.Length; g++)
            {
                groupWeights[g] = _area.Ethnicity.WeightOf(groups[g]);
            }
            Span<double> censusWeights = stackalloc double[SyntheticTables.Groups.Length];
            for (var g = 0; g < SyntheticTables.Groups.Length; g++)
            {
                censusWeights[g] = _area.SchoolCensus.WeightOf(SyntheticTables.Groups[g]);
            }
            Span<int> byAge = stackalloc int[8];
            Span<int> byGroup = stackalloc int[groups.Length];
            Span<int> censusByGroup = stackalloc int[SyntheticTables.Groups.Length];

            for (var y = 0; y < _options.FinancialYears; y++)
            {
                var year = _options.FirstFinancialYear + y;
                var total = (int)Math.Round(_population * (1 + (_area.AnnualPopulationGrowth * y)), MidpointRounding.AwayFromZero);
                Apportion(total, ageWeights, byAge);
                for (var a = 0; a < 8; a++)
                {
                    var age = 10 + a;
                    _sink.Populations.Add(new PopulationEstimate(_area.Code, year, age, null, null, byAge[a]));
                    // About 51.3% of 10-17 year olds are boys.
                    var male = (int)Math.Round(byAge[a] * 0.513, MidpointRounding.AwayFromZero);
                    _sink.Populations.Add(new PopulationEstimate(_area.Code, year, age, Sex.Male, null, male));
                    _sink.Populations.Add(new PopulationEstimate(_area.Code, year, age, Sex.Female, null, byAge[a] - male));
                    Apportion(byAge[a], groupWeights, byGroup);
                    for (var g = 0; g < groups.Length; g++)
                    {
                        _sink.Populations.Add(new PopulationEstimate(_area.Code, year, age, null, groups[g], byGroup[g]));
                    }
                }
                // Secondary school pupils are about five eighths of the 10-17 population (years 7 to 11).
                Apportion((int)Math.Round(total * 0.615, MidpointRounding.AwayFromZero), censusWeights, censusByGroup);
                for (var g = 0; g < SyntheticTables.Groups.Length; g++)
                {
                    if (censusWeights[g] > 0)
                    {
                        _sink.ReferencePopulations.Add(new ReferencePopulation(SyntheticCodes.SecondarySchoolCensus, _area.Code, year, SyntheticTables.Groups[g], censusByGroup[g]));
                    }
                }
            }
        }

        /// <summary>Splits <paramref name="total"/> by the weights exactly (largest remainder, ties to the lower index).</summary>
        private static void Apportion(int total, ReadOnlySpan<double> weights, Span<int> result)
        {
            var sum = 0.0;
            foreach (var w in weights)
            {
                sum += w;
            }
            var assigned = 0;
            Span<double> remainders = stackalloc double[weights.Length];
            for (var i = 0; i < weights.Length; i++)
            {
                var exact = total * weights[i] / sum;
                result[i] = (int)exact;
                remainders[i] = exact - result[i];
                assigned += result[i];
            }
            while (assigned < total)
            {
                var best = 0;
                for (var i = 1; i < weights.Length; i++)
                {
                    if (remainders[i] > remainders[best])
                    {
                        best = i;
                    }
                }
                result[best]++;
                remainders[best] = -1;
                assigned++;
            }
        }

        // ---------------------------------------------------------------- board

        private void GenerateBoardAttendance()
        {
            for (var y = 0; y < _options.FinancialYears; y++)
            {
                for (var q = 0; q < 4; q++)
                {
                    // Each area has its own board. It meets on the second Thursday of the second month after the quarter ends
                    // (Coventry: Q1 on 12 August).
                    var quarterStart = new LocalDate(_options.FirstFinancialYear + y, 4, 1).PlusMonths(3 * q);
                    var month = quarterStart.PlusMonths(4);
                    var first = new LocalDate(month.Year, month.Month, 1);
                    var toThursday = ((int)IsoDayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7;
                    var meeting = first.PlusDays(toThursday + 7);
                    if (meeting > _asOf)
                    {
                        return;
                    }
                    foreach (var (agency, senior, deputy) in SyntheticTables.BoardAgencies)
                    {
                        var u = _random.NextDouble();
                        var level = u < senior ? AttendanceLevel.Senior : u < senior + deputy ? AttendanceLevel.Deputy : AttendanceLevel.NotAttended;
                        _sink.BoardAttendances.Add(new BoardAttendance(_area.Code, meeting, agency, level));
                    }
                }
            }
        }

        // ---------------------------------------------------------------- children

        private void GenerateChildren()
        {
            var windowDays = DayNumber(_asOf) - DayNumber(_windowStart) + 1;
            var years = windowDays / 365.25;
            var offenders = StochasticRound(_population * _area.FteRatePer100K / 100_000.0 * ContactsPerFte * years);
            // Children referred before any offence (serious youth violence group, schools): about 125 per 100,000 a year.
            var atRisk = StochasticRound(_population * 0.00125 * years);

            // Arrival days, sorted, so that child ids follow the date of first contact.
            var arrivals = new long[offenders + atRisk];
            for (var i = 0; i < arrivals.Length; i++)
            {
                var day = _random.Next(windowDays);
                arrivals[i] = ((long)day << 32) | (uint)i;
            }
            Array.Sort(arrivals);
            foreach (var arrival in arrivals)
            {
                var date = _windowStart.PlusDays((int)(arrival >> 32));
                var index = (int)(arrival & 0xFFFFFFFF);
                if (index < offenders)
                {
                    NewOffender(date);
                }
                else
                {
                    var source = _random.Chance(0.4) ? ReferralSource.Partnership : ReferralSource.School;
                    NewReferredChild(date, source, null);
                }
            }
        }

        private int StochasticRound(double expected)
        {
            var whole = (int)expected;
            return whole + (_random.Chance(expected - whole) ? 1 : 0);
        }

        private string NextChildId() =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_area.Code}-C{++_childSeq:D6}");

        private ChildState CreateChild(LocalDate dateOfBirth, Tier tier, double[] careWeights, double[] sendWeights, int? ethnicityIndex, EthnicityCategory? category)
        {
            var g = ethnicityIndex ?? _random.Pick(_contactGroupWeights);
            if (category is null)
            {
                var (categories, weights) = SyntheticTables.Categories[g];
                category = categories[_random.Pick(weights)];
            }
            var sex = (Sex)_random.Pick(SyntheticTables.SexWeights);
            var care = (CareStatus)_random.Pick(careWeights);
            var send = (SendStatus)_random.Pick(sendWeights);

            // Adverse childhood experiences rise with social care involvement and with the offending pattern.
            var ace = care switch
            {
                CareStatus.None => _random.Between(0, 3),
                CareStatus.EarlyHelp => _random.Between(1, 4),
                CareStatus.ChildInNeed => _random.Between(2, 5),
                CareStatus.ChildProtectionPlan => _random.Between(3, 7),
                _ => _random.Between(3, 8),
            };
            ace += (int)tier;
            var needs = Needs.None;
            var severity = (ace / 10.0) + (0.1 * (int)tier);
            if (_random.Chance(0.25 + severity))
            {
                needs |= Needs.MentalHealth;
            }
            if (_random.Chance(0.12 + severity))
            {
                needs |= Needs.SubstanceMisuse;
            }
            if (_random.Chance(send == SendStatus.None ? 0.12 : 0.45))
            {
                needs |= Needs.SpeechLanguageCommunication;
            }
            if (_random.Chance(send == SendStatus.None ? 0.08 : 0.35))
            {
                needs |= Needs.Neurodevelopmental;
            }
            if (_random.Chance(0.05 + (0.15 * (int)tier)))
            {
                needs |= Needs.CriminalExploitation;
            }
            if (care is CareStatus.ChildProtectionPlan or CareStatus.LookedAfter or CareStatus.FormerlyLookedAfter || _random.Chance(0.1))
            {
                needs |= Needs.ChildProtectionHistory;
            }
            if (_random.Chance(0.1 + (0.12 * (int)tier)))
            {
                needs |= Needs.EngagementIssues;
            }
            if (_random.Chance(0.3 + (0.15 * (int)tier)))
            {
                needs |= Needs.Education;
            }

            var child = new Child(NextChildId(), dateOfBirth, sex, category, _area.Code, care, send);
            _sink.Children.Add(child);
            return new ChildState(child, tier, ace, needs, g);
        }

        /// <summary>A date of birth that makes the child exactly <paramref name="age"/> on <paramref name="date"/>.</summary>
        private LocalDate BirthDateFor(LocalDate date, int age) => date.PlusYears(-age).PlusDays(-_random.Between(0, 363));

        private void NewOffender(LocalDate firstContact)
        {
            var age = 10 + _random.Pick(SyntheticTables.FirstContactAge);
            var tier = (Tier)_random.Pick(SyntheticTables.TierWeights);
            var state = CreateChild(BirthDateFor(firstContact, age), tier,
                SyntheticTables.CareStatusByTier[(int)tier], SyntheticTables.SendByTier[(int)tier], null, null);
            LinkToRecentAssociate(state);
            Offend(state, firstContact);
            Programmes(state);
        }

        /// <summary>A child referred to early intervention before any offence; a few go on to offend.</summary>
        private void NewReferredChild(LocalDate referral, ReferralSource source, ChildState? sibling)
        {
            var age = 10 + _random.Pick(SyntheticTables.AtRiskAge);
            var tier = (Tier)_random.Pick(SyntheticTables.TierWeights);
            var state = CreateChild(BirthDateFor(referral, age), tier, SyntheticTables.CareStatusAtRisk, SyntheticTables.SendByTier[0],
                sibling?.EthnicityIndex, sibling?.Child.Ethnicity);
            if (sibling is not null)
            {
                _sink.Links.Add(new ChildLink(sibling.Child.Id, state.Child.Id, LinkKind.Sibling));
            }
            // Offending first, so that the follow-up steps can see whether the child went on to offend.
            if (_random.Chance(0.12))
            {
                var firstOffence = referral.PlusDays(_random.Between(60, 720));
                if (firstOffence < state.EighteenthBirthday && firstOffence <= _asOf)
                {
                    Offend(state, firstOffence);
                }
            }
            LocalEpisode(state, _earlyIntervention, source, referral);
            Programmes(state);
        }

        private void LinkToRecentAssociate(ChildState state)
        {
            // Co-offenders: about one child in twelve is linked to a child who came to notice shortly before.
            if (_recent.Count > 0 && _random.Chance(0.08))
            {
                var other = _recent[_random.Next(_recent.Count)];
                _sink.Links.Add(new ChildLink(other.Child.Id, state.Child.Id, LinkKind.Associate));
            }
            if (_recent.Count == 20)
            {
                _recent.RemoveAt(0);
            }
            _recent.Add(state);
        }

        // ---------------------------------------------------------------- offending and outcomes

        private void Offend(ChildState state, LocalDate firstOffence)
        {
            var incidents = state.Tier switch
            {
                Tier.OneOff => 1,
                Tier.Occasional => _random.Between(2, 4),
                _ => _random.Between(5, 16),
            };
            var lastPossible = state.EighteenthBirthday.PlusDays(-1);
            if (lastPossible > _asOf)
            {
                lastPossible = _asOf;
            }
            var date = firstOffence;
            for (var i = 0; i < incidents && date <= lastPossible; i++)
            {
                var free = Incident(state, date, lastPossible);
                // Time to the next incident: prolific children offend every few weeks, occasional ones every few months.
                var gap = state.Tier == Tier.Prolific
                    ? _random.Between(7, 70) + _random.Between(0, 90)
                    : _random.Between(30, 300) + _random.Between(0, 420);
                date = (free > date ? free : date).PlusDays(gap);
            }
        }

        /// <summary>One incident: one to three offences, an outcome, perhaps a remand and a breach.</summary>
        /// <returns>The first date the child is free to offend again (after release from custody).</returns>
        private LocalDate Incident(ChildState state, LocalDate date, LocalDate lastPossible)
        {
            var count = _random.Pick([80, 15, 5]) + 1;
            var ids = ImmutableArray.CreateBuilder<string>(count);
            var maxGravity = 0;
            var knife = false;
            var last = date;
            var firstOffenceIndex = state.Offences.Count;
            for (var k = 0; k < count; k++)
            {
                var committed = k == 0 ? date : date.PlusDays(_random.Between(0, 10));
                if (committed > lastPossible)
                {
                    break;
                }
                var group = _random.Pick(SyntheticTables.OffenceGroupWeights);
                var (min, max) = SyntheticTables.GravityRange[group];
                // The product of two uniforms leans towards the low end of the range, as most offences are minor.
                var gravity = min + (int)((max - min + 1) * _random.NextDouble() * _random.NextDouble());
                if (state.Tier == Tier.Prolific && gravity < 8 && _random.Chance(0.3))
                {
                    gravity++;
                }
                var involvesKnife = _random.Chance(SyntheticTables.KnifeChance[group]);
                var offence = new Offence(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{state.Child.Id}-O{++state.OffenceSeq:D2}"),
                    state.Child.Id, committed, (OffenceGroup)group, gravity, involvesKnife);
                state.Offences.Add(offence);
                _sink.Offences.Add(committed, offence);
                ids.Add(offence.Id);
                maxGravity = Math.Max(maxGravity, gravity);
                knife |= involvesKnife;
                if (committed > last)
                {
                    last = committed;
                }
            }
            var offenceIds = ids.ToImmutable();

            var type = ChooseOutcome(state, maxGravity, knife, last);
            var outcomeDate = last.PlusDays(Delay(type));
            var free = date;

            // Remands: common before custody or intensive supervision for serious offences (held until sentence),
            // occasional before other court disposals for grave ones (ending in bail).
            var untilSentence = type.IsCustodial || type.Equals(OutcomeTypes.YouthRehabilitationOrderWithIss);
            var remanded = type.IsCourt && (untilSentence ? maxGravity >= 5 && _random.Chance(0.45) : maxGravity >= 6 && _random.Chance(0.08));
            if (remanded)
            {
                Remand(state, offenceIds, last, outcomeDate, untilSentence);
            }
            if (outcomeDate > _asOf)
            {
                // Still awaiting an outcome on the as-of date: the offences stand without one.
                return free;
            }

            bool? admitted = type.Category switch
            {
                OutcomeCategory.NoFurtherAction => null,
                _ when type.Equals(OutcomeTypes.Outcome22) => false,
                _ when type.RequiresAdmission => true,
                _ => _random.Chance(0.72),
            };
            var decidedBy = type.IsCourt ? DecidingBody.Court
                : type.Category == OutcomeCategory.NoFurtherAction || type.Equals(OutcomeTypes.CommunityResolution) ? DecidingBody.Police
                : state.PriorInformal + state.PriorStatutory > 0 || _random.Chance(0.4) ? DecidingBody.JointDecisionPanel : DecidingBody.Police;

            int? lengthDays = null;
            LocalDate? release = null;
            LocalDate? end = null;
            var breach = false;
            var resentenced = false;
            LocalDate breachDate = default;
            if (type.IsCustodial)
            {
                var months = type.Equals(OutcomeTypes.DetentionAndTrainingOrder)
                    ? SyntheticTables.DtoMonths[_random.Pick(SyntheticTables.DtoMonthWeights)]
                    : 6 * _random.Between(2, type.Equals(OutcomeTypes.Section259) ? 16 : 10);
                var sentenceEnd = outcomeDate.PlusMonths(months);
                lengthDays = Period.DaysBetween(outcomeDate, sentenceEnd);
                // Half of a DTO or s250 sentence is served in custody, the rest on licence in the community.
                var released = outcomeDate.PlusDays(lengthDays.Value / 2);
                free = released;
                release = released <= _asOf ? released : null;
                end = sentenceEnd <= _asOf ? sentenceEnd : null;
            }
            else if (type.Equals(OutcomeTypes.ReferralOrder) || type.Equals(OutcomeTypes.YouthRehabilitationOrder) || type.Equals(OutcomeTypes.YouthRehabilitationOrderWithIss))
            {
                var months = type.Equals(OutcomeTypes.ReferralOrder) ? _random.Between(3, 12) : _random.Between(6, 24);
                var orderEnd = outcomeDate.PlusMonths(months);
                var breachChance = type.Equals(OutcomeTypes.ReferralOrder) ? 0.12 : type.Equals(OutcomeTypes.YouthRehabilitationOrder) ? 0.2 : 0.3;
                if (state.Tier == Tier.Prolific)
                {
                    breachChance *= 1.4;
                }
                if (_random.Chance(breachChance))
                {
                    var span = Period.DaysBetween(outcomeDate, orderEnd);
                    breachDate = outcomeDate.PlusDays(Math.Max(1, (int)(span * (0.2 + (0.6 * _random.NextDouble())))));
                    // The failure to comply is an offence, so it must fall while the child is still under 18.
                    if (breachDate <= _asOf && outcomeDate < lastPossible && breachDate.PlusDays(-1) <= lastPossible)
                    {
                        breach = true;
                        resentenced = _random.Chance(0.45);
                        if (resentenced)
                        {
                            // A re-sentenced breach revokes the order.
                            orderEnd = breachDate;
                        }
                    }
                }
                end = orderEnd <= _asOf ? orderEnd : null;
            }

            var outcome = new Outcome(NextOutcomeId(state), state.Child.Id, offenceIds, outcomeDate, type, decidedBy, admitted,
                SentenceLengthDays: lengthDays, ReleaseDate: release, EndDate: end);
            AddOutcome(state, outcome);
            if (breach)
            {
                // Failing to comply with an order is itself recorded as an offence, committed shortly before the breach
                // proceedings. The breach outcome disposes of that offence first and then lists the order's offences, which
                // a re-sentence sentences again. Only the failure to comply is new offending, so only it can be a
                // reoffence (and only where the child was re-sentenced).
                var failedToComply = LocalDate.Max(outcomeDate.PlusDays(1), breachDate.PlusDays(-_random.Between(1, 21)));
                var breachOffence = new Offence(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{state.Child.Id}-O{++state.OffenceSeq:D2}"),
                    state.Child.Id, failedToComply, OffenceGroup.Other, 2);
                state.Offences.Add(breachOffence);
                _sink.Offences.Add(failedToComply, breachOffence);
                AddOutcome(state, new Outcome(NextOutcomeId(state), state.Child.Id, [breachOffence.Id, .. offenceIds], breachDate, OutcomeTypes.Breach,
                    DecidingBody.Court, Admitted: _random.Chance(0.8), Resentenced: resentenced));
            }

            if (type.IsStatutory)
            {
                state.PriorStatutory++;
                if (type.IsCourt)
                {
                    state.PriorCourt++;
                }
            }
            else if (type.Category == OutcomeCategory.InformalOutOfCourt)
            {
                state.PriorInformal++;
            }
            VictimContacts(state, outcome, firstOffenceIndex);
            return free;
        }

        private static string NextOutcomeId(ChildState state) =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{state.Child.Id}-D{++state.OutcomeSeq:D2}");

        private void AddOutcome(ChildState state, Outcome outcome)
        {
            state.Outcomes.Add(outcome);
            _sink.Outcomes.Add(outcome.OutcomeDate, outcome);
        }

        private void Remand(ChildState state, ImmutableArray<string> offenceIds, LocalDate lastOffence, LocalDate courtDate, bool untilSentence)
        {
            var start = lastOffence.PlusDays(_random.Between(1, 3));
            if (start > _asOf || start >= courtDate)
            {
                return;
            }
            // A remand either lasts until sentence or ends earlier with bail.
            var end = untilSentence ? courtDate : start.PlusDays(Math.Min(_random.Between(14, 90), Period.DaysBetween(start, courtDate)));
            AddOutcome(state, new Outcome(NextOutcomeId(state), state.Child.Id, offenceIds, start, OutcomeTypes.Remand, DecidingBody.Court,
                EndDate: end <= _asOf ? end : null));
        }

        private OutcomeType ChooseOutcome(ChildState state, int gravity, bool knife, LocalDate date)
        {
            // Police take no further action on some offences whatever their gravity (no admission, not enough evidence).
            if (_random.Chance(state.PriorStatutory == 0 ? 0.17 : 0.07))
            {
                return _random.Chance(0.15) ? OutcomeTypes.ReleasedUnderInvestigation : OutcomeTypes.NoFurtherAction;
            }
            var age = state.Child.AgeOn(date);
            var e = gravity + (0.7 * state.PriorStatutory) + (0.4 * state.PriorInformal)
                + SyntheticTables.EscalationBias[state.EthnicityIndex] + (0.1 * (age - 14)) + (0.9 * _random.Noise());
            if (e < 3.6)
            {
                if (knife)
                {
                    // Knife offences are not eligible for a community resolution.
                    return _random.Chance(0.5) ? OutcomeTypes.EnhancedCommunityResolution : OutcomeTypes.YouthCaution;
                }
                return state.PriorInformal switch
                {
                    0 => Pick(OutcomeTypes.CommunityResolution, 80, OutcomeTypes.EnhancedCommunityResolution, 12, OutcomeTypes.Outcome22, 8),
                    1 => Pick(OutcomeTypes.CommunityResolution, 50, OutcomeTypes.EnhancedCommunityResolution, 30, OutcomeTypes.Outcome22, 20),
                    _ => Pick(OutcomeTypes.EnhancedCommunityResolution, 50, OutcomeTypes.YouthCaution, 35, OutcomeTypes.Outcome22, 15),
                };
            }
            if (e < 4.8)
            {
                return Pick(OutcomeTypes.EnhancedCommunityResolution, 35, OutcomeTypes.Outcome22, 10, OutcomeTypes.YouthCaution, 55);
            }
            if (e < 5.9)
            {
                return state.PriorStatutory == 0
                    ? Pick(OutcomeTypes.YouthCaution, 50, OutcomeTypes.YouthConditionalCaution, 50)
                    : Pick(OutcomeTypes.YouthConditionalCaution, 60, OutcomeTypes.ConditionalDischarge, 20, OutcomeTypes.Fine, 20);
            }
            if (e < 7.3)
            {
                return state.PriorCourt == 0
                    ? Pick(OutcomeTypes.ReferralOrder, 75, OutcomeTypes.ConditionalDischarge, 12, OutcomeTypes.Fine, 8, OutcomeTypes.AbsoluteDischarge, 5)
                    : Pick(OutcomeTypes.YouthRehabilitationOrder, 45, OutcomeTypes.ReferralOrder, 20, OutcomeTypes.ConditionalDischarge, 15, OutcomeTypes.Fine, 20);
            }
            if (e < 9.3)
            {
                return state.PriorCourt == 0
                    ? Pick(OutcomeTypes.ReferralOrder, 60, OutcomeTypes.YouthRehabilitationOrder, 35, OutcomeTypes.YouthRehabilitationOrderWithIss, 5)
                    : Pick(OutcomeTypes.YouthRehabilitationOrder, 65, OutcomeTypes.YouthRehabilitationOrderWithIss, 35);
            }
            if (e < 10.9)
            {
                return Pick(OutcomeTypes.YouthRehabilitationOrderWithIss, 55, OutcomeTypes.DetentionAndTrainingOrder, 45);
            }
            if (gravity >= 7 && _random.Chance(0.4))
            {
                return gravity == 8 && _random.Chance(0.05) ? OutcomeTypes.Section259 : OutcomeTypes.Section250;
            }
            return OutcomeTypes.DetentionAndTrainingOrder;
        }

        private OutcomeType Pick(OutcomeType a, double wa, OutcomeType b, double wb, OutcomeType? c = null, double wc = 0, OutcomeType? d = null, double wd = 0)
        {
            var u = _random.NextDouble() * (wa + wb + wc + wd);
            return u < wa ? a : u < wa + wb ? b : u < wa + wb + wc ? c! : d!;
        }

        /// <summary>Days from the last offence to the outcome: police decisions are quick, courts take months.</summary>
        private int Delay(OutcomeType type) => type.Category switch
        {
            OutcomeCategory.NoFurtherAction => _random.Between(1, 21),
            OutcomeCategory.InformalOutOfCourt => type.Equals(OutcomeTypes.CommunityResolution) ? _random.Between(1, 28) : _random.Between(14, 60),
            OutcomeCategory.StatutoryOutOfCourt => _random.Between(14, 75),
            _ => _random.Between(28, 90) + _random.Between(0, 110),
        };

        private void VictimContacts(ChildState state, Outcome outcome, int firstOffenceIndex)
        {
            // The service contacts victims of offences that end in a conditional caution or a court disposal.
            if (!(outcome.Type.IsCourt || outcome.Type.Equals(OutcomeTypes.YouthConditionalCaution)))
            {
                return;
            }
            for (var i = firstOffenceIndex; i < state.Offences.Count; i++)
            {
                var offence = state.Offences[i];
                if (!SyntheticTables.HasVictim[(int)offence.Group] || !_random.Chance(0.75))
                {
                    continue;
                }
                var date = outcome.OutcomeDate.PlusDays(_random.Between(0, 21));
                if (date > _asOf)
                {
                    continue;
                }
                var consented = _random.Chance(0.55);
                var offered = consented && _random.Chance(0.75);
                _sink.VictimContacts.Add(date, new VictimContact(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{state.Child.Id}-V{++state.VictimSeq:D2}"),
                    state.Child.Id, offence.Id, date, consented, consented && _random.Chance(0.9), offered, offered && _random.Chance(0.35)));
            }
        }

        // ---------------------------------------------------------------- programmes

        private static EpisodeDraft NewEpisode(ChildState state, ProgrammeKind programme, LocalDate referral, string route, string eligibility,
            string initialState = SyntheticCodes.States.Referred)
        {
            var id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{state.Child.Id}-E{++state.EpisodeSeq:D2}");
            var draft = new EpisodeDraft(id, state, programme, referral, route, eligibility);
            draft.Step(referral, initialState);
            return draft;
        }

        /// <summary>An episode of a local programme, referred from <paramref name="source"/>, along its declared typical
        /// episode; nothing when the model declares no route from that source.</summary>
        private void LocalEpisode(ChildState state, LocalModel? model, ReferralSource source, LocalDate referral)
        {
            if (model is null || model.RouteFrom(source) is not { } route)
            {
                return;
            }
            var draft = NewEpisode(state, model.RecordedAs, referral, route.Code, route.EligibilityBasis, model.InitialState);
            Typical(draft, model.Typical, route);
            Emit(draft);
            if (model.Typical.StatusObserved && draft.Start is { } start && draft.End is { } end)
            {
                Observe(state, draft, start, ObservationPoint.InterventionStart, SupervisionSetting.Community);
                Observe(state, draft, end, ObservationPoint.InterventionEnd, SupervisionSetting.Community);
            }
        }

        /// <summary>Walks a declared typical episode: each step's date, consent, the assessment, the intervention, repeated
        /// steps, a score, closure and follow-ups, in the order declared.</summary>
        private void Typical(EpisodeDraft draft, TypicalEpisode typical, PathwayRoute route)
        {
            var latest = draft.Referral;
            var consentAhead = false;
            foreach (var step in typical.Steps)
            {
                consentAhead |= step is TypicalConsent;
            }
            if (!consentAhead)
            {
                draft.Consent = true;
                draft.ConsentDecided = draft.Referral;
            }
            var firstState = true;
            TypicalAssessment? pending = null;
            var pendingDate = latest;
            foreach (var step in typical.Steps)
            {
                switch (step)
                {
                    case TypicalState s:
                    {
                        var date = (s.After is null ? latest : draft.DateOf(s.After) ?? latest).PlusDays(_random.Between(s.MinDays, s.MaxDays));
                        draft.Step(date, firstState && route.FirstStep is { } first ? first : s.State);
                        firstState = false;
                        latest = LocalDate.Max(latest, date);
                        if (s.Assessment is { } assessment)
                        {
                            // An assessment before the consent decision is recorded once consent is given.
                            if (consentAhead)
                            {
                                pending = assessment;
                                pendingDate = date;
                            }
                            else
                            {
                                Assess(draft.Child, date, assessment);
                            }
                        }
                        break;
                    }
                    case TypicalConsent c:
                    {
                        var decided = latest.PlusDays(_random.Between(c.MinDays, c.MaxDays));
                        draft.ConsentDecided = decided;
                        consentAhead = false;
                        if (!_random.Chance(c.Rate))
                        {
                            draft.Consent = false;
                            draft.Step(decided, c.DeclinedState);
                            draft.End = decided;
                            draft.Closure = SyntheticCodes.Closures.Declined;
                            return;
                        }
                        draft.Consent = true;
                        latest = LocalDate.Max(latest, decided);
                        if (pending is not null)
                        {
                            Assess(draft.Child, pendingDate, pending);
                            pending = null;
                        }
                        break;
                    }
                    case TypicalIntervention i:
                    {
                        var start = latest.PlusDays(_random.Between(i.MinDays, i.MaxDays));
                        draft.Start = start;
                        if (i.State is not null)
                        {
                            draft.Step(start, i.State);
                        }
                        var completed = _random.Chance(i.CompletionRate);
                        draft.Engagement = completed ? Engagement.Engaged : Engagement.NotEngaged;
                        var (min, max) = completed ? i.CompletedDays : i.DisengagedDays;
                        var end = start.PlusDays(_random.Between(min, max));
                        draft.End = end;
                        draft.Closure = completed ? SyntheticCodes.Closures.Completed : SyntheticCodes.Closures.Disengaged;
                        latest = LocalDate.Max(latest, end);
                        break;
                    }
                    case TypicalRepeat r when draft.Start is { } start && draft.End is { } end:
                    {
                        for (var at = start.PlusDays(_random.Between(r.FirstDays.Min, r.FirstDays.Max)); at < end;
                             at = at.PlusDays(_random.Between(r.EveryDays.Min, r.EveryDays.Max)))
                        {
                            draft.Step(at, r.State);
                        }
                        break;
                    }
                    case TypicalScore f when draft.End is { } end:
                    {
                        if (_random.Chance(f.Rate))
                        {
                            var score = _random.Pick(f.ScoreWeights.AsSpan()) + 1;
                            draft.Step(end.PlusDays(-_random.Between(0, f.WithinDaysOfEnd)), f.State,
                                score.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        }
                        break;
                    }
                    case TypicalClosure c:
                    {
                        if (draft.End is null)
                        {
                            draft.End = latest;
                            draft.Closure = SyntheticCodes.Closures.Completed;
                        }
                        draft.Step(draft.End.Value, c.State);
                        break;
                    }
                    case TypicalFollowUp u:
                    {
                        var end = draft.End ?? latest;
                        var at = end.PlusMonths(u.Months);
                        draft.Step(at, u.State, draft.Child.OffendedBetween(end, at) ? SyntheticCodes.Reoffended : null);
                        break;
                    }
                }
            }
        }

        /// <summary>Derives the programme episodes that follow the child's outcomes.</summary>
        private void Programmes(ChildState state)
        {
            var informalSoFar = 0;
            // Outcomes in the order they were generated; a breach or remand never starts a programme.
            var outcomeCount = state.Outcomes.Count;
            for (var i = 0; i < outcomeCount; i++)
            {
                var outcome = state.Outcomes[i];
                var type = outcome.Type;
                if (type.Category == OutcomeCategory.NoFurtherAction)
                {
                    // Diversion for children the police take no further action on, before any statutory outcome.
                    if (_diversion is not null && !HasStatutoryOutcomeBy(state, outcome.OutcomeDate) && _random.Chance(0.55))
                    {
                        LocalEpisode(state, _diversion, ReferralSource.Police, outcome.OutcomeDate.PlusDays(_random.Between(0, 10)));
                    }
                }
                else if (type.Equals(OutcomeTypes.CommunityResolution) || type.Equals(OutcomeTypes.Outcome22))
                {
                    var knife = false;
                    foreach (var offenceId in outcome.OffenceIds)
                    {
                        knife |= OffenceById(state, offenceId).InvolvesKnife;
                    }
                    // Early intervention after a first or second community resolution or outcome 22 without a knife: the
                    // police refer after a first community resolution, the panel otherwise.
                    if (!knife && informalSoFar < 2 && _earlyIntervention is not null && _random.Chance(0.6))
                    {
                        var source = informalSoFar == 0 && type.Equals(OutcomeTypes.CommunityResolution) ? ReferralSource.Police : ReferralSource.OutOfCourtPanel;
                        LocalEpisode(state, _earlyIntervention, source, outcome.OutcomeDate.PlusDays(_random.Between(0, 10)));
                    }
                    informalSoFar++;
                }
                else if (type.Equals(OutcomeTypes.EnhancedCommunityResolution) || type.Equals(OutcomeTypes.YouthConditionalCaution)
                    || (type.Equals(OutcomeTypes.YouthCaution) && _random.Chance(0.6)))
                {
                    if (type.Equals(OutcomeTypes.EnhancedCommunityResolution))
                    {
                        informalSoFar++;
                    }
                    var draft = NewEpisode(state, ProgrammeKinds.OutOfCourtIntervention, outcome.OutcomeDate.PlusDays(_random.Between(0, 7)),
                        SyntheticCodes.Routes.OutOfCourtPanel, SyntheticCodes.Eligibility.OutOfCourtDisposal);
                    SupervisionPathway(draft, _random.Between(42, 112), null, type.IsStatutory ? SyntheticCodes.AssessmentKinds.AssetPlus : SyntheticCodes.AssessmentKinds.Prevention);
                    Emit(draft);
                    MaybeEcm(state, outcome);
                }
                else if (type.Equals(OutcomeTypes.ReferralOrder) || type.Equals(OutcomeTypes.YouthRehabilitationOrder) || type.Equals(OutcomeTypes.YouthRehabilitationOrderWithIss))
                {
                    var resentenced = false;
                    for (var j = i + 1; j < outcomeCount; j++)
                    {
                        var later = state.Outcomes[j];
                        if (later.Type.Equals(OutcomeTypes.Breach) && later.OffenceIds.Contains(outcome.OffenceIds[0]) && later.Resentenced)
                        {
                            resentenced = true;
                        }
                    }
                    var draft = NewEpisode(state, ProgrammeKinds.CourtOrderSupervision, outcome.OutcomeDate,
                        SyntheticCodes.Routes.Court, SyntheticCodes.Eligibility.CourtOrder);
                    var orderDays = outcome.EndDate is { } orderEnd ? Period.DaysBetween(outcome.OutcomeDate, orderEnd) : 365;
                    SupervisionPathway(draft, Math.Max(14, orderDays - 10), resentenced ? SyntheticCodes.Closures.Resentenced : null, SyntheticCodes.AssessmentKinds.AssetPlus);
                    Emit(draft);
                    MaybeEcm(state, outcome);
                    MaybeSibling(state, outcome.OutcomeDate);
                }
                else if (type.IsCustodial)
                {
                    Assess(state, outcome.OutcomeDate, SyntheticCodes.AssessmentKinds.AssetPlus, false);
                    var released = outcome.OutcomeDate.PlusDays(outcome.SentenceLengthDays!.Value / 2);
                    var referral = released.PlusDays(-28) > outcome.OutcomeDate ? released.PlusDays(-28) : outcome.OutcomeDate;
                    var draft = NewEpisode(state, ProgrammeKinds.Resettlement, referral, SyntheticCodes.Routes.Custody, SyntheticCodes.Eligibility.CustodyRelease);
                    draft.Step(released, SyntheticCodes.States.Intervention);
                    draft.Start = released;
                    draft.Engagement = _random.Chance(0.75) ? Engagement.Engaged : Engagement.NotEngaged;
                    var licenceEnd = released.PlusDays(outcome.SentenceLengthDays.Value - (outcome.SentenceLengthDays.Value / 2));
                    draft.End = licenceEnd;
                    draft.Closure = draft.Engagement == Engagement.Engaged ? SyntheticCodes.Closures.Completed : SyntheticCodes.Closures.Disengaged;
                    draft.Step(licenceEnd, SyntheticCodes.States.Closed);
                    Emit(draft);
                    Observe(state, draft, released, ObservationPoint.InterventionStart, SupervisionSetting.ReleasedFromCustody);
                    Observe(state, draft, licenceEnd, ObservationPoint.InterventionEnd, SupervisionSetting.ReleasedFromCustody);
                    MaybeSibling(state, outcome.OutcomeDate);
                }
            }
        }

        /// <summary>Whether the child had a statutory outcome on or before the date (incidents can overlap, so
        /// insertion order is not date order).</summary>
        private static bool HasStatutoryOutcomeBy(ChildState state, LocalDate date)
        {
            foreach (var outcome in state.Outcomes)
            {
                if (outcome.Type.IsStatutory && outcome.OutcomeDate <= date)
                {
                    return true;
                }
            }
            return false;
        }

        private static Offence OffenceById(ChildState state, string id)
        {
            foreach (var offence in state.Offences)
            {
                if (offence.Id == id)
                {
                    return offence;
                }
            }
            throw new InvalidOperationException($"Offence {id} is not the child's.");
        }

        /// <summary>Supervision of an out-of-court disposal or a court order, with status observations at start and end.</summary>
        private void SupervisionPathway(EpisodeDraft draft, int lengthDays, string? forcedClosure, string assessmentKind)
        {
            var assessed = draft.Referral.PlusDays(_random.Between(2, 14));
            draft.Step(assessed, SyntheticCodes.States.Assessment);
            Assess(draft.Child, assessed, assessmentKind, _random.Chance(0.7));
            var start = assessed.PlusDays(_random.Between(0, 7));
            draft.Start = start;
            draft.Step(start, SyntheticCodes.States.Intervention);
            var engaged = _random.Chance(0.85);
            draft.Engagement = engaged ? Engagement.Engaged : Engagement.NotEngaged;
            var end = start.PlusDays(Math.Max(7, lengthDays - Period.DaysBetween(draft.Referral, start)));
            draft.End = end;
            draft.Closure = forcedClosure ?? (engaged ? SyntheticCodes.Closures.Completed : SyntheticCodes.Closures.Disengaged);
            draft.Step(end, SyntheticCodes.States.Closed);
            Observe(draft.Child, draft, start, ObservationPoint.InterventionStart, SupervisionSetting.Community);
            Observe(draft.Child, draft, end, ObservationPoint.InterventionEnd, SupervisionSetting.Community);
        }

        /// <summary>
        /// Enriched case management for a child with at least three offences in the twelve months to a statutory
        /// outcome that starts an intervention, and evidence of complexity (the Coventry 2020/21 pathway's rule).
        /// </summary>
        private void MaybeEcm(ChildState state, Outcome outcome)
        {
            if (state.HadEcm || _enrichedCaseManagement is null)
            {
                return;
            }
            var complexNeeds = state.Needs & (Needs.MentalHealth | Needs.SubstanceMisuse | Needs.Neurodevelopmental | Needs.SpeechLanguageCommunication | Needs.EngagementIssues);
            var complex = state.AceCount >= 4
                || state.Child.CareStatus is CareStatus.ChildProtectionPlan or CareStatus.LookedAfter or CareStatus.FormerlyLookedAfter
                || int.PopCount((int)complexNeeds) >= 2;
            if (!complex || state.OffencesBetween(outcome.OutcomeDate.PlusMonths(-12), outcome.OutcomeDate) < 3 || !_random.Chance(0.5))
            {
                return;
            }
            state.HadEcm = true;
            LocalEpisode(state, _enrichedCaseManagement, ReferralSource.CaseManager, outcome.OutcomeDate.PlusDays(_random.Between(0, 14)));
        }

        private void MaybeSibling(ChildState state, LocalDate orderDate)
        {
            // Siblings of children on statutory orders are eligible for early intervention, referred by the case manager.
            if (_earlyIntervention is null || !_random.Chance(0.1))
            {
                return;
            }
            var referral = orderDate.PlusDays(_random.Between(7, 60));
            if (referral <= _asOf)
            {
                NewReferredChild(referral, ReferralSource.CaseManager, state);
            }
        }

        private void Assess(ChildState state, LocalDate date, TypicalAssessment assessment) =>
            Assess(state, date, assessment.Kind,
                assessment.ParentOnlyWithAces ? state.AceCount > 0 && _random.Chance(assessment.ParentIncludedRate) : _random.Chance(assessment.ParentIncludedRate));

        private void Assess(ChildState state, LocalDate date, string kind, bool parentIncluded)
        {
            if (date > _asOf)
            {
                return;
            }
            var risk = (RiskLevel)Math.Clamp(1 + _random.Pick([55, 30, 12, 3]) + (state.Tier == Tier.Prolific && _random.Chance(0.4) ? 1 : 0), 1, 4);
            var wellbeing = (RiskLevel)Math.Clamp(1 + _random.Pick([40, 38, 18, 4]) + (state.AceCount >= 5 ? 1 : 0), 1, 4);
            _sink.Assessments.Add(date, new Assessment(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{state.Child.Id}-A{++state.AssessmentSeq:D2}"),
                state.Child.Id, date, kind, risk, wellbeing, state.AceCount, state.Needs, parentIncluded));
        }

        private void Observe(ChildState state, EpisodeDraft draft, LocalDate date, ObservationPoint point, SupervisionSetting setting)
        {
            if (date > _asOf)
            {
                return;
            }
            var end = point == ObservationPoint.InterventionEnd;
            var released = setting == SupervisionSetting.ReleasedFromCustody;
            var accommodation = (released ? 0.84 : 0.93) + (end ? 0.03 : 0) - (state.Child.CareStatus == CareStatus.LookedAfter ? 0.04 : 0);
            var schoolAge = state.Child.AgeOn(date) < 16;
            var eteChance = (schoolAge ? 0.72 : 0.6) + (end ? 0.1 : 0) - (released ? 0.1 : 0);
            var suitable = _random.Chance(eteChance);
            // Suitable means at least 25 hours a week of education below 16, or 16 hours of ETE from 16 (Warwickshire 2018/19).
            int hours = suitable
                ? (schoolAge ? 25 + _random.Pick([70, 10, 10, 10]) * 2 : 16 + _random.Between(0, 21))
                : (schoolAge ? _random.Between(0, 20) : _random.Between(0, 15));
            bool? learningPlan = state.Child.Send == SendStatus.None ? null : _random.Chance(end ? 0.85 : 0.75);
            _sink.StatusObservations.Add(date, new StatusObservation(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{state.Child.Id}-S{++state.StatusSeq:D2}"),
                state.Child.Id, draft.Id, date, point, setting,
                AccommodationSuitable: _random.Chance(accommodation),
                EteSuitable: suitable,
                EteHours: hours,
                LearningPlan: learningPlan,
                MentalHealth: Funnel((state.Needs & Needs.MentalHealth) != 0, end),
                SubstanceMisuse: Funnel((state.Needs & Needs.SubstanceMisuse) != 0, end)));
        }

        private SupportStage Funnel(bool need, bool end)
        {
            if (!need)
            {
                return SupportStage.NoNeed;
            }
            var stage = SupportStage.NeedIdentified + _random.Pick([30, 40, 30]);
            if (end && stage < SupportStage.Attending && _random.Chance(0.5))
            {
                stage++;
            }
            return stage;
        }

        /// <summary>Writes an episode and its pathway events as they stood on the as-of date.</summary>
        private void Emit(EpisodeDraft draft)
        {
            if (draft.Referral > _asOf)
            {
                return;
            }
            var started = draft.Start is { } s && s <= _asOf;
            var ended = draft.End is { } e && e <= _asOf;
            var decided = draft.ConsentDecided is { } c && c <= _asOf;
            var episode = new ProgrammeEpisode(draft.Id, draft.Child.Child.Id, draft.Programme, draft.Referral, draft.Route, draft.Eligibility,
                ConsentGiven: decided ? draft.Consent : null,
                Engagement: started ? draft.Engagement : Engagement.NotKnown,
                StartDate: started ? draft.Start : null,
                EndDate: ended ? draft.End : null,
                ClosureReason: ended ? draft.Closure : null);
            _sink.Episodes.Add(draft.Referral, episode);
            // Steps are recorded in pathway order, but a feedback step can be dated before a meeting recorded earlier:
            // a stable insertion sort by date keeps same-day steps in pathway order (List.Sort is not stable).
            var steps = draft.Steps;
            for (var i = 1; i < steps.Count; i++)
            {
                var item = steps[i];
                var j = i - 1;
                while (j >= 0 && steps[j].Date > item.Date)
                {
                    steps[j + 1] = steps[j];
                    j--;
                }
                steps[j + 1] = item;
            }
            foreach (var (date, state, detail) in steps)
            {
                if (date <= _asOf)
                {
                    _sink.PathwayEvents.Add(draft.Referral, new PathwayEvent(draft.Id, date, state, detail));
                }
            }
        }
    }
}
