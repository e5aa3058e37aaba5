using NodaTime;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Plugins.Coventry;

/// <summary>The plugin's own test cases: small hand-built datasets with the figures and decisions they must give.</summary>
public sealed class CoventryTestCases : IPluginTestCases
{
    private const string Area = "E08000026";
    private static readonly ProgrammeKind Div = CoventryPlugin.Diversion;
    private static readonly ProgrammeKind Yw = CoventryPlugin.YouthWorkerOffer;

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static Child C(string id, EthnicityCategory e) => new(id, D(2006, 9, 1), Sex.Male, e, Area);

    private static ReferencePopulation Ref(EthnicityGroup g, int n) => new("secondary-school-census", Area, 2021, g, n);

    /// <summary>Four diversion referrals and two youth worker offers in 2021/22, and outcomes either side of 1 April 2022.</summary>
    public static Dataset YearDataset { get; } = new()
    {
        AsOf = D(2023, 6, 30),
        Children =
        [
            C("C1", EthnicityCategory.WhiteBritish), C("C2", EthnicityCategory.BlackCaribbean), C("C3", EthnicityCategory.AsianPakistani),
            C("C4", EthnicityCategory.MixedWhiteAndBlackCaribbean), C("C5", EthnicityCategory.WhiteOther), C("C6", EthnicityCategory.WhiteBritish),
            C("C7", EthnicityCategory.BlackAfrican), C("C8", EthnicityCategory.WhiteBritish), C("C9", EthnicityCategory.BlackOther),
            C("C10", EthnicityCategory.WhiteBritish), C("C11", EthnicityCategory.AsianIndian),
        ],
        Offences =
        [
            new("O2", "C2", D(2021, 9, 1), OffenceGroup.Theft, 3),
            new("O3", "C3", D(2022, 8, 1), OffenceGroup.Theft, 2),
            new("O5", "C5", D(2021, 4, 1), OffenceGroup.CriminalDamage, 1),
            new("O6a", "C6", D(2021, 4, 28), OffenceGroup.Theft, 2),
            new("O6b", "C6", D(2021, 8, 1), OffenceGroup.PublicOrder, 2),
            new("O7a", "C7", D(2021, 11, 1), OffenceGroup.Robbery, 5),
            new("O7b", "C7", D(2022, 8, 15), OffenceGroup.Theft, 2),
            new("O8", "C8", D(2021, 12, 20), OffenceGroup.Burglary, 5),
            new("O9", "C9", D(2022, 5, 20), OffenceGroup.ViolenceAgainstThePerson, 4),
            new("O10", "C10", D(2023, 6, 1), OffenceGroup.ViolenceAgainstThePerson, 4),
            new("O11", "C11", D(2023, 4, 25), OffenceGroup.Theft, 2),
        ],
        Outcomes =
        [
            new("R2", "C2", ["O2"], D(2021, 10, 1), OutcomeTypes.YouthCaution, DecidingBody.JointDecisionPanel, Admitted: true),
            new("R3", "C3", ["O3"], D(2022, 8, 10), OutcomeTypes.CommunityResolution, DecidingBody.Police, Admitted: true),
            new("R5", "C5", ["O5"], D(2021, 4, 10), OutcomeTypes.CommunityResolution, DecidingBody.Police, Admitted: true),
            new("R6", "C6", ["O6a"], D(2021, 5, 1), OutcomeTypes.CommunityResolution, DecidingBody.Police, Admitted: true),
            new("R7a", "C7", ["O7a"], D(2021, 12, 1), OutcomeTypes.ReferralOrder, DecidingBody.Court),
            new("R8", "C8", ["O8"], D(2022, 1, 10), OutcomeTypes.ReferralOrder, DecidingBody.Court),
            new("R9", "C9", ["O9"], D(2022, 6, 1), OutcomeTypes.YouthConditionalCaution, DecidingBody.JointDecisionPanel, Admitted: true),
            new("R7b", "C7", ["O7b"], D(2022, 9, 1), OutcomeTypes.CommunityResolution, DecidingBody.Police, Admitted: true),
            new("R11", "C11", ["O11"], D(2023, 5, 1), OutcomeTypes.NoFurtherAction, DecidingBody.Police),
        ],
        Episodes =
        [
            new("D1", "C1", Div, D(2021, 5, 1), "POLICE", "NFA", true, Engagement.Engaged, D(2021, 5, 20), D(2021, 8, 31), "COMPLETED"),
            new("D2", "C2", Div, D(2021, 6, 1), "POLICE", "NFA", false, Engagement.NotEngaged, null, D(2021, 6, 10), "DECLINED"),
            new("D3", "C3", Div, D(2021, 7, 1), "POLICE", "NFA", true, Engagement.Engaged, D(2021, 7, 15), D(2021, 10, 31), "COMPLETED"),
            new("D4", "C4", Div, D(2021, 9, 1), "POLICE", "NFA", true, Engagement.NotEngaged, null, D(2021, 11, 30), "DISENGAGED"),
            new("Y5", "C5", Yw, D(2021, 4, 15), "EARLY_HELP", "FIRST_POLICE_CR", null, Engagement.Engaged, D(2021, 4, 20), D(2021, 7, 15), "COMPLETED"),
            new("Y6", "C6", Yw, D(2021, 5, 5), "EARLY_HELP", "FIRST_POLICE_CR", null, Engagement.NotEngaged, null, D(2021, 5, 20), "DISENGAGED"),
        ],
        PathwayEvents =
        [
            new("D1", D(2021, 5, 1), "REFERRED"), new("D1", D(2021, 5, 3), "CONSENT_SOUGHT"), new("D1", D(2021, 5, 6), "ASSESSMENT"),
            new("D1", D(2021, 5, 10), "HEALTH_REFERRAL"), new("D1", D(2021, 5, 12), "SENIOR_PRACTITIONER_QA"),
            new("D1", D(2021, 5, 20), "INTERVENTION"), new("D1", D(2021, 8, 31), "CLOSED"), new("D1", D(2022, 2, 28), "FOLLOW_UP_6M"),
            new("D1", D(2022, 8, 31), "FOLLOW_UP_12M"),
            new("D2", D(2021, 6, 1), "REFERRED"), new("D2", D(2021, 6, 5), "CONSENT_SOUGHT"), new("D2", D(2021, 6, 10), "DECLINED"),
            new("Y5", D(2021, 4, 15), "OFFERED"), new("Y5", D(2021, 4, 20), "ENGAGED"), new("Y5", D(2021, 7, 15), "COMPLETED"),
        ],
        ReferencePopulations =
        [
            Ref(EthnicityGroup.WhiteBritish, 500), Ref(EthnicityGroup.Black, 100), Ref(EthnicityGroup.Asian, 250),
            Ref(EthnicityGroup.Mixed, 100), Ref(EthnicityGroup.Other, 50),
        ],
    };

    private static readonly ReportingPeriod Year = ReportingPeriod.FinancialYear(2021);
    private static readonly BreakdownKey Engaged = new("cohort", "engaged");
    private const string Route = CoventryPlugin.Id + ".out-of-court-route";

    public IReadOnlyList<PluginTestCase> Cases { get; } =
    [
        new(
            "A year of diversion referrals gives consent, engagement, ethnicity and follow-up over all offered beside those engaged",
            YearDataset,
            new IndicatorQuery([Year], [], ["ethnicity-group"]),
            [
                new(CoventryIndicators.Referrals, 4, null),
                new(CoventryIndicators.Referrals, 1, null, new BreakdownKey("ethnicity-group", nameof(EthnicityGroup.Black))),
                new(CoventryIndicators.ReferralEthnicity, 3, 4, Value: 75.0m),
                new(CoventryIndicators.ReferralEthnicity, 1, 4, new BreakdownKey("ethnicity-group", nameof(EthnicityGroup.Black)), 25.0m),
                new(CoventryIndicators.ConsentRate, 3, 4, Value: 75.0m),
                new(CoventryIndicators.EngagementRate, 2, 3, Value: 66.7m),
                new(CoventryIndicators.FollowUpId("diversion", "rearrest", 6), 1, 4, Value: 25.0m),
                new(CoventryIndicators.FollowUpId("diversion", "rearrest", 6), 0, 2, Engaged),
                new(CoventryIndicators.FollowUpId("diversion", "rearrest", 12), 2, 4),
                new(CoventryIndicators.FollowUpId("diversion", "rearrest", 12), 1, 2, Engaged),
                new(CoventryIndicators.FollowUpId("diversion", "fte", 12), 1, 4),
                new(CoventryIndicators.FollowUpId("diversion", "fte", 12), 0, 2, Engaged),
                new(CoventryIndicators.FollowUpId("youth-worker", "rearrest", 6), 1, 2, Value: 50.0m),
                new(CoventryIndicators.FollowUpId("youth-worker", "rearrest", 6), 0, 1, Engaged),
            ],
            [
                new(Route, "C5", D(2021, 4, 5), true, OutOfCourtRouting.PoliceOnlyCommunityResolution),
                new(Route, "C10", D(2023, 6, 10), true, OutOfCourtRouting.EnhancedCommunityResolution),
                new(Route, "C7", D(2022, 8, 20), true, OutOfCourtRouting.JointDecisionPanel),
                new(CoventryPlugin.Id + ".youth-worker-offer", "C6", D(2021, 5, 2), true),
                new(CoventryPlugin.Id + ".youth-worker-offer", "C7", D(2022, 1, 1), false),
                new(CoventryPlugin.Id + ".diversion-eligibility", "C11", D(2023, 6, 30), true),
                new(CoventryPlugin.Id + ".diversion-eligibility", "C1", D(2023, 6, 30), false),
            ],
            []),
        new(
            "Court shares by ethnicity are given before and after the change date",
            YearDataset,
            new IndicatorQuery([ReportingPeriod.Custom(D(2021, 4, 1), D(2023, 3, 31))], [], []),
            [
                new(CoventryIndicators.CourtShare, 2, 5, Value: 40.0m, PeriodStart: D(2021, 4, 1)),
                new(CoventryIndicators.CourtShare, 1, 2, new BreakdownKey("ethnicity-group", nameof(EthnicityGroup.Black)), 50.0m, PeriodStart: D(2021, 4, 1)),
                new(CoventryIndicators.CourtShare, 0, 3, PeriodStart: D(2022, 4, 1)),
                new(CoventryIndicators.CourtShare, 0, 2, new BreakdownKey("ethnicity-group", nameof(EthnicityGroup.Black)), PeriodStart: D(2022, 4, 1)),
            ],
            [],
            []),
        new(
            "A child who declined consent but is recorded in the intervention is reported",
            YearDataset with
            {
                Episodes = [new("D12", "C1", Div, D(2021, 5, 1), "POLICE", "NFA", false, Engagement.Engaged, D(2021, 5, 20))],
                PathwayEvents =
                [
                    new("D12", D(2021, 5, 1), "REFERRED"), new("D12", D(2021, 5, 3), "CONSENT_SOUGHT"),
                    new("D12", D(2021, 5, 6), "DECLINED"), new("D12", D(2021, 5, 20), "INTERVENTION"),
                ],
            },
            new IndicatorQuery([Year], [], []),
            [new(CoventryIndicators.EngagementRate, 0, 0)],
            [],
            [CoventryPlugin.Id + ".consent", CoventryPlugin.Id + ".pathway.COVENTRY_DIVERSION"]),
    ];
}
