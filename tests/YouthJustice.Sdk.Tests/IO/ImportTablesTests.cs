using Microsoft.Extensions.DependencyInjection;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Kpis;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Reports;
using YouthJustice.Sdk.Snapshots;
using YouthJustice.Sdk.Synthetic;
using static YouthJustice.Sdk.Tests.IO.TestDatasets;

namespace YouthJustice.Sdk.Tests.IO;

/// <summary>An import of some tables only (<see cref="ImportOptions.Tables"/>): what it reads, what it reports, and what
/// the SDK refuses to compute from it.</summary>
public sealed class ImportTablesTests
{
    private static readonly Lazy<(Dataset Dataset, string Folder)> Generated = new(() =>
    {
        var dataset = SyntheticDatasetGenerator.Generate(SyntheticOptions.SingleAuthority(7) with { Scale = 0.3 });
        var folder = NewTempFolder();
        DatasetExporter.WriteFolder(dataset, folder);
        return (dataset, folder);
    });

    private static IYouthJusticeRegistry Registry() =>
        new ServiceCollection().AddYouthJustice().BuildServiceProvider().GetRequiredService<IYouthJusticeRegistry>();

    private static string[] Names(params DatasetEntity[] entities) => [.. entities.Select(DatasetFormat.TableName)];

    [Fact]
    public void Reads_the_tables_asked_for_with_the_areas_children_and_the_tables_they_refer_to()
    {
        var folder = Generated.Value.Folder;
        var full = DatasetImporter.ImportFolder(folder);
        var partial = DatasetImporter.ImportFolder(folder, new ImportOptions { Tables = [DatasetEntity.Outcomes] });

        Assert.True(partial.Report.Succeeded);
        var dataset = partial.Dataset!;
        // Outcomes check their offences; the areas and children are always read.
        var read = new[] { DatasetEntity.Areas, DatasetEntity.Children, DatasetEntity.Offences, DatasetEntity.Outcomes };
        Assert.Equal(Names([.. Enum.GetValues<DatasetEntity>().Except(read)]), dataset.TablesNotRead);
        Assert.Equal(full.Dataset!.Children, dataset.Children);
        Assert.Equal(full.Dataset.Offences, dataset.Offences);
        Assert.Equal(full.Dataset.Outcomes, dataset.Outcomes);
        Assert.Empty(dataset.Episodes);
        Assert.Empty(dataset.StatusObservations);
        Assert.Empty(dataset.Populations);

        foreach (var file in partial.Report.Files)
        {
            var fullFile = full.Report.Files.Single(f => f.Entity == file.Entity);
            Assert.Equal(file.Read, file.Accepted + file.Rejected);
            Assert.Equal(fullFile.Present, file.Present);
            if (read.Contains(file.Entity))
            {
                Assert.False(file.NotRead);
                Assert.Equal(fullFile, file);
            }
            else
            {
                Assert.True(file.NotRead);
                Assert.Equal(0, file.Read);
                Assert.Contains("not read", file.ToString(), StringComparison.Ordinal);
            }
        }
        Assert.Equal(dataset.RecordCount, partial.Report.TotalAccepted);
    }

    [Fact]
    public void A_table_read_brings_in_the_tables_its_rows_are_checked_against()
    {
        var partial = DatasetImporter.ImportFolder(Generated.Value.Folder, new ImportOptions { Tables = [DatasetEntity.PathwayEvents, DatasetEntity.CaseEvents] });

        var notRead = partial.Dataset!.TablesNotRead;
        // Pathway events check their episodes; case events their outcomes, and so the offences.
        Assert.DoesNotContain("episodes", notRead);
        Assert.DoesNotContain("outcomes", notRead);
        Assert.DoesNotContain("offences", notRead);
        Assert.Contains("assessments", notRead);
        Assert.NotEmpty(partial.Dataset.PathwayEvents);
        Assert.NotEmpty(partial.Dataset.CaseEvents);
    }

    [Fact]
    public void Every_table_is_read_by_default_and_when_every_table_is_asked_for()
    {
        var folder = Generated.Value.Folder;
        var all = DatasetImporter.ImportFolder(folder, new ImportOptions { Tables = Enum.GetValues<DatasetEntity>() });

        Assert.Empty(DatasetImporter.ImportFolder(folder).Dataset!.TablesNotRead);
        Assert.Empty(all.Dataset!.TablesNotRead);
        Assert.DoesNotContain(all.Report.Files, f => f.NotRead);
    }

    [Fact]
    public void Rejected_rows_in_the_tables_read_are_reported_as_in_a_full_import()
    {
        var files = WithLine("offences.csv", 3, "O2,C9,2022-06-01,VIOLENCE_AGAINST_THE_PERSON,5,true");
        var folder = WriteFolder(files);
        var options = new ImportOptions { Policy = ImportPolicy.Lenient };
        var full = DatasetImporter.ImportFolder(folder, options);
        var partial = DatasetImporter.ImportFolder(folder, options with { Tables = [DatasetEntity.Outcomes] });

        // The errors of the files read, and none of the files not read (the victim contact naming O2 is not read).
        var read = partial.Report.Files.Where(f => !f.NotRead).Select(f => f.File).ToHashSet();
        Assert.Contains(full.Report.Errors, e => !read.Contains(e.File));
        Assert.Equal(full.Report.Errors.Where(e => read.Contains(e.File)), partial.Report.Errors);
        Assert.Equal(full.Dataset!.Outcomes, partial.Dataset!.Outcomes);
        Assert.Equal(full.Report.Files.Single(f => f.Entity == DatasetEntity.Offences), partial.Report.Files.Single(f => f.Entity == DatasetEntity.Offences));
    }

    [Fact]
    public void The_JSON_import_reads_only_the_tables_asked_for_too()
    {
        var path = Path.Combine(NewTempFolder(), "dataset.json");
        DatasetExporter.WriteJson(Generated.Value.Dataset, path);

        var partial = DatasetImporter.ImportJson(path, new ImportOptions { Tables = [DatasetEntity.Offences] });

        Assert.Contains("outcomes", partial.Dataset!.TablesNotRead);
        Assert.Equal(Generated.Value.Dataset.Offences, partial.Dataset.Offences);
        var outcomes = partial.Report.Files.Single(f => f.Entity == DatasetEntity.Outcomes);
        Assert.True(outcomes is { NotRead: true, Present: true, Read: 0 });
    }

    [Fact]
    public void A_value_that_is_not_a_table_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            DatasetImporter.ImportFolder(Generated.Value.Folder, new ImportOptions { Tables = [(DatasetEntity)99] }));
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dataset_without_some_tables_cannot_be_written_out()
    {
        var partial = DatasetImporter.ImportFolder(Generated.Value.Folder, new ImportOptions { Tables = [DatasetEntity.Outcomes] }).Dataset!;

        Assert.Contains("episodes", Assert.Throws<ArgumentException>(() => DatasetExporter.WriteFolder(partial, NewTempFolder())).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DatasetExporter.WriteJson(partial, new MemoryStream()));
        Assert.Throws<ArgumentException>(() => DatasetSnapshot.Write(partial, NewTempFolder()));
    }

    [Fact]
    public void An_indicator_that_reads_a_table_not_read_is_refused_by_name()
    {
        var registry = Registry();
        var partial = DatasetImporter.ImportFolder(Generated.Value.Folder, new ImportOptions { Tables = registry.TablesRead([NationalIndicatorIds.FteCount]) }).Dataset!;
        var context = IndicatorContext.For(partial);
        var query = IndicatorQuery.For(ReportingPeriod.FinancialYear(2021));

        var kpi = registry.Indicators.First(i => i.Definition.Family == IndicatorFamilies.YjbKpis).Definition.Id;
        var error = Assert.Throws<InvalidOperationException>(() => registry.Compute(context, query, [NationalIndicatorIds.FteCount, kpi]));
        Assert.Contains($"'{kpi}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("status-observations", error.Message, StringComparison.Ordinal);
        // Every indicator, as a report would ask, is refused too; and the plugins' sections, which may read any table.
        Assert.Throws<InvalidOperationException>(() => registry.Compute(context, query));
        Assert.NotEmpty(registry.Compute(context, query, [NationalIndicatorIds.FteCount]).Results);
    }

    [Fact]
    public void The_national_indicators_say_which_tables_they_read_and_everything_else_reads_every_table()
    {
        var registry = Registry();

        Assert.Equal([DatasetEntity.Areas, DatasetEntity.Children, DatasetEntity.Offences, DatasetEntity.Outcomes],
            registry.TablesRead([NationalIndicatorIds.FteCount, NationalIndicatorIds.ReoffendingBinary, NationalIndicatorIds.TrackerFrequency]));
        Assert.Contains(DatasetEntity.Populations, registry.TablesRead([NationalIndicatorIds.FteRate]));
        var kpi = registry.Indicators.First(i => i.Definition.Family == IndicatorFamilies.YjbKpis).Definition.Id;
        Assert.Equal(Enum.GetValues<DatasetEntity>(), registry.TablesRead([NationalIndicatorIds.FteCount, kpi]));
        Assert.Throws<KeyNotFoundException>(() => registry.TablesRead(["no-such-indicator"]));
        // Every registered national indicator says, so none is missed from the list.
        var national = registry.Indicators.Where(i => i is NationalIndicator).Select(i => i.Definition.Id).Order(StringComparer.Ordinal);
        Assert.Equal(national, IndicatorTables.KnownIds.Order(StringComparer.Ordinal));
    }

    /// <summary>The tables each national indicator says it reads are all it reads: computed from the generated dataset
    /// with every other table emptied, each gives exactly what it gives from the whole dataset, for every breakdown.</summary>
    [Fact]
    public void Each_national_indicator_gives_the_same_results_from_only_the_tables_it_says_it_reads()
    {
        var registry = Registry();
        var whole = Generated.Value.Dataset;
        var query = new IndicatorQuery(
            [ReportingPeriod.FinancialYear(2020), ReportingPeriod.FinancialYear(2021), ReportingPeriod.FinancialYear(2022)], [],
            ["sex", "age-band", "ethnicity-group", "outcome-type", "offence-group"]);
        foreach (var id in IndicatorTables.KnownIds)
        {
            var reads = registry.TablesRead([id]);
            var stripped = Without(whole, [.. Enum.GetValues<DatasetEntity>().Except(reads)]);
            Assert.NotEmpty(stripped.TablesNotRead);

            var expected = Describe(registry.Compute(IndicatorContext.For(whole), query, [id]));
            var actual = Describe(registry.Compute(IndicatorContext.For(stripped), query, [id]));

            Assert.True(expected.Count > 0, $"{id} gave nothing, so the comparison would prove nothing");
            Assert.True(expected.SequenceEqual(actual), $"{id} reads a table besides {string.Join(", ", reads)}");
        }
    }

    [Fact]
    public void A_report_of_some_indicators_shows_only_them_and_builds_no_plugin_section()
    {
        var registry = Registry();
        var ids = new[] { NationalIndicatorIds.FteRate, NationalIndicatorIds.CustodyCount };
        var partial = DatasetImporter.ImportFolder(Generated.Value.Folder, new ImportOptions { Tables = registry.TablesRead(ids) }).Dataset!;
        var request = new ReportRequest { Query = IndicatorQuery.For(ReportingPeriod.FinancialYear(2022)), Indicators = [.. ids] };

        var report = ReportBuilder.Build(registry, IndicatorContext.For(partial), request);

        var shown = report.Sections.SelectMany(s => s.Blocks).OfType<YouthJustice.Sdk.Reporting.ReportTable>()
            .SelectMany(t => t.Rows).SelectMany(r => r).OfType<YouthJustice.Sdk.Reporting.FigureCell>().Select(c => c.Figure.Methodology.Id).Distinct().ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, id => Assert.Contains(id, ids));
        Assert.DoesNotContain(report.Sections, s => s.Kind == YouthJustice.Sdk.Reporting.ReportSectionKind.Plugin);
        Assert.DoesNotContain(report.Sections, s => s.Kind == YouthJustice.Sdk.Reporting.ReportSectionKind.Errors);
    }

    private static List<string> Describe(IndicatorRun run)
    {
        Assert.Empty(run.Errors);
        return [.. run.Results.Select(r => $"{r.IndicatorId}|{r.AreaCode}|{r.Period}|{r.Breakdown}|{r.Value}|{r.Numerator}|{r.Denominator}")];
    }

    private static Dataset Without(Dataset dataset, DatasetEntity[] tables)
    {
        foreach (var table in tables)
        {
            dataset = table switch
            {
                DatasetEntity.Areas => dataset with { Areas = [] },
                DatasetEntity.Children => dataset with { Children = [] },
                DatasetEntity.Offences => dataset with { Offences = [] },
                DatasetEntity.Outcomes => dataset with { Outcomes = [] },
                DatasetEntity.Episodes => dataset with { Episodes = [] },
                DatasetEntity.PathwayEvents => dataset with { PathwayEvents = [] },
                DatasetEntity.Links => dataset with { Links = [] },
                DatasetEntity.Assessments => dataset with { Assessments = [] },
                DatasetEntity.StatusObservations => dataset with { StatusObservations = [] },
                DatasetEntity.VictimContacts => dataset with { VictimContacts = [] },
                DatasetEntity.BoardAttendance => dataset with { BoardAttendances = [] },
                DatasetEntity.Populations => dataset with { Populations = [] },
                DatasetEntity.ReferencePopulations => dataset with { ReferencePopulations = [] },
                DatasetEntity.CaseEvents => dataset with { CaseEvents = [] },
                DatasetEntity.Feedback => dataset with { Feedback = [] },
                _ => throw new ArgumentOutOfRangeException(nameof(tables), table, "not a table"),
            };
        }
        return dataset with { TablesNotRead = [.. tables.Order().Select(DatasetFormat.TableName)] };
    }
}
