using System.Text.Json;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Periods;
using static YouthJustice.Sdk.Tests.Indicators.Cases;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Tests.Indicators;

public class NationalCatalogueTests
{
    [Fact]
    public void Every_national_definition_has_a_unique_id_a_source_a_calculation_and_version_1()
    {
        var definitions = NationalIndicators.Definitions;

        Assert.Equal(definitions.Count, definitions.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(27, definitions.Count);
        Assert.All(definitions, d =>
        {
            Assert.Equal(1, d.Version);
            Assert.Empty(d.Source.Problems());
            Assert.False(string.IsNullOrWhiteSpace(d.Family));
            Assert.True(d.HasParameter(NationalParameters.Calculation));
        });
        Assert.Equal(definitions.Select(d => d.Id), NationalIndicators.CreateAll().Select(i => i.Definition.Id));
    }

    [Fact]
    public void Definitions_serialise_to_json_and_back_equal()
    {
        foreach (var definition in NationalIndicators.Definitions)
        {
            var json = NationalIndicators.ToJson(definition);
            Assert.Equal(definition, NationalIndicators.FromJson(json));
        }
        Assert.Contains("\"monthEndRule\": \"ClampToMonthEnd\"", NationalIndicators.ToJson(NationalIndicators.ReoffendingBinary), StringComparison.Ordinal);
    }

    [Fact]
    public void National_defaults_are_stated_as_parameters()
    {
        var moj = NationalIndicators.ReoffendingBinary;
        var tracker = NationalIndicators.TrackerBinary;
        var fte = NationalIndicators.FirstTimeEntrantsRate;

        Assert.Equal((12, 6, 3), (moj.GetInt("followUpMonths"), moj.GetInt("waitingPeriodMonths"), moj.GetInt("cohortMonths")));
        Assert.Equal(CustodyIndexDate.ReleaseDate, moj.GetEnum<CustodyIndexDate>("custodyIndexDate"));
        Assert.Equal((12, 0), (tracker.GetInt("followUpMonths"), tracker.GetInt("waitingPeriodMonths")));
        Assert.Equal(CustodyIndexDate.SentenceDate, tracker.GetEnum<CustodyIndexDate>("custodyIndexDate"));
        Assert.Equal(AgeRule.AgeAtOutcome, fte.GetEnum<AgeRule>("ageRule"));
        Assert.DoesNotContain("CR", fte.GetList("qualifyingOutcomeTypes"));
        Assert.Equal(100_000m, fte.Multiplier);
        Assert.Equal(1000m, NationalIndicators.CustodyRate.Multiplier);
    }

    [Fact]
    public void Display_rounding_is_half_away_from_zero()
    {
        Assert.Equal(6.3m, DisplayRounding.Round(6.25m, 1));
        Assert.Equal(0.13m, DisplayRounding.Round(0.125m, 2));
        Assert.Equal(-6.3m, DisplayRounding.Round(-6.25m, 1));
        var result = IndicatorResultBuilder.Ratio(NationalIndicators.TrackerBinary, Coventry, ReportingPeriod.FinancialYear(2020), 3, 48, IntervalMethod.Wilson);
        Assert.Equal("6.3", result.FormatValue(NationalIndicators.TrackerBinary.DisplayDecimals));
    }

    [Fact]
    public void A_revised_definition_changes_the_result_and_carries_the_new_version()
    {
        var cases = new Cases().Population(2019, 10_000);
        cases.Proven(cases.Teen(), D(2019, 5, 1), D(2019, 5, 2), OutcomeTypes.YouthCaution);
        var data = cases.Build(D(2021, 3, 31));
        var perTenThousand = NationalIndicators.FirstTimeEntrantsRate with { Multiplier = 10_000m };
        var noCautions = NationalIndicators.FirstTimeEntrantsRate.WithParameter(NationalParameters.QualifyingOutcomeTypes, "ABSDIS,CONDIS,FINE,RO,YRO,YROISS,DTO,S250,S259");

        var national = Run.Total(NationalIndicators.Create(NationalIndicators.FirstTimeEntrantsRate), data, ReportingPeriod.FinancialYear(2019));
        var revised = Run.Total(NationalIndicators.Create(noCautions), data, ReportingPeriod.FinancialYear(2019));
        var local = Run.Total(NationalIndicators.Create(perTenThousand), data, ReportingPeriod.FinancialYear(2019));

        Assert.Equal(10m, national.Value);
        Assert.Equal(0m, revised.Value);
        Assert.Equal((1, "qualifyingOutcomeTypes#"), (revised.Methodology.Version, revised.Methodology.Variant![..23]));
        Assert.Single(revised.AppliedOverrides);
        Assert.Equal(1m, local.Value);
        Assert.Equal(["multiplier=10000 (national: 100000)"], local.AppliedOverrides.ToArray());
    }

    [Fact]
    public void Explain_lists_the_records_behind_the_numerator_and_denominator_of_one_result()
    {
        var cases = new Cases();
        var reoffender = cases.Teen();
        cases.Proven(reoffender, D(2020, 9, 1), D(2020, 10, 1), OutcomeTypes.ReferralOrder);
        var reoffence = cases.Proven(reoffender, D(2020, 12, 1), D(2021, 1, 1), OutcomeTypes.YouthCaution);
        var desister = cases.Teen(Sex.Female);
        cases.Proven(desister, D(2020, 9, 1), D(2020, 10, 1), OutcomeTypes.YouthCaution);
        var data = cases.Build(D(2022, 12, 31));
        var period = ReportingPeriod.Custom(D(2020, 10, 1), D(2021, 3, 31));
        var frequency = NationalIndicators.Create(NationalIndicators.Get(NationalIndicatorIds.TrackerFrequency));

        var total = IndicatorExplainer.Explain(frequency, IndicatorContext.For(data), period, Coventry);
        var female = IndicatorExplainer.Explain(frequency, IndicatorContext.For(data), period, Coventry, new BreakdownKey("sex", "Female"));

        Assert.Equal([reoffence], total.Evidence.NumeratorIds.ToArray());
        Assert.Equal([reoffender, desister], total.Evidence.DenominatorIds.ToArray());
        Assert.Equal(("offence", "child"), (total.Evidence.NumeratorRecordKind, total.Evidence.DenominatorRecordKind));
        Assert.Equal("tracker-frequency v1 E08000026 2020-10-01..2021-03-31 total: 1 / 2 × 1 = 0.50 reoffences per cohort member", total.Summary);
        Assert.Empty(female.Evidence.NumeratorIds);
        Assert.Equal([desister], female.Evidence.DenominatorIds.ToArray());
        Assert.Throws<InvalidOperationException>(() =>
            IndicatorExplainer.Explain(frequency, IndicatorContext.For(data), period, Coventry, new BreakdownKey("sex", "NonBinary")));
    }

    [Fact]
    public void Compute_all_runs_every_national_indicator_for_every_area_and_period_and_rates_totals_against_comparators()
    {
        var cases = new Cases().WithArea(Coventry).WithArea(Leicester).Population(2019, 31_700).Population(2019, 35_000, Leicester);
        cases.Proven(cases.Teen(), D(2019, 5, 1), D(2019, 5, 2), OutcomeTypes.YouthCaution);
        var data = cases.Build(D(2021, 3, 31));
        var context = new IndicatorContext(data, [new ComparatorValue(NationalIndicatorIds.FteRate, "england-and-wales", null, 200m)]);
        var periods = new[] { ReportingPeriod.FinancialYear(2019), ReportingPeriod.FinancialYear(2020) };

        var results = NationalIndicators.ComputeAll(context, new IndicatorQuery([.. periods], [], []));

        foreach (var definition in NationalIndicators.Definitions)
        {
            Assert.Equal(4, results.Count(r => r.IndicatorId == definition.Id && r.Breakdown.IsTotal));
        }
        var coventryFte = results.Single(r => r.IndicatorId == NationalIndicatorIds.FteRate && r.AreaCode == Coventry && r.Period == periods[0]);
        Assert.Equal(RagRating.Green, coventryFte.Rag); // 3.15 per 100,000 against 200, lower is better
    }
}
