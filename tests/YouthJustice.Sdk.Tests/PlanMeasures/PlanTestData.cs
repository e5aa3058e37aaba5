using System.Collections.Immutable;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Tests.Kpis;

namespace YouthJustice.Sdk.Tests.PlanMeasures;

/// <summary>Small builders for hand-built datasets of the local measures (on top of the KPI builders).</summary>
internal static class PlanTestData
{
    public static LocalDate D(int y, int m, int d) => new(y, m, d);

    public static Dataset Data(
        IEnumerable<Child> children,
        IEnumerable<ProgrammeEpisode>? episodes = null,
        IEnumerable<Assessment>? assessments = null,
        IEnumerable<CaseEvent>? events = null,
        IEnumerable<Outcome>? outcomes = null,
        IEnumerable<Offence>? offences = null,
        IEnumerable<FeedbackRequest>? feedback = null,
        IEnumerable<VictimContact>? victims = null) =>
        KpiTestData.Dataset(children, episodes, offences: offences, outcomes: outcomes, victims: victims) with
        {
            Assessments = [.. assessments ?? []],
            CaseEvents = [.. events ?? []],
            Feedback = [.. feedback ?? []],
        };

    public static Assessment Assess(string id, string child, LocalDate on, AssessmentStage stage,
        RiskLevel harm = RiskLevel.NotAssessed, RiskLevel wellbeing = RiskLevel.NotAssessed, string kind = "ASSETPLUS") =>
        new(id, child, on, kind, harm, wellbeing, Stage: stage);

    public static CaseEvent Event(string id, string child, LocalDate on, CaseEventKind kind, string? outcome = null) => new(id, child, on, kind, outcome);

    public static Outcome Sentence(string id, string child, LocalDate on, OutcomeType type, OutcomeType? proposal = null) =>
        new(id, child, ["X" + id], on, type, type.IsCourt ? DecidingBody.Court : DecidingBody.Police, PsrProposal: proposal);

    public static IIndicator Measure(string id) => Sdk.PlanMeasures.LocalMeasures.Create(Sdk.PlanMeasures.LocalMeasures.Get(id));

    public static IIndicator Measure(string id, string parameter, string value) =>
        Sdk.PlanMeasures.LocalMeasures.Create(Sdk.PlanMeasures.LocalMeasures.Get(id).WithParameter(parameter, value));

    public static IReadOnlyList<IndicatorResult> Run(IIndicator indicator, Dataset dataset, ReportingPeriod? period = null, bool evidence = false) =>
        KpiTestData.Compute(indicator, dataset, period, evidence);

    /// <summary>Asserts a plain count: the numerator, no denominator, and the value equal to the count.</summary>
    public static void AssertCount(this IReadOnlyList<IndicatorResult> results, string key, int count)
    {
        var r = results.Cell(key);
        Assert.Equal((decimal)count, r.Numerator);
        Assert.Null(r.Denominator);
        Assert.Equal((decimal)count, r.Value);
    }

    public static string[] Keys(this IReadOnlyList<IndicatorResult> results) => [.. results.Select(r => r.Breakdown.ToString())];
}
