using System.Collections.Immutable;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Tests.Kpis;

/// <summary>Small builders for hand-built KPI datasets.</summary>
internal static class KpiTestData
{
    public const string AreaCode = "E08000026";
    public static readonly ReportingPeriod Year = ReportingPeriod.FinancialYear(2023);
    public static readonly LocalDate AsOf = new(2024, 6, 30);

    public static Child Child(string id, LocalDate? dob = null, SendStatus send = SendStatus.None, CareStatus care = CareStatus.None) =>
        new(id, dob ?? new LocalDate(2008, 1, 1), Sex.Male, EthnicityCategory.WhiteBritish, AreaCode, care, send);

    public static ProgrammeEpisode Episode(string id, string childId, ProgrammeKind programme, LocalDate? start = null, LocalDate? end = null, string? closure = null) =>
        new(id, childId, programme, start ?? new LocalDate(2023, 4, 10), StartDate: start ?? new LocalDate(2023, 4, 10), EndDate: end, ClosureReason: closure);

    public static StatusObservation Obs(
        string id, string childId, string? episodeId, ObservationPoint point, SupervisionSetting setting, LocalDate? on = null,
        bool? accommodation = null, bool? ete = null, decimal? hours = null, bool? plan = null,
        SupportStage? mental = null, SupportStage? substance = null) =>
        new(id, childId, episodeId, on ?? new LocalDate(2023, 10, 1), point, setting, accommodation, ete, hours, plan, mental, substance);

    public static Dataset Dataset(
        IEnumerable<Child> children,
        IEnumerable<ProgrammeEpisode>? episodes = null,
        IEnumerable<StatusObservation>? observations = null,
        IEnumerable<Offence>? offences = null,
        IEnumerable<Outcome>? outcomes = null,
        IEnumerable<VictimContact>? victims = null,
        IEnumerable<BoardAttendance>? board = null,
        IEnumerable<PopulationEstimate>? populations = null) => new()
        {
            AsOf = AsOf,
            Areas = [new Area(AreaCode, "Coventry")],
            Children = [.. children],
            Episodes = [.. episodes ?? []],
            StatusObservations = [.. observations ?? []],
            Offences = [.. offences ?? []],
            Outcomes = [.. outcomes ?? []],
            VictimContacts = [.. victims ?? []],
            BoardAttendances = [.. board ?? []],
            Populations = [.. populations ?? []],
        };

    public static IReadOnlyList<IndicatorResult> Compute(IIndicator indicator, Dataset dataset, ReportingPeriod? period = null, bool evidence = false) =>
        indicator.Compute(IndicatorContext.For(dataset), new IndicatorQuery([period ?? Year], [], [], evidence));

    public static IndicatorResult Cell(this IReadOnlyList<IndicatorResult> results, string key)
    {
        var matches = results.Where(r => r.Breakdown.ToString() == key).ToList();
        Assert.Single(matches);
        return matches[0];
    }

    /// <summary>Asserts numerator and denominator, and that the value is their ratio times the multiplier.</summary>
    public static void AssertCounts(this IReadOnlyList<IndicatorResult> results, string key, int numerator, int denominator)
    {
        var r = results.Cell(key);
        Assert.Equal((decimal)numerator, r.Numerator);
        Assert.Equal((decimal)denominator, r.Denominator);
        if (denominator == 0)
        {
            Assert.Null(r.Value);
        }
        else
        {
            Assert.Equal((decimal)numerator / denominator * r.Multiplier, r.Value);
        }
    }

    public static string[] Ids(params string[] ids) => ids;
}
