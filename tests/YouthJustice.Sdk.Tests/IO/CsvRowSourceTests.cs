using YouthJustice.Sdk.IO;
using static YouthJustice.Sdk.Tests.IO.TestDatasets;

namespace YouthJustice.Sdk.Tests.IO;

/// <summary>A CSV file's reference columns are read as the strings already held for them, and as exactly the text the
/// file has: what is not held (or not plain ASCII) is read as a new string, as without the lookup.</summary>
public sealed class CsvRowSourceTests
{
    private static string LinksFile(params string[] rows)
    {
        var path = Path.Combine(NewTempFolder(), DatasetSchema.Links.FileName);
        File.WriteAllLines(path, ["child_id,linked_child_id,kind", .. rows]);
        return path;
    }

    private static List<string?[]> ReadAll(string path, HeldText?[]? held) => ReadAllWithPositions(path, held).Cells;

    private static (List<string?[]> Cells, List<int[]> HeldAt) ReadAllWithPositions(string path, HeldText?[]? held)
    {
        using var source = new CsvRowSource(DatasetSchema.Links, path, held);
        var rows = new List<string?[]>();
        var positions = new List<int[]>();
        while (source.MoveNext())
        {
            rows.Add([.. source.Cells]);
            positions.Add([.. source.HeldAt]);
        }
        return (rows, positions);
    }

    [Fact]
    public void A_held_value_is_read_as_the_held_string_and_any_other_as_its_own_text()
    {
        // Made at run time, so that no string in the file can be the same object as it by interning.
        var c1 = new string(['C', '1']);
        var asked = new List<string>();
        HeldText child = (ReadOnlySpan<char> text, out int position) =>
        {
            asked.Add(text.ToString());
            position = text.SequenceEqual("C1") ? 7 : -1;
            return position >= 0 ? c1 : null;
        };
        var path = LinksFile("C1,C2,SIBLING", "\"C1\",C1 ,SIBLING", " C1,Zoë,SIBLING", ",C1,SIBLING");

        var (rows, heldAt) = ReadAllWithPositions(path, [child, child, null]);

        Assert.Equal(4, rows.Count);
        Assert.Same(c1, rows[0][0]);
        Assert.Equal("C2", rows[0][1]);
        // A quoted field is its text without the quotes, as CsvHelper reads it.
        Assert.Same(c1, rows[1][0]);
        // Whitespace is part of the value: not the held id, and kept as read.
        Assert.Equal("C1 ", rows[1][1]);
        Assert.Equal(" C1", rows[2][0]);
        Assert.Equal("Zoë", rows[2][1]);
        Assert.Null(rows[3][0]);
        Assert.Same(c1, rows[3][1]);
        Assert.Equal("SIBLING", rows[0][2]);
        // Non-ASCII text and empty fields are never looked up; the kind column has no lookup.
        Assert.Equal(["C1", "C2", "C1", "C1 ", " C1", "C1"], asked);
        // Where the held record is, for each cell read as a held string, and -1 for every other cell.
        Assert.Equal([[7, -1, -1], [7, -1, -1], [-1, -1, -1], [-1, 7, -1]], heldAt);
    }

    [Fact]
    public void Without_lookups_every_cell_reads_the_same_as_with_them()
    {
        var path = LinksFile("C1,C2,SIBLING", "\"C1\",C1 ,SIBLING", " C1,Zoë,SIBLING", ",C1,SIBLING", "C3,\"a,b\",X");
        HeldText child = (ReadOnlySpan<char> text, out int position) =>
        {
            position = text.SequenceEqual("C1") ? 0 : -1;
            return position >= 0 ? "C1" : null;
        };

        Assert.Equal(ReadAll(path, null), ReadAll(path, [child, child, child]));
    }

    [Fact]
    public void An_import_offers_no_lookup_into_a_file_not_yet_read_to_the_end()
    {
        // Its dictionaries may still be being filled on another thread: reading them then would be a race.
        var session = new ImportSession("folder", new ImportOptions());

        var held = session.HeldReferences(DatasetSchema.Outcomes);

        Assert.NotNull(held);
        Assert.Equal(DatasetSchema.Outcomes.Columns.Count, held.Length);
        Assert.All(held, Assert.Null);
        Assert.Null(session.HeldReferences(DatasetSchema.Children));
    }

    [Fact]
    public void A_value_longer_than_an_id_is_read_as_a_new_string()
    {
        var longId = new string('A', 200);
        var calls = 0;
        HeldText child = (ReadOnlySpan<char> _, out int position) =>
        {
            calls++;
            position = 0;
            return "held";
        };
        var path = LinksFile($"{longId},C2,SIBLING");

        var rows = ReadAll(path, [child, null, null]);

        Assert.Equal(longId, rows[0][0]);
        Assert.Equal(0, calls);
    }
}
