using ChatBot.Core.Media;
using ChatBot.Core.Replies;
using ChatBot.Slack.Replies;
using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Tests.Replies;

public sealed class SlackRepliesTests : IAsyncLifetime
{
    private SlackEmulator _emulator = null!;
    private ServiceProvider _services = null!;
    private readonly TimerAwareFakeTimeProvider _time = new() { AutoAdvance = true };

    public async Task InitializeAsync()
    {
        _emulator = await SlackEmulator.StartAsync();
        _services = SlackServices.Create(_emulator, _time);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    private SlackReplies CreateSut() => _services.GetRequiredService<SlackReplies>();

    private async Task<ReplyHandle> PostReplyAsync(string channel = "C1")
    {
        var api = _services.GetRequiredService<SlackApiClient>();
        var posted = await api.CallAsync("chat.postMessage", new JsonObject { ["channel"] = channel, ["text"] = "…" }, CancellationToken.None);
        return new SlackReplyAddress(channel, posted.GetProperty("ts").GetString()!).ToHandle();
    }

    private static ReplyView View(long revision, string status) => new()
    {
        JobId = "j1",
        Status = ReplyStatus.Running,
        Title = "🎨 a fox",
        StatusText = status,
        Revision = revision,
    };

    private static ReplyFile Png(string key)
    {
        var bytes = TestImages.Png();
        return new ReplyFile(new StoredMedia(key, "image/png", key + ".png", bytes.Length, 1, 1), _ => Task.FromResult<Stream>(new MemoryStream(bytes)));
    }

    [Fact]
    public async Task UpdateAsync_NewerViews_EditTheMessageInOrder()
    {
        var handle = await PostReplyAsync();
        var sut = CreateSut();

        await sut.UpdateAsync(handle, View(1, "Queued"), CancellationToken.None);
        await sut.UpdateAsync(handle, View(2, "Rendering 40%"), CancellationToken.None);

        var message = _emulator.BotMessages().Single();
        message.Versions.Select(v => v["text"]!.GetValue<string>()).ShouldBe(["…", "🎨 a fox — Queued", "🎨 a fox — Rendering 40%"]);
    }

    [Fact]
    public async Task UpdateAsync_StaleRevision_IsDropped()
    {
        var handle = await PostReplyAsync();
        var sut = CreateSut();

        await sut.UpdateAsync(handle, View(5, "newer"), CancellationToken.None);
        await sut.UpdateAsync(handle, View(3, "older"), CancellationToken.None);

        _emulator.CallsTo("chat.update").Count.ShouldBe(1);
        _emulator.BotMessages().Single().Text.ShouldBe("🎨 a fox — newer");
    }

    [Fact]
    public async Task UpdateAsync_RateLimited_WaitsAndDelivers()
    {
        var handle = await PostReplyAsync();
        _emulator.InjectRateLimit("chat.update", count: 2, retryAfterSeconds: 3);

        await CreateSut().UpdateAsync(handle, View(1, "Rendering"), CancellationToken.None);

        _emulator.CallsTo("chat.update").Select(c => c.Answered).ShouldBe(["ratelimited", "ratelimited", "ok"]);
        _time.RequestedDelays.Count(d => d == TimeSpan.FromSeconds(3)).ShouldBeGreaterThanOrEqualTo(2);
        _emulator.BotMessages().Single().Text.ShouldBe("🎨 a fox — Rendering");
    }

    [Fact]
    public async Task UpdateAsync_WithPreview_UploadsOnceAndShowsIt()
    {
        var handle = await PostReplyAsync();
        var sut = CreateSut();

        await sut.UpdateAsync(handle, View(1, "50%") with { Preview = Png("p1") }, CancellationToken.None);
        await sut.UpdateAsync(handle, View(2, "60%") with { Preview = Png("p1") }, CancellationToken.None);

        _emulator.CallsTo("files.getUploadURLExternal").Count.ShouldBe(1);
        var blocks = _emulator.BotMessages().Single().Blocks!;
        blocks.ToJsonString().ShouldContain("slack_file");
    }

    [Fact]
    public async Task PostResultAsync_Images_UploadedIntoThreadAndShownAfterShareCompletes()
    {
        _emulator.ShareDelayInfoCalls = 3;
        var handle = await PostReplyAsync();
        var address = SlackReplyAddress.Parse(handle);
        var result = new ResultView
        {
            JobId = "j1",
            Title = "🎨 two foxes",
            CreditsCharged = 2,
            Files = [Png("a"), Png("b")],
            Buttons = [new ReplyButton(ButtonId.Encode(ButtonAction.Upscale, "j1", 0), "U1", ButtonAction.Upscale, "j1", 0)],
        };

        await CreateSut().PostResultAsync(handle, result, CancellationToken.None);

        var uploaded = _emulator.Files().Where(f => f.User == _emulator.BotUserId).ToList();
        uploaded.Count.ShouldBe(2);
        uploaded.ShouldAllBe(f => f.ChannelId == "C1" && f.ThreadTs == address.Ts && f.ShareCompleted);
        var reply = _emulator.Message("C1", address.Ts).ShouldNotBeNull();
        var images = reply.Blocks!.Where(b => b!["type"]!.GetValue<string>() == "image").Select(b => b!["slack_file"]!["id"]!.GetValue<string>());
        images.ShouldBe(uploaded.Select(f => f.Id));
        reply.Blocks!.ToJsonString().ShouldContain("cb:Upscale:j1:0");
        _emulator.CallsTo("chat.update").ShouldAllBe(c => c.Answered == "ok");
    }

    [Fact]
    public async Task UpdateAsync_AfterResultPosted_DoesNotOverwriteResult()
    {
        var handle = await PostReplyAsync();
        var sut = CreateSut();
        await sut.PostResultAsync(handle, new ResultView { JobId = "j1", Title = "🎨 a fox", Files = [Png("r")] }, CancellationToken.None);

        await sut.UpdateAsync(handle, View(1, "Starting…"), CancellationToken.None);

        _emulator.Message("C1", SlackReplyAddress.Parse(handle).Ts)!.Text.ShouldBe("🎨 a fox — done");
    }
}
