using System.Reflection;
using System.Text.Json.Nodes;
using Json.Schema;

namespace YouthJustice.Sdk.Console.Tests;

/// <summary><c>yj report --format json</c> against the published schema, <c>docs/report.schema.json</c>.</summary>
public sealed class ReportSchemaTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("yj-schema-tests-");

    public void Dispose() => _work.Delete(recursive: true);

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(typeof(ReportSchemaTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ReportSchema").Value!));

    private static EvaluationResults Evaluate(JsonNode? document) =>
        Schema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Errors(EvaluationResults results) => string.Join("\n", results.Details
        .Where(d => d.HasErrors).Take(20).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));

    [Theory]
    [InlineData("report")]
    [InlineData("report", "--publish")]
    [InlineData("report", "--period", "2022/23 Q3", "--breakdown", "sex", "--publish")]
    public void The_reports_json_validates_against_the_published_schema(params string[] args)
    {
        var run = ConsoleProcess.Run(_work.FullName, [.. args, "--format", "json"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var results = Evaluate(JsonNode.Parse(run.StdOut));
        Assert.True(results.IsValid, Errors(results));
    }

    [Fact]
    public void The_schema_refuses_a_count_written_as_text()
    {
        var run = ConsoleProcess.Run(_work.FullName, "report", "--format", "json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var document = JsonNode.Parse(run.StdOut)!;
        var figure = document["figures"]![0]!;
        figure["numerator"] = figure["numerator"]!.ToJsonString();

        Assert.False(Evaluate(document).IsValid);
    }
}
