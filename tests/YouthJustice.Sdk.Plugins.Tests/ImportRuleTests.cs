using Microsoft.Extensions.DependencyInjection;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.IO;
using static YouthJustice.Sdk.Plugins.Tests.Data;
using YouthJustice.Sdk.Hosting;

namespace YouthJustice.Sdk.Plugins.Tests;

/// <summary>A plugin's validation rules and vocabulary at import, through <see cref="YouthJusticeRegistryExtensions.CreateImportOptions"/>.</summary>
public class ImportRuleTests
{
    private static readonly ProgrammeKind Mentoring = new("LOCAL_MENTORING", "Local mentoring", isLocal: true);

    private static readonly PluginManifest Manifest = new()
    {
        Id = "local-mentoring",
        DisplayName = "Local mentoring",
        Version = "1.0.0",
        AuthorityCode = "E10000031",
        SdkVersion = SdkVersionRange.Parse("[0.1, 1.0)"),
        EntryAssembly = "none.dll",
    };

    /// <summary>Mentoring needs consent (an error) and should record a route (a warning).</summary>
    private sealed class ConsentRule : IValidationRule
    {
        public string Id => "local-mentoring.consent";

        public string Description => "Mentoring episodes have consent and a route.";

        public IEnumerable<ValidationFinding> Validate(Dataset dataset)
        {
            foreach (var e in dataset.Episodes.Where(e => e.Programme.Equals(Mentoring)))
            {
                if (e.ConsentGiven != true)
                {
                    yield return new ValidationFinding(Id, RecordKinds.Episode, e.Id, "consent_given", "mentoring needs consent");
                }
                if (e.Route is null)
                {
                    yield return new ValidationFinding(Id, RecordKinds.Episode, e.Id, "route", "no route recorded", FindingSeverity.Warning);
                }
            }
        }
    }

    private sealed class MentoringPlugin : IYouthJusticePlugin
    {
        public void Register(IPluginRegistrar registrar)
        {
            registrar.AddProgramme(Mentoring);
            registrar.AddValidationRule(new ConsentRule());
        }
    }

    private static string Folder()
    {
        var dataset = new Dataset
        {
            AsOf = D(2024, 3, 31),
            Areas = [new Area("E10000031", "Warwickshire")],
            Children = [Child("C1"), Child("C2")],
            Episodes =
            [
                new ProgrammeEpisode("M1", "C1", Mentoring, D(2023, 5, 1), "SCHOOL", ConsentGiven: true),
                new ProgrammeEpisode("M2", "C2", Mentoring, D(2023, 6, 1), ConsentGiven: false),
            ],
            PathwayEvents = [new PathwayEvent("M2", D(2023, 6, 2), "REFERRED")],
        };
        var folder = Path.Combine(Path.GetTempPath(), "yj-import-rules-" + Guid.NewGuid().ToString("N"));
        DatasetExporter.WriteFolder(dataset, folder);
        return folder;
    }

    [Fact]
    public void A_plugins_rules_run_during_import_with_options_the_registry_creates_and_reject_what_they_name()
    {
        var services = new ServiceCollection();
        services.AddYouthJustice(o => o.AddPlugin(new MentoringPlugin(), Manifest));
        var registry = services.BuildServiceProvider().GetRequiredService<IYouthJusticeRegistry>();
        var folder = Folder();

        var national = DatasetImporter.ImportFolder(folder, new ImportOptions { Policy = ImportPolicy.Lenient });
        var strict = DatasetImporter.ImportFolder(folder, registry.CreateImportOptions());
        var lenient = DatasetImporter.ImportFolder(folder, registry.CreateImportOptions(ImportPolicy.Lenient));

        // Without the plugin the local programme code is unknown: both episodes (and the event) are rejected.
        Assert.Empty(national.Dataset!.Episodes);
        // Strict: M2's missing consent fails the import, at its line with the rule id and message.
        AssertError(Assert.Single(strict.Report.Errors), 3, "consent_given", "rule local-mentoring.consent: mentoring needs consent");
        Assert.Null(strict.Dataset);
        // Lenient: M2 and its pathway event are rejected, M1 loads; the warning about M2's route rejects nothing more.
        Assert.Equal(["M1"], lenient.Dataset!.Episodes.Select(e => e.Id));
        Assert.Empty(lenient.Dataset.PathwayEvents);
        Assert.Equal(2, lenient.Report.Errors.Count);
        Assert.Equal("episode M2 was rejected by a validation rule", lenient.Report.Errors[1].Reason);
        AssertError(Assert.Single(lenient.Report.Warnings), 3, "route", "rule local-mentoring.consent: no route recorded");
        Assert.All(lenient.Report.Files, f => Assert.Equal(f.Read, f.Accepted + f.Rejected));
        Assert.Equal(2, lenient.Report.TotalRejected);
    }

    private static void AssertError(ImportError error, int line, string field, string reason) =>
        Assert.Equal(("episodes.csv", (int?)line, field, reason), (error.File, error.Line, error.Field, error.Reason));
}
