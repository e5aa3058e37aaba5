using NodaTime;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Plugins.Warwickshire;

/// <summary>The plugin's own test cases: small hand-built datasets with the figures and decisions they must give.</summary>
public sealed class WarwickshireTestCases : IPluginTestCases
{
    private const string Area = "E10000031";
    private static readonly ProgrammeKind Ecm = WarwickshirePlugin.EnrichedCaseManagement;

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static Child C(string id) => new(id, D(2006, 3, 1), Sex.Male, EthnicityCategory.WhiteBritish, Area);

    private static Offence O(string id, string child, LocalDate date) => new(id, child, date, OffenceGroup.Theft, 3);

    /// <summary>Four children in 2022/23: eligible and enrolled, eligible and not, two offences, and no complexity.</summary>
    public static Dataset YearDataset { get; } = new()
    {
        AsOf = D(2023, 6, 30),
        Children = [C("W1"), C("W2"), C("W3"), C("W4")],
        Offences =
        [
            O("W1a", "W1", D(2022, 6, 1)), O("W1b", "W1", D(2022, 9, 1)), O("W1c", "W1", D(2022, 12, 1)), O("W1d", "W1", D(2023, 5, 1)),
            O("W2a", "W2", D(2022, 5, 1)), O("W2b", "W2", D(2022, 8, 1)), O("W2c", "W2", D(2023, 2, 1)),
            O("W3a", "W3", D(2022, 7, 1)), O("W3b", "W3", D(2022, 10, 1)),
            O("W4a", "W4", D(2022, 5, 1)), O("W4b", "W4", D(2022, 8, 1)), O("W4c", "W4", D(2022, 10, 1)),
        ],
        Outcomes =
        [
            new("R2", "W2", ["W2c"], D(2023, 3, 1), OutcomeTypes.YouthRehabilitationOrder, DecidingBody.Court, EndDate: D(2023, 12, 31)),
            new("R3", "W3", ["W3b"], D(2022, 11, 1), OutcomeTypes.ReferralOrder, DecidingBody.Court, EndDate: D(2023, 11, 1)),
        ],
        Assessments =
        [
            new("A1", "W1", D(2022, 5, 1), "ASSETPLUS", AceCount: 3),
            new("A1e", "W1", D(2023, 1, 20), "ECM", AceCount: 3, ParentIncluded: true),
            new("A2", "W2", D(2022, 9, 1), "ASSETPLUS", Needs: Needs.MentalHealth),
            new("A3", "W3", D(2022, 9, 1), "ASSETPLUS", Needs: Needs.MentalHealth),
            new("A4e", "W4", D(2022, 11, 10), "ECM", AceCount: 1, ParentIncluded: false),
        ],
        Episodes =
        [
            new("P1", "W1", ProgrammeKinds.CourtOrderSupervision, D(2022, 7, 1), StartDate: D(2022, 7, 1)),
            new("M1", "W1", Ecm, D(2023, 1, 10), StartDate: D(2023, 1, 20)),
            new("P4", "W4", ProgrammeKinds.CourtOrderSupervision, D(2022, 4, 1), StartDate: D(2022, 4, 1)),
            new("M4", "W4", Ecm, D(2022, 11, 1), StartDate: D(2022, 11, 10)),
        ],
        PathwayEvents =
        [
            new("M1", D(2023, 1, 20), "ECM_ASSESSMENT", "parent included"), new("M1", D(2023, 2, 1), "TAC_MEETING", "school, CAMHS, social worker"),
            new("M1", D(2023, 3, 1), "PARENT_FEEDBACK", "4/5"), new("M1", D(2023, 4, 1), "TAC_MEETING"),
        ],
    };

    private static readonly ReportingPeriod Year = ReportingPeriod.FinancialYear(2022);
    private const string Rule = WarwickshirePlugin.Id + ".eligibility";

    public IReadOnlyList<PluginTestCase> Cases { get; } =
    [
        new(
            "A year of ECM gives eligible against enrolled, parents included and reoffending by cohort",
            YearDataset,
            new IndicatorQuery([Year], [], []),
            [
                new(EcmIds.EligibleEnrolled, 1, 2, Value: 50.0m),
                new(EcmIds.EligibleEnrolled, 2, null, new BreakdownKey("status", "enrolled")),
                new(EcmIds.EligibleEnrolled, 1, null, new BreakdownKey("status", "enrolled-not-eligible")),
                new(EcmIds.ParentIncluded, 1, 2, Value: 50.0m),
                new(EcmIds.Reoffending, 1, 3),
                new(EcmIds.Reoffending, 1, 2, ReoffendingIndicator.Enrolled, 50.0m),
                new(EcmIds.Reoffending, 0, 1, ReoffendingIndicator.EligibleNotEnrolled, 0.0m),
            ],
            [
                new(Rule, "W1", D(2023, 3, 31), true),
                new(Rule, "W2", D(2023, 3, 31), true),
                new(Rule, "W3", D(2023, 3, 31), false),
                new(Rule, "W4", D(2023, 3, 31), false),
            ],
            [WarwickshirePlugin.Id + ".parent-inclusion"]),
    ];
}
