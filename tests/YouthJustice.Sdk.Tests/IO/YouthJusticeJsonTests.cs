using System.Text.Json;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.IO;

namespace YouthJustice.Sdk.Tests.IO;

public class YouthJusticeJsonTests
{
    [Fact]
    public void Shared_options_write_dates_as_iso_and_enums_and_domain_types_as_dataset_codes()
    {
        var options = YouthJusticeJson.CreateOptions();
        var child = new Child("C1", new LocalDate(2008, 2, 29), Sex.NonBinary, EthnicityCategory.OtherArab, "E08000026", CareStatus.ChildInNeed);

        var json = JsonSerializer.Serialize(child, options);

        Assert.Contains("\"date_of_birth\": \"2008-02-29\"", json, StringComparison.Ordinal);
        Assert.Contains("\"sex\": \"NON_BINARY\"", json, StringComparison.Ordinal);
        Assert.Contains("\"ethnicity\": \"ARAB\"", json, StringComparison.Ordinal);
        Assert.Contains("\"care_status\": \"CHILD_IN_NEED\"", json, StringComparison.Ordinal);
        Assert.Equal(child, JsonSerializer.Deserialize<Child>(json, options));
    }

    [Fact]
    public void Shared_options_read_outcome_types_and_programme_aliases_through_the_vocabulary()
    {
        var local = new ProgrammeKind("LEICESTER_EIT", "Early Intervention Team", ["CRPT"], isLocal: true);
        var options = YouthJusticeJson.CreateOptions(DomainVocabulary.National.WithProgramme(local));
        var outcome = new Outcome("X1", "C1", ["O1", "O2"], new LocalDate(2022, 2, 1), OutcomeTypes.YouthConditionalCaution, DecidingBody.Police, Admitted: true);

        var back = JsonSerializer.Deserialize<Outcome>(JsonSerializer.Serialize(outcome, options), options);

        Assert.Equal(outcome, back);
        Assert.Equal(local, JsonSerializer.Deserialize<ProgrammeKind>("\"crpt\"", options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<OutcomeType>("\"NOPE\"", options));
    }

    [Fact]
    public void Dataset_codes_are_upper_snake_case_member_names()
    {
        Assert.Equal("NON_BINARY", DatasetCodes.Of(Sex.NonBinary));
        Assert.Equal("VIOLENCE_AGAINST_THE_PERSON", DatasetCodes.Of(OffenceGroup.ViolenceAgainstThePerson));
        Assert.Equal(["NONE", "SEN_SUPPORT", "EDUCATION_HEALTH_CARE_PLAN"], DatasetCodes.All<SendStatus>());
        Assert.True(DatasetCodes.TryParse<RiskLevel>(" very_high ", out var level));
        Assert.Equal(RiskLevel.VeryHigh, level);
        Assert.Equal("pathway-events.csv", DatasetFormat.FileName(DatasetEntity.PathwayEvents));
        Assert.Equal("pathway_events", DatasetFormat.JsonArrayName(DatasetEntity.PathwayEvents));
    }
}
