using System.Text.Json.Nodes;
using static ChatBot.IntegrationTests.Discord.DiscordSurface;

namespace ChatBot.IntegrationTests.Discord;

/// <summary>Issue 12, personal defaults on Discord: <c>/settings-me</c> (for every member) sets them; <c>/imagine</c> uses them.</summary>
public sealed class DiscordMemberDefaultsTests
{
    [Fact]
    public async Task SettingsMe_AsAMember_IsRegisteredForEveryone_AndItsCountApplies()
    {
        await using var host = await DiscordBotHost.StartAsync();
        var command = host.Emulator.RegisteredCommands.Values.SelectMany(v => v!.AsArray()).Single(c => c!["name"]!.GetValue<string>() == "settings-me")!;
        command["default_member_permissions"].ShouldBeNull();

        var settings = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "settings-me", Options(Number("n", 2), Text("ar", "16:9")));
        await WaitForTextAsync(host, settings, "Saved. Your defaults: ar 16:9 · n 2");
        var imagine = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Options(Text("prompt", "a fox")));

        await host.Emulator.WaitUntilAsync(e => e.GetOriginal(imagine)?["attachments"] is JsonArray { Count: 3 }); // two images and their grid
        host.Provider.Submitted.Last().Options.AspectRatio.ShouldBe("16:9");
    }
}
