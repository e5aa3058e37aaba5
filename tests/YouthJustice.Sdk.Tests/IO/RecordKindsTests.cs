using YouthJustice.Sdk.Domain;

namespace YouthJustice.Sdk.Tests.IO;

public class RecordKindsTests
{
    private static readonly LocalDate Day = new(2023, 1, 1);

    [Fact]
    public void Pathway_events_are_named_by_their_episode_and_position_among_that_episodes_events()
    {
        PathwayEvent[] events = [new("E1", Day, "A"), new("E2", Day, "A"), new("E1", Day, "B"), new("E1", Day, "C")];

        Assert.Equal(["E1#0", "E2#0", "E1#1", "E1#2"], RecordKinds.PathwayEventIds(events));
        Assert.Equal("E1#2", RecordKinds.PathwayEventId("E1", 2));
    }

    [Fact]
    public void Records_with_an_id_are_named_by_it_and_the_others_by_their_position()
    {
        var dataset = new Dataset
        {
            AsOf = Day,
            Areas = [new Area("E08000026", "Coventry")],
            Children = [new Child("C1", new LocalDate(2008, 1, 1), Sex.Male, EthnicityCategory.WhiteBritish, "E08000026")],
            Links = [new ChildLink("C1", "C2", LinkKind.Sibling), new ChildLink("C2", "C1", LinkKind.Sibling)],
            CaseEvents = [new CaseEvent("K1", "C1", Day, CaseEventKind.MissingEpisode)],
            Feedback = [new FeedbackRequest("F1", "C1", FeedbackRespondent.Child, Day, Responded: false)],
        };

        Assert.Equal(["E08000026"], RecordKinds.IdsOf(dataset, RecordKinds.Area));
        Assert.Equal(["C1"], RecordKinds.IdsOf(dataset, "CHILD"));
        Assert.Equal(["#0", "#1"], RecordKinds.IdsOf(dataset, RecordKinds.Link));
        Assert.Empty(RecordKinds.IdsOf(dataset, RecordKinds.BoardAttendance));
        Assert.Equal("kind", Assert.Throws<ArgumentException>(() => RecordKinds.IdsOf(dataset, "parcel")).ParamName);
        Assert.Equal(["K1"], RecordKinds.IdsOf(dataset, RecordKinds.CaseEvent));
        Assert.Equal(["F1"], RecordKinds.IdsOf(dataset, "Feedback"));
        Assert.Equal(15, RecordKinds.All.Count);
        Assert.True(RecordKinds.IsKnown("Pathway-Event"));
        Assert.False(RecordKinds.IsKnown("pathway"));
    }
}
