using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Plans;

namespace YouthJustice.Sdk.Tests.PlanInputs;

/// <summary>Reading a plan inputs folder: strict, every error named by file, line, field and reason.</summary>
public sealed class PlanInputFilesTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("plan-inputs-");

    public void Dispose() => _folder.Delete(recursive: true);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder.FullName, name), text);

    private Sdk.Indicators.PlanInputs ReadFolder() => PlanInputFiles.ReadDirectory(_folder.FullName);

    private PlanInputsException Refused() => Assert.Throws<PlanInputsException>(ReadFolder);

    [Fact]
    public void Every_file_is_optional_and_an_empty_folder_reads_as_no_inputs()
    {
        var inputs = ReadFolder();

        Assert.True(inputs.IsEmpty);
        Assert.Equal(0, inputs.Count);
    }

    [Fact]
    public void Each_file_is_read_into_its_records()
    {
        Write("council-figures.csv", "area_code,period,measure,value,source\nE06000016,2021/22,LOOKED_AFTER_CHILDREN,316,Leicester plan\n");
        Write("budget.csv", "area_code,financial_year,partner,staffing,in_kind,other_delegated,total,source\n" +
            "E08000026,2022/23,Police Service,,59507,,59507,\nE08000026,2021/22,Police Service,,,,58235,\n");
        Write("grant.csv", "area_code,financial_year,line,budget,forecast_outturn\nE08000026,2022/23,Equipment,25,25\n");
        Write("workforce.csv", "area_code,as_of,role,ethnicity_group,headcount\nE08000026,2022-03-31,Practitioners,WHITE_OTHER,2\n");
        Write("national-standards.csv", "area_code,assessed_on,standard,level,grading\nE06000016,2021-03-31,3,strategic,OUTSTANDING\n");
        Write("action-plan.csv", "id,area_code,action,owner,due,status,rag,completed_on\n" +
            "P1-01,E08000026,\"Review, then report\",Board,2022-09-30,COMPLETE,GREEN,2022-09-15\nP1-02,E08000026,Publish,Officer,2022-06-30,IN_PROGRESS,,\n");

        var inputs = ReadFolder();

        Assert.Equal(8, inputs.Count);
        var council = Assert.Single(inputs.CouncilFigures);
        Assert.Equal(new CouncilFigure("E06000016", ReportingPeriod.FinancialYear(2021), "LOOKED_AFTER_CHILDREN", 316m, "Leicester plan"), council);
        var partTotal = inputs.Budget.Single(b => b.FinancialYear == ReportingPeriod.FinancialYear(2022));
        Assert.Equal((null, 59507m, null, 59507m), (partTotal.Staffing, partTotal.InKind, partTotal.OtherDelegated, partTotal.Total));
        Assert.Null(inputs.Budget.Single(b => b.FinancialYear == ReportingPeriod.FinancialYear(2021)).InKind);
        Assert.Equal(0m, Assert.Single(inputs.Grant).Variance);
        Assert.Equal(EthnicityGroup.WhiteOther, Assert.Single(inputs.Workforce).EthnicityGroup);
        var grading = Assert.Single(inputs.NationalStandards);
        Assert.Equal((3, NationalStandardLevel.Strategic, NationalStandardGrading.Outstanding), (grading.Standard, grading.Level, grading.Grading));
        Assert.Equal("Review, then report", inputs.Actions[0].Action);
        Assert.Equal(RagRating.Green, inputs.Actions[0].Rag);
        Assert.Null(inputs.Actions[1].Rag);
        Assert.Null(inputs.Actions[1].Source);
    }

    [Fact]
    public void A_bad_amount_names_the_file_line_and_field()
    {
        Write("budget.csv", "area_code,financial_year,partner,staffing,in_kind,other_delegated,total,source\n" +
            "E08000026,2022/23,Local Authority,613924,,131127,745051,\nE08000026,2022/23,Police Service,,59.507.0,,59507,\n");

        var error = Assert.Single(Refused().Errors);

        Assert.Equal(new PlanInputError("budget.csv", 3, "in_kind", error.Reason), error);
        Assert.Contains("'59.507.0' is not an amount", error.Reason, StringComparison.Ordinal);
        Assert.Contains("budget.csv line 3, field in_kind: '59.507.0' is not an amount", Refused().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partners_parts_must_add_up_to_its_total()
    {
        // The Coventry plan's Local Authority row with its other delegated funds mistyped: 613,924 + 131,172 is not 745,051.
        Write("budget.csv", "area_code,financial_year,partner,staffing,in_kind,other_delegated,total\nE08000026,2022/23,Local Authority,613924,,131172,745051\n");

        var error = Assert.Single(Refused().Errors);

        Assert.Equal(("budget.csv", 2, "total"), (error.File, error.Line, error.Field));
        Assert.Contains("is not staffing + in_kind + other_delegated (745096)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_of_every_file_is_reported_at_once_and_nothing_is_read()
    {
        Write("grant.csv", "area_code,financial_year,line,budget,forecast_outturn\nE08000026,2022,Salaries,1,1\nE08000026,2022/23,,1,1\n");
        Write("workforce.csv", "area_code,as_of,role,ethnicity_group,headcount\nE08000026,31/03/2022,Practitioners,INDIAN,-1\n");
        Write("national-standards.csv", "area_code,assessed_on,standard,level,grading\nE06000016,2021-03-31,6,OPERATIONAL,EXCELLENT\n");
        Write("action-plan.csv", "id,area_code,action,owner,due,status,rag,completed_on\nA1,E08000026,Do,Me,2022-09-30,IN_PROGRESS,PURPLE,2022-09-01\n");

        var errors = Refused().Errors.Select(e => (e.File, e.Line, e.Field)).ToList();

        Assert.Equal(
        [
            ("grant.csv", 2, "financial_year"), ("grant.csv", 3, "line"),
            ("workforce.csv", 2, "as_of"), ("workforce.csv", 2, "ethnicity_group"), ("workforce.csv", 2, "headcount"),
            ("national-standards.csv", 2, "standard"), ("national-standards.csv", 2, "grading"),
            ("action-plan.csv", 2, "rag"),
        ], errors);
    }

    [Fact]
    public void A_completion_date_belongs_to_a_complete_action_only()
    {
        Write("action-plan.csv", "id,area_code,action,owner,due,status,completed_on\nA1,E08000026,Do,Me,2022-09-30,IN_PROGRESS,2022-09-01\n");

        var error = Assert.Single(Refused().Errors);

        Assert.Equal(("action-plan.csv", 2, "completed_on"), (error.File, error.Line, error.Field));
        Assert.Contains("the status is IN_PROGRESS", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_row_for_the_same_key_is_refused_naming_the_first()
    {
        Write("workforce.csv", "area_code,as_of,role,ethnicity_group,headcount\n" +
            "E08000026,2022-03-31,Volunteers,BLACK,1\nE08000026,2022-03-31,Volunteers,ASIAN,3\nE08000026,2022-03-31,volunteers,black,2\n");

        var error = Assert.Single(Refused().Errors);

        Assert.Equal(("workforce.csv", 4, (string?)null), (error.File, error.Line, error.Field));
        Assert.Contains("as line 2", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("area_code,period,measure\nE1,2021/22,LOOKED_AFTER_CHILDREN\n", "missing value")]
    [InlineData("area_code,period,measure,value,note\nE1,2021/22,LOOKED_AFTER_CHILDREN,3,x\n", "unknown note")]
    [InlineData("area_code,period,measure,value,value\nE1,2021/22,LOOKED_AFTER_CHILDREN,3,3\n", "repeated value")]
    public void A_wrong_header_refuses_the_file_on_line_1(string text, string problem)
    {
        Write("council-figures.csv", text);

        var error = Assert.Single(Refused().Errors);

        Assert.Equal(("council-figures.csv", 1), (error.File, error.Line));
        Assert.Contains(problem, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_file_that_is_not_a_plan_input_is_refused_by_name()
    {
        Write("budgets.csv", "area_code\n");

        var error = Assert.Single(Refused().Errors);

        Assert.Equal("budgets.csv", error.File);
        Assert.Contains("budget.csv", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_an_io_error()
    {
        Assert.Throws<DirectoryNotFoundException>(() => PlanInputFiles.ReadDirectory(Path.Combine(_folder.FullName, "absent")));
    }

    [Fact]
    public void A_row_with_more_cells_than_the_header_is_refused()
    {
        Write("grant.csv", "area_code,financial_year,line,budget,forecast_outturn\nE08000026,2022/23,Salaries,390,871,390871\n");

        var error = Assert.Single(Refused().Errors);

        Assert.Equal(("grant.csv", 2, (string?)null), (error.File, error.Line, error.Field));
    }
}
