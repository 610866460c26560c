using ChatBot.Core.Credits;
using ChatBot.Core.Model;
using ChatBot.Storage.Credits;
using ChatBot.Storage.Jobs;
using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Tests.Sqlite;

public sealed class StoredNamesTests
{
    [Fact]
    public void JobStateNames_EveryState_RoundTripsThroughItsStoredName()
    {
        foreach (var state in Enum.GetValues<JobState>())
        {
            JobStateNames.Parse(JobStateNames.ToName(state)).ShouldBe(state);
        }
    }

    [Fact]
    public void LedgerKinds_EveryKind_RoundTripsThroughItsStoredName()
    {
        foreach (var kind in Enum.GetValues<LedgerEntryKind>())
        {
            LedgerKinds.Parse(LedgerKinds.ToName(kind)).ShouldBe(kind);
        }
    }

    [Fact]
    public void Parse_UnknownName_FailsNamingWhatItIs()
    {
        Should.Throw<InvalidOperationException>(() => JobStateNames.Parse("Running")).Message.ShouldBe("The database holds an unknown job state 'Running'.");
    }

    [Fact]
    public void Create_ValueWithoutName_IsRefused()
    {
        Should.Throw<ArgumentException>(() => new StoredNames<JobState>("job state", (JobState.Queued, "queued")));
    }
}
