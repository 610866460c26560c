using ChatBot.Emulators.Time;

namespace ChatBot.Discord.Tests.Commands;

public sealed class CommandRegistrarTests
{
    [Fact]
    public async Task Start_NoGuild_RegistersAllCommandsGlobally()
    {
        await using var host = await DiscordTestHost.StartAsync();

        await host.Emulator.WaitUntilAsync(e => e.RegisteredCommands.ContainsKey("global"));

        var commands = host.Emulator.RegisteredCommands["global"]!.AsArray();
        var slash = commands.Where(c => c!["type"]!.GetValue<int>() == 1).Select(c => c!["name"]!.GetValue<string>());
        var menus = commands.Where(c => c!["type"]!.GetValue<int>() == 3).Select(c => c!["name"]!.GetValue<string>());
        slash.ShouldBe(["imagine", "edit", "video", "upscale", "credits", "jobs", "history", "show", "cancel", "models", "help", "templates", "settings", "settings-me", "stats"], ignoreOrder: true);
        menus.ShouldBe(["Edit image", "Upscale", "Animate", "Remove background"], ignoreOrder: true);
        var upscale = Options(commands, "upscale");
        upscale["image"]["type"]!.GetValue<int>().ShouldBe(11);
        upscale["video"]["type"]!.GetValue<int>().ShouldBe(11);
        upscale["image"]["required"]!.GetValue<bool>().ShouldBeFalse(); // a video alone is a video upscale
        upscale["factor"]["min_value"]!.GetValue<double>().ShouldBe(1); // AetherWave's 1x; the catalog decides per model
        Options(commands, "video")["video"]["type"]!.GetValue<int>().ShouldBe(11);
        var settings = Options(commands, "settings");
        settings["allow_channel"]["type"]!.GetValue<int>().ShouldBe(7);
        settings["disallow_channel"]["type"]!.GetValue<int>().ShouldBe(7);
        settings["block_word"]["type"]!.GetValue<int>().ShouldBe(3);
        settings["unblock_word"]["type"]!.GetValue<int>().ShouldBe(3);
        commands.Single(c => c!["name"]!.GetValue<string>() == "imagine")!["options"]!.AsArray()
            .Single(o => o!["name"]!.GetValue<string>() == "model")!["autocomplete"]!.GetValue<bool>().ShouldBeTrue();
    }

    /// <summary>A slash command's options by name.</summary>
    private static Dictionary<string, JsonNode> Options(JsonArray commands, string command) =>
        commands.Single(c => c!["name"]!.GetValue<string>() == command && c["type"]!.GetValue<int>() == 1)!["options"]!.AsArray()
            .ToDictionary(o => o!["name"]!.GetValue<string>(), o => o!);

    [Fact]
    public async Task Start_GuildSet_RegistersInThatGuild()
    {
        await using var host = await DiscordTestHost.StartAsync(s => s["Discord:GuildId"] = "4242");

        await host.Emulator.WaitUntilAsync(e => e.RegisteredCommands.ContainsKey("4242"));

        host.Emulator.RegisteredCommands.Keys.ShouldNotContain("global");
    }

    [Fact]
    public async Task Start_RegistrationTimesOut_RetriesWithBackoffAndReportsRetrying()
    {
        var clock = new TimerAwareFakeTimeProvider();
        await using var host = await DiscordTestHost.StartAsync(
            s =>
            {
                s["Discord:RequestTimeout"] = "00:00:00.5";
                s["Discord:Mode"] = "Http"; // No gateway: the registrar's back-off is the only timer.
            },
            time: clock,
            waitForReady: false,
            configureEmulator: e => e.Hold(r => r.StartsWith("PUT /applications/", StringComparison.Ordinal)));

        await GatewayClock.WaitForHealthAsync(host, h => h.State == "retrying");
        host.App.Lifetime.ApplicationStopping.IsCancellationRequested.ShouldBeFalse();
        host.Emulator.ReleaseHeld();
        // The registrar's own 5 s back-off, not another service's timer that is pending too (a flake on a loaded CI).
        await clock.WaitForPendingDelayAsync(TimeSpan.FromSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(5));

        await host.Emulator.WaitUntilAsync(e => e.RegisteredCommands.ContainsKey("global"));
        await GatewayClock.WaitForHealthAsync(host, h => h.State == "ok");
    }
}
