using ChatBot.Emulators.Time;

namespace ChatBot.Discord.Tests.Rest;

public sealed class DiscordRestClientTests : IAsyncLifetime
{
    private readonly TimerAwareFakeTimeProvider _clock = new();
    private DiscordEmulator _emulator = null!;
    private ServiceProvider _services = null!;
    private EmulatorChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _emulator = await DiscordEmulator.StartAsync(new DiscordEmulatorOptions { TimeProvider = _clock, BucketLimit = 2, BucketWindow = TimeSpan.FromSeconds(10) });
        _channel = _emulator.CreateGuildChannel(_emulator.CreateGuildId(), "art");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = _emulator.Token,
            ["Discord:ApplicationId"] = _emulator.ApplicationId,
            ["Discord:ApiBaseUrl"] = _emulator.ApiBaseUrl,
        }).Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(_clock)
            .AddLogging()
            .AddDiscord()
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    private DiscordRestClient CreateSut() => _services.GetRequiredService<DiscordRestClient>();

    [Fact]
    public async Task Send_AnyRequest_CarriesBotTokenAndDiscordUserAgent()
    {
        var info = await CreateSut().GetGatewayBotAsync(CancellationToken.None);

        info.Url.ShouldStartWith("ws://127.0.0.1");
        var call = _emulator.RestCalls.Single();
        call.Authorization.ShouldBe("Bot " + _emulator.Token);
        call.UserAgent.ShouldNotBeNull().ShouldStartWith("DiscordBot (https://");
    }

    [Fact]
    public async Task Send_TooManyRequests_WaitsRetryAfterThenSucceeds()
    {
        _emulator.Inject429(times: 2, retryAfterSeconds: 1.5, match: r => r.StartsWith("GET /channels/", StringComparison.Ordinal));

        var request = CreateSut().GetChannelAsync(_channel.Id, CancellationToken.None);
        await _clock.WaitForTimersAsync();
        request.IsCompleted.ShouldBeFalse();
        _clock.Advance(TimeSpan.FromSeconds(1.5));
        await _clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1.5));
        var channel = await request;

        channel.Id.ShouldBe(_channel.Id);
        _emulator.TooManyRequestsCount.ShouldBe(2);
        _emulator.RestCalls.Select(c => c.Status).ShouldBe([429, 429, 200]);
    }

    [Fact]
    public async Task Send_GlobalTooManyRequests_HoldsEveryRoute()
    {
        _emulator.Inject429(times: 1, retryAfterSeconds: 2, global: true, match: r => r.StartsWith("GET /channels/", StringComparison.Ordinal));
        var sut = CreateSut();

        var first = sut.GetChannelAsync(_channel.Id, CancellationToken.None);
        await _clock.WaitForTimersAsync();
        var other = sut.GetGatewayBotAsync(CancellationToken.None);
        await _clock.WaitForTimersAsync(2);

        _emulator.RestCalls.Count.ShouldBe(1);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await Task.WhenAll(first, other);
        _emulator.RestCalls.Count.ShouldBe(3);
        _emulator.TooManyRequestsCount.ShouldBe(1);
    }

    [Fact]
    public async Task Send_GlobalTooManyRequests_InteractionRoutesDoNotWait()
    {
        _emulator.Inject429(times: 1, retryAfterSeconds: 5, global: true, match: r => r.StartsWith("GET /channels/", StringComparison.Ordinal));
        var sut = CreateSut();
        var member = DiscordEmulator.CreateMember("ada");
        var interaction = _emulator.CreateSlashCommand(_channel, member, "imagine", []);
        var held = sut.GetChannelAsync(_channel.Id, CancellationToken.None);
        await _clock.WaitForTimersAsync();

        var ack = sut.CreateInteractionResponseAsync(interaction.Id, interaction.Token, new InteractionResponse(InteractionResponse.DeferredChannelMessage), CancellationToken.None);
        await Task.WhenAny(ack, _clock.WaitForTimersAsync(2));
        ack.IsCompleted.ShouldBeTrue("the ack waited for the global limit");
        await ack;
        var edit = sut.EditOriginalAsync(_emulator.ApplicationId, interaction.Token, new MessagePayload { Content = "Starting…" }, null, CancellationToken.None);
        await Task.WhenAny(edit, _clock.WaitForTimersAsync(2));
        edit.IsCompleted.ShouldBeTrue("the @original edit waited for the global limit");
        await edit;

        _clock.Advance(TimeSpan.FromSeconds(5));
        await held;
    }

    [Fact]
    public async Task Send_InteractionAndWebhookRoutes_CarryNoBotToken()
    {
        var sut = CreateSut();
        var interaction = _emulator.CreateSlashCommand(_channel, DiscordEmulator.CreateMember("ada"), "imagine", []);

        await sut.CreateInteractionResponseAsync(interaction.Id, interaction.Token, new InteractionResponse(InteractionResponse.DeferredChannelMessage), CancellationToken.None);
        await sut.EditOriginalAsync(_emulator.ApplicationId, interaction.Token, new MessagePayload { Content = "Starting…" }, null, CancellationToken.None);
        await sut.CreateFollowupAsync(_emulator.ApplicationId, interaction.Token, new MessagePayload { Content = "done", Flags = 64 }, null, CancellationToken.None);
        await sut.GetChannelAsync(_channel.Id, CancellationToken.None);

        var calls = _emulator.RestCalls;
        calls.Where(c => c.Path.StartsWith("/interactions/", StringComparison.Ordinal) || c.Path.StartsWith("/webhooks/", StringComparison.Ordinal))
            .ShouldAllBe(c => c.Authorization == null && c.Status < 300);
        calls.Single(c => c.Path.StartsWith("/channels/", StringComparison.Ordinal)).Authorization.ShouldBe("Bot " + _emulator.Token);
    }

    [Fact]
    public async Task Send_BucketExhausted_WaitsForResetInsteadOfHitting429()
    {
        var sut = CreateSut();
        await sut.GetChannelAsync(_channel.Id, CancellationToken.None);
        await sut.GetChannelAsync(_channel.Id, CancellationToken.None);

        var third = sut.GetChannelAsync(_channel.Id, CancellationToken.None);
        await _clock.WaitForTimersAsync();
        third.IsCompleted.ShouldBeFalse();
        _clock.Advance(TimeSpan.FromSeconds(10));
        await third;

        _emulator.TooManyRequestsCount.ShouldBe(0);
        _emulator.RestCalls.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Send_DiscordError_ThrowsWithCodeAndWithoutToken()
    {
        var error = await Should.ThrowAsync<DiscordApiException>(() => CreateSut().GetChannelMessageAsync(_channel.Id, "123", CancellationToken.None));

        error.Code.ShouldBe(10008);
        error.Message.ShouldNotContain(_emulator.Token);
    }

    [Theory]
    [InlineData("PATCH", "channels/111/messages/222", "PATCH channels/111/messages/{id}")]
    [InlineData("PATCH", "webhooks/900/tok-en/messages/@original", "PATCH webhooks/900/tok-en/messages/@original")]
    [InlineData("PUT", "applications/900/guilds/333/commands", "PUT applications/{id}/guilds/333/commands")]
    public void RouteKey_MinorIds_AreBlankedMajorOnesKept(string method, string path, string expected) =>
        DiscordRestClient.RouteKey(new HttpMethod(method), path).ShouldBe(expected);
}
