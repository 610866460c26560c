using System.Net;

namespace ChatBot.Discord.Tests.Http;

public sealed class DiscordInteractionEndpointTests
{
    private static Task<DiscordTestHost> StartHttpModeAsync() =>
        DiscordTestHost.StartAsync(s => s["Discord:Mode"] = "Http", waitForReady: false);

    private static Uri Endpoint(DiscordTestHost host) => new(host.BaseAddress, "discord/interactions");

    [Fact]
    public async Task Post_SignedPing_AnswersPong()
    {
        await using var host = await StartHttpModeAsync();
        using var http = new HttpClient();

        using var response = await host.Emulator.PostSignedAsync(http, Endpoint(host), host.Emulator.CreatePing());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Post_ForgedSignature_Refused401AndNothingRuns()
    {
        await using var host = await StartHttpModeAsync();
        using var http = new HttpClient();
        var interaction = host.Emulator.CreateSlashCommand(host.Channel, host.Member, "imagine", SlashOptions.Prompt("x"));

        using var forged = await host.Emulator.PostSignedAsync(http, Endpoint(host), interaction.Payload, forge: true);
        using var ping = await host.Emulator.PostSignedAsync(http, Endpoint(host), host.Emulator.CreatePing(), forge: true);

        forged.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        ping.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        host.Dispatcher.Requests.ShouldBeEmpty();
        host.Emulator.RestCalls.ShouldNotContain(c => c.Path.StartsWith("/interactions/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_StaleTimestamp_Refused401()
    {
        await using var host = await StartHttpModeAsync();
        using var http = new HttpClient();

        using var response = await host.Emulator.PostSignedAsync(http, Endpoint(host), host.Emulator.CreatePing(), timestamp: DateTimeOffset.UtcNow.AddMinutes(-10));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("ms")]
    [InlineData("99999999999999999999")]
    [InlineData("soon")]
    public async Task Post_SignedButTimestampNotEpochSeconds_Refused401(string kind)
    {
        await using var host = await StartHttpModeAsync();
        using var http = new HttpClient();
        var timestamp = kind == "ms" ? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) : kind;

        using var response = await host.Emulator.PostSignedAsync(http, Endpoint(host), host.Emulator.CreatePing(), timestamp);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_SignedCommand_Accepted202AndHandledLikeTheGateway()
    {
        await using var host = await StartHttpModeAsync();
        using var http = new HttpClient();
        var interaction = host.Emulator.CreateSlashCommand(host.Channel, host.Member, "imagine", SlashOptions.Prompt("over http"));

        using var response = await host.Emulator.PostSignedAsync(http, Endpoint(host), interaction.Payload);
        var request = await host.Dispatcher.NextAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        request.Options.Prompt.ShouldBe("over http");
        host.Emulator.CallbackTypes(interaction).ShouldBe([5]);
        host.Emulator.ConnectUrls.ShouldBeEmpty();
    }
}
