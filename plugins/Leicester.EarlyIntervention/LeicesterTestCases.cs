using NodaTime;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Plugins.Leicester;

/// <summary>The plugin's own test cases: small hand-built datasets with the figures and decisions they must give.</summary>
public sealed class LeicesterTestCases : IPluginTestCases
{
    private const string Area = "E06000016";
    private static readonly ProgrammeKind Eit = LeicesterPlugin.EarlyInterventionTeam;

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static Child C(string id) => new(id, D(2007, 5, 1), Sex.Male, EthnicityCategory.WhiteBritish, Area);

    /// <summary>Four referrals in 2021/22 Q3 with known outcomes, and three children for the eligibility rule.</summary>
    public static Dataset QuarterDataset { get; } = new()
    {
        AsOf = D(2023, 6, 30),
        Children = [C("L1"), C("L2"), C("L3"), C("L4"), C("L5"), C("L6"), C("L7"), C("L8")],
        Offences =
        [
            new("O1", "L1", D(2022, 3, 1), OffenceGroup.Theft, 2),
            new("O3", "L3", D(2022, 4, 20), OffenceGroup.CriminalDamage, 3),
            new("O5", "L5", D(2023, 5, 28), OffenceGroup.PossessionOfWeapons, 3, InvolvesKnife: true),
            new("O6", "L6", D(2023, 6, 5), OffenceGroup.Theft, 2),
            new("O8", "L8", D(2022, 12, 1), OffenceGroup.Robbery, 5),
        ],
        Outcomes =
        [
            new("R1", "L1", ["O1"], D(2022, 3, 20), OutcomeTypes.CommunityResolution, DecidingBody.Police, Admitted: true),
            new("R3", "L3", ["O3"], D(2022, 5, 1), OutcomeTypes.YouthCaution, DecidingBody.JointDecisionPanel, Admitted: true),
            new("R5", "L5", ["O5"], D(2023, 6, 1), OutcomeTypes.CommunityResolution, DecidingBody.Police, Admitted: true),
            new("R6", "L6", ["O6"], D(2023, 6, 10), OutcomeTypes.CommunityResolution, DecidingBody.Police, Admitted: true),
            new("R8", "L8", ["O8"], D(2023, 1, 1), OutcomeTypes.YouthRehabilitationOrder, DecidingBody.Court, EndDate: D(2024, 1, 1)),
        ],
        Links = [new ChildLink("L7", "L8", LinkKind.Sibling)],
        Episodes =
        [
            new("E1", "L1", Eit, D(2021, 10, 5), LeicesterPlugin.Routes.PoliceCommunityResolution, LeicesterPlugin.Bases.CommunityResolution,
                Engagement: Engagement.Engaged, StartDate: D(2021, 10, 10), EndDate: D(2021, 12, 15), ClosureReason: "COMPLETED"),
            new("E2", "L2", Eit, D(2021, 11, 1), LeicesterPlugin.Routes.SchoolReach, LeicesterPlugin.Bases.AtRisk,
                Engagement: Engagement.Engaged, StartDate: D(2021, 11, 8), EndDate: D(2021, 12, 20), ClosureReason: "COMPLETED"),
            new("E3", "L3", Eit, D(2021, 11, 15), LeicesterPlugin.Routes.CaseManager, LeicesterPlugin.Bases.SiblingOrAssociate,
                Engagement: Engagement.NotEngaged, EndDate: D(2021, 12, 1), ClosureReason: "DISENGAGED"),
            new("E4", "L4", Eit, D(2021, 12, 1), LeicesterPlugin.Routes.PoliceCommunityResolution, LeicesterPlugin.Bases.CommunityResolution,
                Engagement: Engagement.Engaged, StartDate: D(2021, 12, 5), EndDate: D(2022, 2, 1), ClosureReason: "DISENGAGED"),
        ],
        PathwayEvents =
        [
            new("E1", D(2021, 10, 5), "REFERRED"), new("E1", D(2021, 10, 7), "TRIAGE"),
            new("E1", D(2021, 10, 10), "INTERVENTION", "one-to-one"), new("E1", D(2021, 11, 10), "INTERVENTION", "knife work"),
            new("E1", D(2021, 12, 15), "CLOSED"), new("E1", D(2022, 6, 15), "FOLLOW_UP_6M"), new("E1", D(2022, 12, 15), "FOLLOW_UP_12M"),
            new("E3", D(2021, 11, 15), "REFERRED"), new("E3", D(2021, 11, 20), "PANEL"), new("E3", D(2021, 12, 1), "CLOSED"),
        ],
    };

    private static readonly ReportingPeriod Q3 = ReportingPeriod.FinancialQuarter(2021, 3);

    public IReadOnlyList<PluginTestCase> Cases { get; } =
    [
        new(
            "A quarter's referrals give the funnel and the follow-up the board sees",
            QuarterDataset,
            new IndicatorQuery([Q3], [], ["route"]),
            [
                new(EarlyInterventionIndicators.Referred, 4, null),
                new(EarlyInterventionIndicators.Referred, 2, null, new BreakdownKey("route", LeicesterPlugin.Routes.PoliceCommunityResolution)),
                new(EarlyInterventionIndicators.Engaged, 3, 4, Value: 75.0m),
                new(EarlyInterventionIndicators.Completed, 2, 3, Value: 66.7m),
                new(EarlyInterventionIndicators.Reoffended6, 1, 2, Value: 50.0m),
                new(EarlyInterventionIndicators.Reoffended12, 1, 2),
                new(EarlyInterventionIndicators.BecameFte, 1, 3, Value: 33.3m),
                new(EarlyInterventionIndicators.BecameFte, 1, 1, new BreakdownKey("route", LeicesterPlugin.Routes.CaseManager)),
            ],
            [
                new(LeicesterPlugin.Id + ".eligibility", "L5", D(2023, 6, 30), false),
                new(LeicesterPlugin.Id + ".eligibility", "L6", D(2023, 6, 30), true, LeicesterPlugin.Bases.CommunityResolution),
                new(LeicesterPlugin.Id + ".eligibility", "L7", D(2023, 6, 30), true, LeicesterPlugin.Bases.SiblingOrAssociate),
            ],
            []),
        new(
            "An unknown referral route and a step from referral straight to follow-up are reported",
            QuarterDataset with
            {
                Episodes = [new("E9", "L1", Eit, D(2021, 10, 5), "WALK_IN")],
                PathwayEvents = [new("E9", D(2021, 10, 5), "REFERRED"), new("E9", D(2021, 10, 6), "FOLLOW_UP_6M")],
            },
            new IndicatorQuery([Q3], [], []),
            [new(EarlyInterventionIndicators.Referred, 1, null)],
            [],
            [LeicesterPlugin.Id + ".routes", LeicesterPlugin.Id + ".pathway.LEICESTER_EIT"]),
    ];
}
