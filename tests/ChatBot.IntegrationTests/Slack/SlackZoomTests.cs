using ChatBot.Core.Catalog;
using ChatBot.IntegrationTests.Discord;
using ChatBot.Slack;
using static ChatBot.IntegrationTests.Slack.SlackConfirmationTests;

namespace ChatBot.IntegrationTests.Slack;

/// <summary>Issue 12, more result actions through the Slack emulator: Zoom Out 1.5× on a model that extends a canvas.</summary>
public sealed class SlackZoomTests
{
    private const string Channel = "C0GENERAL";
    private const string Member = "U0MEMBER";

    [Fact]
    public async Task ZoomOut15_OnAResult_PostsTheExtendedPictureFromTheStoredOutput()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket, moreModels: DiscordZoomTests.ReframeModel);
        await bot.Emulator.SendSlashCommandAsync("/imagine", "a castle --model test-image", Member, Channel);
        var first = (await bot.WaitForResultsAsync(1)).Single();
        var zoom = ActionId(first, "cb:ZoomOut15:")!;
        ActionId(first, "cb:PanLeft:").ShouldNotBeNull();

        await bot.Emulator.SendInteractiveAsync(bot.Emulator.BlockAction(Member, Channel, first.Ts, zoom));

        await bot.WaitForResultsAsync(2);
        var request = bot.Provider.Requests.Last();
        request.Operation.ShouldBe(MediaOperation.Reframe);
        request.Model.Id.ShouldBe("scripted-reframe");
        int.Parse(request.Options.Extra["left"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        request.Options.Extra["left"].ShouldBe(request.Options.Extra["right"]);
        request.Options.Extra["up"].ShouldBe(request.Options.Extra["down"]);
        await bot.WaitForJobsToEndAsync();
    }
}
