using System.Net;
using System.Text.Json;

namespace ChatBot.Slack.Tests.Http;

public sealed class SlackHttpEndpointsTests : IAsyncLifetime
{
    private SlackHost _host = null!;

    private SlackEmulator Emulator => _host.Emulator;

    public async Task InitializeAsync() => _host = await SlackHost.StartAsync(SlackMode.Http);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private Uri Url(string path) => new(_host.BaseUri, path);

    [Fact]
    public async Task Commands_SignedSlashCommand_AnswersOkAndRunsTheCommand()
    {
        var fields = Emulator.SlashCommandJson("/imagine", "a fox in snow --ar 16:9", "U1", "C1");
        using var request = SlackSignedRequests.SlashCommand(Url("slack/commands"), Emulator.SigningSecret, Now(), fields);

        using var response = await _host.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var command = await _host.Dispatcher.WaitForRequestAsync();
        command.Kind.ShouldBe(CommandKind.Imagine);
        command.Options.Prompt.ShouldBe("a fox in snow");
        command.Options.AspectRatio.ShouldBe("16:9");
        command.Actor.ShouldBe(new Actor("slack", Emulator.TeamId, "U1", "u1", false));
        command.Reply.Platform.ShouldBe("slack");
    }

    [Fact]
    public async Task Commands_ForgedSignature_Refused401AndNothingRuns()
    {
        var fields = Emulator.SlashCommandJson("/imagine", "a fox", "U1", "C1");
        using var request = SlackSignedRequests.SlashCommand(Url("slack/commands"), "wrong-secret", Now(), fields);

        using var response = await _host.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(Emulator.SigningSecret);
        _host.Dispatcher.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Commands_ReplayedAfterSixMinutes_Refused401()
    {
        var fields = Emulator.SlashCommandJson("/imagine", "a fox", "U1", "C1");
        using var request = SlackSignedRequests.SlashCommand(Url("slack/commands"), Emulator.SigningSecret, Now() - 360, fields);

        using var response = await _host.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Commands_SameRequestReplayedWithinWindow_RunsOnce()
    {
        var fields = Emulator.SlashCommandJson("/imagine", "a fox", "U1", "C1");
        var now = Now();
        using var first = SlackSignedRequests.SlashCommand(Url("slack/commands"), Emulator.SigningSecret, now, fields);
        using var replay = SlackSignedRequests.SlashCommand(Url("slack/commands"), Emulator.SigningSecret, now, fields);

        (await _host.Http.SendAsync(first)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _host.Http.SendAsync(replay)).StatusCode.ShouldBe(HttpStatusCode.OK);
        fields["text"] = "a second, different command";
        fields["trigger_id"] = Emulator.NewTriggerId();
        using var other = SlackSignedRequests.SlashCommand(Url("slack/commands"), Emulator.SigningSecret, now, fields);
        (await _host.Http.SendAsync(other)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await _host.Dispatcher.WaitForRequestAsync(2);
        _host.Dispatcher.Requests.Select(r => r.Options.Prompt).ShouldBe(["a fox", "a second, different command"], ignoreOrder: true);
    }

    [Fact]
    public async Task Events_UrlVerification_EchoesChallenge()
    {
        using var request = SlackSignedRequests.Event(Url("slack/events"), Emulator.SigningSecret, Now(), SlackSignedRequests.UrlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));

        using var response = await _host.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("challenge").GetString().ShouldBe("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    [Fact]
    public async Task Events_UnsignedUrlVerification_Refused401()
    {
        using var request = SlackSignedRequests.Event(Url("slack/events"), Emulator.SigningSecret, Now(), SlackSignedRequests.UrlVerification("x"), retryNum: null);
        request.Headers.Remove("X-Slack-Signature");

        using var response = await _host.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Interactivity_SignedBlockAction_RunsTheButton()
    {
        var payload = Emulator.BlockAction("U1", "C1", "1700000000.000001", "cb:Upscale:job42:1");
        using var request = SlackSignedRequests.Interactivity(Url("slack/interactivity"), Emulator.SigningSecret, Now(), payload);

        using var response = await _host.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var command = await _host.Dispatcher.WaitForRequestAsync();
        command.Kind.ShouldBe(CommandKind.Upscale);
        command.SourceJobId.ShouldBe("job42");
        command.SourceOutputIndex.ShouldBe(1);
    }

    [Fact]
    public async Task Events_RetriedEvent_RunsOnce()
    {
        var (ts, _) = Emulator.ShareUserFile("C1", "U2", TestImages.Png(), "cat.png", "image/png");
        var body = Emulator.EventCallback(SlackEmulator.ReactionAdded("U2", "mag", "C1", ts), "Ev0001");

        using (var first = SlackSignedRequests.Event(Url("slack/events"), Emulator.SigningSecret, Now(), body))
        {
            (await _host.Http.SendAsync(first)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var retry = SlackSignedRequests.Event(Url("slack/events"), Emulator.SigningSecret, Now(), body, retryNum: 1))
        {
            (await _host.Http.SendAsync(retry)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var command = await _host.Dispatcher.WaitForRequestAsync();
        command.Kind.ShouldBe(CommandKind.Upscale);
        await Emulator.WaitUntilAsync(() => Emulator.CallsTo("chat.update").Count >= 1, what: "the reply edited");
        _host.Dispatcher.Requests.Count.ShouldBe(1);
    }
}
