using ChatBot.Core.Model;
using ChatBot.Core.Media;
using ChatBot.Core.Replies;
using ChatBot.Host.Playground;
using Microsoft.Extensions.Options;

namespace ChatBot.IntegrationTests.Playground;

public sealed class PlaygroundRepliesTests
{
    private readonly PlaygroundReplyStore _store = new(Options.Create(new PlaygroundOptions()), TimeProvider.System);

    [Fact]
    public async Task UpdateAsync_UnknownReply_CreatesIt()
    {
        var sut = CreateSut();

        await sut.UpdateAsync(Handle("r-after-restart"), View(ReplyStatus.Running, revision: 3, progress: 40), CancellationToken.None);

        var reply = _store.Get("r-after-restart").ShouldNotBeNull();
        reply.Status.ShouldBe(ReplyStatus.Running);
        reply.Progress.ShouldBe(40);
        reply.JobId.ShouldBe("job1");
    }

    [Fact]
    public async Task UpdateAsync_OlderRevision_IsDropped()
    {
        var sut = CreateSut();
        await sut.UpdateAsync(Handle("r1"), View(ReplyStatus.Running, revision: 5, progress: 80), CancellationToken.None);

        await sut.UpdateAsync(Handle("r1"), View(ReplyStatus.Running, revision: 4, progress: 20), CancellationToken.None);

        _store.Get("r1")!.Progress.ShouldBe(80);
    }

    [Fact]
    public async Task PostResultAsync_ThenLateProgress_KeepsTheResult()
    {
        var sut = CreateSut();
        var media = new StoredMedia("k/1.png", "image/png", "1.png", 10, 4, 4);
        await sut.PostResultAsync(Handle("r1"), new ResultView
        {
            JobId = "job1",
            Title = "a fox",
            Files = [new ReplyFile(media, _ => Task.FromResult<Stream>(new MemoryStream()))],
        }, CancellationToken.None);

        await sut.UpdateAsync(Handle("r1"), View(ReplyStatus.Running, revision: 9, progress: 90), CancellationToken.None);

        var reply = _store.Get("r1")!;
        reply.Status.ShouldBe(ReplyStatus.Succeeded);
        ReplyDto.From(reply).Media.ShouldBe(["/api/playground/media/k/1.png"]);
    }

    [Fact]
    public async Task UpdateAsync_AnyChange_IsAnnouncedToSubscribers()
    {
        var sut = CreateSut();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var changes = _store.SubscribeAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = changes.MoveNextAsync();

        await sut.UpdateAsync(Handle("r1"), View(ReplyStatus.Queued, revision: 1), CancellationToken.None);

        (await next).ShouldBeTrue();
        changes.Current.Id.ShouldBe("r1");
        await changes.DisposeAsync();
    }

    [Fact]
    public void Change_StoreFullOfUnfinishedReplies_StillTakesANewOne()
    {
        var store = new PlaygroundReplyStore(Options.Create(new PlaygroundOptions { MaxReplies = 2 }), TimeProvider.System);
        var unfinished = new PlaygroundReply { Id = "", Status = ReplyStatus.Running };
        store.Change("a", _ => unfinished);
        store.Change("b", _ => unfinished);

        var added = store.Change("c", _ => unfinished);

        added.ShouldNotBeNull().Id.ShouldBe("c");
        store.Get("c").ShouldNotBeNull();
    }

    private PlaygroundReplies CreateSut() => new(_store);

    private static ReplyHandle Handle(string replyId) => new("playground", replyId);

    private static ReplyView View(ReplyStatus status, long revision, double? progress = null) => new()
    {
        JobId = "job1",
        Status = status,
        Title = "a fox",
        Progress = progress,
        Revision = revision,
    };
}
