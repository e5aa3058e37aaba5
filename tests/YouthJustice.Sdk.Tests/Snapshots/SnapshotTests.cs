using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Snapshots;
using static YouthJustice.Sdk.Tests.IO.TestDatasets;

namespace YouthJustice.Sdk.Tests.Snapshots;

public class SnapshotTests
{
    public static TheoryData<string> Datasets => new() { "full", "sparse" };

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Writing_a_snapshot_and_loading_it_gives_an_equal_dataset(string name)
    {
        var dataset = name == "full" ? Full() : Sparse();
        var folder = NewTempFolder();

        DatasetSnapshot.Write(dataset, folder);
        var result = DatasetSnapshot.Load(folder);

        Assert.True(result.Succeeded, result.Report.ToString());
        DatasetAssert.Equal(dataset, result.Dataset);
        Assert.Equal(dataset.RecordCount, result.Report.TotalRead);
        Assert.Equal(result.Report.TotalRead, result.Report.TotalAccepted + result.Report.TotalRejected);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void A_snapshot_of_many_row_groups_loads_the_same_dataset(int rowGroupRows)
    {
        var dataset = Full();
        var folder = NewTempFolder();

        DatasetSnapshot.Write(dataset, folder, rowGroupRows);
        var result = DatasetSnapshot.Load(folder);

        Assert.True(result.Succeeded, result.Report.ToString());
        DatasetAssert.Equal(dataset, result.Dataset);
    }

    [Fact]
    public void A_loaded_reference_is_the_referenced_records_own_id_string()
    {
        var folder = NewTempFolder();
        DatasetSnapshot.Write(Full(), folder, 2);

        var dataset = DatasetSnapshot.Load(folder).Dataset!;

        var children = dataset.Children.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var offences = dataset.Offences.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var episodes = dataset.Episodes.ToDictionary(e => e.Id, StringComparer.Ordinal);
        Assert.NotEmpty(dataset.Offences);
        Assert.All(dataset.Offences, o => Assert.Same(children[o.ChildId].Id, o.ChildId));
        Assert.NotEmpty(dataset.Outcomes.SelectMany(o => o.OffenceIds));
        Assert.All(dataset.Outcomes.SelectMany(o => o.OffenceIds), id => Assert.Same(offences[id].Id, id));
        Assert.NotEmpty(dataset.PathwayEvents);
        Assert.All(dataset.PathwayEvents, p => Assert.Same(episodes[p.EpisodeId].Id, p.EpisodeId));
    }

    [Fact]
    public void A_csv_folder_and_its_snapshot_export_to_the_same_bytes()
    {
        var imported = Import(ValidFiles()).Dataset!;
        var snapshot = NewTempFolder();
        DatasetSnapshot.Write(imported, snapshot);
        var fromCsv = NewTempFolder();
        var fromSnapshot = NewTempFolder();

        DatasetExporter.WriteFolder(imported, fromCsv);
        DatasetExporter.WriteFolder(DatasetSnapshot.Load(snapshot).Dataset!, fromSnapshot);

        foreach (var file in Directory.GetFiles(fromCsv))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(fromSnapshot, Path.GetFileName(file))));
        }
    }

    [Fact]
    public void A_folder_is_a_snapshot_only_when_it_holds_the_children_file()
    {
        var folder = NewTempFolder();
        DatasetExporter.WriteFolder(Full(), folder);
        Assert.False(DatasetSnapshot.IsSnapshot(folder));

        DatasetSnapshot.Write(Full(), folder);
        Assert.True(DatasetSnapshot.IsSnapshot(folder));
    }

    [Fact]
    public void A_programme_the_vocabulary_does_not_know_fails_the_load_naming_file_row_and_field()
    {
        var local = new ProgrammeKind("LOCAL_DIVERSION", "A local diversion scheme", isLocal: true);
        var dataset = Full();
        dataset = dataset with { Episodes = [dataset.Episodes[0] with { Programme = local }, .. dataset.Episodes.Skip(1)] };
        var folder = NewTempFolder();
        DatasetSnapshot.Write(dataset, folder);

        var result = DatasetSnapshot.Load(folder);

        Assert.Null(result.Dataset);
        var error = Assert.Single(result.Report.Errors);
        Assert.Equal("episodes.parquet", error.File);
        Assert.Equal("row 1", error.Position);
        Assert.Equal("programme", error.Field);
        Assert.Equal("LOCAL_DIVERSION", error.Value);
        Assert.True(DatasetSnapshot.Load(folder, ImportOptions.Default with { Vocabulary = DomainVocabulary.National.WithProgramme(local) }).Succeeded);
    }

    [Fact]
    public void An_error_in_a_later_row_group_names_the_row_in_the_file()
    {
        var local = new ProgrammeKind("LOCAL_DIVERSION", "A local diversion scheme", isLocal: true);
        var dataset = Full();
        var first = dataset.Episodes[0];
        dataset = dataset with { Episodes = [first with { Id = "EP-A" }, first with { Id = "EP-B" }, first with { Id = "EP-C", Programme = local }] };
        var folder = NewTempFolder();
        DatasetSnapshot.Write(dataset, folder, 2);

        var result = DatasetSnapshot.Load(folder);

        var error = Assert.Single(result.Report.Errors);
        Assert.Equal("episodes.parquet", error.File);
        Assert.Equal("row 3", error.Position);
        Assert.Equal("LOCAL_DIVERSION", error.Value);
    }

    [Fact]
    public void A_missing_manifest_fails_the_load()
    {
        var folder = NewTempFolder();
        DatasetSnapshot.Write(Full(), folder);
        File.Delete(Path.Combine(folder, DatasetFormat.ManifestFileName));

        var result = DatasetSnapshot.Load(folder);

        Assert.False(result.Succeeded);
        Assert.Equal(DatasetFormat.ManifestFileName, Assert.Single(result.Report.Errors).File);
    }
}

public class AuthorityScopeTests
{
    [Fact]
    public void An_authoritys_view_holds_exactly_its_childrens_records_in_dataset_order()
    {
        var full = Full();
        var other = full.Children[0] with { Id = "ELSEWHERE-1", HomeAreaCode = "E99999999" };
        var dataset = full with
        {
            Children = [.. full.Children, other],
            Offences = [.. full.Offences, full.Offences[0] with { Id = "ELSEWHERE-O1", ChildId = other.Id }],
        };
        var code = full.Children[0].HomeAreaCode;

        var view = AuthorityScope.Restrict(dataset, code.ToLowerInvariant());

        Assert.Equal(dataset.Children.Where(c => string.Equals(c.HomeAreaCode, code, StringComparison.OrdinalIgnoreCase)), view.Children);
        var ids = view.Children.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(dataset.Offences.Where(o => ids.Contains(o.ChildId)), view.Offences);
        Assert.Equal(dataset.Outcomes.Where(o => ids.Contains(o.ChildId)), view.Outcomes);
        Assert.DoesNotContain(view.Offences, o => o.Id == "ELSEWHERE-O1");
        Assert.Empty(AuthorityScope.Restrict(dataset, "E00000000").Children);
        Assert.Equal([other], AuthorityScope.Restrict(dataset, "E99999999").Children);
    }
}
