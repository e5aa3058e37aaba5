using System.Globalization;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Synthetic;
using YouthJustice.Sdk.Tests;

namespace YouthJustice.Sdk.Synthetic.Tests;

/// <summary>Generates the single-authority preset once for the tests that only read it.</summary>
public sealed class CoventryFixture
{
    public Dataset Dataset { get; } = Declared.Generate(SyntheticOptions.SingleAuthority(20230331));
}

public class SyntheticDatasetGeneratorTests(CoventryFixture fixture) : IClassFixture<CoventryFixture>
{
    private readonly Dataset _coventry = fixture.Dataset;

    private static readonly LocalDate[] FinancialYearStarts =
        [new(2018, 4, 1), new(2019, 4, 1), new(2020, 4, 1), new(2021, 4, 1), new(2022, 4, 1)];

    [Fact]
    public void The_same_seed_gives_a_value_equal_dataset_in_the_same_order()
    {
        var again = Declared.Generate(SyntheticOptions.SingleAuthority(20230331));

        DatasetAssert.Equal(_coventry, again);
    }

    [Fact]
    public void A_different_seed_gives_different_data()
    {
        var other = Declared.Generate(SyntheticOptions.SingleAuthority(20230332));

        Assert.False(_coventry.Children.SequenceEqual(other.Children));
        Assert.False(_coventry.Offences.SequenceEqual(other.Offences));
        Assert.False(_coventry.Outcomes.SequenceEqual(other.Outcomes));
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    public void Generation_does_not_depend_on_the_current_culture(string cultureName)
    {
        var options = SyntheticOptions.SingleAuthority(7) with { FinancialYears = 2 };
        Dataset expected;
        Dataset actual;
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            expected = Declared.Generate(options);
            CultureInfo.CurrentCulture = new CultureInfo(cultureName);
            CultureInfo.CurrentUICulture = new CultureInfo(cultureName);
            actual = Declared.Generate(options);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }

        DatasetAssert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("Pacific/Kiritimati", 14)]
    [InlineData("Pacific/Pago_Pago", -11)]
    public void Generation_does_not_depend_on_the_local_time_zone(string zoneId, int offsetHours)
    {
        var options = SyntheticOptions.SingleAuthority(8) with { FinancialYears = 2 };
        var expected = Declared.Generate(options);
        var previous = Environment.GetEnvironmentVariable("TZ");
        Dataset actual;
        try
        {
            // On Unix the local zone is read from TZ again once the cache is cleared.
            Environment.SetEnvironmentVariable("TZ", zoneId);
            TimeZoneInfo.ClearCachedData();
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(TimeSpan.FromHours(offsetHours), TimeZoneInfo.Local.BaseUtcOffset);
            }
            actual = Declared.Generate(options);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", previous);
            TimeZoneInfo.ClearCachedData();
        }

        DatasetAssert.Equal(expected, actual);
    }

    [Fact]
    public void A_single_authority_dataset_keeps_every_reference_and_date_rule()
    {
        Assert.Empty(DatasetConsistency.Violations(_coventry));
    }

    [Fact]
    public void A_small_national_dataset_keeps_every_reference_and_date_rule()
    {
        var dataset = Declared.Generate(SyntheticOptions.National(11, 6, financialYears: 2, scale: 0.3));

        Assert.Equal(6, dataset.Areas.Count);
        Assert.Equal(["E08000026", "E06000016", "E10000031", "E99000001", "E99000002", "E99000003"], dataset.Areas.Select(a => a.Code));
        Assert.All(dataset.Areas, area => Assert.Contains(dataset.Children, c => c.HomeAreaCode == area.Code));
        Assert.Empty(DatasetConsistency.Violations(dataset));
    }

    [Fact]
    public void An_as_of_date_inside_the_years_cuts_every_record_and_leaves_open_episodes_and_pending_outcomes()
    {
        var options = SyntheticOptions.SingleAuthority(5) with { FinancialYears = 3, AsOf = new LocalDate(2020, 11, 17) };
        var dataset = Declared.Generate(options);

        Assert.Equal(new LocalDate(2020, 11, 17), dataset.AsOf);
        Assert.Empty(DatasetConsistency.Violations(dataset));
        Assert.Contains(dataset.Episodes, e => e.EndDate is null);
        var disposed = dataset.Outcomes.SelectMany(o => o.OffenceIds).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(dataset.Offences, o => !disposed.Contains(o.Id));
    }

    [Fact]
    public void The_population_aged_10_to_17_of_a_single_authority_is_between_30000_and_35000_and_its_breakdowns_reconcile()
    {
        var years = _coventry.Populations.Select(p => p.Year).Distinct().Order().ToList();
        Assert.Equal([2018, 2019, 2020, 2021, 2022], years);
        foreach (var year in years)
        {
            var rows = _coventry.Populations.Where(p => p.Year == year).ToList();
            var total = rows.Where(p => p.Sex is null && p.EthnicityGroup is null).Sum(p => p.Count);
            Assert.InRange(total, 30_000, 35_000);
            Assert.Equal(total, rows.Where(p => p.Sex is not null && p.EthnicityGroup is null).Sum(p => p.Count));
            Assert.Equal(total, rows.Where(p => p.Sex is null && p.EthnicityGroup is not null).Sum(p => p.Count));
            Assert.Equal(Enumerable.Range(10, 8), rows.Where(p => p.Sex is null && p.EthnicityGroup is null).Select(p => p.Age));
            var census = _coventry.ReferencePopulations.Where(r => r.Year == year && r.Name == SyntheticCodes.SecondarySchoolCensus).ToList();
            Assert.Equal(7, census.Count);
            Assert.InRange(census.Sum(r => r.Count), total / 2, total * 3 / 4);
        }
    }

    [Fact]
    public void First_time_entrants_per_financial_year_are_between_20_and_150()
    {
        var children = _coventry.Children.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var firstStatutory = _coventry.Outcomes
            .Where(o => o.Type.CountsAsFirstTimeEntrant)
            .GroupBy(o => o.ChildId, StringComparer.Ordinal)
            .Select(g => g.MinBy(o => o.OutcomeDate)!)
            .ToList();

        foreach (var start in FinancialYearStarts)
        {
            var end = start.PlusYears(1).PlusDays(-1);
            var entrants = firstStatutory.Count(o => o.OutcomeDate >= start && o.OutcomeDate <= end
                && children[o.ChildId].AgeOn(o.OutcomeDate) is >= 10 and <= 17);
            Assert.InRange(entrants, 20, 150);
        }
    }

    [Fact]
    public void Between_15_and_50_percent_of_children_reoffend_within_12_months_of_a_first_statutory_outcome()
    {
        var offencesByChild = _coventry.Offences.ToLookup(o => o.ChildId, StringComparer.Ordinal);
        var cohort = _coventry.Outcomes
            .Where(o => o.Type.CountsAsFirstTimeEntrant)
            .GroupBy(o => o.ChildId, StringComparer.Ordinal)
            .Select(g => g.MinBy(o => o.OutcomeDate)!)
            .Where(o => o.OutcomeDate.PlusMonths(12) <= _coventry.AsOf)
            .ToList();
        var reoffences = cohort.Select(o => offencesByChild[o.ChildId]
            .Count(f => f.CommittedOn > o.OutcomeDate && f.CommittedOn <= o.OutcomeDate.PlusMonths(12))).ToList();
        var reoffenders = reoffences.Count(n => n > 0);

        Assert.True(cohort.Count > 100, $"cohort of {cohort.Count}");
        Assert.InRange((double)reoffenders / cohort.Count, 0.15, 0.50);
        Assert.InRange((double)reoffences.Sum() / reoffenders, 1.5, 6.0);
    }

    [Fact]
    public void The_outcome_ladder_has_every_rung_with_community_resolutions_and_no_further_action_the_most_common()
    {
        var byType = _coventry.Outcomes.GroupBy(o => o.Type).ToDictionary(g => g.Key, g => g.Count());

        foreach (var type in new[]
        {
            OutcomeTypes.NoFurtherAction, OutcomeTypes.CommunityResolution, OutcomeTypes.EnhancedCommunityResolution,
            OutcomeTypes.Outcome22, OutcomeTypes.YouthCaution, OutcomeTypes.YouthConditionalCaution, OutcomeTypes.ReferralOrder,
            OutcomeTypes.YouthRehabilitationOrder, OutcomeTypes.DetentionAndTrainingOrder, OutcomeTypes.Remand, OutcomeTypes.Breach,
        })
        {
            Assert.True(byType.ContainsKey(type), $"no {type} outcome");
        }
        var informal = byType[OutcomeTypes.CommunityResolution] + byType[OutcomeTypes.NoFurtherAction];
        var court = _coventry.Outcomes.Count(o => o.Type.IsCourt);
        Assert.True(informal > court, $"{informal} community resolutions and NFAs against {court} court disposals");
        Assert.Equal(byType.MaxBy(p => p.Value).Key, OutcomeTypes.CommunityResolution);
        Assert.True(byType[OutcomeTypes.YouthCaution] + byType[OutcomeTypes.YouthConditionalCaution] > byType[OutcomeTypes.ReferralOrder]);
    }

    [Fact]
    public void Every_breach_disposes_of_its_own_failure_to_comply_offence_committed_after_the_order()
    {
        var offences = _coventry.Offences.ToDictionary(o => o.Id);
        var breaches = _coventry.Outcomes.Where(o => o.Type.Equals(OutcomeTypes.Breach)).ToList();

        Assert.NotEmpty(breaches);
        foreach (var breach in breaches)
        {
            // The first offence is the failure to comply; the rest are the order's, all committed earlier.
            var failure = offences[breach.OffenceIds[0]];
            Assert.True(failure.CommittedOn <= breach.OutcomeDate, $"{breach.Id}: failure to comply after the breach proceedings");
            Assert.All(breach.OffenceIds.Skip(1), id => Assert.True(offences[id].CommittedOn < failure.CommittedOn, $"{breach.Id}: order offence {id} not before the failure"));
            Assert.Equal(OffenceGroup.Other, failure.Group);
        }
    }

    [Fact]
    public void Custody_breaches_and_turning_18_before_the_outcome_all_occur()
    {
        var children = _coventry.Children.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var custodial = _coventry.Outcomes.Where(o => o.Type.IsCustodial).ToList();

        Assert.Contains(custodial, o => o.ReleaseDate is not null && o.SentenceLengthDays > 0);
        Assert.InRange(custodial.Count, 3, 120);
        Assert.Contains(_coventry.Outcomes, o => o.Type.Equals(OutcomeTypes.Breach) && o.Resentenced);
        Assert.Contains(_coventry.Outcomes, o => o.Type.Equals(OutcomeTypes.Breach) && !o.Resentenced);
        var turned18 = _coventry.Outcomes.Count(o => children[o.ChildId].AgeOn(o.OutcomeDate) >= 18);
        Assert.InRange(turned18, 1, _coventry.Outcomes.Count / 10);
    }

    [Fact]
    public void Gravity_follows_the_outcome_and_some_offences_involve_a_knife()
    {
        var offences = _coventry.Offences.ToDictionary(o => o.Id, StringComparer.Ordinal);
        double MeanGravity(Func<Outcome, bool> which) =>
            _coventry.Outcomes.Where(which).SelectMany(o => o.OffenceIds).Average(id => offences[id].Gravity);

        var informal = MeanGravity(o => o.Type.Category == OutcomeCategory.InformalOutOfCourt);
        var court = MeanGravity(o => o.Type.Category == OutcomeCategory.CourtNonCustodial);
        var custody = MeanGravity(o => o.Type.IsCustodial);
        Assert.True(informal < court && court < custody, $"mean gravity informal {informal:F2}, court {court:F2}, custody {custody:F2}");
        Assert.Contains(_coventry.Offences, o => o.InvolvesKnife);
        Assert.DoesNotContain(_coventry.Outcomes, o => o.Type.Equals(OutcomeTypes.CommunityResolution) && o.OffenceIds.Any(id => offences[id].InvolvesKnife));
        Assert.Equal(11, _coventry.Offences.Select(o => o.Group).Distinct().Count());
    }

    [Fact]
    public void Black_and_mixed_heritage_children_are_over_represented_at_court_against_the_population()
    {
        static bool Minority(EthnicityGroup g) => g is EthnicityGroup.Black or EthnicityGroup.Mixed;
        var children = _coventry.Children.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var population = _coventry.Populations.Where(p => p.Year == 2020 && p.Sex is null && p.EthnicityGroup is not null).ToList();
        var populationShare = (double)population.Where(p => Minority(p.EthnicityGroup!.Value)).Sum(p => p.Count) / population.Sum(p => p.Count);
        var atCourt = _coventry.Outcomes.Where(o => o.Type.IsCourt).Select(o => children[o.ChildId]).DistinctBy(c => c.Id).ToList();
        var courtShare = (double)atCourt.Count(c => Minority(c.EthnicityGroup)) / atCourt.Count;

        Assert.True(courtShare > 1.3 * populationShare, $"court share {courtShare:P1} against population share {populationShare:P1}");
        Assert.InRange((double)_coventry.Children.Count(c => c.EthnicityGroup == EthnicityGroup.WhiteBritish) / _coventry.Children.Count, 0.35, 0.6);
    }

    [Fact]
    public void Children_have_every_sex_and_more_care_and_send_involvement_than_the_general_population()
    {
        Assert.Equal(4, _coventry.Children.Select(c => c.Sex).Distinct().Count());
        Assert.InRange((double)_coventry.Children.Count(c => c.Sex == Sex.Male) / _coventry.Children.Count, 0.7, 0.9);
        Assert.InRange((double)_coventry.Children.Count(c => c.Send != SendStatus.None) / _coventry.Children.Count, 0.3, 0.7);
        Assert.InRange((double)_coventry.Children.Count(c => c.CareStatus is CareStatus.LookedAfter or CareStatus.FormerlyLookedAfter) / _coventry.Children.Count, 0.05, 0.3);
    }

    [Fact]
    public void There_are_episodes_of_every_national_programme_with_the_pathway_states_each_model_reports()
    {
        var states = _coventry.PathwayEvents.ToLookup(e => e.EpisodeId, StringComparer.Ordinal);
        foreach (var programme in ProgrammeKinds.National)
        {
            Assert.Contains(_coventry.Episodes, e => e.Programme.Equals(programme));
        }
        bool Has(ProgrammeKind programme, string state) =>
            _coventry.Episodes.Where(e => e.Programme.Equals(programme)).Any(e => states[e.Id].Any(s => s.State == state));

        Assert.True(Has(ProgrammeKinds.Diversion, "DECLINED"));
        Assert.True(Has(ProgrammeKinds.Diversion, "HEALTH_REFERRAL"));
        Assert.True(Has(ProgrammeKinds.Diversion, "SENIOR_PRACTITIONER_QA"));
        Assert.True(Has(ProgrammeKinds.Diversion, "FOLLOW_UP_6M"));
        Assert.True(Has(ProgrammeKinds.Diversion, "FOLLOW_UP_12M"));
        Assert.True(Has(ProgrammeKinds.EarlyIntervention, "PANEL"));
        Assert.True(Has(ProgrammeKinds.EarlyIntervention, "TRIAGE"));
        Assert.True(Has(ProgrammeKinds.EnrichedCaseManagement, "ECM_ASSESSMENT"));
        Assert.True(Has(ProgrammeKinds.EnrichedCaseManagement, "TAC_MEETING"));
        Assert.True(Has(ProgrammeKinds.EnrichedCaseManagement, "PARENT_FEEDBACK"));
        Assert.Contains(_coventry.Episodes, e => e.Programme.Equals(ProgrammeKinds.Diversion) && e.ConsentGiven == false);
        Assert.Contains(_coventry.Episodes, e => e.Programme.Equals(ProgrammeKinds.Diversion) && e.Engagement == Engagement.Engaged);
        var routes = _coventry.Episodes.Where(e => e.Programme.Equals(ProgrammeKinds.EarlyIntervention)).Select(e => e.Route).Distinct().ToHashSet();
        Assert.Superset(routes!, new HashSet<string?>
        {
            "POLICE_CR", "OOCD_PANEL", "CASE_MANAGER",
            "SYV_JAG", "SCHOOL_REACH",
        });
        Assert.All(states.SelectMany(g => g), e => Assert.NotEmpty(e.State));
    }

    [Fact]
    public void Diversion_follows_no_further_action_and_enriched_case_management_needs_three_offences_in_a_year()
    {
        var outcomesByChild = _coventry.Outcomes.ToLookup(o => o.ChildId, StringComparer.Ordinal);
        var offencesByChild = _coventry.Offences.ToLookup(o => o.ChildId, StringComparer.Ordinal);
        foreach (var diversion in _coventry.Episodes.Where(e => e.Programme.Equals(ProgrammeKinds.Diversion)))
        {
            Assert.Contains(outcomesByChild[diversion.ChildId], o => o.Type.Category == OutcomeCategory.NoFurtherAction && o.OutcomeDate <= diversion.ReferralDate);
        }
        foreach (var ecm in _coventry.Episodes.Where(e => e.Programme.Equals(ProgrammeKinds.EnrichedCaseManagement)))
        {
            var inYear = offencesByChild[ecm.ChildId].Count(o => o.CommittedOn <= ecm.ReferralDate && o.CommittedOn > ecm.ReferralDate.PlusMonths(-13));
            Assert.True(inYear >= 3, $"{ecm.Id} has {inYear} offences in the year before referral");
        }
    }

    [Fact]
    public void Status_observations_cover_community_and_release_from_custody_with_mostly_suitable_accommodation()
    {
        var observations = _coventry.StatusObservations;

        Assert.Contains(observations, o => o.Setting == SupervisionSetting.Community && o.Point == ObservationPoint.InterventionStart);
        Assert.Contains(observations, o => o.Setting == SupervisionSetting.ReleasedFromCustody && o.Point == ObservationPoint.InterventionEnd);
        Assert.InRange((double)observations.Count(o => o.AccommodationSuitable == true) / observations.Count, 0.88, 0.98);
        Assert.All(observations.Where(o => o.EteSuitable == true), o => Assert.True(o.EteHours >= 16));
        Assert.Contains(observations, o => o.MentalHealth == SupportStage.Attending);
        Assert.Contains(observations, o => o.SubstanceMisuse == SupportStage.NeedIdentified);
        Assert.Contains(observations, o => o.LearningPlan == true);
    }

    [Fact]
    public void Each_area_in_a_multi_area_dataset_has_its_own_board_with_five_partners_at_every_meeting()
    {
        var data = Declared.Generate(new SyntheticOptions
        {
            Seed = 7,
            Areas = [AreaProfile.Leicester, AreaProfile.Warwickshire],
            FinancialYears = 1,
            Scale = 0.05,
        });

        var byArea = data.BoardAttendances.GroupBy(b => b.AreaCode).ToDictionary(g => g.Key, g => g.ToList());

        // One financial year whose data runs to 31 March: the boards for Q1-Q3 have met (August, November, February), five agencies each.
        Assert.Equal(["E06000016", "E10000031"], byArea.Keys.Order(StringComparer.Ordinal));
        Assert.All(byArea.Values, records =>
        {
            Assert.Equal(3, records.Select(r => r.MeetingDate).Distinct().Count());
            Assert.Equal(15, records.Count);
        });
    }

    [Fact]
    public void Board_attendance_is_quarterly_for_five_partner_agencies_and_victims_are_contacted()
    {
        var meetings = _coventry.BoardAttendances.Select(b => b.MeetingDate).Distinct().ToList();

        Assert.InRange(meetings.Count, 18, 20);
        Assert.All(meetings, m => Assert.Equal(IsoDayOfWeek.Thursday, m.DayOfWeek));
        Assert.Equal(["EDUCATION", "HEALTH", "POLICE", "PROBATION", "SOCIAL_CARE"], _coventry.BoardAttendances.Select(b => b.Agency).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(3, _coventry.BoardAttendances.Select(b => b.Attendance).Distinct().Count());
        Assert.All(_coventry.BoardAttendances, b => Assert.Equal(AreaProfile.Coventry.Code, b.AreaCode));
        Assert.Contains(_coventry.VictimContacts, v => v.RestorativeJusticeTakenUp);
        Assert.Contains(_coventry.VictimContacts, v => !v.ConsentedToContact);
        Assert.Contains(_coventry.Links, l => l.Kind == LinkKind.Sibling);
        Assert.Contains(_coventry.Links, l => l.Kind == LinkKind.Associate);
        Assert.Contains(_coventry.Assessments, a => a.ParentIncluded && a.Kind == "ECM");
    }

    [Fact]
    public void Leicester_and_Warwickshire_profiles_generate_valid_data_for_their_own_codes()
    {
        foreach (var area in new[] { AreaProfile.Leicester, AreaProfile.Warwickshire })
        {
            var dataset = Declared.Generate(SyntheticOptions.SingleAuthority(3, area) with { FinancialYears = 2 });

            Assert.Equal(area.Code, Assert.Single(dataset.Areas).Code);
            Assert.All(dataset.Children, c => Assert.Equal(area.Code, c.HomeAreaCode));
            Assert.Empty(DatasetConsistency.Violations(dataset));
        }
        Assert.Equal("E06000016", AreaProfile.Leicester.Code);
        Assert.Equal("E10000031", AreaProfile.Warwickshire.Code);
    }

    [Fact]
    public void Adding_an_area_leaves_the_data_of_the_areas_before_it_unchanged()
    {
        var one = Declared.Generate(SyntheticOptions.National(9, 1, financialYears: 1, scale: 0.2));
        var two = Declared.Generate(SyntheticOptions.National(9, 2, financialYears: 1, scale: 0.2));

        Assert.Equal(one.Children, two.Children.Where(c => c.HomeAreaCode == "E08000026"));
    }

    [Fact]
    public void Synthetic_areas_have_unassigned_E99_codes_and_depend_only_on_their_number()
    {
        var area = AreaProfile.Synthetic(42);

        Assert.Equal("E99000042", area.Code);
        Assert.Equal("Synthetic Authority 042", area.Name);
        Assert.Equal(area, AreaProfile.Synthetic(42));
        Assert.NotEqual(area, AreaProfile.Synthetic(43));
        Assert.InRange(area.Population10To17, 8_000, 95_000);
    }

    [Fact]
    public void Invalid_options_are_rejected_with_the_option_named()
    {
        Assert.Throws<ArgumentNullException>(() => SyntheticDatasetGenerator.Generate(null!));
        Assert.Equal("Areas", Assert.Throws<ArgumentException>(() => Declared.Generate(new SyntheticOptions { Areas = [] })).ParamName);
        Assert.Equal("Areas", Assert.Throws<ArgumentException>(() =>
            Declared.Generate(new SyntheticOptions { Areas = [AreaProfile.Coventry, AreaProfile.Coventry] })).ParamName);
        Assert.Equal("FinancialYears", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Declared.Generate(new SyntheticOptions { FinancialYears = 0 })).ParamName);
        Assert.Equal("Scale", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Declared.Generate(new SyntheticOptions { Scale = 0 })).ParamName);
        Assert.Equal("AsOf", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Declared.Generate(new SyntheticOptions { AsOf = new LocalDate(2030, 1, 1) })).ParamName);
        Assert.Equal("population10To17", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new AreaProfile("E99000001", "Tiny", 10, AreaProfile.Coventry.Ethnicity, 200)).ParamName);
        Assert.Equal("areaCount", Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticOptions.National(1, 0)).ParamName);
    }

    [Fact]
    public void Options_with_the_same_values_are_equal()
    {
        Assert.Equal(SyntheticOptions.National(1, 5), SyntheticOptions.National(1, 5));
        Assert.NotEqual(SyntheticOptions.National(1, 5), SyntheticOptions.National(2, 5));
        Assert.Equal(new LocalDate(2023, 3, 31), SyntheticOptions.SingleAuthority(1).EffectiveAsOf);
    }
}
