using System.Text.Json.Nodes;
using ChatBot.Core.Credits;
using ChatBot.Core.Model;
using ChatBot.Core.Tenants;
using ChatBot.Emulators.Discord;
using Microsoft.Extensions.DependencyInjection;
using static ChatBot.IntegrationTests.Discord.DiscordSurface;

namespace ChatBot.IntegrationTests.Discord;

/// <summary>Issue 11: <c>/settings</c> is for server managers, and each of its options changes what it says.</summary>
public sealed class DiscordSettingsTests
{
    private static readonly EmulatorMember Admin = DiscordEmulator.CreateMember("boss", permissions: 32);

    [Fact]
    public async Task Settings_IsRegisteredForServerManagersOnly()
    {
        await using var host = await DiscordBotHost.StartAsync();

        var settings = host.Emulator.RegisteredCommands.Values.SelectMany(v => v!.AsArray()).Single(c => c!["name"]!.GetValue<string>() == "settings")!;

        settings["default_member_permissions"]!.GetValue<string>().ShouldBe("32");
    }

    [Fact]
    public async Task Settings_DefaultModel_AsAdmin_IsSaved()
    {
        await using var host = await DiscordBotHost.StartAsync();

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, Admin, "settings", Options(Text("default_model", "scripted-motion")));

        await WaitForTextAsync(host, interaction, "Saved");
        (await TenantAsync(host)).DefaultModel.ShouldBe("scripted-motion");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Settings_Gallery_AsAdmin_IsSaved(bool on)
    {
        await using var host = await DiscordBotHost.StartAsync();

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, Admin, "settings", Options(Flag("gallery", on)));

        await WaitForTextAsync(host, interaction, "Saved");
        (await TenantAsync(host)).GalleryEnabled.ShouldBe(on);
    }

    [Fact]
    public async Task Settings_Allowance_AsAdmin_IsSaved()
    {
        await using var host = await DiscordBotHost.StartAsync();

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, Admin, "settings", Options(Number("allowance", 12)));

        await WaitForTextAsync(host, interaction, "Daily allowance set to 12");
        (await host.Services.GetRequiredService<ICreditLedger>().GetAllowanceAsync(new TenantKey("discord", host.GuildId), CancellationToken.None)).ShouldBe(12);
    }

    [Fact]
    public async Task Settings_DisableThenEnableModel_AsAdmin_HidesAndOffersIt()
    {
        await using var host = await DiscordBotHost.StartAsync();

        var disable = await host.Emulator.SendSlashCommandAsync(host.Channel, Admin, "settings", Options(Text("disable_model", "scripted-motion")));
        await WaitForTextAsync(host, disable, "Saved");
        (await TenantAsync(host)).DisabledModels.ShouldBe(["scripted-motion"]);

        var enable = await host.Emulator.SendSlashCommandAsync(host.Channel, Admin, "settings", Options(Text("enable_model", "scripted-motion")));
        await WaitForTextAsync(host, enable, "Saved");
        (await TenantAsync(host)).DisabledModels.ShouldBeEmpty();
    }

    [Fact]
    public async Task Settings_AllowChannel_AsAdmin_KeepsTheBotToThatChannel()
    {
        await using var host = await DiscordBotHost.StartAsync();
        var other = host.Emulator.CreateGuildChannel(host.GuildId, "bot-corner");

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, Admin, "settings", Options(Channel("allow_channel", other.Id)));

        await WaitForTextAsync(host, interaction, "Saved");
        (await TenantAsync(host)).Channels.ShouldBe([other.Id]);
        var elsewhere = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Options(Text("prompt", "a fox")));
        await WaitForTextAsync(host, elsewhere, "not used in this channel");
        IsEphemeral(host, elsewhere).ShouldBeTrue();
    }

    [Fact]
    public async Task Settings_DisallowChannel_AsAdmin_TakesItOff()
    {
        await using var host = await DiscordBotHost.StartAsync();
        await SetTenantAsync(host, new TenantSettings { Channels = [host.Channel.Id, "999"] });

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, Admin, "settings", Options(Channel("disallow_channel", "999")));

        await WaitForTextAsync(host, interaction, "Saved");
        (await TenantAsync(host)).Channels.ShouldBe([host.Channel.Id]);
    }

    [Fact]
    public async Task Settings_BlockWord_AsAdmin_RefusesPromptsWithIt()
    {
        await using var host = await DiscordBotHost.StartAsync();

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, Admin, "settings", Options(Text("block_word", "zebra")));

        await WaitForTextAsync(host, interaction, "Saved");
        (await TenantAsync(host)).Blocklist.ShouldBe(["zebra"]);
        var prompt = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Options(Text("prompt", "a zebra at dawn")));
        await host.Emulator.WaitUntilAsync(_ => Texts(host, prompt).Count > 0, TimeSpan.FromSeconds(10));
        IsEphemeral(host, prompt).ShouldBeTrue();
        host.Provider.Submitted.ShouldBeEmpty();
        (await BalanceAsync(host)).Available.ShouldBe(50);
    }

    [Fact]
    public async Task Settings_UnblockWord_AsAdmin_TakesItOff()
    {
        await using var host = await DiscordBotHost.StartAsync();
        await SetTenantAsync(host, new TenantSettings { Blocklist = ["zebra", "lion"] });

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, Admin, "settings", Options(Text("unblock_word", "zebra")));

        await WaitForTextAsync(host, interaction, "Saved");
        (await TenantAsync(host)).Blocklist.ShouldBe(["lion"]);
    }

    [Theory]
    [InlineData("default_model")]
    [InlineData("gallery")]
    [InlineData("allowance")]
    [InlineData("disable_model")]
    [InlineData("enable_model")]
    [InlineData("allow_channel")]
    [InlineData("disallow_channel")]
    [InlineData("block_word")]
    [InlineData("unblock_word")]
    public async Task Settings_AnyOption_AsMember_IsRefusedPrivatelyAndChangesNothing(string option)
    {
        await using var host = await DiscordBotHost.StartAsync();
        var before = new TenantSettings { Channels = ["999"], Blocklist = ["zebra"] };
        await SetTenantAsync(host, before with { Channels = [host.Channel.Id, "999"] });
        var value = option switch
        {
            "gallery" => Flag(option, false),
            "allowance" => Number(option, 1),
            "allow_channel" => Channel(option, "777"),
            "disallow_channel" => Channel(option, "999"),
            "block_word" or "unblock_word" => Text(option, "zebra"),
            _ => Text(option, "scripted-motion"),
        };

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "settings", Options(value));

        await WaitForTextAsync(host, interaction, "Only admins");
        IsEphemeral(host, interaction).ShouldBeTrue();
        var tenant = await TenantAsync(host);
        (tenant.DefaultModel, tenant.GalleryEnabled, tenant.DisabledModels.Count).ShouldBe((null, new TenantSettings().GalleryEnabled, 0));
        tenant.Channels.ShouldBe([host.Channel.Id, "999"]);
        tenant.Blocklist.ShouldBe(["zebra"]);
        (await host.Services.GetRequiredService<ICreditLedger>().GetAllowanceAsync(new TenantKey("discord", host.GuildId), CancellationToken.None)).ShouldBe(50);
    }

    private static JsonObject Channel(string name, string channelId) => new() { ["name"] = name, ["type"] = 7, ["value"] = channelId };

    /// <summary>Whether the bot answered the interaction privately: its deferral or a followup carries flags 64.</summary>
    private static bool IsEphemeral(DiscordBotHost host, EmulatorInteraction interaction) =>
        host.Emulator.RestCalls.Any(c => c.Path.Contains(interaction.Token, StringComparison.Ordinal) && c.Status < 300
            && (((c.Json?["flags"] ?? c.Json?["data"]?["flags"])?.GetValue<int>() ?? 0) & 64) == 64);

    private static Task SetTenantAsync(DiscordBotHost host, TenantSettings settings) =>
        host.Services.GetRequiredService<ITenantSettingsStore>().SetAsync(new TenantKey("discord", host.GuildId), settings, CancellationToken.None);

    private static Task<TenantSettings> TenantAsync(DiscordBotHost host) =>
        host.Services.GetRequiredService<ITenantSettingsStore>().GetAsync(new TenantKey("discord", host.GuildId), CancellationToken.None);
}
