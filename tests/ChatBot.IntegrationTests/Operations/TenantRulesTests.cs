using System.Text.Json.Nodes;
using ChatBot.Core.Credits;
using ChatBot.Core.Model;
using ChatBot.Core.Tenants;
using ChatBot.IntegrationTests.Discord;
using ChatBot.IntegrationTests.Slack;
using ChatBot.IntegrationTests.TestSupport;
using ChatBot.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.IntegrationTests.Operations;

/// <summary>
/// A community's rules on the whole bot, on the Discord and Slack emulators: the bot only in chosen channels, and a
/// value the catalog marks NSFW only in age-restricted channels. Each refusal is private and costs nothing.
/// </summary>
public sealed class TenantRulesTests
{
    private const string Models = """
        { "id": "rules-image", "provider": "scripted", "displayName": "Rules image", "operations": [ "imagine" ],
          "price": { "perOutput": 1 }, "limits": { "maxCount": 1 }, "parameters": { "style": { "values": [ "plain", "spicy" ], "nsfw": [ "spicy" ] } } }
        """;

    private const string SlackChannel = "C0GENERAL";
    private const string SlackMember = "U0MEMBER";

    private static JsonArray Prompt(string prompt) => [new JsonObject { ["name"] = "prompt", ["type"] = 3, ["value"] = prompt }];

    [Fact]
    public async Task Discord_ChannelNotChosen_RefusedPrivatelyAtNoCost()
    {
        await using var host = await DiscordBotHost.StartAsync();
        await host.Services.GetRequiredService<ITenantSettingsStore>()
            .SetAsync(new TenantKey("discord", host.GuildId), new TenantSettings { Channels = ["999"] }, CancellationToken.None);

        await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Prompt("a fox in snow"));

        await WaitForDiscordEphemeralAsync(host, "not used in this channel");
        await AssertDiscordChargedNothingAsync(host);
    }

    [Fact]
    public async Task Discord_NsfwValueOutsideAgeRestrictedChannel_RefusedPrivatelyAtNoCost_AllowedInOne()
    {
        using var catalogDirectory = new TempDirectory();
        var catalog = await ScriptedCatalog.WriteAsync(catalogDirectory, Models);
        await using var host = await DiscordBotHost.StartAsync(settings => settings["Catalog:Path"] = catalog);

        await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Prompt("a fox --style spicy"));

        await WaitForDiscordEphemeralAsync(host, "age-restricted channels only");
        await AssertDiscordChargedNothingAsync(host);

        var adult = host.Emulator.CreateGuildChannel(host.GuildId, "after-dark", nsfw: true);
        await host.Emulator.SendSlashCommandAsync(adult, host.Member, "imagine", Prompt("a fox --style spicy"));
        await host.Endings.WaitForAsync(1);
        host.Provider.Submitted.ShouldHaveSingleItem().AllowNsfw.ShouldBeTrue();
    }

    [Fact]
    public async Task Slack_ChannelNotChosen_RefusedPrivatelyAtNoCost()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        await bot.Get<ITenantSettingsStore>().SetAsync(new TenantKey("slack", bot.Emulator.TeamId), new TenantSettings { Channels = ["C0ELSEWHERE"] }, CancellationToken.None);

        await bot.Emulator.SendSlashCommandAsync("/imagine", "a lighthouse at dusk --model test-image", SlackMember, SlackChannel);

        await WaitForSlackEphemeralAsync(bot, "not used in this channel");
        await AssertSlackChargedNothingAsync(bot);
    }

    [Fact]
    public async Task Slack_NsfwValue_RefusedPrivatelyAtNoCost()
    {
        using var catalogDirectory = new TempDirectory();
        var catalog = await ScriptedCatalog.WriteAsync(catalogDirectory, Models);
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket, configure: settings => settings["Catalog:Path"] = catalog);

        // Slack has no age-restricted channels: such a value is refused everywhere.
        await bot.Emulator.SendSlashCommandAsync("/imagine", "a fox --style spicy", SlackMember, SlackChannel);

        await WaitForSlackEphemeralAsync(bot, "age-restricted channels only");
        await AssertSlackChargedNothingAsync(bot);
    }

    private static Task WaitForDiscordEphemeralAsync(DiscordBotHost host, string text) =>
        host.Emulator.WaitUntilAsync(e => e.RestCalls.Any(c =>
            c.Is("POST", "/webhooks/")
            && ((c.Json?["flags"]?.GetValue<int>() ?? 0) & 64) == 64
            && c.Json?["content"]?.GetValue<string>().Contains(text, StringComparison.Ordinal) == true));

    private static async Task AssertDiscordChargedNothingAsync(DiscordBotHost host)
    {
        var balance = await host.Services.GetRequiredService<ICreditLedger>()
            .GetBalanceAsync(new AccountKey("discord", host.GuildId, host.Member.UserId), CancellationToken.None);
        balance.Available.ShouldBe(50);
        balance.Reserved.ShouldBe(0);
        host.Provider.Submitted.ShouldBeEmpty();
    }

    private static Task WaitForSlackEphemeralAsync(SlackBot bot, string text) =>
        bot.Emulator.WaitUntilAsync(
            () => bot.Emulator.ResponseUrlPosts.Any(p => p.Body["text"]?.GetValue<string>().Contains(text, StringComparison.Ordinal) == true)
                || bot.Emulator.Ephemerals.Any(e => e.Text.Contains(text, StringComparison.Ordinal)),
            what: "the private refusal");

    private static async Task AssertSlackChargedNothingAsync(SlackBot bot)
    {
        var balance = await bot.BalanceAsync(SlackMember);
        balance.Reserved.ShouldBe(0);
        bot.Audit.JobCount().ShouldBe(0);
        bot.Provider.Submitted.ShouldBeEmpty();
        bot.Emulator.BotMessages().ShouldBeEmpty();
    }
}
