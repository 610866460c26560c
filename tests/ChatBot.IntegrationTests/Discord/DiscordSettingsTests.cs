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

    [Theory]
    [InlineData("default_model")]
    [InlineData("gallery")]
    [InlineData("allowance")]
    [InlineData("disable_model")]
    [InlineData("enable_model")]
    public async Task Settings_AnyOption_AsMember_IsRefusedAndChangesNothing(string option)
    {
        await using var host = await DiscordBotHost.StartAsync();
        var value = option switch
        {
            "gallery" => Flag(option, false),
            "allowance" => Number(option, 1),
            _ => Text(option, "scripted-motion"),
        };

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "settings", Options(value));

        await WaitForTextAsync(host, interaction, "Only admins");
        var tenant = await TenantAsync(host);
        (tenant.DefaultModel, tenant.GalleryEnabled, tenant.DisabledModels.Count).ShouldBe((null, new TenantSettings().GalleryEnabled, 0));
        (await host.Services.GetRequiredService<ICreditLedger>().GetAllowanceAsync(new TenantKey("discord", host.GuildId), CancellationToken.None)).ShouldBe(50);
    }

    private static Task<TenantSettings> TenantAsync(DiscordBotHost host) =>
        host.Services.GetRequiredService<ITenantSettingsStore>().GetAsync(new TenantKey("discord", host.GuildId), CancellationToken.None);
}
