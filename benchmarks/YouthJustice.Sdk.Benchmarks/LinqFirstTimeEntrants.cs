using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Sdk.Benchmarks;

/// <summary>First time entrants as an analyst would write them in plain LINQ: each child's first outcome that counts, in the
/// period, aged 10-17 on that date, counted by home area. The peer that the engine's benchmarks are compared with.</summary>
internal static class LinqFirstTimeEntrants
{
    public static Dictionary<string, int> ByHomeArea(Dataset dataset, ReportingPeriod period)
    {
        var children = dataset.Children.ToDictionary(c => c.Id);
        return dataset.Outcomes
            .Where(o => o.Type.CountsAsFirstTimeEntrant)
            .GroupBy(o => o.ChildId)
            .Select(g => (Child: children[g.Key], First: g.Min(o => o.OutcomeDate)))
            .Where(f => period.Contains(f.First) && f.Child.AgeOn(f.First) is >= 10 and <= 17)
            .GroupBy(f => f.Child.HomeAreaCode)
            .ToDictionary(g => g.Key, g => g.Count());
    }
}
