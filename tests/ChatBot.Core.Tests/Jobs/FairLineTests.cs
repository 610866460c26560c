using ChatBot.Core.Jobs;

namespace ChatBot.Core.Tests.Jobs;

public sealed class FairLineTests
{
    private readonly EngineFixture _engine = new();

    [Fact]
    public void InOrder_OneMemberFloods_OthersAreInterleaved()
    {
        var sut = CreateSut("a1:alice", "a2:alice", "a3:alice", "b1:bob", "c1:carol");

        sut.InOrder().Select(j => j.Id).ShouldBe(["a1", "b1", "c1", "a2", "a3"]);
        sut.Count.ShouldBe(5);
        sut.CountOf(_engine.Job("x", "alice").Account).ShouldBe(3);
    }

    [Fact]
    public void TakeNext_TurnUsed_MemberGoesToTheBackOfTheRing()
    {
        var sut = CreateSut("a1:alice", "a2:alice", "b1:bob");

        sut.TakeNext(_ => true)!.Id.ShouldBe("a1");

        sut.InOrder().Select(j => j.Id).ShouldBe(["b1", "a2"]);
    }

    [Fact]
    public void TakeNext_FirstMemberMayNotStart_TakesTheNextMembersJob()
    {
        var sut = CreateSut("a1:alice", "b1:bob");

        sut.TakeNext(j => j.Account.UserId != "alice")!.Id.ShouldBe("b1");
        sut.TakeNext(j => j.Account.UserId != "alice").ShouldBeNull();
        sut.Count.ShouldBe(1);
    }

    [Fact]
    public void Remove_WaitingJob_LeavesTheOthersInOrder()
    {
        var sut = CreateSut("a1:alice", "b1:bob", "a2:alice");

        sut.Remove("b1")!.Id.ShouldBe("b1");
        sut.Remove("b1").ShouldBeNull();

        sut.InOrder().Select(j => j.Id).ShouldBe(["a1", "a2"]);
        sut.CountOf(_engine.Job("x", "bob").Account).ShouldBe(0);
    }

    private FairLine CreateSut(params string[] jobs)
    {
        var line = new FairLine();
        foreach (var entry in jobs)
        {
            var (id, user) = (entry.Split(':')[0], entry.Split(':')[1]);
            line.Add(_engine.Job(id, user));
        }

        return line;
    }
}
