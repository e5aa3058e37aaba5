using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.IO;
using static YouthJustice.Sdk.Tests.IO.TestDatasets;

namespace YouthJustice.Sdk.Tests.IO;

public class ImportPropertyTests
{
    private static readonly string[] FileNames = [.. ValidFiles().Keys.Order(StringComparer.Ordinal)];

    /// <summary>A mutation: which file, line and cell to change, the new text, and whether it is written CSV-escaped or raw.</summary>
    public sealed record Mutation(string File, int Line, int Cell, string Text, bool Escape);

    private static Arbitrary<Mutation> Mutations()
    {
        var text = Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
            Gen.Elements("", " ", "2021-02-30", "31/01/2021", "9999-12-31", "-1", "0", "2147483648", "1e3", "NaN", "true", "TRUE",
                "C1", "C2", "O1", "O3", "E1", "X1;X1", "O1;;O2", "\"", "a,b", "line\nbreak", "\r\n", "\uFEFF", "MALE", "REMAND", "İ", "ı"));
        var gen =
            from file in Gen.Elements(FileNames)
            from line in Gen.Choose(0, 10)
            from cell in Gen.Choose(0, 12)
            from value in text
            from escape in ArbMap.Default.GeneratorFor<bool>()
            select new Mutation(file, line, cell, value, escape);
        return gen.ToArbitrary();
    }

    /// <summary>Replaces one cell. Only lines without quotes are split, so the cell boundaries are exact.</summary>
    private static Dictionary<string, string> Apply(Mutation mutation)
    {
        var files = ValidFiles();
        var lines = files[mutation.File].Split('\n').Where(l => l.Length > 0).ToArray();
        var index = mutation.Line % lines.Length;
        if (lines[index].Contains('"', StringComparison.Ordinal))
        {
            index = 0;
        }
        var cells = lines[index].Split(',');
        var value = mutation.Escape && mutation.Text.IndexOfAny([',', '"', '\r', '\n']) >= 0
            ? "\"" + mutation.Text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : mutation.Text;
        cells[mutation.Cell % cells.Length] = value;
        lines[index] = string.Join(',', cells);
        files[mutation.File] = string.Join('\n', lines) + "\n";
        return files;
    }

    [Property(MaxTest = 150)]
    public Property Mutating_any_one_cell_either_imports_or_reports_an_error_and_never_throws() =>
        Prop.ForAll(Mutations(), mutation =>
        {
            var files = Apply(mutation);
            var strict = Import(files, ImportPolicy.Strict);
            var lenient = Import(files, ImportPolicy.Lenient);

            var strictConsistent = strict.Dataset is null ? strict.Report.Errors.Count > 0 : strict.Report.Errors.Count == 0;
            var reconciles = strict.Report.Files.Concat(lenient.Report.Files).All(f => f.Read == f.Accepted + f.Rejected);
            var everyRejectionReported = lenient.Report.TotalRejected == 0 || lenient.Report.Errors.Count > 0;
            var lenientLoadsWhatItAccepts = lenient.Dataset is null || lenient.Dataset.RecordCount == lenient.Report.TotalAccepted;
            return strictConsistent && reconciles && everyRejectionReported && lenientLoadsWhatItAccepts;
        });

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    [InlineData("de-DE")]
    public void Import_gives_the_same_result_whatever_the_current_culture(string culture)
    {
        // Lower-case codes with an 'i' catch the Turkish dotted/dotless i; 12.5 catches a decimal comma.
        var files = WithLine("children.csv", 4, "C3,2007-11-30,non_binary,mwbc,E08000026,child_in_need,education_health_care_plan");
        WithLine(files, "offences.csv", 3, "O2,C1,2022-06-01,violence_against_the_person,5,TRUE");
        WithLine(files, "populations.csv", 3, "E08000026,2022,15,FEMALE,BLACK,-210");
        var folder = WriteFolder(files);
        var options = new ImportOptions { Policy = ImportPolicy.Lenient };
        var invariant = Under(CultureInfo.InvariantCulture, () => DatasetImporter.ImportFolder(folder, options));

        var local = Under(CultureInfo.GetCultureInfo(culture), () => DatasetImporter.ImportFolder(folder, options));

        DatasetAssert.Equal(invariant.Dataset!, local.Dataset);
        Assert.Equal(invariant.Report.ToString(), local.Report.ToString());
        Assert.Equal(3, local.Dataset!.Children.Count);
        Assert.Equal(12.5m, local.Dataset.StatusObservations[0].EteHours);
        Assert.Equal(Sex.NonBinary, local.Dataset.Children[2].Sex);
        Assert.Single(local.Report.Errors);
    }

    private static T Under<T>(CultureInfo culture, Func<T> action)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }
}
