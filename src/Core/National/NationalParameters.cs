using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Indicators;
namespace YouthJustice.Sdk.National;

/// <summary>
/// The names of the parameters the national definitions carry (see <see cref="IndicatorDefinition.Parameters"/>).
/// Every value is invariant-culture text; lists are comma-separated outcome type codes; enum values are by name.
/// </summary>
public static class NationalParameters
{
    /// <summary>Which calculation applies the definition: <c>fte</c>, <c>moj-reoffending</c>, <c>live-tracker</c>,
    /// <c>custody</c>, <c>profile</c> or <c>disproportionality</c>.</summary>
    public const string Calculation = "calculation";

    /// <summary>Which output the definition gives (an enum per calculation, e.g. <see cref="ReoffendingMeasure"/>).</summary>
    public const string Measure = "measure";

    /// <summary>The youngest age counted, inclusive (default 10).</summary>
    public const string MinAge = "minAge";

    /// <summary>The oldest age counted, inclusive (default 17).</summary>
    public const string MaxAge = "maxAge";

    /// <summary>Which date a child's age is taken on: an <see cref="National.AgeRule"/>.</summary>
    public const string AgeRule = "ageRule";

    /// <summary>Which day a 29 February birthday falls on in other years: a <see cref="National.LeapDayBirthdayRule"/>
    /// (default <c>MarchFirst</c>).</summary>
    public const string LeapDayBirthdayRule = "leapDayBirthdayRule";

    /// <summary>Which mid-year population estimate a period uses: a <see cref="National.PopulationYearRule"/>.</summary>
    public const string PopulationYearRule = "populationYearRule";

    /// <summary>Outcome type codes that make a first time entrant.</summary>
    public const string QualifyingOutcomeTypes = "qualifyingOutcomeTypes";

    /// <summary>Outcome type codes that can be an index event of a reoffending cohort.</summary>
    public const string IndexOutcomeTypes = "indexOutcomeTypes";

    /// <summary>Outcome type codes that are custodial sentences.</summary>
    public const string CustodialOutcomeTypes = "custodialOutcomeTypes";

    /// <summary>Which date a custodial index event takes: a <see cref="National.CustodyIndexDate"/>.</summary>
    public const string CustodyIndexDate = "custodyIndexDate";

    /// <summary>Outcome type codes that prove a reoffence (cautions and convictions).</summary>
    public const string ProvingOutcomeTypes = "provingOutcomeTypes";

    /// <summary>Outcome type codes that are breaches of an order.</summary>
    public const string BreachOutcomeTypes = "breachOutcomeTypes";

    /// <summary>Whether a breach proves a reoffence only where the child was re-sentenced (<c>true</c>/<c>false</c>).</summary>
    public const string BreachCountsOnlyIfResentenced = "breachCountsOnlyIfResentenced";

    /// <summary>The follow-up, in whole months from the index date.</summary>
    public const string FollowUpMonths = "followUpMonths";

    /// <summary>The waiting period after the follow-up in which a reoffence may still be proven, in whole months.</summary>
    public const string WaitingPeriodMonths = "waitingPeriodMonths";

    /// <summary>The length of one cohort in months (3 = quarterly cohorts since 2017; 12 = annual cohorts before).</summary>
    public const string CohortMonths = "cohortMonths";

    /// <summary>How months are added to a date: an <see cref="Engine.MonthEndRule"/>.</summary>
    public const string MonthEndRule = "monthEndRule";

    /// <summary>Outcome type codes that are remands.</summary>
    public const string RemandOutcomeTypes = "remandOutcomeTypes";

    /// <summary>Which remand episodes a period counts: a <see cref="National.RemandEpisodeRule"/>.</summary>
    public const string RemandEpisodeRule = "remandEpisodeRule";

    /// <summary>Which profile a profile definition gives: a <see cref="National.ProfileKind"/>.</summary>
    public const string Profile = "profile";

    /// <summary>The decision stage a disproportionality definition measures: a <see cref="DisproportionalityStage"/>.</summary>
    public const string Stage = "stage";

    /// <summary>What a stage is compared with: a <see cref="DisproportionalityBase"/>.</summary>
    public const string Base = "base";
}

/// <summary>Which date a child's age is taken on.</summary>
public enum AgeRule
{
    /// <summary>The date of the outcome (national default).</summary>
    AgeAtOutcome = 0,
    /// <summary>The date the (earliest) offence the outcome disposes of was committed.</summary>
    AgeAtOffence = 1,
}

/// <summary>
/// Which day a child born on 29 February attains an age in a year that has no 29 February.
/// </summary>
/// <remarks>
/// In England and Wales a person attains an age "at the commencement of the relevant anniversary of the date of his birth"
/// (Family Law Reform Act 1969, section 9, in force from 1 January 1970). In a common year the anniversary of
/// 29 February has not arrived while 28 February lasts, so the reading generally taken, and this SDK's default, is that
/// the age is attained at the start of 1 March (<see cref="MarchFirst"/>). <see cref="FebruaryTwentyEighth"/> follows
/// calendar libraries (NodaTime's <c>PlusYears</c> and <c>Period.Between</c> clamp to 28 February) and some other
/// jurisdictions; a service whose case management system ages children that way can choose it to reconcile.
/// </remarks>
public enum LeapDayBirthdayRule
{
    /// <summary>The birthday is 1 March in a common year (the Family Law Reform Act 1969, s.9 reading). Default.</summary>
    MarchFirst = 0,
    /// <summary>The birthday is 28 February in a common year (calendar-library clamping).</summary>
    FebruaryTwentyEighth = 1,
}

/// <summary>Which ONS mid-year estimate a period's rate uses. When the area has no estimate for that year, the latest
/// earlier year is used (and the result's note says so), else the earliest later year.</summary>
public enum PopulationYearRule
{
    /// <summary>The mid-year estimate of the calendar year the period starts in (2019/20 → mid-2019). National default.</summary>
    PeriodStartYear = 0,
    /// <summary>The mid-year estimate of the calendar year the period ends in (2019/20 → mid-2020).</summary>
    PeriodEndYear = 1,
}

/// <summary>Which date a custodial sentence takes as a cohort's index date.</summary>
public enum CustodyIndexDate
{
    /// <summary>The date of release from custody (the MoJ measure). A sentence not yet released is not an index event.</summary>
    ReleaseDate = 0,
    /// <summary>The date the sentence was imposed (the live tracker: the cohort is chosen by the date the penalty was imposed).</summary>
    SentenceDate = 1,
}

/// <summary>The outputs of a reoffending cohort.</summary>
public enum ReoffendingMeasure
{
    /// <summary>Reoffenders / cohort members, as a percentage.</summary>
    Binary = 0,
    /// <summary>Reoffences / cohort members (per one cohort member).</summary>
    Frequency = 1,
    /// <summary>Reoffences / reoffenders.</summary>
    PerReoffender = 2,
}

/// <summary>Whether a population-based indicator gives a count or a rate.</summary>
public enum CountOrRate
{
    /// <summary>The count.</summary>
    Count = 0,
    /// <summary>The count per the definition's multiplier of the population.</summary>
    Rate = 1,
}

/// <summary>What the custody and remand definitions count.</summary>
public enum CustodyMeasure
{
    /// <summary>Custodial sentences given in the period (each sentence once, not each child).</summary>
    CustodialSentences = 0,
    /// <summary>Remand episodes (each remand outcome once).</summary>
    RemandEpisodes = 1,
    /// <summary>Distinct children with a remand episode.</summary>
    RemandChildren = 2,
}

/// <summary>Which remand episodes a period counts.</summary>
public enum RemandEpisodeRule
{
    /// <summary>Episodes that began in the period (national default).</summary>
    StartedInPeriod = 0,
    /// <summary>Episodes in force on any day of the period (began on or before its end, not ended before its start).</summary>
    OverlappingPeriod = 1,
}

/// <summary>Which profile a profile definition gives.</summary>
public enum ProfileKind
{
    /// <summary>Outcomes by outcome type (and by category, and substantive or not).</summary>
    OutcomeType = 0,
    /// <summary>Proven offences by offence group and by gravity score.</summary>
    Offence = 1,
    /// <summary>The share of outcomes given at court, of all court and out-of-court outcomes.</summary>
    CourtShare = 2,
}

/// <summary>The decision stages disproportionality is measured at.</summary>
public enum DisproportionalityStage
{
    /// <summary>Any out-of-court or court outcome.</summary>
    AllOutcomes = 0,
    /// <summary>An out-of-court outcome (informal or statutory). Previous stage: all outcomes.</summary>
    OutOfCourt = 1,
    /// <summary>A court disposal. Previous stage: all outcomes.</summary>
    Court = 2,
    /// <summary>A custodial sentence. Previous stage: court.</summary>
    Custody = 3,
    /// <summary>A breach of an order. Previous stage: court.</summary>
    Breach = 4,
}

/// <summary>What a disproportionality stage is compared with.</summary>
public enum DisproportionalityBase
{
    /// <summary>The 10-17 population by ethnicity group (ONS estimates with the ethnicity group set).</summary>
    Population = 0,
    /// <summary>The children at the previous decision stage (the OJJDP relative rate index). For all outcomes, the population.</summary>
    PreviousStage = 1,
}

/// <summary>The outputs of a disproportionality definition.</summary>
public enum DisproportionalityMeasure
{
    /// <summary>The relative rate index against White British (1.0 = parity).</summary>
    RelativeRateIndex = 0,
    /// <summary>The group's share of the stage minus its share of the base, in percentage points (NI 044).</summary>
    PercentagePointGap = 1,
}
