using System.Net;
using ChatBot.Core.Catalog;
using ChatBot.Emulators.Slack;
using ChatBot.IntegrationTests.TestSupport;
using ChatBot.Slack;

namespace ChatBot.IntegrationTests.Slack;

/// <summary>Vary (Region) on Slack: the button, its signed link to the bot's editor page, and the job the page starts.</summary>
public sealed class SlackRegionTests
{
    private const string Channel = "C0GENERAL";
    private const string Member = "U0MEMBER";

    private static IEnumerable<string> ActionIds(SlackEmulatedMessage reply) =>
        reply.Blocks!.Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Select(e => e!["action_id"]!.GetValue<string>());

    private static string? LinkToken(SlackBot bot) =>
        bot.Emulator.Ephemerals.Select(e => RegionEditorClient.TokenIn(e.Text)).Concat(bot.Emulator.ResponseUrlPosts.Select(p => RegionEditorClient.TokenIn(p.Body.ToJsonString())))
            .FirstOrDefault(t => t is not null);

    [Fact]
    public async Task RegionButton_WithoutPublicBaseUrl_IsNotOffered()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        await bot.Emulator.SendSlashCommandAsync("/imagine", "a castle", Member, Channel);

        var reply = (await bot.WaitForResultsAsync(1)).Single();

        ActionIds(reply).ShouldContain(id => id.StartsWith("cb:Upscale:", StringComparison.Ordinal));
        ActionIds(reply).ShouldNotContain(id => id.StartsWith("cb:VaryRegion:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RegionLink_PaintedAndSubmittedOnItsPage_PostsTheInpaintInTheOriginalChannel()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket, configure: s => s["Playground:PublicBaseUrl"] = "https://bot.example.com/");
        await bot.Emulator.SendSlashCommandAsync("/imagine", "a castle", Member, Channel);
        var first = (await bot.WaitForResultsAsync(1)).Single();
        var region = ActionIds(first).Single(id => id.StartsWith("cb:VaryRegion:", StringComparison.Ordinal));

        await bot.Emulator.SendInteractiveAsync(bot.Emulator.BlockAction(Member, Channel, first.Ts, region));
        await bot.Emulator.WaitUntilAsync(() => LinkToken(bot) is not null, what: "the region editor link, privately");
        using var page = new RegionEditorClient(bot.Address);
        var (status, body) = await page.PaintAndSubmitAsync(LinkToken(bot)!, "a flag on the tower");

        status.ShouldBe(HttpStatusCode.Accepted, body.ToJsonString());
        var results = await bot.WaitForResultsAsync(2);
        results.ShouldAllBe(r => r.Channel == Channel);
        var inpaint = bot.Provider.Requests.Last();
        inpaint.Operation.ShouldBe(MediaOperation.Inpaint);
        inpaint.Options.Prompt.ShouldBe("a flag on the tower");
        inpaint.FirstInput(ChatBot.Core.Model.MediaRole.Mask).ShouldNotBeNull();
        bot.Emulator.BotMessages().ShouldNotContain(m => m.Text.Contains("/region?t=", StringComparison.Ordinal)); // the link was never public
    }
}
