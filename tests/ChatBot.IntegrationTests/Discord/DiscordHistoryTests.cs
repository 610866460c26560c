using System.Text.Json.Nodes;
using ChatBot.Core.Catalog;
using ChatBot.Emulators.Discord;
using static ChatBot.IntegrationTests.Discord.DiscordConfirmationTests;
using static ChatBot.IntegrationTests.Discord.DiscordSurface;

namespace ChatBot.IntegrationTests.Discord;

/// <summary>Issue 12, history and info: <c>/show</c> posts a result again with working buttons; Info answers privately.</summary>
public sealed class DiscordHistoryTests
{
    private static readonly EmulatorMember Other = DiscordEmulator.CreateMember("grace");

    private static bool HasImages(JsonObject? message, int count) => message?["attachments"] is JsonArray files && files.Count == count && message["components"] is JsonArray { Count: > 0 };

    private static async Task<(EmulatorInteraction Interaction, JsonObject Result, string JobId)> ImagineAsync(DiscordBotHost host, string prompt)
    {
        var imagine = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Options(Text("prompt", prompt)));
        await host.Emulator.WaitUntilAsync(e => HasImages(e.GetOriginal(imagine), prompt.Contains("--n 2", StringComparison.Ordinal) ? 3 : 1)); // two images and their grid;
        await host.Endings.WaitForAsync(1);
        var result = host.Emulator.GetOriginal(imagine)!;
        var info = Button(result, "Info")["custom_id"]!.GetValue<string>();
        return (imagine, result, info.Split(':')[2]);
    }

    [Fact]
    public async Task Show_OwnResult_PostsItAgainPubliclyWithItsGridAndButtonsThatWork()
    {
        await using var host = await DiscordBotHost.StartAsync();
        var (_, _, jobId) = await ImagineAsync(host, "two moons --n 2");

        var show = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "show", Options(Text("job", jobId)));

        await host.Emulator.WaitUntilAsync(e => HasImages(e.GetOriginal(show), 3)); // the two images and their grid
        host.Emulator.GetOriginal(show)!["embeds"]![0]!["image"]!["url"]!.GetValue<string>().ShouldBe("attachment://grid.png");
        host.Emulator.CallbackTypes(show).ShouldBe([5]);
        host.Emulator.RestCalls.First(c => c.Path.Contains(show.Token, StringComparison.Ordinal)).Json?["data"]?["flags"].ShouldBeNull();
        var shown = host.Emulator.GetOriginal(show)!;
        var u2 = Button(shown, "U2");
        var click = await host.Emulator.ClickButtonAsync(host.Channel, host.Member, shown["id"]!.GetValue<string>(), u2["custom_id"]!.GetValue<string>());
        await host.Emulator.WaitUntilAsync(e => HasImages(e.GetOriginal(click), 1));
        host.Provider.Submitted.Last().Operation.ShouldBe(MediaOperation.Upscale);
    }

    [Fact]
    public async Task Show_AnotherMembersResult_IsRefusedPrivately()
    {
        await using var host = await DiscordBotHost.StartAsync();
        var (_, _, jobId) = await ImagineAsync(host, "a castle");

        var show = await host.Emulator.SendSlashCommandAsync(host.Channel, Other, "show", Options(Text("job", jobId)));

        await WaitForTextAsync(host, show, "You can only show your own results");
    }

    [Fact]
    public async Task InfoButton_OnAResult_AnswersPrivatelyWithModelSeedParametersCostAndDuration()
    {
        await using var host = await DiscordBotHost.StartAsync();
        var (_, result, _) = await ImagineAsync(host, "a fox --ar 16:9 --seed 42");

        var click = await host.Emulator.ClickButtonAsync(host.Channel, Other, result["id"]!.GetValue<string>(), Button(result, "Info")["custom_id"]!.GetValue<string>());

        var text = await WaitForTextAsync(host, click, "Model: Scripted image");
        text.ShouldContain("Seed: 42");
        text.ShouldContain("--ar 16:9");
        text.ShouldContain("Cost: 1 credit");
        text.ShouldContain("Duration:");
        text.ShouldContain("Provider:");
        host.Emulator.RestCalls.First(c => c.Path.Contains(click.Token, StringComparison.Ordinal)).Json!["data"]!["flags"]!.GetValue<int>().ShouldBe(64);
    }

    [Fact]
    public async Task History_ListsTheLatestResultsWithShowInfoAndRerollButtons()
    {
        await using var host = await DiscordBotHost.StartAsync();
        await ImagineAsync(host, "a castle");

        var history = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "history");

        (await WaitForTextAsync(host, history, "Your latest results")).ShouldContain("a castle");
        var labels = host.Emulator.RestCalls.Last(c => c.Path.Contains(history.Token, StringComparison.Ordinal) && c.Json?["components"] is not null)
            .Json!["components"]!.AsArray().SelectMany(r => r!["components"]!.AsArray()).Select(b => b!["label"]!.GetValue<string>());
        labels.ShouldBe(["Show 1", "Info 1", "Re-roll 1"]);
    }
}
