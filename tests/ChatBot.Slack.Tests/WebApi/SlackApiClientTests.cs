using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Tests.WebApi;

public sealed class SlackApiClientTests : IAsyncLifetime
{
    private SlackEmulator _emulator = null!;
    private ServiceProvider _services = null!;
    private TimerAwareFakeTimeProvider _time = null!;

    public async Task InitializeAsync() => _emulator = await SlackEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    private SlackApiClient CreateSut(bool autoAdvance = false, Action<Dictionary<string, string?>>? configure = null)
    {
        _time = new TimerAwareFakeTimeProvider { AutoAdvance = autoAdvance };
        _services = SlackServices.Create(_emulator, _time, configure);
        return _services.GetRequiredService<SlackApiClient>();
    }

    private static JsonObject Post(string channel = "C1") => new() { ["channel"] = channel, ["text"] = "hello" };

    [Fact]
    public async Task CallAsync_Ok_SendsBotTokenAndJsonBody()
    {
        var sut = CreateSut();

        var answer = await sut.CallAsync("chat.postMessage", Post(), CancellationToken.None);

        answer.GetProperty("ts").GetString().ShouldNotBeNullOrEmpty();
        var call = _emulator.CallsTo("chat.postMessage").ShouldHaveSingleItem();
        call.Token.ShouldBe(_emulator.BotToken);
        call.Arg("channel").ShouldBe("C1");
        call.RawBody.ShouldStartWith("{");
    }

    [Fact]
    public async Task CallAsync_OkFalse_ThrowsTypedErrorWithoutToken()
    {
        var sut = CreateSut();
        _emulator.InjectError("chat.update", "message_not_found");

        var ex = await Should.ThrowAsync<SlackApiException>(() => sut.CallAsync("chat.update", new JsonObject { ["channel"] = "C1", ["ts"] = "1.2" }, CancellationToken.None));

        ex.Method.ShouldBe("chat.update");
        ex.Error.ShouldBe("message_not_found");
        ex.Message.ShouldNotContain(_emulator.BotToken);
    }

    [Fact]
    public async Task CallAsync_RateLimited_WaitsRetryAfterThenSucceeds()
    {
        var sut = CreateSut();
        _emulator.InjectRateLimit("chat.update", count: 1, retryAfterSeconds: 7);
        var posted = await sut.CallAsync("chat.postMessage", Post(), CancellationToken.None);
        var update = new JsonObject { ["channel"] = "C1", ["ts"] = posted.GetProperty("ts").GetString(), ["text"] = "edited" };

        var call = sut.CallAsync("chat.update", update, CancellationToken.None);
        await _time.WaitForTimerAsync();

        _emulator.CallsTo("chat.update").ShouldHaveSingleItem().Answered.ShouldBe("ratelimited");
        call.IsCompleted.ShouldBeFalse();
        _time.RequestedDelays.ShouldContain(TimeSpan.FromSeconds(7));
        _time.Advance(TimeSpan.FromSeconds(7));
        await call;
        _emulator.CallsTo("chat.update").Select(c => c.Answered).ShouldBe(["ratelimited", "ok"]);
    }

    [Fact]
    public async Task CallAsync_RateLimited_OtherMethodsAreNotHeldBack()
    {
        var sut = CreateSut();
        _emulator.InjectRateLimit("chat.update", count: 1, retryAfterSeconds: 30);
        var posted = await sut.CallAsync("chat.postMessage", Post(), CancellationToken.None);
        var update = sut.CallAsync("chat.update", new JsonObject { ["channel"] = "C1", ["ts"] = posted.GetProperty("ts").GetString() }, CancellationToken.None);
        await _time.WaitForTimerAsync();

        await sut.CallAsync("chat.postEphemeral", new JsonObject { ["channel"] = "C1", ["user"] = "U1", ["text"] = "hi" }, CancellationToken.None);

        update.IsCompleted.ShouldBeFalse();
        _time.Advance(TimeSpan.FromSeconds(30));
        await update;
    }

    [Fact]
    public async Task CallAsync_RateLimitStorm_GivesUpAfterConfiguredRetries()
    {
        var sut = CreateSut(autoAdvance: true, configure: s => s["Slack:MaxRateLimitRetries"] = "3");
        _emulator.InjectRateLimit("chat.postMessage", count: 10, retryAfterSeconds: 2);

        var ex = await Should.ThrowAsync<SlackApiException>(() => sut.CallAsync("chat.postMessage", Post(), CancellationToken.None));

        ex.IsRateLimited.ShouldBeTrue();
        _emulator.CallsTo("chat.postMessage").Count.ShouldBe(4);
        _time.RequestedDelays.Count(d => d == TimeSpan.FromSeconds(2)).ShouldBe(3);
    }

    [Fact]
    public async Task UploadAsync_SharedIntoThread_WaitsForShareBeforeReturning()
    {
        var sut = CreateSut(autoAdvance: true);
        _emulator.ShareDelayInfoCalls = 2;
        var png = TestImages.Png();

        var file = await sut.UploadAsync(_ => Task.FromResult<Stream>(new MemoryStream(png)), png.Length, "result.png", "image/png", "a fox", "C1", "1700000000.000001", null, CancellationToken.None);

        file.Shared.ShouldBeTrue();
        var methods = _emulator.Calls.Select(c => c.Method).ToList();
        methods.ShouldBe(["files.getUploadURLExternal", "files.completeUploadExternal", "files.info", "files.info", "files.info"]);
        var stored = _emulator.File(file.Id).ShouldNotBeNull();
        stored.Bytes.ShouldBe(png);
        stored.ChannelId.ShouldBe("C1");
        stored.ThreadTs.ShouldBe("1700000000.000001");
        stored.ShareCompleted.ShouldBeTrue();
        _emulator.CallsTo("files.getUploadURLExternal").Single().Arg("length").ShouldBe(png.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task OpenConnectionAsync_UsesAppToken()
    {
        var sut = CreateSut();

        var url = await sut.OpenConnectionAsync(CancellationToken.None);

        url.Scheme.ShouldBe("ws");
        _emulator.CallsTo("apps.connections.open").Single().Token.ShouldBe(_emulator.AppToken);
    }

    [Fact]
    public async Task RespondAsync_ResponseUrl_AcceptsFiveUsesThenRefuses()
    {
        var sut = CreateSut();
        var url = new Uri(_emulator.NewResponseUrl());

        var answers = new List<bool>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await sut.RespondAsync(url, new JsonObject { ["response_type"] = "ephemeral", ["text"] = "hi" }, CancellationToken.None));
        }

        answers.ShouldBe([true, true, true, true, true, false]);
        _emulator.ResponseUrlPosts.Count(p => p.Accepted).ShouldBe(5);
    }
}
