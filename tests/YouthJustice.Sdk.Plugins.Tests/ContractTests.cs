using YouthJustice.Sdk.Domain;
using static YouthJustice.Sdk.Plugins.Tests.Data;
using YouthJustice.Sdk.Hosting;

namespace YouthJustice.Sdk.Plugins.Tests;

public class ContractTests
{
    [Theory]
    [InlineData("[0.1, 1.0)", "0.1.0", true)]
    [InlineData("[0.1, 1.0)", "0.9.9", true)]
    [InlineData("[0.1, 1.0)", "1.0.0", false)]
    [InlineData("(0.1, 1.0]", "0.1.0", false)]
    [InlineData("(0.1, 1.0]", "1.0.0", true)]
    [InlineData("0.2", "0.1.5", false)]
    [InlineData("0.2", "7.0.0", true)]
    [InlineData("[1.2]", "1.2.0", true)]
    [InlineData("[1.2]", "1.2.1", false)]
    [InlineData("(, 2.0)", "0.0.1", true)]
    public void Sdk_version_ranges_follow_interval_notation(string range, string version, bool included)
    {
        Assert.Equal(included, SdkVersionRange.Parse(range).Includes(Version.Parse(version)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1.0, 0.1)")]
    [InlineData("[0.1, 1.0")]
    [InlineData("one")]
    public void A_malformed_version_range_is_rejected(string range)
    {
        Assert.False(SdkVersionRange.TryParse(range, out _));
    }

    [Fact]
    public void A_manifest_is_read_with_its_settings()
    {
        var manifest = PluginManifestReader.Parse("""
            { "id": "my-authority", "displayName": "Mine", "version": "2.1.0", "authorityCode": "E06000001",
              "sdkVersion": "[0.1, 1.0)", "entryAssembly": "Mine.dll", "settings": { "threshold": 3, "on": true, "name": "x" } }
            """);

        Assert.Equal("my-authority", manifest.Id);
        Assert.Equal("E06000001", manifest.AuthorityCode);
        Assert.Equal("3", manifest.Settings["threshold"]);
        Assert.Equal("true", manifest.Settings["on"]);
        Assert.Null(manifest.EntryType);
    }

    [Theory]
    [InlineData("""{ "displayName": "x", "version": "1", "authorityCode": "E1", "sdkVersion": "0.1", "entryAssembly": "a.dll" }""", "'id' is required")]
    [InlineData("""{ "id": "Bad Id", "displayName": "x", "version": "1", "authorityCode": "E1", "sdkVersion": "0.1", "entryAssembly": "a.dll" }""", "id 'Bad Id' must be")]
    [InlineData("""{ "id": "ok", "displayName": "x", "version": "1", "authorityCode": "E1", "sdkVersion": "soon", "entryAssembly": "a.dll" }""", "sdkVersion 'soon'")]
    [InlineData("""{ "id": "ok", "displayName": "x", "version": "1", "authorityCode": "E1", "sdkVersion": "0.1", "entryAssembly": "../a.dll" }""", "must be a file name")]
    [InlineData("""[1, 2]""", "must be a JSON object")]
    public void An_invalid_manifest_is_rejected_naming_the_field(string json, string message)
    {
        var ex = Assert.Throws<FormatException>(() => PluginManifestReader.Parse(json));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pathway_allows_declared_steps_and_reports_the_rest()
    {
        var pathway = ProgrammePathway.For("TEST")
            .State("A", "Start", initial: true).State("B", "Middle").State("C", "End", final: true)
            .Step("A", "B").Step("B", "B", "C")
            .Build();

        Assert.Empty(pathway.Validate("e", [new("e", D(2022, 1, 1), "A"), new("e", D(2022, 1, 2), "B"), new("e", D(2022, 1, 2), "B"), new("e", D(2022, 1, 3), "C")]));
        var issues = pathway.Validate("e", [new("e", D(2022, 1, 3), "C"), new("e", D(2022, 1, 1), "B"), new("e", D(2022, 1, 4), "Z"), new("e", D(2022, 1, 5), "A")]);
        Assert.Equal(3, issues.Count);
        Assert.Contains("cannot start at 'B'", issues[0].Message, StringComparison.Ordinal);
        Assert.Contains("'Z' is not a state", issues[1].Message, StringComparison.Ordinal);
        Assert.Contains("'C' is final", issues[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pathway_naming_an_undeclared_state_cannot_be_built()
    {
        var builder = ProgrammePathway.For("TEST").State("A", "Start", initial: true).Step("A", "B");

        Assert.Throws<InvalidOperationException>(builder.Build);
    }
}
