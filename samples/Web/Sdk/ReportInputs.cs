using System.Collections.Immutable;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Reports;
using YouthJustice.Sdk.Samples.Web.Store;

namespace YouthJustice.Sdk.Samples.Web.Sdk;

/// <summary>The comparators and targets the reports rate against: the SDK's report input files, kept in the store.</summary>
public static class ReportInputs
{
    /// <summary>The comparators file (indicator_id,comparator,period,value,area_code,source).</summary>
    public const string Comparators = "comparators.csv";

    /// <summary>The targets file (indicator_id,area_code,period,value,source).</summary>
    public const string Targets = "targets.csv";

    /// <summary>Both names.</summary>
    public static readonly ImmutableArray<string> Names = [Comparators, Targets];

    /// <summary>The stored comparators.</summary>
    public static ImmutableArray<ComparatorValue> ReadComparators(WebStore store, IReadOnlySet<string> known) =>
        store.ReportInput(Comparators) is { } text ? ReportInputFiles.ReadComparators(new StringReader(text), Comparators, known) : [];

    /// <summary>The stored targets.</summary>
    public static ImmutableArray<ReportTarget> ReadTargets(WebStore store, IReadOnlySet<string> known) =>
        store.ReportInput(Targets) is { } text ? ReportInputFiles.ReadTargets(new StringReader(text), Targets, known) : [];
}
