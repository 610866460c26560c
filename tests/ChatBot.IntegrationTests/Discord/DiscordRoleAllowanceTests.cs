using System.Text.Json.Nodes;
using ChatBot.Core.Model;
using ChatBot.Core.Tenants;
using ChatBot.Emulators.Discord;
using Microsoft.Extensions.DependencyInjection;
using static ChatBot.IntegrationTests.Discord.DiscordSurface;

namespace ChatBot.IntegrationTests.Discord;

/// <summary>Issue 16: a daily allowance per Discord role (boosters get more), from the roles in each interaction.</summary>
public sealed class DiscordRoleAllowanceTests
{
    private const string BoosterRole = "5550001";
    private static readonly EmulatorMember Admin = DiscordEmulator.CreateMember("boss", permissions: 32);

    private static JsonObject Role(string name, string roleId) => new() { ["name"] = name, ["type"] = 8, ["value"] = roleId };

    [Fact]
    public async Task RoleAllowance_SetByAdmin_BoosterGetsItAndOthersTheDefault()
    {
        await using var host = await DiscordBotHost.StartAsync();
        var booster = DiscordEmulator.CreateMember("booster", roles: ["5550009", BoosterRole]);
        var plain = DiscordEmulator.CreateMember("plain", roles: ["5550009"]);

        var set = await host.Emulator.SendSlashCommandAsync(host.Channel, Admin, "settings", Options(Role("role", BoosterRole), Number("role_allowance", 200)));
        await WaitForTextAsync(host, set, "Saved");
        await host.Emulator.SendSlashCommandAsync(host.Channel, booster, "imagine", Options(Text("prompt", "a fox")));
        await host.Endings.WaitForAsync(1);
        var boosterCredits = await host.Emulator.SendSlashCommandAsync(host.Channel, booster, "credits", Options());
        var plainCredits = await host.Emulator.SendSlashCommandAsync(host.Channel, plain, "credits", Options());

        var price = 200 - (await BalanceAsync(host, booster.UserId)).Available;
        price.ShouldBeGreaterThan(0);
        (await WaitForTextAsync(host, boosterCredits, "Daily allowance")).ShouldContain("Daily allowance: 200");
        var text = await WaitForTextAsync(host, plainCredits, "Daily allowance");
        text.ShouldContain("50 available");
        text.ShouldContain("Daily allowance: 50");
        var summary = await host.Emulator.SendSlashCommandAsync(host.Channel, Admin, "settings", Options());
        (await WaitForTextAsync(host, summary, "Role allowances")).ShouldContain($"Role allowances: <@&{BoosterRole}> 200");
    }

    [Fact]
    public async Task ClearRoleAllowance_AsAdmin_RemovesIt()
    {
        await using var host = await DiscordBotHost.StartAsync();
        await host.Services.GetRequiredService<ITenantSettingsStore>().SetAsync(
            new TenantKey("discord", host.GuildId), new TenantSettings { RoleAllowances = new Dictionary<string, long> { [BoosterRole] = 200 } }, CancellationToken.None);

        var cleared = await host.Emulator.SendSlashCommandAsync(host.Channel, Admin, "settings", Options(Role("clear_role_allowance", BoosterRole)));

        await WaitForTextAsync(host, cleared, "Saved");
        (await TenantAsync(host)).RoleAllowances.ShouldBeEmpty();
    }

    [Fact]
    public async Task RoleAllowance_SetByAMember_IsRefusedPrivatelyAndChangesNothing()
    {
        await using var host = await DiscordBotHost.StartAsync();

        var set = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "settings", Options(Role("role", BoosterRole), Number("role_allowance", 500)));

        await WaitForTextAsync(host, set, "Only admins");
        host.Emulator.RestCalls.Any(c => c.Path.Contains(set.Token, StringComparison.Ordinal)
            && (((c.Json?["flags"] ?? c.Json?["data"]?["flags"])?.GetValue<int>() ?? 0) & 64) == 64).ShouldBeTrue();
        (await TenantAsync(host)).RoleAllowances.ShouldBeEmpty();
    }

    private static Task<TenantSettings> TenantAsync(DiscordBotHost host) =>
        host.Services.GetRequiredService<ITenantSettingsStore>().GetAsync(new TenantKey("discord", host.GuildId), CancellationToken.None);
}
