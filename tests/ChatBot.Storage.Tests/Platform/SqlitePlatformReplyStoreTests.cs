using ChatBot.Core.Platform;
using ChatBot.Storage.Platform;
using ChatBot.Storage.Tests.TestSupport;

namespace ChatBot.Storage.Tests.Platform;

public sealed class SqlitePlatformReplyStoreTests : StorageTest
{
    [Fact]
    public async Task SaveAsync_ThenRecentAfterRestart_ReturnsTheLatestDocumentsInFirstSaveOrder()
    {
        var sut = CreateSut();
        await sut.SaveAsync([Reply("r1", "{\"v\":1}"), Reply("r2", "{\"v\":2}")], Ct);
        await sut.SaveAsync([Reply("r1", "{\"v\":3}"), Reply("r3", "{\"v\":4}")], Ct);
        await sut.SaveAsync([new StoredReply("other", "r9", Fixture.Time.GetUtcNow(), "{}")], Ct);

        var restarted = Fixture.CreatePlatformReplyStore(Fixture.OpenDatabase());

        var all = await restarted.RecentAsync("playground", 10, Ct);
        all.Select(r => r.Id).ShouldBe(["r1", "r2", "r3"]);
        all[0].Document.ShouldBe("{\"v\":3}");
        all[0].CreatedAt.ShouldBe(Fixture.Time.GetUtcNow());
        (await restarted.RecentAsync("playground", 2, Ct)).Select(r => r.Id).ShouldBe(["r2", "r3"]);
        (await restarted.RecentAsync("playground", 0, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task DeleteAsync_SomeIds_ForgetsOnlyThoseOfThatPlatform()
    {
        var sut = CreateSut();
        await sut.SaveAsync([Reply("r1", "{}"), Reply("r2", "{}"), new StoredReply("other", "r1", Fixture.Time.GetUtcNow(), "{}")], Ct);

        await sut.DeleteAsync("playground", ["r1", "unknown"], Ct);

        (await sut.RecentAsync("playground", 10, Ct)).Select(r => r.Id).ShouldBe(["r2"]);
        (await sut.RecentAsync("other", 10, Ct)).Select(r => r.Id).ShouldBe(["r1"]);
    }

    private StoredReply Reply(string id, string document) => new("playground", id, Fixture.Time.GetUtcNow(), document);

    private SqlitePlatformReplyStore CreateSut() => Fixture.CreatePlatformReplyStore();
}
