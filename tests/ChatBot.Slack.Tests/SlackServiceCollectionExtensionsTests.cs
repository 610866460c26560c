using System.Net;

namespace ChatBot.Slack.Tests;

public sealed class SlackServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddSlack_WithoutBotToken_ConnectsNothingAndEndpointsAnswer404()
    {
        await using var host = await SlackHost.StartAsync(SlackMode.Http, s =>
        {
            s["Slack:BotToken"] = null;
            s["Slack:Mode"] = null;
        });
        var fields = host.Emulator.SlashCommandJson("/imagine", "a fox", "U1", "C1");
        using var request = SlackSignedRequests.SlashCommand(new Uri(host.BaseUri, "slack/commands"), host.Emulator.SigningSecret, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), fields);

        using var response = await host.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        host.Emulator.Calls.ShouldBeEmpty();
        host.Dispatcher.Requests.ShouldBeEmpty();
    }
}
