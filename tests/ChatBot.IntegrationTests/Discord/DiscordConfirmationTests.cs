using System.Text.Json.Nodes;
using ChatBot.Core.Model;
using ChatBot.Core.Tenants;
using ChatBot.Emulators.Discord;
using Microsoft.Extensions.DependencyInjection;
using static ChatBot.IntegrationTests.Discord.DiscordSurface;

namespace ChatBot.IntegrationTests.Discord;

/// <summary>Issue 12, cost before the run: a job above the community's threshold waits for its member's Confirm.</summary>
public sealed class DiscordConfirmationTests
{
    private static readonly EmulatorMember Other = DiscordEmulator.CreateMember("grace");

    internal static JsonNode Button(JsonObject message, string labelStart) =>
        message["components"]!.AsArray().SelectMany(r => r!["components"]!.AsArray())
            .First(b => b!["label"]!.GetValue<string>().StartsWith(labelStart, StringComparison.Ordinal))!;

    internal static Task ConfirmAboveAsync(DiscordBotHost host, long threshold) =>
        host.Services.GetRequiredService<ITenantSettingsStore>().SetAsync(new TenantKey("discord", host.GuildId), new TenantSettings { ConfirmAbove = threshold }, CancellationToken.None);

    private static string? Description(JsonObject? message) => message?["embeds"] is JsonArray { Count: > 0 } embeds ? embeds[0]?["description"]?.GetValue<string>() : null;

    /// <summary>Runs <c>/imagine</c> above a threshold of <paramref name="threshold"/> and returns its reply once it asks for a Confirm.</summary>
    private static async Task<(EmulatorInteraction Imagine, JsonObject Waiting)> AwaitingAsync(DiscordBotHost host, long threshold, string prompt)
    {
        await ConfirmAboveAsync(host, threshold);
        var imagine = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Options(Text("prompt", prompt)));
        await host.Emulator.WaitUntilAsync(e => Description(e.GetOriginal(imagine))?.Contains("Press Confirm", StringComparison.Ordinal) == true);
        return (imagine, host.Emulator.GetOriginal(imagine)!);
    }

    [Fact]
    public async Task Imagine_AboveTheThreshold_WaitsWithNothingReservedUntilItsMemberConfirms()
    {
        await using var host = await DiscordBotHost.StartAsync();

        var (imagine, waiting) = await AwaitingAsync(host, 1, "a fox in snow --n 2");
        var confirm = Button(waiting, "Confirm");
        confirm["label"]!.GetValue<string>().ShouldBe("Confirm (2 credits)");
        Button(waiting, "Cancel").ShouldNotBeNull();
        (await BalanceAsync(host)).Available.ShouldBe(50);
        (await BalanceAsync(host)).Reserved.ShouldBe(0);
        host.Provider.Submitted.ShouldBeEmpty();

        var stranger = await host.Emulator.ClickButtonAsync(host.Channel, Other, waiting["id"]!.GetValue<string>(), confirm["custom_id"]!.GetValue<string>());
        (await WaitForTextAsync(host, stranger, "Only ada can confirm")).ShouldContain("spends their credits");
        host.Emulator.CallbackTypes(stranger).ShouldBe([5]);
        host.Emulator.RestCalls.Last(c => c.Path.Contains(stranger.Token, StringComparison.Ordinal) && c.Json?["data"] is not null).Json!["data"]!["flags"]!.GetValue<int>().ShouldBe(64);

        var click = await host.Emulator.ClickButtonAsync(host.Channel, host.Member, waiting["id"]!.GetValue<string>(), confirm["custom_id"]!.GetValue<string>());
        await WaitForTextAsync(host, click, "Confirmed: 2 credits reserved");
        await host.Emulator.WaitUntilAsync(e => e.GetOriginal(imagine)?["attachments"] is JsonArray { Count: 3 }); // two images and their grid
        await host.Endings.WaitForAsync(1);
        (await BalanceAsync(host)).Available.ShouldBe(48);
    }

    [Fact]
    public async Task Cancel_OnAJobAwaitingConfirmation_EndsItAndChargesNothing()
    {
        await using var host = await DiscordBotHost.StartAsync();
        var (imagine, waiting) = await AwaitingAsync(host, 0, "a castle");

        var cancel = await host.Emulator.ClickButtonAsync(host.Channel, host.Member, waiting["id"]!.GetValue<string>(), Button(waiting, "Cancel")["custom_id"]!.GetValue<string>());

        await WaitForTextAsync(host, cancel, "nothing was charged");
        await host.Endings.WaitForAsync(1);
        await host.Emulator.WaitUntilAsync(e => Description(e.GetOriginal(imagine))?.Contains("No credits were charged", StringComparison.Ordinal) == true);
        (await BalanceAsync(host)).Available.ShouldBe(50);
        host.Provider.Submitted.ShouldBeEmpty();
    }
}
