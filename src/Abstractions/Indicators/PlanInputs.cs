using System.Collections.Immutable;
using NodaTime;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Sdk.Indicators;

/// <summary>A figure the council publishes that a measure divides by, e.g. its looked-after children (<c>council-figures.csv</c>).</summary>
/// <param name="AreaCode">The area (ONS code).</param>
/// <param name="Period">The period the figure is for.</param>
/// <param name="Measure">What it counts, upper case, e.g. <see cref="PlanInputs.LookedAfterChildrenMeasure"/>.</param>
/// <param name="Value">The figure.</param>
/// <param name="Source">Where it comes from (publisher, title, year, section), or a statement that it is illustrative.</param>
public sealed record CouncilFigure(string AreaCode, ReportingPeriod Period, string Measure, decimal Value, string? Source = null);

/// <summary>One partner's contribution to the service's pooled budget for a financial year (<c>budget.csv</c>), as the
/// plan's partner contributions table gives it.</summary>
/// <param name="AreaCode">The area (ONS code).</param>
/// <param name="FinancialYear">The financial year.</param>
/// <param name="Partner">The partner agency, as the plan names it (e.g. <c>Local Authority</c>).</param>
/// <param name="Staffing">Staffing costs, or <see langword="null"/> where the plan gives only the total.</param>
/// <param name="InKind">Payments in kind, or <see langword="null"/>.</param>
/// <param name="OtherDelegated">Other delegated funds, or <see langword="null"/>.</param>
/// <param name="Total">The partner's total contribution (the parts add up to it when they are given).</param>
/// <param name="Source">Where it comes from, or a statement that it is illustrative.</param>
public sealed record BudgetContribution(
    string AreaCode, ReportingPeriod FinancialYear, string Partner, decimal? Staffing, decimal? InKind, decimal? OtherDelegated, decimal Total,
    string? Source = null);

/// <summary>One line of the Youth Justice Board grant for a financial year (<c>grant.csv</c>): its budget and forecast outturn.</summary>
/// <param name="AreaCode">The area (ONS code).</param>
/// <param name="FinancialYear">The financial year.</param>
/// <param name="Line">The budget line, e.g. <c>Salaries</c>.</param>
/// <param name="Budget">The line's budget.</param>
/// <param name="ForecastOutturn">The forecast outturn.</param>
/// <param name="Source">Where it comes from, or a statement that it is illustrative.</param>
public sealed record GrantLine(string AreaCode, ReportingPeriod FinancialYear, string Line, decimal Budget, decimal ForecastOutturn, string? Source = null)
{
    /// <summary>The forecast over (positive) or under (negative) spend: outturn minus budget.</summary>
    public decimal Variance => ForecastOutturn - Budget;
}

/// <summary>Staff of one role and ethnicity group on a date (<c>workforce.csv</c>). Headcounts of a small service identify
/// people: a published report withholds them like counts of children (docs/disclosure.md).</summary>
/// <param name="AreaCode">The area (ONS code).</param>
/// <param name="AsOf">The date the headcount describes.</param>
/// <param name="Role">The role, as the service names it (e.g. <c>Practitioners</c>, <c>Volunteers</c>).</param>
/// <param name="EthnicityGroup">The ethnicity reporting group (the dataset's groups, so staff and children compare).</param>
/// <param name="Headcount">How many people (not full-time equivalents).</param>
/// <param name="Source">Where it comes from, or a statement that it is illustrative.</param>
public sealed record WorkforceHeadcount(string AreaCode, LocalDate AsOf, string Role, EthnicityGroup EthnicityGroup, int Headcount, string? Source = null);

/// <summary>The level a National Standards self-assessment grades.</summary>
public enum NationalStandardLevel
{
    /// <summary>Operational practice.</summary>
    Operational = 0,
    /// <summary>Strategic (the management board's) arrangements.</summary>
    Strategic = 1,
}

/// <summary>A National Standards self-assessment grading, from least to most favourable.</summary>
public enum NationalStandardGrading
{
    /// <summary>Inadequate.</summary>
    Inadequate = 0,
    /// <summary>Requires improvement.</summary>
    RequiresImprovement = 1,
    /// <summary>Good.</summary>
    Good = 2,
    /// <summary>Good with outstanding features.</summary>
    GoodWithOutstandingFeatures = 3,
    /// <summary>Outstanding.</summary>
    Outstanding = 4,
}

/// <summary>One grading of a National Standards self-assessment (<c>national-standards.csv</c>).</summary>
/// <param name="AreaCode">The area (ONS code).</param>
/// <param name="AssessedOn">The date of the self-assessment.</param>
/// <param name="Standard">The standard, 1 to 5 (1 out-of-court disposals, 2 at court, 3 in the community, 4 in secure
/// settings, 5 on transition).</param>
/// <param name="Level">Operational or strategic.</param>
/// <param name="Grading">The grading.</param>
/// <param name="Source">Where it comes from, or a statement that it is illustrative.</param>
public sealed record NationalStandardAssessment(
    string AreaCode, LocalDate AssessedOn, int Standard, NationalStandardLevel Level, NationalStandardGrading Grading, string? Source = null);

/// <summary>Where an action of the plan stands.</summary>
public enum PlanActionStatus
{
    /// <summary>Not started.</summary>
    NotStarted = 0,
    /// <summary>In progress.</summary>
    InProgress = 1,
    /// <summary>Complete.</summary>
    Complete = 2,
}

/// <summary>One action of the Youth Justice Plan's action plan (<c>action-plan.csv</c>). No child data: an action, its owner,
/// its due date and where it stands.</summary>
/// <param name="Id">The action's id, unique within the file (e.g. the plan's priority and number, <c>P1-03</c>).</param>
/// <param name="AreaCode">The area (ONS code).</param>
/// <param name="Action">What is to be done.</param>
/// <param name="Owner">Who leads it.</param>
/// <param name="Due">The date it is due by (inclusive).</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Rag">The owner's red/amber/green rating, if given.</param>
/// <param name="CompletedOn">The date it was completed, if recorded (only for a complete action).</param>
/// <param name="Source">Where it comes from, or a statement that it is illustrative.</param>
public sealed record PlanAction(
    string Id, string AreaCode, string Action, string Owner, LocalDate Due, PlanActionStatus Status, RagRating? Rag = null,
    LocalDate? CompletedOn = null, string? Source = null)
{
    /// <summary>Whether the action is overdue on <paramref name="date"/>: due before it and not complete by it. A complete
    /// action with no completion date counts as complete on every date.</summary>
    /// <param name="date">The date (for a report, the earlier of the period's end and the dataset's as-of date).</param>
    public bool IsOverdueOn(LocalDate date) =>
        Due < date && !(Status == PlanActionStatus.Complete && (CompletedOn is not { } done || done <= date));
}

/// <summary>
/// The small files a service keeps by hand beside its case-level data (a "plan inputs" folder, docs/methodology-local.md
/// section 12): the council's figures, the pooled budget, the YJB grant, the workforce, the National Standards
/// self-assessment and the action plan. Indicators reach them through <see cref="IndicatorContext.Inputs"/>.
/// </summary>
/// <remarks>Immutable and thread-safe. Every list defaults to empty.</remarks>
public sealed record PlanInputs
{
    /// <summary>The <see cref="CouncilFigure.Measure"/> of the council's looked-after children.</summary>
    public const string LookedAfterChildrenMeasure = "LOOKED_AFTER_CHILDREN";

    /// <summary>No inputs.</summary>
    public static PlanInputs Empty { get; } = new();

    /// <summary>The council's figures.</summary>
    public ImmutableArray<CouncilFigure> CouncilFigures { get; init; } = [];

    /// <summary>Partner contributions to the pooled budget.</summary>
    public ImmutableArray<BudgetContribution> Budget { get; init; } = [];

    /// <summary>The YJB grant by line.</summary>
    public ImmutableArray<GrantLine> Grant { get; init; } = [];

    /// <summary>Staff headcounts by role and ethnicity group.</summary>
    public ImmutableArray<WorkforceHeadcount> Workforce { get; init; } = [];

    /// <summary>National Standards self-assessment gradings.</summary>
    public ImmutableArray<NationalStandardAssessment> NationalStandards { get; init; } = [];

    /// <summary>The action plan.</summary>
    public ImmutableArray<PlanAction> Actions { get; init; } = [];

    /// <summary>Whether there is no input at all.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>How many rows there are, over every list.</summary>
    public int Count =>
        Length(CouncilFigures) + Length(Budget) + Length(Grant) + Length(Workforce) + Length(NationalStandards) + Length(Actions);

    private static int Length<T>(ImmutableArray<T> items) => items.IsDefault ? 0 : items.Length;
}
