using System.Text.Json;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Kpis;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Synthetic;

namespace YouthJustice.Sdk.Tests.Kpis;

/// <summary>KPIs keep what they work out from the dataset alone for later calls on the same dataset (a report asks again
/// for its trend's earlier periods): a later call, or a definition with other parameters, must give exactly what a
/// dataset seen for the first time gives.</summary>
public class KpiPreparedDataTests
{
    private static readonly Dataset Generated = SyntheticDatasetGenerator.Generate(SyntheticOptions.SingleAuthority(11));

    private static readonly IndicatorQuery Years = IndicatorQuery.For(ReportingPeriod.FinancialYear(2021)) with
    {
        Periods = [ReportingPeriod.FinancialYear(2020), ReportingPeriod.FinancialYear(2021), ReportingPeriod.FinancialYear(2022)],
        CollectEvidence = true,
    };

    // Each KPI whose query-free work is kept, with a parameter change that alters that work.
    public static TheoryData<string, string, string> Edits => new()
    {
        { KeyPerformanceIndicators.MentalHealthId, KeyPerformanceIndicators.ObservationPointParameter, nameof(ObservationPoint.InterventionStart) },
        { KeyPerformanceIndicators.SubstanceMisuseId, KeyPerformanceIndicators.CaseloadProgrammesParameter, "COURT_ORDER" },
        { KeyPerformanceIndicators.OutOfCourtId, KeyPerformanceIndicators.CompletedClosureReasonsParameter, "COMPLETED,DISENGAGED" },
        { KeyPerformanceIndicators.WiderServicesId, KeyPerformanceIndicators.CaseloadProgrammesParameter, "COURT_ORDER,RESETTLEMENT" },
        { KeyPerformanceIndicators.SeriousViolenceId, KeyPerformanceIndicators.MinimumGravityParameter, "3" },
    };

    private static IReadOnlyList<IndicatorResult> Compute(IndicatorDefinition definition, Dataset dataset, IndicatorQuery query) =>
        KeyPerformanceIndicators.Create(definition).Compute(IndicatorContext.For(dataset), query);

    private static readonly JsonSerializerOptions Json = YouthJusticeJson.CreateOptions();

    // Results hold immutable arrays (evidence, comparisons), which compare by reference: compare what they say.
    private static IEnumerable<string> Said(IEnumerable<IndicatorResult> results) => results.Select(r => JsonSerializer.Serialize(r, Json));

    private static IndicatorDefinition Definition(string id) => KeyPerformanceIndicators.Definitions.Single(d => d.Id == id);

    [Theory]
    [MemberData(nameof(Edits))]
    public void A_second_call_on_the_same_dataset_gives_the_first_calls_results(string id, string parameter, string value)
    {
        _ = parameter;
        _ = value;
        var dataset = Generated with { };
        var first = Compute(Definition(id), dataset, Years);

        var again = Compute(Definition(id), dataset, Years with { Periods = [ReportingPeriod.FinancialYear(2019), .. Years.Periods] });

        Assert.NotEmpty(first);
        Assert.Contains(first, r => r.Numerator > 0);
        Assert.Equal(Said(first), Said(again.Where(r => r.Period != ReportingPeriod.FinancialYear(2019))));
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public void A_definition_with_other_parameters_does_not_reuse_the_defaults_work(string id, string parameter, string value)
    {
        var edited = Definition(id).WithParameter(parameter, value);
        var shared = Generated with { };
        var defaults = Compute(Definition(id), shared, Years);

        var afterDefaults = Compute(edited, shared, Years);
        var fresh = Compute(edited, Generated with { }, Years);

        Assert.Equal(Said(fresh), Said(afterDefaults));
        // The edit matters on this data, so reusing the default's work would have shown.
        Assert.NotEqual(defaults.Select(r => (r.Numerator, r.Denominator)), fresh.Select(r => (r.Numerator, r.Denominator)));
    }
}
