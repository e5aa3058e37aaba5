using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Hosting;

namespace YouthJustice.Sdk.Synthetic.Tests;

/// <summary>
/// The generator knows no local programme: what it writes for one comes from the programme's declaration. A fourth,
/// test-only programme, with a code, states, routes and assessment kind Core and the generator have never seen, gets
/// episodes along its own pathway.
/// </summary>
public sealed class DeclaredProgrammeTests
{
    private const string Code = "TESTSHIRE_MENTORING";

    private static readonly ProgrammeKind Mentoring = new(Code, "Mentoring (Testshire)", isLocal: true);

    /// <summary>Referral → matched with a mentor → refused (final), or sessions → ended → a check-in at 3 months.</summary>
    private static readonly ProgrammePathway Pathway = ProgrammePathway.For(Code)
        .State("REFERRED", "Referred", initial: true)
        .State("MATCHED", "Matched with a mentor")
        .State("REFUSED", "Refused", final: true)
        .State("SESSION", "Mentoring session")
        .State("ENDED", "Ended")
        .State("CHECK_IN_3M", "Check-in at 3 months", final: true)
        .Step("REFERRED", "MATCHED")
        .Step("MATCHED", "REFUSED", "SESSION")
        .Step("SESSION", "SESSION", "ENDED")
        .Step("ENDED", "CHECK_IN_3M")
        .Route("TS_POLICE", ReferralSource.Police, "TS_FIRST_CR")
        .Route("TS_PANEL", ReferralSource.OutOfCourtPanel, "TS_LATER_CR")
        .Route("TS_SCHOOL", ReferralSource.School, "TS_AT_RISK")
        .Route("TS_PARTNERS", ReferralSource.Partnership, "TS_AT_RISK")
        .Route("TS_CASE_MANAGER", ReferralSource.CaseManager, "TS_SIBLING")
        .Typically(ProgrammeKinds.EarlyIntervention.Code, t => t
            .Step("MATCHED", 2, 10, assessment: new TypicalAssessment("TS_MENTOR_CHECK", 0.3))
            .Consent(0, 3, 0.9, "REFUSED")
            .Intervention(null, 3, 10, 0.75, (60, 180), (14, 45))
            .Repeat("SESSION", (0, 7), (7, 14))
            .Closure("ENDED")
            .FollowUp("CHECK_IN_3M", 3))
        .Build();

    private static readonly AreaProfile Testshire = AreaProfile.Synthetic(1);

    private static readonly LocalProgrammeModel Model = new(Testshire.Code, Mentoring, Pathway);

    [Fact]
    public void A_fourth_programme_declared_only_in_a_test_gets_episodes_that_follow_its_pathway()
    {
        var dataset = SyntheticDatasetGenerator.Generate(SyntheticOptions.SingleAuthority(2023, Testshire) with { Programmes = [Model] });

        var episodes = dataset.Episodes.Where(e => e.Programme.Equals(Mentoring)).ToList();
        Assert.True(episodes.Count > 100, $"{episodes.Count} mentoring episodes");
        // It takes early intervention's referrals, so there is no early intervention of any other model.
        Assert.DoesNotContain(dataset.Episodes, e => e.Programme.Equals(ProgrammeKinds.EarlyIntervention));
        var events = dataset.PathwayEvents.ToLookup(e => e.EpisodeId, StringComparer.Ordinal);
        foreach (var episode in episodes)
        {
            Assert.Empty(Pathway.Validate(episode.Id, events[episode.Id]));
            Assert.Equal("REFERRED", events[episode.Id].First().State);
        }
        Assert.Equal(["TS_CASE_MANAGER", "TS_PANEL", "TS_PARTNERS", "TS_POLICE", "TS_SCHOOL"], episodes.Select(e => e.Route!).Distinct().Order(StringComparer.Ordinal));
        Assert.All(episodes, e => Assert.Equal(Pathway.Routes.Single(r => r.Code == e.Route).EligibilityBasis, e.EligibilityBasis));
        var states = episodes.SelectMany(e => events[e.Id]).Select(e => e.State).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(states, Pathway.States.Select(s => s.Code).ToHashSet(StringComparer.Ordinal));
        Assert.Contains(episodes, e => e.ConsentGiven == false && e.ClosureReason == SyntheticCodes.Closures.Declined);
        Assert.Contains(episodes, e => e.Engagement == Engagement.Engaged && e.ClosureReason == SyntheticCodes.Closures.Completed);
        Assert.Contains(dataset.Assessments, a => a.Kind == "TS_MENTOR_CHECK");
    }

    [Fact]
    public void An_area_uses_its_own_authoritys_model_and_other_areas_the_first_declared()
    {
        var options = SyntheticOptions.National(2023, 5, financialYears: 2, scale: 0.3) with
        {
            // The plugins' models first: Leicester's early intervention is the first declared, Testshire's is Testshire's own.
            Programmes = [.. Declared.Programmes, Model],
        };
        Assert.Equal(Testshire.Code, options.Areas[3].Code);

        var dataset = SyntheticDatasetGenerator.Generate(options);

        var childArea = dataset.Children.ToDictionary(c => c.Id, c => c.HomeAreaCode, StringComparer.Ordinal);
        var mentoringAreas = dataset.Episodes.Where(e => e.Programme.Equals(Mentoring)).Select(e => childArea[e.ChildId]).Distinct().ToList();
        Assert.Equal([Testshire.Code], mentoringAreas);
        var earlyInterventionAreas = dataset.Episodes.Where(e => e.Programme.Equals(ProgrammeKinds.EarlyIntervention)).Select(e => childArea[e.ChildId]).ToHashSet();
        Assert.DoesNotContain(Testshire.Code, earlyInterventionAreas);
        Assert.Equal(4, earlyInterventionAreas.Count);
    }

    [Fact]
    public void Every_episode_of_a_plugins_programme_follows_that_plugins_declared_pathway()
    {
        var dataset = Declared.Generate(SyntheticOptions.National(7, 4, financialYears: 2, scale: 0.3));
        var events = dataset.PathwayEvents.ToLookup(e => e.EpisodeId, StringComparer.Ordinal);
        var models = Declared.Programmes.Where(m => m.Pathway.Typical is not null).ToList();
        Assert.Equal(3, models.Count);
        foreach (var model in models)
        {
            var episodes = dataset.Episodes.Where(e => e.Programme.Code == model.Pathway.RecordedAs).ToList();
            Assert.NotEmpty(episodes);
            foreach (var episode in episodes)
            {
                var issues = model.Pathway.Validate(episode.Id, events[episode.Id]);
                Assert.True(issues.Count == 0, $"{model.Programme.Code}: {string.Join("; ", issues)}");
                Assert.Contains(model.Pathway.Routes, r => r.Code == episode.Route && r.EligibilityBasis == episode.EligibilityBasis);
            }
        }
    }

    [Fact]
    public void Without_declared_programmes_only_the_national_supervision_programmes_have_episodes()
    {
        var dataset = SyntheticDatasetGenerator.Generate(SyntheticOptions.SingleAuthority(3) with { FinancialYears = 2 });

        var national = new HashSet<string>(StringComparer.Ordinal)
        {
            ProgrammeKinds.OutOfCourtIntervention.Code, ProgrammeKinds.CourtOrderSupervision.Code, ProgrammeKinds.Resettlement.Code,
        };
        Assert.Subset(national, dataset.Episodes.Select(e => e.Programme.Code).ToHashSet(StringComparer.Ordinal));
        Assert.Contains(dataset.Episodes, e => e.Programme.Equals(ProgrammeKinds.OutOfCourtIntervention));
        Assert.DoesNotContain(dataset.PathwayEvents, e => e.State is not ("REFERRED" or "ASSESSMENT" or "INTERVENTION" or "CLOSED"));
    }

    [Fact]
    public void A_typical_episode_naming_an_undeclared_state_is_rejected_when_the_pathway_is_built()
    {
        var builder = ProgrammePathway.For("TS_BROKEN").State("REFERRED", "Referred", initial: true)
            .Typically(ProgrammeKinds.Diversion.Code, t => t.Step("NOWHERE", 1, 2));

        Assert.Contains("NOWHERE", Assert.Throws<InvalidOperationException>(builder.Build).Message, StringComparison.Ordinal);
    }
}
