using ChatBot.Core.Model;
using ChatBot.Core.Tenants;
using ChatBot.Emulators.Slack;
using ChatBot.Slack;

namespace ChatBot.IntegrationTests.Slack;

/// <summary>Issue 12, cost before the run, through the Slack emulator: Confirm reserves and runs; another member's press is refused privately.</summary>
public sealed class SlackConfirmationTests
{
    private const string Channel = "C0GENERAL";
    private const string Member = "U0MEMBER";
    private const string Other = "U0OTHER";

    internal static string? ActionId(SlackEmulatedMessage? message, string prefix) =>
        message?.Blocks?.Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Select(e => e!["action_id"]!.GetValue<string>())
            .FirstOrDefault(id => id.StartsWith(prefix, StringComparison.Ordinal));

    internal static IEnumerable<string> ResponseTexts(SlackBot bot) =>
        bot.Emulator.ResponseUrlPosts.Select(p => p.Body["text"]?.GetValue<string>() ?? "");

    [Fact]
    public async Task Imagine_AboveTheThreshold_ConfirmReservesAndRuns_AnotherMembersPressIsRefusedPrivately()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        await bot.Get<ITenantSettingsStore>().SetAsync(new TenantKey("slack", bot.Emulator.TeamId), new TenantSettings { ConfirmAbove = 1 }, CancellationToken.None);
        var before = await bot.BalanceAsync(Member);

        await bot.Emulator.SendSlashCommandAsync("/imagine", "a lighthouse at dusk --model test-image", Member, Channel);
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.BotMessages().Any(m => ActionId(m, "cb:Confirm:") is not null), what: "the Confirm button");
        var waiting = bot.Emulator.BotMessages().Single(m => ActionId(m, "cb:Confirm:") is not null);
        var confirm = ActionId(waiting, "cb:Confirm:")!;
        (await bot.BalanceAsync(Member)).Reserved.ShouldBe(0);
        bot.Provider.Submitted.ShouldBeEmpty();

        await bot.Emulator.SendInteractiveAsync(bot.Emulator.BlockAction(Other, Channel, waiting.Ts, confirm));
        await bot.Emulator.WaitUntilAsync(() => ResponseTexts(bot).Any(t => t.Contains("can confirm or cancel", StringComparison.Ordinal)), what: "the refusal");
        bot.Emulator.ResponseUrlPosts.Last().Body["response_type"]!.GetValue<string>().ShouldBe("ephemeral");
        bot.Provider.Submitted.ShouldBeEmpty();

        await bot.Emulator.SendInteractiveAsync(bot.Emulator.BlockAction(Member, Channel, waiting.Ts, confirm));

        await bot.WaitForResultAsync(Channel, waiting.Ts);
        ResponseTexts(bot).ShouldContain(t => t.Contains("Confirmed: 2 credits reserved", StringComparison.Ordinal));
        await bot.WaitForJobsToEndAsync();
        (await bot.BalanceAsync(Member)).Available.ShouldBe(before.Available - 2);
    }
}
