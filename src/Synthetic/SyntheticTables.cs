using YouthJustice.Sdk.Domain;

namespace YouthJustice.Sdk.Synthetic;

/// <summary>
/// The fixed proportions the generator draws from. Kept in one place, as data, so the documentation
/// (<c>docs/synthetic-data.md</c>) and the code can be checked against each other.
/// </summary>
internal static class SyntheticTables
{
    /// <summary>Every ethnicity group, in a fixed order (never enumerate the enum by reflection for output order).</summary>
    public static readonly EthnicityGroup[] Groups =
    [
        EthnicityGroup.WhiteBritish, EthnicityGroup.WhiteOther, EthnicityGroup.Mixed, EthnicityGroup.Asian,
        EthnicityGroup.Black, EthnicityGroup.Other, EthnicityGroup.NotKnown,
    ];

    /// <summary>The groups the ONS population estimates are published for (no "not known").</summary>
    public static readonly EthnicityGroup[] PopulationGroups =
    [
        EthnicityGroup.WhiteBritish, EthnicityGroup.WhiteOther, EthnicityGroup.Mixed, EthnicityGroup.Asian,
        EthnicityGroup.Black, EthnicityGroup.Other,
    ];

    /// <summary>
    /// How much more (or less) likely a child of each group in <see cref="Groups"/> is to come to police notice than
    /// the population share suggests. Shaped on Coventry's 2022 comparison of its YJS cohort with its school population
    /// (White British 1.09, White other 0.89, Black about 1.4, Mixed about 2.5, Asian about 0.45).
    /// </summary>
    public static readonly double[] ContactPropensity = [1.09, 0.89, 2.3, 0.45, 1.4, 0.7, 1.0];

    /// <summary>
    /// Added to the escalation score of each group in <see cref="Groups"/>: Black and Mixed heritage children are more
    /// often charged to court ("twice as likely to be charged to Court", Coventry 2022) and so over-represented in
    /// court and custody.
    /// </summary>
    public static readonly double[] EscalationBias = [0.0, 0.1, 0.55, 0.2, 0.7, 0.2, 0.0];

    /// <summary>The detailed categories of each group in <see cref="Groups"/>, with weights.</summary>
    public static readonly (EthnicityCategory[] Categories, double[] Weights)[] Categories =
    [
        ([EthnicityCategory.WhiteBritish], [1]),
        ([EthnicityCategory.WhiteIrish, EthnicityCategory.WhiteGypsyOrIrishTraveller, EthnicityCategory.WhiteRoma, EthnicityCategory.WhiteOther], [10, 8, 12, 70]),
        ([EthnicityCategory.MixedWhiteAndBlackCaribbean, EthnicityCategory.MixedWhiteAndBlackAfrican, EthnicityCategory.MixedWhiteAndAsian, EthnicityCategory.MixedOther], [45, 15, 15, 25]),
        ([EthnicityCategory.AsianIndian, EthnicityCategory.AsianPakistani, EthnicityCategory.AsianBangladeshi, EthnicityCategory.AsianChinese, EthnicityCategory.AsianOther], [35, 30, 12, 5, 18]),
        ([EthnicityCategory.BlackAfrican, EthnicityCategory.BlackCaribbean, EthnicityCategory.BlackOther], [55, 30, 15]),
        ([EthnicityCategory.OtherArab, EthnicityCategory.OtherAny], [30, 70]),
        ([EthnicityCategory.Refused, EthnicityCategory.NotObtained], [30, 70]),
    ];

    /// <summary>Sex of children known to the service: Unknown, Male, Female, NonBinary (enum order).</summary>
    public static readonly double[] SexWeights = [0.8, 80, 17.7, 1.5];

    /// <summary>Age at first police contact, 10 to 17.</summary>
    public static readonly double[] FirstContactAge = [2, 4, 8, 13, 18, 20, 19, 16];

    /// <summary>Age at referral of children referred before any offence (at risk, siblings), 10 to 16.</summary>
    public static readonly double[] AtRiskAge = [6, 10, 14, 18, 18, 16, 12];

    /// <summary>Offending pattern: one-off, occasional (2-4 incidents), prolific (5-16 incidents).</summary>
    public static readonly double[] TierWeights = [60, 30, 10];

    /// <summary>Care status (enum order None, EarlyHelp, ChildInNeed, ChildProtectionPlan, LookedAfter, FormerlyLookedAfter) by tier.</summary>
    public static readonly double[][] CareStatusByTier =
    [
        [62, 12, 12, 5, 6, 3],
        [48, 12, 15, 8, 11, 6],
        [30, 10, 18, 12, 20, 10],
    ];

    /// <summary>Care status of children referred before any offence.</summary>
    public static readonly double[] CareStatusAtRisk = [55, 20, 13, 6, 4, 2];

    /// <summary>SEND (None, SEN support, EHCP) by tier: far above the 17.6% of all pupils (Coventry: 67% of its cohort).</summary>
    public static readonly double[][] SendByTier =
    [
        [55, 35, 10],
        [42, 42, 16],
        [33, 43, 24],
    ];

    /// <summary>Offence groups in enum order (VAP, robbery, burglary, theft, damage, drugs, weapons, motoring, sexual, public order, other).</summary>
    public static readonly double[] OffenceGroupWeights = [30, 5, 5, 16, 11, 10, 7, 5, 2, 6, 3];

    /// <summary>Lowest and highest gravity score of each offence group (ACPO youth gravity matrix, roughly).</summary>
    public static readonly (int Min, int Max)[] GravityRange =
    [
        (2, 6), (5, 7), (3, 6), (1, 3), (1, 4), (2, 5), (3, 6), (2, 4), (4, 8), (1, 3), (1, 4),
    ];

    /// <summary>The chance an offence of each group involved a knife or bladed article.</summary>
    public static readonly double[] KnifeChance = [0.08, 0.25, 0.03, 0, 0, 0.04, 0.6, 0, 0.02, 0.02, 0];

    /// <summary>Whether an offence of each group has a direct victim (for victim contact).</summary>
    public static readonly bool[] HasVictim = [true, true, true, true, true, false, false, false, true, false, false];

    /// <summary>Detention and training order lengths in months (4 to 24) with weights.</summary>
    public static readonly int[] DtoMonths = [4, 6, 8, 10, 12, 18, 24];

    /// <summary>Weights of <see cref="DtoMonths"/>.</summary>
    public static readonly double[] DtoMonthWeights = [25, 20, 15, 10, 15, 8, 7];

    /// <summary>Partner agencies on the management board and their chance of senior, then deputy, attendance.</summary>
    public static readonly (string Agency, double Senior, double Deputy)[] BoardAgencies =
    [
        (SyntheticCodes.Agencies.Police, 0.80, 0.15),
        (SyntheticCodes.Agencies.Education, 0.70, 0.20),
        (SyntheticCodes.Agencies.Health, 0.62, 0.23),
        (SyntheticCodes.Agencies.SocialCare, 0.86, 0.11),
        (SyntheticCodes.Agencies.Probation, 0.72, 0.18),
    ];
}
