using YouthJustice.Sdk.Domain;

namespace YouthJustice.Sdk.Tests;

/// <summary>Value equality of whole datasets, list by list, naming the first record that differs.</summary>
internal static class DatasetAssert
{
    public static void Equal(Dataset expected, Dataset? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.AsOf, actual.AsOf);
        Same("areas", expected.Areas, actual.Areas);
        Same("children", expected.Children, actual.Children);
        Same("offences", expected.Offences, actual.Offences);
        Same("outcomes", expected.Outcomes, actual.Outcomes);
        Same("episodes", expected.Episodes, actual.Episodes);
        Same("pathway events", expected.PathwayEvents, actual.PathwayEvents);
        Same("links", expected.Links, actual.Links);
        Same("assessments", expected.Assessments, actual.Assessments);
        Same("status observations", expected.StatusObservations, actual.StatusObservations);
        Same("victim contacts", expected.VictimContacts, actual.VictimContacts);
        Same("board attendances", expected.BoardAttendances, actual.BoardAttendances);
        Same("populations", expected.Populations, actual.Populations);
        Same("reference populations", expected.ReferencePopulations, actual.ReferencePopulations);
        Same("case events", expected.CaseEvents, actual.CaseEvents);
        Same("feedback", expected.Feedback, actual.Feedback);
    }

    private static void Same<T>(string list, IReadOnlyList<T> expected, IReadOnlyList<T> actual)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            if (!EqualityComparer<T>.Default.Equals(expected[i], actual[i]))
            {
                Assert.Fail($"{list}[{i}] differs:\n expected {expected[i]}\n actual   {actual[i]}");
            }
        }
        Assert.True(expected.Count == actual.Count, $"{list}: expected {expected.Count} records, got {actual.Count}");
    }
}
