using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Kpis;
using static YouthJustice.Sdk.Tests.Kpis.KpiTestData;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Tests.Kpis;

public class KpiPropertyTests
{
    private static readonly IReadOnlyList<IIndicator> All = KeyPerformanceIndicators.CreateAll();

    /// <summary>A random dataset of up to 30 children with observations, episodes, victim contacts and board records.</summary>
    private static Gen<Dataset> Datasets() =>
        Gen.Choose(1, 30).SelectMany(n =>
            Gen.Choose(0, 1 << 20).ArrayOf(n).Select(seeds => Build(seeds)));

    private static Dataset Build(int[] seeds)
    {
        var children = new List<Child>();
        var episodes = new List<ProgrammeEpisode>();
        var observations = new List<StatusObservation>();
        var victims = new List<VictimContact>();
        var board = new List<BoardAttendance>();
        ProgrammeKind[] programmes = [ProgrammeKinds.CourtOrderSupervision, ProgrammeKinds.OutOfCourtIntervention, ProgrammeKinds.Resettlement, ProgrammeKinds.Diversion];
        for (var i = 0; i < seeds.Length; i++)
        {
            var s = seeds[i];
            int Bits(int shift, int mod) => (s >> shift) % mod;
            bool? Tri(int shift) => Bits(shift, 3) switch { 0 => null, 1 => false, _ => true };
            var id = $"C{i}";
            children.Add(Child(id, new LocalDate(2005 + Bits(0, 5), 1 + Bits(3, 12), 1), (SendStatus)Bits(5, 3), (CareStatus)Bits(7, 6)));
            var closed = Bits(9, 2) == 1;
            episodes.Add(Episode($"E{i}", id, programmes[Bits(10, 4)], end: closed ? new LocalDate(2023, 1 + Bits(12, 12), 1) : null,
                closure: closed ? (Bits(13, 2) == 0 ? "COMPLETED" : "DECLINED") : null));
            foreach (var point in new[] { ObservationPoint.InterventionStart, ObservationPoint.InterventionEnd })
            {
                observations.Add(Obs($"O{i}{point}", id, $"E{i}", point, (SupervisionSetting)Bits(1, 2), new LocalDate(2023, 4 + Bits(2, 9), 1),
                    Tri(4), Tri(6), Bits(8, 4) == 0 ? null : Bits(8, 40), Tri(11), (SupportStage)Bits(12, 4), (SupportStage)Bits(14, 4)));
            }
            victims.Add(new VictimContact($"V{i}", id, null, new LocalDate(2023, 5, 1), Bits(2, 2) == 1, Bits(4, 2) == 1, Bits(6, 2) == 1, Bits(8, 2) == 1));
            board.Add(new BoardAttendance(AreaCode, new LocalDate(2023, 5 + Bits(3, 6), 1), Bits(15, 3).ToString(System.Globalization.CultureInfo.InvariantCulture), (AttendanceLevel)Bits(16, 3)));
        }
        return Dataset(children, episodes, observations, victims: victims, board: board);
    }

    private static Dataset Reversed(Dataset d) => d with
    {
        Children = [.. d.Children.Reverse()],
        Episodes = [.. d.Episodes.Reverse()],
        StatusObservations = [.. d.StatusObservations.Reverse()],
        VictimContacts = [.. d.VictimContacts.Reverse()],
        BoardAttendances = [.. d.BoardAttendances.Reverse()],
    };

    [Property(MaxTest = 200)]
    public Property Every_kpi_proportion_lies_between_zero_and_one_hundred_percent() =>
        Prop.ForAll(Datasets().ToArbitrary(), data =>
            All.Where(i => i.Definition.Unit == "%")
                .SelectMany(i => Compute(i, data))
                .All(r => r.Numerator <= (r.Denominator ?? 0) && (r.Value is null || (r.Value >= 0m && r.Value <= 100m))));

    [Property(MaxTest = 200)]
    public Property Funnel_stages_never_increase_and_each_stage_is_over_the_previous_one() =>
        Prop.ForAll(Datasets().ToArbitrary(), data =>
            new[] { KeyPerformanceIndicators.MentalHealth, KeyPerformanceIndicators.SubstanceMisuse, KeyPerformanceIndicators.Victims }
                .Select(d => Compute(KeyPerformanceIndicators.Create(d), data).Where(r => r.Breakdown.Dimension == "stage").ToList())
                .All(stages => Enumerable.Range(1, stages.Count - 1).All(k =>
                    stages[k].Numerator <= stages[k - 1].Numerator && stages[k].Denominator == stages[k - 1].Numerator)));

    [Property(MaxTest = 200)]
    public Property Results_do_not_depend_on_record_order() =>
        Prop.ForAll(Datasets().ToArbitrary(), data =>
            All.All(i =>
            {
                var a = Compute(i, data);
                var b = Compute(i, Reversed(data));
                return a.Count == b.Count && a.Zip(b).All(p =>
                    p.First.Breakdown == p.Second.Breakdown && p.First.Numerator == p.Second.Numerator
                    && p.First.Denominator == p.Second.Denominator && p.First.Value == p.Second.Value);
            }));

    [Property(MaxTest = 200)]
    public Property The_headline_is_the_end_cell_and_the_setting_cells_and_the_end_cells_add_up_to_it() =>
        Prop.ForAll(Datasets().ToArbitrary(), data =>
            new IIndicator[] { new SuitableAccommodationIndicator(), new SuitableEteIndicator(), new EteHoursIndicator(), new SendEteIndicator() }
                .All(i =>
                {
                    var results = Compute(i, data);
                    var total = results[0];
                    bool AddsUp(IEnumerable<IndicatorResult> cells) =>
                        cells.Sum(c => c.Numerator) == total.Numerator && cells.Sum(c => c.Denominator) == total.Denominator;
                    var end = results.Single(r => r.Breakdown.Dimension == "point" && r.Breakdown.Value == "end");
                    return (end.Numerator, end.Denominator) == (total.Numerator, total.Denominator)
                        && AddsUp(results.Where(r => r.Breakdown.Dimension == "setting"))
                        && AddsUp(results.Where(r => r.Breakdown.Dimension == "point+setting" && r.Breakdown.Value.StartsWith("end+", StringComparison.Ordinal)));
                }));
}
