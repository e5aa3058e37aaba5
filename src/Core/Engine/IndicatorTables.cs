using System.Collections.Frozen;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.National;

namespace YouthJustice.Sdk.Engine;

/// <summary>
/// The tables each built-in national indicator reads, so that a host computing only those can import only those
/// (<see cref="ImportOptions.Tables"/>), and so that nothing is computed from a dataset lacking a table it reads.
/// </summary>
/// <remarks>Only the national indicators say: they read the case records through <see cref="DatasetIndex"/>, and the
/// rates their populations. Every other indicator (the YJB KPIs, the plan measures, every plugin's) is taken to read
/// every table. A test computes each indicator here from the sample dataset with every other table emptied and checks
/// the results are the same as from the whole dataset.</remarks>
internal static class IndicatorTables
{
    /// <summary>The case records: areas decide which areas are reported; children, offences and outcomes are counted.</summary>
    private static readonly DatasetEntity[] CaseRecords =
        [DatasetEntity.Areas, DatasetEntity.Children, DatasetEntity.Offences, DatasetEntity.Outcomes];

    /// <summary>The case records and the population estimates (rates and disproportionality).</summary>
    private static readonly DatasetEntity[] CaseRecordsAndPopulations = [.. CaseRecords, DatasetEntity.Populations];

    private static readonly FrozenDictionary<string, DatasetEntity[]> National = BuildNational();

    private static FrozenDictionary<string, DatasetEntity[]> BuildNational()
    {
        var tables = new Dictionary<string, DatasetEntity[]>(StringComparer.Ordinal)
        {
            [NationalIndicatorIds.FteCount] = CaseRecords,
            [NationalIndicatorIds.FteRate] = CaseRecordsAndPopulations,
            [NationalIndicatorIds.ReoffendingBinary] = CaseRecords,
            [NationalIndicatorIds.ReoffendingFrequency] = CaseRecords,
            [NationalIndicatorIds.ReoffendingPerReoffender] = CaseRecords,
            [NationalIndicatorIds.TrackerBinary] = CaseRecords,
            [NationalIndicatorIds.TrackerFrequency] = CaseRecords,
            [NationalIndicatorIds.TrackerPerReoffender] = CaseRecords,
            [NationalIndicatorIds.CustodyCount] = CaseRecords,
            [NationalIndicatorIds.CustodyRate] = CaseRecordsAndPopulations,
            [NationalIndicatorIds.RemandEpisodes] = CaseRecords,
            [NationalIndicatorIds.RemandEpisodesRate] = CaseRecordsAndPopulations,
            [NationalIndicatorIds.RemandChildren] = CaseRecords,
            [NationalIndicatorIds.RemandChildrenRate] = CaseRecordsAndPopulations,
            [NationalIndicatorIds.OutcomeProfile] = CaseRecords,
            [NationalIndicatorIds.OffenceProfile] = CaseRecords,
            [NationalIndicatorIds.CourtShare] = CaseRecords,
        };
        foreach (var stage in Enum.GetValues<DisproportionalityStage>())
        {
            tables[NationalIndicatorIds.RelativeRateIndex(stage)] = CaseRecordsAndPopulations;
            tables[NationalIndicatorIds.PercentagePointGap(stage)] = CaseRecordsAndPopulations;
        }
        return tables.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The ids this knows the tables of.</summary>
    internal static IEnumerable<string> KnownIds => National.Keys;

    /// <summary>The tables a registered indicator reads, or <see langword="null"/> when it does not say (every table):
    /// only the SDK's own national indicators say (a plugin's indicator, even one built on <see cref="NationalIndicator"/>,
    /// does not).</summary>
    /// <param name="registry">The registry it is registered in.</param>
    /// <param name="indicator">The indicator.</param>
    internal static IReadOnlyList<DatasetEntity>? Of(Hosting.IYouthJusticeRegistry registry, Indicators.IIndicator indicator) =>
        indicator is NationalIndicator && registry.OwnerOf(indicator.Definition.Id) is null
        && National.TryGetValue(indicator.Definition.Id, out var tables) ? tables : null;

    /// <summary>The tables of <see cref="Dataset.TablesNotRead"/> that the indicator reads (every one of them when it does
    /// not say which it reads, <paramref name="reads"/> null); empty when it can be computed from the dataset.</summary>
    internal static IReadOnlyList<string> Lacking(Dataset dataset, IReadOnlyList<DatasetEntity>? reads)
    {
        if (dataset.TablesNotRead.Count == 0)
        {
            return [];
        }
        if (reads is null)
        {
            return dataset.TablesNotRead;
        }
        return [.. dataset.TablesNotRead.Where(t => reads.Any(r => DatasetFormat.TableName(r) == t))];
    }
}
