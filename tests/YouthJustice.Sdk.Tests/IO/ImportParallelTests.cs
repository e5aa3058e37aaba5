using YouthJustice.Sdk.IO;
using YouthJustice.Sdk.Synthetic;
using static YouthJustice.Sdk.Tests.IO.TestDatasets;

namespace YouthJustice.Sdk.Tests.IO;

/// <summary>Files converted at once report exactly what reading them one after another reports.</summary>
public sealed class ImportParallelTests
{
    /// <summary>A generated dataset with bad rows in every file: every 29th row has its second field broken (a bad date,
    /// or a reference to a child, episode or offence that does not exist) and every 31st row is repeated, so rejected
    /// children, offences and episodes cascade into the files that refer to them.</summary>
    private static string BadFolder()
    {
        var dataset = SyntheticDatasetGenerator.Generate(SyntheticOptions.SingleAuthority(7) with { Scale = 0.2 });
        var folder = NewTempFolder();
        DatasetExporter.WriteFolder(dataset, folder);
        foreach (var path in Directory.GetFiles(folder, "*.csv"))
        {
            if (Path.GetFileName(path) == DatasetFormat.ManifestFileName)
            {
                continue;
            }
            var lines = File.ReadAllLines(path).ToList();
            for (var i = lines.Count - 1; i >= 1; i--)
            {
                if (i % 29 == 0)
                {
                    var fields = lines[i].Split(',');
                    if (fields.Length > 1)
                    {
                        fields[1] = "bad";
                        lines[i] = string.Join(',', fields);
                    }
                }
                else if (i % 31 == 0)
                {
                    lines.Insert(i, lines[i]);
                }
            }
            File.WriteAllLines(path, lines);
        }
        return folder;
    }

    private sealed class Recorder : IProgress<ImportProgress>
    {
        public List<(ImportProgress Progress, int Thread)> Reports { get; } = [];

        public void Report(ImportProgress value) => Reports.Add((value, Environment.CurrentManagedThreadId));
    }

    private static (ImportResult Result, Dictionary<string, byte[]> Rejects, Recorder Progress) Import(string folder, int parallelFiles, ImportPolicy policy)
    {
        var rejects = NewTempFolder();
        var progress = new Recorder();
        var options = new ImportOptions { Policy = policy, RejectsDirectory = rejects, Progress = progress };
        var result = DatasetImporter.ImportFolderCore(folder, options, parallelFiles);
        var files = Directory.GetFiles(rejects).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
        return (result, files, progress);
    }

    [Theory]
    [InlineData(ImportPolicy.Lenient)]
    [InlineData(ImportPolicy.Strict)]
    public void Files_converted_at_once_give_the_same_report_errors_rejects_and_records_as_one_after_another(ImportPolicy policy)
    {
        var folder = BadFolder();
        var (expected, expectedRejects, _) = Import(folder, 1, policy);
        Assert.True(expected.Report.TotalRejected > 100, expected.Report.ToString());
        Assert.Contains(expected.Report.Errors, e => e.Reason.Contains("was rejected (line", StringComparison.Ordinal));

        foreach (var parallelFiles in new[] { 2, 3, 15 })
        {
            var (actual, actualRejects, _) = Import(folder, parallelFiles, policy);

            Assert.Equal(expected.Report.Succeeded, actual.Report.Succeeded);
            Assert.Equal(expected.Report.Files, actual.Report.Files);
            Assert.Equal(expected.Report.Errors, actual.Report.Errors);
            Assert.Equal(expected.Report.Warnings, actual.Report.Warnings);
            Assert.Equal(expected.Report.ToString(), actual.Report.ToString());
            Assert.Equal(expectedRejects.Keys.Order(StringComparer.Ordinal), actualRejects.Keys.Order(StringComparer.Ordinal));
            foreach (var (name, bytes) in expectedRejects)
            {
                Assert.Equal(bytes, actualRejects[name]);
            }
            if (expected.Dataset is not null)
            {
                DatasetAssert.Equal(expected.Dataset, actual.Dataset);
            }
            else
            {
                Assert.Null(actual.Dataset);
            }
        }
    }

    [Fact]
    public void Progress_is_told_on_the_importing_thread_never_goes_back_and_ends_at_every_record_and_byte()
    {
        var folder = BadFolder();
        var totalBytes = Directory.GetFiles(folder, "*.csv").Where(f => Path.GetFileName(f) != DatasetFormat.ManifestFileName).Sum(f => new FileInfo(f).Length);
        foreach (var parallelFiles in new[] { 1, 2 })
        {
            var (result, _, progress) = Import(folder, parallelFiles, ImportPolicy.Lenient);

            Assert.NotEmpty(progress.Reports);
            Assert.All(progress.Reports, r => Assert.Equal(Environment.CurrentManagedThreadId, r.Thread));
            for (var i = 1; i < progress.Reports.Count; i++)
            {
                Assert.True(progress.Reports[i].Progress.RecordsRead >= progress.Reports[i - 1].Progress.RecordsRead);
                Assert.True(progress.Reports[i].Progress.BytesRead >= progress.Reports[i - 1].Progress.BytesRead);
            }
            var last = progress.Reports[^1].Progress;
            Assert.Equal(result.Report.TotalRead, last.RecordsRead);
            Assert.Equal(totalBytes, last.TotalBytes);
            Assert.Equal(totalBytes, last.BytesRead);
            // One report at the end of each file that is there, at least.
            Assert.True(progress.Reports.Count >= result.Report.Files.Count(f => f.Present));
        }
    }

    private sealed class ThrowingProgress(int after) : IProgress<ImportProgress>
    {
        private int _told;

        public void Report(ImportProgress value)
        {
            if (++_told == after)
            {
                throw new InvalidOperationException("display closed");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_progress_callback_that_throws_ends_the_import_with_its_exception_on_the_importing_thread(int parallelFiles)
    {
        var folder = BadFolder();
        var options = new ImportOptions { Policy = ImportPolicy.Lenient, Progress = new ThrowingProgress(3) };

        var thrown = Assert.Throws<InvalidOperationException>(() => DatasetImporter.ImportFolderCore(folder, options, parallelFiles));

        Assert.Equal("display closed", thrown.Message);
        // The files still being read when it threw are waited for: a later import in the same process is unaffected.
        Assert.True(DatasetImporter.ImportFolderCore(folder, options with { Progress = null }, parallelFiles).Succeeded);
    }
}
