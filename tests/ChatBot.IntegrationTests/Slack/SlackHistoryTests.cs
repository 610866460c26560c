using ChatBot.Slack;
using static ChatBot.IntegrationTests.Slack.SlackBotTests;
using static ChatBot.IntegrationTests.Slack.SlackConfirmationTests;

namespace ChatBot.IntegrationTests.Slack;

/// <summary>Issue 12, history and info, through the Slack emulator: <c>/show</c> posts a result again with working buttons; Info answers privately.</summary>
public sealed class SlackHistoryTests
{
    private const string Channel = "C0GENERAL";
    private const string Member = "U0MEMBER";
    private const string Other = "U0OTHER";

    [Fact]
    public async Task Show_OwnResult_PostsItAgainWithButtonsThatWork()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        await bot.Emulator.SendSlashCommandAsync("/imagine", "a castle --model test-image", Member, Channel);
        var first = (await bot.WaitForResultsAsync(1)).Single();
        var jobId = ActionId(first, "cb:Info:")!.Split(':')[2];
        await bot.WaitForJobsToEndAsync();

        await bot.Emulator.SendSlashCommandAsync("/show", jobId, Member, Channel);

        var shown = (await bot.WaitForResultsAsync(2)).Single(m => m.Ts != first.Ts);
        var upscale = ActionId(shown, "cb:Upscale:")!;
        await bot.Emulator.SendInteractiveAsync(bot.Emulator.BlockAction(Member, Channel, shown.Ts, upscale));
        await bot.WaitForResultsAsync(3);
        bot.Provider.Submitted.Count(s => s.EndsWith(":Upscale", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Show_FourImages_PostsTheGridAsThePictureAndTheImagesInItsThread()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        await bot.Emulator.SendSlashCommandAsync("/imagine", "four foxes --n 4 --model test-image", Member, Channel);
        var first = (await bot.WaitForResultsAsync(1)).Single();
        var jobId = ActionId(first, "cb:Info:")!.Split(':')[2];
        await bot.WaitForJobsToEndAsync();

        await bot.Emulator.SendSlashCommandAsync("/show", jobId, Member, Channel);

        var shown = (await bot.WaitForResultsAsync(2)).Single(m => m.Ts != first.Ts);
        shown.Blocks!.Count(b => b!["type"]!.GetValue<string>() == "image").ShouldBe(1, "one numbered grid, not four images");
        bot.Emulator.File(Image(shown)).ShouldNotBeNull().Name.ShouldEndWith("-grid.png");
        bot.Emulator.Files().Count(f => f.ThreadTs == shown.Ts && f.ShareCompleted).ShouldBe(5, "the four images and their grid");
        ActionIds(shown).Count(id => id.StartsWith("cb:Upscale:", StringComparison.Ordinal)).ShouldBe(4);
    }

    [Fact]
    public async Task InfoButton_OnAResult_AnswersThePresserPrivately()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        await bot.Emulator.SendSlashCommandAsync("/imagine", "a fox --model test-image --seed 7", Member, Channel);
        var result = (await bot.WaitForResultsAsync(1)).Single();
        await bot.WaitForJobsToEndAsync();

        await bot.Emulator.SendInteractiveAsync(bot.Emulator.BlockAction(Other, Channel, result.Ts, ActionId(result, "cb:Info:")!));

        await bot.Emulator.WaitUntilAsync(() => ResponseTexts(bot).Any(t => t.Contains("Model: Test image", StringComparison.Ordinal)), what: "the Info answer");
        var answer = bot.Emulator.ResponseUrlPosts.Last(p => p.Body["text"]!.GetValue<string>().Contains("Model:", StringComparison.Ordinal)).Body;
        answer["response_type"]!.GetValue<string>().ShouldBe("ephemeral");
        answer["text"]!.GetValue<string>().ShouldContain("Seed: 7");
        answer["text"]!.GetValue<string>().ShouldContain("Cost: 2 credits");
        bot.Results().Count.ShouldBe(1);
    }
}
