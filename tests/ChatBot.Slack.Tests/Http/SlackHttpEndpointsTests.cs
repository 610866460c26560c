using System.Net;
using System.Text.Json;

namespace ChatBot.Slack.Tests.Http;

public sealed class SlackHttpEndpointsTests() : SlackHostTests(SlackMode.Http)
{
    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private Uri Url(string path) => new(Host.BaseUri, path);

    /// <summary>Sends a signed request that must be answered 200, then waits for the command it runs.</summary>
    private async Task<CommandRequest> SendAcceptedAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await Host.Http.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        return await Dispatcher.WaitForRequestAsync();
    }

    [Fact]
    public async Task Commands_SignedSlashCommand_AnswersOkAndRunsTheCommand()
    {
        var fields = Emulator.SlashCommandJson("/imagine", "a fox in snow --ar 16:9", "U1", "C1");

        var command = await SendAcceptedAsync(SlackSignedRequests.SlashCommand(Url("slack/commands"), Emulator.SigningSecret, Now(), fields));

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

        using var response = await Host.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(Emulator.SigningSecret);
        Dispatcher.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Commands_ReplayedAfterSixMinutes_Refused401()
    {
        var fields = Emulator.SlashCommandJson("/imagine", "a fox", "U1", "C1");
        using var request = SlackSignedRequests.SlashCommand(Url("slack/commands"), Emulator.SigningSecret, Now() - 360, fields);

        using var response = await Host.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Commands_SameRequestReplayedWithinWindow_RunsOnce()
    {
        var fields = Emulator.SlashCommandJson("/imagine", "a fox", "U1", "C1");
        var now = Now();
        using var first = SlackSignedRequests.SlashCommand(Url("slack/commands"), Emulator.SigningSecret, now, fields);
        using var replay = SlackSignedRequests.SlashCommand(Url("slack/commands"), Emulator.SigningSecret, now, fields);

        (await Host.Http.SendAsync(first)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Host.Http.SendAsync(replay)).StatusCode.ShouldBe(HttpStatusCode.OK);
        fields["text"] = "a second, different command";
        fields["trigger_id"] = Emulator.NewTriggerId();
        using var other = SlackSignedRequests.SlashCommand(Url("slack/commands"), Emulator.SigningSecret, now, fields);
        (await Host.Http.SendAsync(other)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Dispatcher.WaitForRequestAsync(2);
        Dispatcher.Requests.Select(r => r.Options.Prompt).ShouldBe(["a fox", "a second, different command"], ignoreOrder: true);
    }

    [Fact]
    public async Task Events_UrlVerification_EchoesChallenge()
    {
        using var request = SlackSignedRequests.Event(Url("slack/events"), Emulator.SigningSecret, Now(), SlackSignedRequests.UrlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));

        using var response = await Host.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("challenge").GetString().ShouldBe("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    [Fact]
    public async Task Events_UnsignedUrlVerification_Refused401()
    {
        using var request = SlackSignedRequests.Event(Url("slack/events"), Emulator.SigningSecret, Now(), SlackSignedRequests.UrlVerification("x"), retryNum: null);
        request.Headers.Remove("X-Slack-Signature");

        using var response = await Host.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Interactivity_SignedBlockAction_RunsTheButton()
    {
        var payload = Emulator.BlockAction("U1", "C1", "1700000000.000001", "cb:Upscale:job42:1");

        var command = await SendAcceptedAsync(SlackSignedRequests.Interactivity(Url("slack/interactivity"), Emulator.SigningSecret, Now(), payload));

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
            (await Host.Http.SendAsync(first)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var retry = SlackSignedRequests.Event(Url("slack/events"), Emulator.SigningSecret, Now(), body, retryNum: 1))
        {
            (await Host.Http.SendAsync(retry)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var command = await Dispatcher.WaitForRequestAsync();
        command.Kind.ShouldBe(CommandKind.Upscale);
        await Emulator.WaitUntilAsync(() => Emulator.BotMessages().Any(m => m.Text.Contains("Queued", StringComparison.Ordinal)), what: "the reply posted");
        Dispatcher.Requests.Count.ShouldBe(1);
    }
}
