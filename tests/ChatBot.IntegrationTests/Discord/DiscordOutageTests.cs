using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Emulators.Discord;
using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Discord;

/// <summary>The whole host while Discord is slow: the adapter retries and says so, and nothing else goes down.</summary>
public sealed class DiscordOutageTests
{
    [Fact]
    public async Task Healthz_DiscordHoldingGatewayRequests_ReportsRetryingAndTheHostKeepsServing()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        emulator.Hold(r => r.StartsWith("GET /gateway/bot", StringComparison.Ordinal));
        var settings = emulator.BotSettings();
        settings["Discord:RequestTimeout"] = "00:00:00.5";
        settings["Discord:RegisterCommands"] = "false";
        await using var host = await RunningHost.StartAsync(settings);

        // A second GET /gateway/bot means the first timed out and the gateway is retrying, not gone.
        await emulator.WaitUntilAsync(e => e.HeldCount >= 2 && e.RestCalls.Count == 0);
        using var response = await host.Client.Http.GetAsync("/healthz");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("status").GetString().ShouldBe("degraded");
        var discord = body.GetProperty("platforms").GetProperty("discord");
        discord.GetProperty("state").GetString().ShouldBe("retrying");
        discord.GetProperty("detail").GetString().ShouldNotBeNullOrEmpty();
        (await host.Client.Http.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Reconnecting within its limits: still ready.
        using var ready = await host.Client.Http.GetAsync("/healthz/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
