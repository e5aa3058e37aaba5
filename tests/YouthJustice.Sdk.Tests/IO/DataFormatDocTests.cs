using System.Text;
using System.Text.RegularExpressions;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.IO;

namespace YouthJustice.Sdk.Tests.IO;

/// <summary>Keeps docs/data-format.md in step with the code: every file, column and code is documented, and the JSON example imports.</summary>
public class DataFormatDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "data-format.md"));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "YouthJustice.Sdk.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("The repository root (YouthJustice.Sdk.sln) was not found.");
    }

    [Fact]
    public void Every_file_and_column_is_documented()
    {
        foreach (var entity in Enum.GetValues<DatasetEntity>())
        {
            Assert.Contains($"### 3.{(int)entity + 1} `{DatasetFormat.FileName(entity)}`", Doc, StringComparison.Ordinal);
            Assert.Contains($"`{DatasetFormat.JsonArrayName(entity)}`", Doc, StringComparison.Ordinal);
            foreach (var column in DatasetFormat.Columns(entity))
            {
                Assert.Contains($"| `{column}` |", Doc, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_code_is_documented()
    {
        var codes = new List<string>();
        codes.AddRange(DatasetCodes.All<Sex>());
        codes.AddRange(DatasetCodes.All<EthnicityGroup>());
        codes.AddRange(DatasetCodes.All<CareStatus>());
        codes.AddRange(DatasetCodes.All<SendStatus>());
        codes.AddRange(DatasetCodes.All<OffenceGroup>());
        codes.AddRange(DatasetCodes.All<DecidingBody>());
        codes.AddRange(DatasetCodes.All<Engagement>());
        codes.AddRange(DatasetCodes.All<LinkKind>());
        codes.AddRange(DatasetCodes.All<RiskLevel>());
        codes.AddRange(DatasetCodes.All<Needs>());
        codes.AddRange(DatasetCodes.All<ObservationPoint>());
        codes.AddRange(DatasetCodes.All<SupervisionSetting>());
        codes.AddRange(DatasetCodes.All<SupportStage>());
        codes.AddRange(DatasetCodes.All<AttendanceLevel>());
        codes.AddRange(DatasetCodes.All<AssessmentStage>());
        codes.AddRange(DatasetCodes.All<CaseEventKind>());
        codes.AddRange(DatasetCodes.All<FeedbackRespondent>());
        codes.AddRange(EthnicityCategory.All.Select(c => c.Code));
        codes.AddRange(OutcomeTypes.National.Select(t => t.Code));
        codes.AddRange(ProgrammeKinds.National.Select(p => p.Code));

        var missing = codes.Where(code => !Doc.Contains($"`{code}`", StringComparison.Ordinal)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void The_documented_json_example_imports_strictly()
    {
        var json = Regex.Match(Doc, "```json\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;

        var result = DatasetImporter.ImportJson(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        Assert.True(result.Succeeded, result.Report.ToString());
        Assert.Equal(15, result.Report.Files.Count);
        Assert.Equal(14, result.Dataset!.RecordCount);
    }

    [Fact]
    public void The_documented_report_limits_are_the_codes()
    {
        Assert.Contains($"`ImportReport.MaxListedPerFileAndField` ({ImportReport.MaxListedPerFileAndField})", Doc, StringComparison.Ordinal);
        Assert.Contains($"`ImportError.MaxValueLength` ({ImportError.MaxValueLength})", Doc, StringComparison.Ordinal);
        Assert.Equal(2000, ImportError.MaxReasonLength);
        Assert.Contains("`Reason` to 2,000", Doc, StringComparison.Ordinal);
    }
}
