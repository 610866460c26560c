namespace ChatBot.Discord.Tests.Inbound;

/// <summary>Issue 11: the options added for video upscale, extend and the community rules reach the dispatcher as Core reads them.</summary>
public sealed class SlashOptionMappingTests
{
    [Fact]
    public async Task Upscale_VideoOptionAndFactorOne_ReachTheDispatcherAsAVideoInputAnd1x()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var clip = host.Emulator.UploadToCdn(new byte[64], "clip.mp4", "video/mp4");

        await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "upscale",
            [Option("video", 11, clip.Id), Option("factor", 4, 1)], clip);
        var request = await host.Dispatcher.NextAsync();

        request.Kind.ShouldBe(CommandKind.Upscale);
        request.Options.UpscaleFactor.ShouldBe(1);
        var input = request.Inputs.ShouldHaveSingleItem();
        input.Role.ShouldBe(MediaRole.Video);
        input.Url.ShouldBe(clip.Url.ToString());
    }

    [Fact]
    public async Task Video_ModeExtendWithAVideo_ReachesTheDispatcherWithTheVideoRole()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var clip = host.Emulator.UploadToCdn(new byte[64], "clip.mp4", "video/mp4");

        await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "video",
            SlashOptions.Prompt("the fox runs on", ("video", 11, clip.Id), ("mode", 3, "extend")), clip);
        var request = await host.Dispatcher.NextAsync();

        request.Kind.ShouldBe(CommandKind.Video);
        request.Options.Mode.ShouldBe("extend");
        request.Inputs.ShouldHaveSingleItem().Role.ShouldBe(MediaRole.Video);
    }

    [Theory]
    [InlineData("allow_channel", 7, "9001", "allow-channel")]
    [InlineData("disallow_channel", 7, "9001", "disallow-channel")]
    [InlineData("block_word", 3, "gore", "block-word")]
    [InlineData("unblock_word", 3, "gore", "unblock-word")]
    public async Task Settings_RuleOption_ReachesTheDispatcherAsCoresTextSetting(string option, int type, string value, string setting)
    {
        await using var host = await DiscordTestHost.StartAsync();
        var admin = DiscordEmulator.CreateMember("boss", EmulatorMember.ManageGuild);

        await host.Emulator.SendSlashCommandAsync(host.Channel, admin, "settings", [Option(option, type, value)]);
        var request = await host.Dispatcher.NextAsync();

        request.Kind.ShouldBe(CommandKind.Settings);
        request.Options.Extra["setting"].ShouldBe(setting);
        request.Options.Extra["value"].ShouldBe(value);
        request.Actor.IsAdmin.ShouldBeTrue();
    }

    [Fact]
    public async Task Settings_ARuleAndAnotherOption_IsRefusedWithoutDispatch()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var admin = DiscordEmulator.CreateMember("boss", EmulatorMember.ManageGuild);

        await host.Emulator.SendSlashCommandAsync(host.Channel, admin, "settings", [Option("block_word", 3, "gore"), Option("allow_channel", 7, "9001")]);

        // /settings defers ephemerally, so the refusal is the edited original or a follow-up.
        await host.Emulator.WaitForCallAsync(c => c.Json is JsonObject json && json["content"] is JsonValue content
            && content.TryGetValue<string>(out var text) && text.Contains("one setting at a time", StringComparison.Ordinal));
        host.Dispatcher.Requests.ShouldBeEmpty();
    }

    private static JsonObject Option(string name, int type, JsonNode value) => new() { ["name"] = name, ["type"] = type, ["value"] = value };
}
