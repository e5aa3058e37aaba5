using System.Collections.Immutable;
using YouthJustice.Sdk.Disclosure;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Plans;

namespace YouthJustice.Sdk.Tests.PlanInputs;

/// <summary>The plan input measures: goldens from the plans' own tables, and the counting rules.</summary>
public class PlanMeasureTests
{
    private const string Coventry = "E08000026";
    private const string Leicester = "E06000016";
    private static readonly ReportingPeriod Y2019 = ReportingPeriod.FinancialYear(2019);
    private static readonly ReportingPeriod Y2020 = ReportingPeriod.FinancialYear(2020);
    private static readonly ReportingPeriod Y2021 = ReportingPeriod.FinancialYear(2021);
    private static readonly ReportingPeriod Y2022 = ReportingPeriod.FinancialYear(2022);

    private static IIndicator Indicator(string id) => PlanIndicators.Create(PlanIndicators.Definitions.Single(d => d.Id == id));

    private static IReadOnlyList<IndicatorResult> Compute(string id, Dataset dataset, Sdk.Indicators.PlanInputs inputs, params ReportingPeriod[] periods) =>
        Indicator(id).Compute(IndicatorContext.For(dataset) with { Inputs = inputs }, new IndicatorQuery([.. periods], [], [], true));

    private static Dataset Empty(string area, LocalDate? asOf = null) => new() { AsOf = asOf ?? new LocalDate(2023, 3, 31), Areas = [new Area(area, "")] };

    private static IndicatorResult Cell(IReadOnlyList<IndicatorResult> results, string key, ReportingPeriod? period = null) =>
        Assert.Single(results, r => r.Breakdown.ToString() == key && (period is null || r.Period == period));

    private static Sdk.Indicators.PlanInputs Read(string file, string csv) =>
        PlanInputFiles.Read(name => name == file ? new StringReader(csv) : null);

    // Leicester City Council, Youth Justice Plan 2022-23, paragraph 1.25: children looked after known to the CYPJS.
    [Theory]
    [InlineData(2021, 6, 316, "1.9", "1.90")] // the plan prints 1.89%: 6/316 = 1.8987%, which rounds half away from zero to 1.90
    [InlineData(2020, 21, 312, "6.7", "6.73")]
    [InlineData(2019, 16, 298, "5.4", "5.37")]
    public void Looked_after_children_known_to_the_service_reproduce_the_Leicester_plan(int year, int known, int council, string oneDecimal, string twoDecimals)
    {
        var period = ReportingPeriod.FinancialYear(year);
        var children = Enumerable.Range(1, known).Select(i => new Child($"C{i}", new LocalDate(2006, 1, 1), Sex.Male, EthnicityCategory.WhiteBritish, Leicester, CareStatus.LookedAfter)).ToList();
        // Half known through a court outcome in the year, half through an episode open in it.
        var outcomes = children.Where((_, i) => i % 2 == 0)
            .Select(c => new Outcome(c.Id + "-D", c.Id, [], period.Start.PlusDays(40), OutcomeTypes.ReferralOrder, DecidingBody.Court)).ToList();
        var episodes = children.Where((_, i) => i % 2 == 1)
            .Select(c => new ProgrammeEpisode(c.Id + "-E", c.Id, ProgrammeKinds.CourtOrderSupervision, period.Start.PlusDays(-30), StartDate: period.Start.PlusDays(-20), EndDate: period.Start.PlusDays(10))).ToList();
        var dataset = Empty(Leicester, period.End.PlusMonths(3)) with { Children = [.. children], Outcomes = [.. outcomes], Episodes = [.. episodes] };
        var inputs = new Sdk.Indicators.PlanInputs { CouncilFigures = [new CouncilFigure(Leicester, period, PlanInputs_.LookedAfter, council)] };

        var result = Assert.Single(Compute(PlanIndicators.LookedAfterKnownShareId, dataset, inputs, period));

        Assert.Equal((known, (decimal?)council), ((int)result.Numerator, result.Denominator));
        Assert.Equal(oneDecimal, result.FormatValue(1));
        Assert.Equal(twoDecimals, result.FormatValue(2));
        Assert.Equal(known, result.Evidence!.NumeratorIds.Length);
    }

    [Fact]
    public void Only_looked_after_children_of_the_area_with_service_contact_in_the_period_count()
    {
        var period = Y2021;
        Child C(string id, CareStatus care = CareStatus.LookedAfter, string area = Leicester) => new(id, new LocalDate(2006, 1, 1), Sex.Female, EthnicityCategory.BlackAfrican, area, care);
        var dataset = Empty(Leicester) with
        {
            Children = [C("in-court"), C("nfa-only"), C("not-looked-after", CareStatus.ChildInNeed), C("other-area", area: "E08000026"), C("last-year"), C("open-episode")],
            Outcomes =
            [
                new Outcome("O1", "in-court", [], new LocalDate(2021, 6, 1), OutcomeTypes.YouthCaution, DecidingBody.JointDecisionPanel),
                new Outcome("O2", "nfa-only", [], new LocalDate(2021, 6, 1), OutcomeTypes.NoFurtherAction, DecidingBody.Police),
                new Outcome("O3", "not-looked-after", [], new LocalDate(2021, 6, 1), OutcomeTypes.YouthCaution, DecidingBody.JointDecisionPanel),
                new Outcome("O4", "other-area", [], new LocalDate(2021, 6, 1), OutcomeTypes.YouthCaution, DecidingBody.JointDecisionPanel),
                new Outcome("O5", "last-year", [], new LocalDate(2021, 3, 31), OutcomeTypes.YouthCaution, DecidingBody.JointDecisionPanel),
            ],
            Episodes = [new ProgrammeEpisode("E1", "open-episode", ProgrammeKinds.EarlyIntervention, new LocalDate(2022, 3, 1))],
        };
        var inputs = new Sdk.Indicators.PlanInputs { CouncilFigures = [new CouncilFigure(Leicester, period, PlanInputs_.LookedAfter, 316m)] };

        var result = Assert.Single(Compute(PlanIndicators.LookedAfterKnownShareId, dataset, inputs, period));

        Assert.Equal(["in-court", "open-episode"], result.Evidence!.NumeratorIds.ToArray());
        // No council figure for the year before: no result rather than a share of nothing.
        Assert.Empty(Compute(PlanIndicators.LookedAfterKnownShareId, dataset, inputs, Y2020));
    }

    // Coventry Youth Justice Service, Coventry's Youth Justice Strategy and Plan 2021-23 (Update 2022), Appendix 3.
    private const string CoventryBudget = """
        area_code,financial_year,partner,staffing,in_kind,other_delegated,total
        E08000026,2022/23,Local Authority,613924,,131127,745051
        E08000026,2022/23,Youth Justice Board,390871,,140736,531607
        E08000026,2022/23,Police Service,,59507,,59507
        E08000026,2022/23,Police and Crime Commission,60444,,44620,105064
        E08000026,2022/23,National Probation Service,,50496,5000,55496
        E08000026,2022/23,Health Service,,116526,13309,129835
        E08000026,2021/22,Local Authority,,,,738663
        E08000026,2021/22,Youth Justice Board,,,,578470
        E08000026,2021/22,Police Service,,,,58235
        E08000026,2021/22,Police and Crime Commission,,,,105064
        E08000026,2021/22,National Probation Service,,,,48400
        E08000026,2021/22,Health Service,,,,112164
        """;

    [Fact]
    public void Partner_contributions_reproduce_the_Coventry_table_and_its_column_totals_are_summed_from_the_rows()
    {
        var results = Compute(PlanIndicators.PartnerContributionsId, Empty(Coventry), Read("budget.csv", CoventryBudget), Y2021, Y2022);

        Assert.Equal(1_626_560m, Cell(results, "total", Y2022).Value);
        Assert.Equal(1_640_996m, Cell(results, "total", Y2021).Value);
        Assert.Equal(745_051m, Cell(results, "partner=Local Authority", Y2022).Value);
        Assert.Equal(1_065_239m, Cell(results, "contribution=staffing", Y2022).Value);
        // The plan leaves the in-kind total blank and prints 444,288 for other delegated funds: the rows give 226,529 and 334,792.
        Assert.Equal(226_529m, Cell(results, "contribution=in-kind", Y2022).Value);
        Assert.Equal(334_792m, Cell(results, "contribution=other-delegated", Y2022).Value);
        // 2021-22 has totals only, so no split by kind.
        Assert.DoesNotContain(results, r => r.Period == Y2021 && r.Breakdown.Dimension == PlanIndicators.ContributionDimension);
    }

    [Fact]
    public void Warwickshires_budget_in_thousands_with_halves_adds_up_exactly_in_decimal()
    {
        // Warwickshire County Council, Warwickshire Youth Justice Service Strategic Plan 2018/19 (Cabinet, 24 July 2018),
        // section 1(ii), Financial resources: WYJS Budgetary Sources 2018/19 (£000; staffing costs and other delegated funds).
        var budget = Read("budget.csv", """
            area_code,financial_year,partner,staffing,other_delegated,total
            E10000031,2018/19,Police,170,0,170
            E10000031,2018/19,Local Authority,1047,496,1543
            E10000031,2018/19,Public Health,98,5,103
            E10000031,2018/19,Warwickshire Police & Crime Commissioner (PCC),28,12,40
            E10000031,2018/19,National Probation Service (NPS),67.5,7.5,75
            E10000031,2018/19,Youth Justice Board (YJB),351,76,427
            E10000031,2018/19,OTHER – European Social Fund,20,0,20
            """);
        var year = ReportingPeriod.FinancialYear(2018);

        var results = Compute(PlanIndicators.PartnerContributionsId, Empty("E10000031"), budget, year);

        Assert.Equal(2_378m, Cell(results, "total").Value);
        Assert.Equal(1_781.5m, Cell(results, "contribution=staffing").Value);
        Assert.Equal(596.5m, Cell(results, "contribution=other-delegated").Value);
        Assert.Equal(0m, Cell(results, "contribution=in-kind").Value);
    }

    [Fact]
    public void The_change_against_the_previous_year_reproduces_the_Coventry_pooled_budget_changes()
    {
        var results = Compute(PlanIndicators.PartnerContributionsChangeId, Empty(Coventry), Read("budget.csv", CoventryBudget), Y2021, Y2022);

        Assert.DoesNotContain(results, r => r.Period == Y2021); // no 2020-21 rows
        var total = Cell(results, "total", Y2022);
        Assert.Equal((-14_436m, (decimal?)1_640_996m), (total.Numerator, total.Denominator));
        Assert.Equal("-0.9", total.FormatValue(1));
        var yjb = Cell(results, "partner=Youth Justice Board", Y2022);
        Assert.Equal(-46_863m, yjb.Numerator);
        Assert.Equal("-8.1", yjb.FormatValue(1));
        Assert.Equal(6_388m, Cell(results, "partner=Local Authority", Y2022).Numerator);
        Assert.Equal(0m, Cell(results, "partner=Police and Crime Commission", Y2022).Numerator);
    }

    [Fact]
    public void The_YJB_grant_lines_add_up_to_the_published_total_and_report_the_forecast_spend()
    {
        var grant = Read("grant.csv", """
            area_code,financial_year,line,budget,forecast_outturn
            E08000026,2022/23,Salaries,390871,390871
            E08000026,2022/23,Activity costs,37603,37603
            E08000026,2022/23,Overheads,99048,99048
            E08000026,2022/23,Equipment,25,25
            E08000026,2022/23,Accommodation,4060,30000
            """);

        var results = Compute(PlanIndicators.YjbGrantOutturnId, Empty(Coventry), grant, Y2022);

        Assert.Equal(531_607m, Cell(results, "total").Denominator);
        Assert.Equal(100m, Cell(results, "grant-line=Salaries").Value);
        // A changed line (the plan's is on budget) shows as an overspend.
        Assert.Contains("overspend £25,940", Cell(results, "grant-line=Accommodation").Note, StringComparison.Ordinal);
        Assert.Equal(531_607m - 4_060m + 30_000m, Cell(results, "total").Numerator);
    }

    // Coventry's plan, Appendix 2: YJS Staff Ethnic Origin including Sessional Workers and Volunteers, in the dataset's groups.
    private const string CoventryWorkforce = """
        area_code,as_of,role,ethnicity_group,headcount
        E08000026,2022-03-31,Strategic Manager,WHITE_BRITISH,1
        E08000026,2022-03-31,Team Managers,WHITE_BRITISH,3
        E08000026,2022-03-31,Practitioners,WHITE_BRITISH,12
        E08000026,2022-03-31,Practitioners,WHITE_OTHER,2
        E08000026,2022-03-31,Practitioners,ASIAN,2
        E08000026,2022-03-31,Practitioners,MIXED,1
        E08000026,2022-03-31,Practitioners,BLACK,2
        E08000026,2022-03-31,Administration,WHITE_BRITISH,2
        E08000026,2022-03-31,Administration,ASIAN,3
        E08000026,2022-03-31,Sessional Workers,WHITE_BRITISH,7
        E08000026,2022-03-31,Sessional Workers,WHITE_OTHER,1
        E08000026,2022-03-31,Sessional Workers,ASIAN,2
        E08000026,2022-03-31,Sessional Workers,BLACK,4
        E08000026,2022-03-31,Volunteers,WHITE_BRITISH,10
        E08000026,2022-03-31,Volunteers,WHITE_OTHER,1
        E08000026,2022-03-31,Volunteers,BLACK,3
        E08000026,2022-03-31,Volunteers,ASIAN,3
        """;

    [Fact]
    public void The_workforce_by_ethnicity_reproduces_the_Coventry_table_from_its_cells()
    {
        var results = Compute(PlanIndicators.WorkforceEthnicityId, Empty(Coventry), Read("workforce.csv", CoventryWorkforce), Y2022);

        Assert.Equal((59m, (decimal?)59m), (Cell(results, "total").Numerator, Cell(results, "total").Denominator));
        // The printed total row says White British 21 and White Other 18; the columns add up to 35 and 4.
        Assert.Equal(35m, Cell(results, "ethnicity-group=WhiteBritish").Numerator);
        Assert.Equal(4m, Cell(results, "ethnicity-group=WhiteOther").Numerator);
        Assert.Equal(10m, Cell(results, "ethnicity-group=Asian").Numerator); // Indian 6 + Asian 4
        Assert.Equal(9m, Cell(results, "ethnicity-group=Black").Numerator); // African 2 + Black Other 7
        Assert.Equal(1m, Cell(results, "ethnicity-group=Mixed").Numerator);
        Assert.Equal(59m, results.Where(r => !r.Breakdown.IsTotal).Sum(r => r.Numerator));
        // Before the snapshot there is no workforce to report.
        Assert.Empty(Compute(PlanIndicators.WorkforceEthnicityId, Empty(Coventry), Read("workforce.csv", CoventryWorkforce), Y2020));
    }

    [Fact]
    public void The_roles_parameter_leaves_out_sessional_workers_and_volunteers()
    {
        var definition = PlanIndicators.Definitions.Single(d => d.Id == PlanIndicators.WorkforceEthnicityId)
            .WithParameter(PlanIndicators.RolesParameter, "Strategic Manager,Team Managers,Practitioners,Administration");
        var results = PlanIndicators.Create(definition).Compute(
            IndicatorContext.For(Empty(Coventry)) with { Inputs = Read("workforce.csv", CoventryWorkforce) }, IndicatorQuery.For(Y2022));

        Assert.Equal(28m, Cell(results, "total").Denominator);
        Assert.Equal(18m, Cell(results, "ethnicity-group=WhiteBritish").Numerator);
    }

    [Fact]
    public void Published_staff_headcounts_of_five_or_fewer_are_withheld_like_childrens_counts()
    {
        var results = Compute(PlanIndicators.WorkforceEthnicityId, Empty(Coventry), Read("workforce.csv", CoventryWorkforce), Y2022);

        var published = DisclosurePolicy.Default.Apply(results, DisclosureMode.Publication, PlanIndicators.Definitions);
        PublishedResult Of(string key) => published.Single(p => p.Breakdown.ToString() == key);

        Assert.Equal(SuppressionReason.AtOrBelowThreshold, Of("ethnicity-group=WhiteOther").Numerator.Reason); // 4 people
        Assert.Equal(SuppressionReason.AtOrBelowThreshold, Of("ethnicity-group=Mixed").Numerator.Reason); // 1 person
        Assert.True(Of("ethnicity-group=WhiteOther").Value.IsSuppressed);
        Assert.Equal("35", Of("ethnicity-group=WhiteBritish").Numerator.Display);
        Assert.Equal("~", Of("ethnicity-group=Mixed").Value.Display);
    }

    [Fact]
    public void The_population_served_is_the_caseload_of_the_period_by_ethnicity_and_is_reported_beside_the_workforce_only()
    {
        Child C(string id, EthnicityCategory e) => new(id, new LocalDate(2006, 1, 1), Sex.Male, e, Coventry);
        var dataset = Empty(Coventry) with
        {
            Children = [C("A", EthnicityCategory.WhiteBritish), C("B", EthnicityCategory.BlackCaribbean), C("C", EthnicityCategory.Refused), C("D", EthnicityCategory.AsianPakistani)],
            Episodes =
            [
                new ProgrammeEpisode("EA", "A", ProgrammeKinds.CourtOrderSupervision, new LocalDate(2022, 5, 1), StartDate: new LocalDate(2022, 5, 1)),
                new ProgrammeEpisode("EB", "B", ProgrammeKinds.OutOfCourtIntervention, new LocalDate(2022, 2, 1), StartDate: new LocalDate(2022, 2, 1), EndDate: new LocalDate(2022, 4, 20)),
                new ProgrammeEpisode("EC", "C", ProgrammeKinds.CourtOrderSupervision, new LocalDate(2022, 6, 1), StartDate: new LocalDate(2022, 6, 1)),
                new ProgrammeEpisode("ED", "D", ProgrammeKinds.EarlyIntervention, new LocalDate(2022, 6, 1)), // not a caseload programme
            ],
        };

        var results = Compute(PlanIndicators.PopulationServedEthnicityId, dataset, Read("workforce.csv", CoventryWorkforce), Y2022);

        Assert.Equal((2m, (decimal?)3m), (Cell(results, "total").Numerator, Cell(results, "total").Denominator));
        Assert.Equal((1m, (decimal?)2m), (Cell(results, "ethnicity-group=Black").Numerator, Cell(results, "ethnicity-group=Black").Denominator));
        Assert.Equal(0m, Cell(results, "ethnicity-group=Asian").Numerator);
        Assert.Empty(Compute(PlanIndicators.PopulationServedEthnicityId, dataset, Sdk.Indicators.PlanInputs.Empty, Y2022));
    }

    // Leicester City Council, Youth Justice Plan 2022-23, section 9, paragraph 9.1.
    private const string LeicesterStandards = """
        area_code,assessed_on,standard,level,grading
        E06000016,2021-03-31,1,OPERATIONAL,GOOD
        E06000016,2021-03-31,1,STRATEGIC,GOOD_WITH_OUTSTANDING_FEATURES
        E06000016,2021-03-31,2,OPERATIONAL,GOOD
        E06000016,2021-03-31,2,STRATEGIC,GOOD_WITH_OUTSTANDING_FEATURES
        E06000016,2021-03-31,3,OPERATIONAL,GOOD
        E06000016,2021-03-31,3,STRATEGIC,OUTSTANDING
        E06000016,2021-03-31,4,OPERATIONAL,GOOD
        E06000016,2021-03-31,4,STRATEGIC,GOOD
        E06000016,2021-03-31,5,OPERATIONAL,GOOD
        E06000016,2021-03-31,5,STRATEGIC,GOOD
        """;

    [Fact]
    public void The_Leicester_self_assessment_has_all_ten_gradings_good_or_better()
    {
        var results = Compute(PlanIndicators.NationalStandardsId, Empty(Leicester), Read("national-standards.csv", LeicesterStandards), Y2021);

        Assert.Equal((10m, (decimal?)10m), (Cell(results, "total").Numerator, Cell(results, "total").Denominator));
        Assert.Equal((5m, (decimal?)5m), (Cell(results, "level=strategic").Numerator, Cell(results, "level=strategic").Denominator));
        Assert.Equal((2m, (decimal?)2m), (Cell(results, "standard=3").Numerator, Cell(results, "standard=3").Denominator));
    }

    [Fact]
    public void A_higher_bar_counts_the_three_strategic_gradings_with_outstanding_features()
    {
        var definition = PlanIndicators.Definitions.Single(d => d.Id == PlanIndicators.NationalStandardsId)
            .WithParameter(PlanIndicators.MinimumGradingParameter, nameof(NationalStandardGrading.GoodWithOutstandingFeatures));
        var results = PlanIndicators.Create(definition).Compute(
            IndicatorContext.For(Empty(Leicester)) with { Inputs = Read("national-standards.csv", LeicesterStandards) }, IndicatorQuery.For(Y2021));

        Assert.Equal(3m, Cell(results, "total").Numerator);
        Assert.Equal(3m, Cell(results, "level=strategic").Numerator);
        Assert.Equal(0m, Cell(results, "level=operational").Numerator);
    }

    [Fact]
    public void A_later_self_assessment_replaces_the_earlier_grading_of_the_same_standard_and_level()
    {
        var inputs = Read("national-standards.csv", LeicesterStandards + "\nE06000016,2022-11-30,4,OPERATIONAL,REQUIRES_IMPROVEMENT\n");

        Assert.Equal(10m, Cell(Compute(PlanIndicators.NationalStandardsId, Empty(Leicester), inputs, Y2021), "total").Numerator);
        var later = Compute(PlanIndicators.NationalStandardsId, Empty(Leicester), inputs, Y2022);
        Assert.Equal((9m, (decimal?)10m), (Cell(later, "total").Numerator, Cell(later, "total").Denominator));
        Assert.Empty(Compute(PlanIndicators.NationalStandardsId, Empty(Leicester), inputs, Y2019));
    }

    private static PlanAction Action(string id, LocalDate due, PlanActionStatus status, RagRating? rag = null, LocalDate? completed = null) =>
        new(id, Coventry, "An action", "An owner", due, status, rag, completed);

    [Fact]
    public void An_action_is_overdue_when_due_before_the_reading_date_and_not_complete_by_it()
    {
        var inputs = new Sdk.Indicators.PlanInputs
        {
            Actions =
            [
                Action("late", new LocalDate(2022, 9, 30), PlanActionStatus.InProgress, RagRating.Red),
                Action("not-started", new LocalDate(2022, 12, 31), PlanActionStatus.NotStarted),
                Action("done-late", new LocalDate(2022, 6, 30), PlanActionStatus.Complete, RagRating.Green, new LocalDate(2022, 11, 1)),
                Action("done-undated", new LocalDate(2022, 6, 30), PlanActionStatus.Complete),
                Action("due-on-the-day", new LocalDate(2023, 3, 31), PlanActionStatus.InProgress, RagRating.Amber),
            ],
        };
        var dataset = Empty(Coventry, new LocalDate(2023, 3, 31));

        var year = Compute(PlanIndicators.OverdueActionsId, dataset, inputs, Y2022);
        Assert.Equal(["late", "not-started"], Cell(year, "total").Evidence!.NumeratorIds.ToArray());
        Assert.Null(Cell(year, "total").Denominator);
        Assert.Equal(1m, Cell(year, "rag=red").Numerator);
        Assert.Equal(1m, Cell(year, "rag=not-rated").Numerator);
        Assert.Equal(0m, Cell(year, "rag=amber").Numerator);

        // On 30 September 2022 (the end of Q2) the late completion was still overdue; the undated one counts as complete.
        var q2 = Compute(PlanIndicators.OverdueActionsId, dataset, inputs, ReportingPeriod.FinancialQuarter(2022, 2));
        Assert.Equal(["done-late"], Cell(q2, "total").Evidence!.NumeratorIds.ToArray());

        // A period ending after the as-of date is read on the as-of date.
        var early = Compute(PlanIndicators.OverdueActionsId, Empty(Coventry, new LocalDate(2022, 8, 1)), inputs, Y2022);
        Assert.Equal(["done-late"], Cell(early, "total").Evidence!.NumeratorIds.ToArray());
    }

    [Fact]
    public void Without_inputs_no_plan_measure_reports_anything()
    {
        var dataset = Empty(Coventry) with { Children = [new Child("C", new LocalDate(2006, 1, 1), Sex.Male, EthnicityCategory.WhiteBritish, Coventry, CareStatus.LookedAfter)] };

        foreach (var indicator in PlanIndicators.CreateAll())
        {
            Assert.Empty(indicator.Compute(IndicatorContext.For(dataset), IndicatorQuery.For(Y2022)));
        }
        Assert.True(IndicatorContext.For(dataset).Inputs.IsEmpty);
    }

    [Fact]
    public void Every_plan_measure_has_a_cited_definition_in_a_titled_family()
    {
        Assert.Equal(8, PlanIndicators.Definitions.Length);
        foreach (var d in PlanIndicators.Definitions)
        {
            Assert.Contains(d.Sources, s => s.Kind == CitationKind.Publication && s.Problems().Count == 0);
            Assert.NotNull(National.IndicatorFamilies.TitleOf(d.Family));
        }
    }
}

/// <summary>Names the tests share.</summary>
internal static class PlanInputs_
{
    public const string LookedAfter = Sdk.Indicators.PlanInputs.LookedAfterChildrenMeasure;
}
