using System.Collections.Immutable;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Sdk.Samples.Web.Sdk;

/// <summary>A dataset, area and period picked on the dashboard or named in the API, checked against the dataset.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Area">The area's code.</param>
/// <param name="AreaName">The area's name (empty when the dataset has none).</param>
/// <param name="Period">The period shown.</param>
/// <param name="Trend">The periods of the trend, ending with <paramref name="Period"/>.</param>
/// <param name="Areas">Every area of the dataset, by code, with names.</param>
/// <param name="Periods">The periods the picker offers.</param>
public sealed record Selection(LoadedDataset Dataset, string Area, string AreaName, ReportingPeriod Period, ImmutableArray<ReportingPeriod> Trend,
    IReadOnlyList<KeyValuePair<string, string>> Areas, IReadOnlyList<ReportingPeriod> Periods)
{
    /// <summary>How many periods a trend shows.</summary>
    public const int TrendLength = 6;

    /// <summary>Checks the choice; the error names the field and the reason.</summary>
    public static (Selection? Selection, string? Field, string? Error) Resolve(DatasetCatalog catalog, string? datasetId, string? area, string? period)
    {
        var id = string.IsNullOrWhiteSpace(datasetId) ? DatasetCatalog.SampleId : datasetId.Trim();
        if (catalog.Find(id) is not { } dataset)
        {
            return (null, "dataset", $"No dataset '{id}' that imported.");
        }
        var areas = dataset.Dataset.Areas.Select(a => new KeyValuePair<string, string>(a.Code, a.Name)).ToList();
        if (areas.Count == 0)
        {
            areas = [.. dataset.Dataset.Children.Select(c => c.HomeAreaCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(c => new KeyValuePair<string, string>(c, ""))];
        }
        var code = string.IsNullOrWhiteSpace(area) ? areas.FirstOrDefault().Key : area.Trim();
        if (code is null || !areas.Any(a => a.Key == code))
        {
            return (null, "area", $"No area '{area}' in this dataset. Its areas: {string.Join(", ", areas.Select(a => a.Key))}.");
        }
        var offered = ReportAdapter.FinancialYears(dataset.Dataset.AsOf);
        ReportingPeriod chosen;
        if (string.IsNullOrWhiteSpace(period))
        {
            chosen = offered[^1];
        }
        else if (!ReportingPeriod.TryParse(period.Trim(), out var parsed))
        {
            return (null, "period", $"'{period}' is not a reporting period: use 2021/22, 2021/22 Q3, 2021, \"Oct 2020 - Sep 2021\" or 2021-01-01..2021-03-31.");
        }
        else
        {
            chosen = parsed;
        }
        var trend = new List<ReportingPeriod> { chosen };
        while (trend.Count < TrendLength)
        {
            trend.Insert(0, trend[0].Previous());
        }
        return (new Selection(dataset, code, areas.First(a => a.Key == code).Value, chosen, [.. trend], areas, offered), null, null);
    }

    /// <summary>The request that computes the dashboard for this selection.</summary>
    public WebReportRequest Request => new(Dataset.Id, [Area], [Period], []);
}
