using System.Net;
using ChatBot.Emulators.Slack;
using ChatBot.Slack;

namespace ChatBot.IntegrationTests.Slack;

/// <summary>The whole bot through the Slack emulator: Socket Mode and signed HTTP, replies, files, buttons, reactions.</summary>
public sealed class SlackBotTests
{
    private const string Channel = "C0GENERAL";
    private const string Member = "U0MEMBER";

    internal static string Image(SlackEmulatedMessage reply) =>
        reply.Blocks!.Single(b => b!["type"]!.GetValue<string>() == "image")!["slack_file"]!["id"]!.GetValue<string>();

    internal static IEnumerable<string> ActionIds(SlackEmulatedMessage reply) =>
        reply.Blocks!.Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Select(e => e!["action_id"]!.GetValue<string>());

    private static async Task AssertLedgerCleanAsync(SlackBot bot)
    {
        await bot.WaitForJobsToEndAsync();
        bot.Audit.UnbalancedAccounts().ShouldBeEmpty();
        bot.Audit.UnsettledJobs().ShouldBeEmpty();
        bot.Audit.NonTerminalJobs().ShouldBeEmpty();
    }

    [Fact]
    public async Task Imagine_OverSocketMode_PostsImageInReplyAndSettlesCredits()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        var before = await bot.BalanceAsync(Member);

        var envelope = await bot.Emulator.SendSlashCommandAsync("/imagine", "a lighthouse at dusk --model test-image", Member, Channel);

        var reply = (await bot.WaitForResultsAsync(1)).Single();
        bot.Emulator.Envelopes.Single(e => e.EnvelopeId == envelope).Acked.ShouldBeTrue();
        var file = bot.Emulator.File(Image(reply)).ShouldNotBeNull();
        file.ShareCompleted.ShouldBeTrue();
        file.ThreadTs.ShouldBe(reply.Ts);
        file.Bytes.ShouldBe(ScriptedProvider.Png);
        ActionIds(reply).ShouldContain(id => id.StartsWith("cb:Upscale:", StringComparison.Ordinal));
        await bot.WaitForJobsToEndAsync();
        (await bot.BalanceAsync(Member)).Available.ShouldBe(before.Available - 2);
        await AssertLedgerCleanAsync(bot);
    }

    [Fact]
    public async Task Imagine_FourImages_TheGridIsTheReplysPictureAndEachImageIsInTheThread()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);

        await bot.Emulator.SendSlashCommandAsync("/imagine", "four foxes --n 4 --model test-image", Member, Channel);

        var reply = (await bot.WaitForResultsAsync(1)).Single();
        var grid = bot.Emulator.File(Image(reply)).ShouldNotBeNull();
        grid.Name.ShouldEndWith("-grid.png");
        grid.ThreadTs.ShouldBe(reply.Ts);
        var inThread = bot.Emulator.Files().Where(f => f.ThreadTs == reply.Ts && f.ShareCompleted).Select(f => f.Name).ToList();
        inThread.Count.ShouldBe(5, "the four images and their grid");
        ActionIds(reply).Where(id => id.StartsWith("cb:Upscale:", StringComparison.Ordinal)).Select(id => id[^2..]).ShouldBe([":0", ":1", ":2", ":3"]);
        reply.Blocks!.Single(b => b!["type"]!.GetValue<string>() == "image")!["title"]!["text"]!.GetValue<string>().ShouldStartWith("Images 1–4");
        await AssertLedgerCleanAsync(bot);
    }

    [Fact]
    public async Task Imagine_OverSignedHttp_PostsImageAndSettlesCredits()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Http);
        var before = await bot.BalanceAsync(Member);
        var fields = bot.Emulator.SlashCommandJson("/imagine", "a red kite --n 2", Member, Channel);
        using var request = SlackSignedRequests.SlashCommand(new Uri(bot.Address, "slack/commands"), bot.Emulator.SigningSecret, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), fields);

        using var response = await bot.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var reply = (await bot.WaitForResultsAsync(1)).Single();
        reply.Blocks!.Count(b => b!["type"]!.GetValue<string>() == "image").ShouldBe(1, "two images show as one numbered grid; the images are in the thread");
        await bot.WaitForJobsToEndAsync();
        (await bot.BalanceAsync(Member)).Available.ShouldBe(before.Available - 4);
        await AssertLedgerCleanAsync(bot);
    }

    [Fact]
    public async Task ForgedAndReplayedHttpRequests_Refused_NoJobNoCharge()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Http);
        var fields = bot.Emulator.SlashCommandJson("/imagine", "free images please", Member, Channel);
        var url = new Uri(bot.Address, "slack/commands");
        using var forged = SlackSignedRequests.SlashCommand(url, "guessed-secret", DateTimeOffset.UtcNow.ToUnixTimeSeconds(), fields);
        using var replayed = SlackSignedRequests.SlashCommand(url, bot.Emulator.SigningSecret, DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds(), fields);

        (await bot.Http.SendAsync(forged)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await bot.Http.SendAsync(replayed)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        bot.Audit.JobCount().ShouldBe(0);
        bot.Emulator.CallsTo("chat.postMessage").ShouldBeEmpty();
    }

    [Fact]
    public async Task Progress_EditsInOrder_FinalResultLast()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);

        await bot.Emulator.SendSlashCommandAsync("/imagine", "a slow fox", Member, Channel);

        var reply = (await bot.WaitForResultsAsync(1)).Single();
        var texts = reply.Versions.Select(v => v["text"]!.GetValue<string>()).ToList();
        texts.Count.ShouldBeGreaterThanOrEqualTo(2);
        texts[^1].ShouldContain("done");
        texts.Take(texts.Count - 1).ShouldAllBe(t => !t.Contains("done", StringComparison.Ordinal));
        var percents = reply.Versions
            .Select(v => v["blocks"]?.ToJsonString() ?? "")
            .Select(b => System.Text.RegularExpressions.Regex.Match(b, @"(\d+)%"))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        percents.ShouldBe(percents.Order().ToList());
        bot.Emulator.CallsTo("chat.update").ShouldAllBe(c => c.Answered == "ok");
    }

    [Fact]
    public async Task Progress_PacedByReplyUpdater_IntermediateStatesCoalesced()
    {
        // With a 1 s edit interval, the provider's quick succession of states cannot each become an edit.
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket, configure: s => s["Replies:EditInterval"] = "00:00:01");

        await bot.Emulator.SendSlashCommandAsync("/imagine", "a paced fox", Member, Channel);

        var reply = (await bot.WaitForResultsAsync(1)).Single();
        bot.Emulator.CallsTo("chat.update").Count.ShouldBeLessThanOrEqualTo(5);
        reply.Versions[^1]["text"]!.GetValue<string>().ShouldEndWith("— done");
        bot.Emulator.CallsTo("chat.update").ShouldAllBe(c => c.Answered == "ok");
    }

    [Fact]
    public async Task ChannelArchivedMidJob_MemberToldAndNothingCharged()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        var before = await bot.BalanceAsync(Member);
        bot.Provider.Hold();
        await bot.Emulator.SendSlashCommandAsync("/imagine", "an archived fox --model test-image", Member, Channel);
        await bot.Provider.WaitUntilHeldAsync();
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.Messages(Channel).Count == 1, what: "the reply");

        bot.Emulator.ArchiveChannel(Channel);
        bot.Provider.Release();

        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.Messages(Member).Count == 1, what: "the member told directly");
        bot.Emulator.Messages(Member).Single().Text.ShouldContain("Nothing was charged");
        await bot.WaitForJobsToEndAsync();
        (await bot.BalanceAsync(Member)).Available.ShouldBe(before.Available);
        await AssertLedgerCleanAsync(bot);
    }

    [Fact]
    public async Task NotInChannel_MemberAskedToInviteAndJobReturnsItsCredits()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        var before = await bot.BalanceAsync(Member);
        bot.Emulator.SetNotInChannel(Channel);

        await bot.Emulator.SendSlashCommandAsync("/imagine", "a shut-out fox --model test-image", Member, Channel);

        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.ResponseUrlPosts.Count == 1, what: "the member told");
        bot.Emulator.ResponseUrlPosts.Single().Body["text"]!.GetValue<string>().ShouldContain("/invite");
        await bot.WaitForJobsToEndAsync();
        (await bot.BalanceAsync(Member)).Available.ShouldBe(before.Available);
        bot.Emulator.BotMessages().ShouldBeEmpty();
        await AssertLedgerCleanAsync(bot);
    }

    [Fact]
    public async Task DisconnectMidJob_NoEnvelopeLostOrRunTwice()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        bot.Provider.Hold();
        await bot.Emulator.SendSlashCommandAsync("/imagine", "first", Member, Channel);
        await bot.Provider.WaitUntilHeldAsync();
        var first = bot.Emulator.OpenConnections().Single();

        await bot.Emulator.SendDisconnectAsync("refresh_requested");
        await bot.Emulator.SendSlashCommandAsync("/imagine", "second", Member, Channel);
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.ConnectionEvents.Any(e => e.ConnectionId == first && !e.Opened), what: "the old socket closed");
        await bot.Emulator.SendSlashCommandAsync("/imagine", "third", Member, Channel);
        bot.Provider.Release();

        await bot.WaitForResultsAsync(3);
        bot.Emulator.Envelopes.ShouldAllBe(e => e.Acked);
        (await bot.Emulator.RedeliverUnackedAsync()).ShouldBe(0);
        bot.Audit.JobCount().ShouldBe(3);
        bot.Provider.Submitted.Count.ShouldBe(3);
        bot.Results().Count.ShouldBe(3);
        await AssertLedgerCleanAsync(bot);
    }

    [Fact]
    public async Task RateLimitStorm_EverythingDeliveredOnce()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        bot.Emulator.InjectRateLimit("chat.postMessage", count: 1, retryAfterSeconds: 1);
        bot.Emulator.InjectRateLimit("chat.update", count: 3, retryAfterSeconds: 1);
        bot.Emulator.InjectRateLimit("files.completeUploadExternal", count: 1, retryAfterSeconds: 1);

        await bot.Emulator.SendSlashCommandAsync("/imagine", "storm", Member, Channel);

        var reply = (await bot.WaitForResultsAsync(1)).Single();
        bot.Emulator.Calls.Count(c => c.Answered == "ratelimited").ShouldBe(5);
        bot.Emulator.BotMessages().Count(m => m.Blocks?.ToJsonString().Contains("storm", StringComparison.Ordinal) == true).ShouldBe(1);
        bot.Emulator.Files().Count(f => f.User == bot.Emulator.BotUserId).ShouldBe(1);
        Image(reply).ShouldNotBeNullOrEmpty();
        await AssertLedgerCleanAsync(bot);
    }

    [Fact]
    public async Task UpscaleButton_OnResult_RunsFromStoredOutput()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        await bot.Emulator.SendSlashCommandAsync("/imagine", "a castle", Member, Channel);
        var first = (await bot.WaitForResultsAsync(1)).Single();
        var upscale = ActionIds(first).First(id => id.StartsWith("cb:Upscale:", StringComparison.Ordinal));

        await bot.Emulator.SendInteractiveAsync(bot.Emulator.BlockAction(Member, Channel, first.Ts, upscale));

        await bot.WaitForResultsAsync(2);
        bot.Provider.Submitted.Count(s => s.EndsWith(":Upscale", StringComparison.Ordinal)).ShouldBe(1);
        await AssertLedgerCleanAsync(bot);
    }

    [Fact]
    public async Task ReactionEdit_OnMemberImage_OfferModalThenEditedResult()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        var (ts, _) = bot.Emulator.ShareUserFile(Channel, Member, ScriptedProvider.Png, "me.png", "image/png");

        await bot.Emulator.SendEventAsync(SlackEmulator.ReactionAdded(Member, "pencil2", Channel, ts));
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.Ephemerals.Count == 1, what: "the edit offer");
        var button = bot.Emulator.Ephemerals.Single().Blocks!.Last()!["elements"]![0]!;
        await bot.Emulator.SendInteractiveAsync(bot.Emulator.BlockAction(Member, Channel, ts, button["action_id"]!.GetValue<string>(), button["value"]!.GetValue<string>()));
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.Views.Count == 1, what: "the edit modal");
        await bot.Emulator.SendInteractiveAsync(bot.Emulator.ViewSubmission(Member, bot.Emulator.Views.Single(), new Dictionary<string, (string, string)> { ["prompt"] = ("prompt", "add a hat") }));

        await bot.WaitForResultsAsync(1);
        bot.Emulator.Downloads.ShouldContain(d => d.EndsWith(":authorized", StringComparison.Ordinal));
        bot.Provider.Submitted.ShouldHaveSingleItem().ShouldEndWith(":Edit");
        await AssertLedgerCleanAsync(bot);
    }

    [Fact]
    public async Task MessageShortcutUpscale_OnMemberImage_UpscaledResult()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        var (ts, _) = bot.Emulator.ShareUserFile(Channel, "U0OTHER", ScriptedProvider.Png, "photo.png", "image/png");
        var before = await bot.BalanceAsync(Member);

        await bot.Emulator.SendInteractiveAsync(bot.Emulator.MessageShortcut(Member, "upscale", Channel, ts));

        await bot.WaitForResultsAsync(1);
        bot.Provider.Submitted.ShouldHaveSingleItem().ShouldEndWith(":Upscale");
        await bot.WaitForJobsToEndAsync();
        (await bot.BalanceAsync(Member)).Available.ShouldBe(before.Available - 1);
        await AssertLedgerCleanAsync(bot);
    }

    [Fact]
    public async Task HostRestartMidJob_ReplyFinishedAfterwards()
    {
        var emulator = await SlackEmulator.StartAsync();
        var data = new TestSupport.TempDirectory();
        var provider = new ScriptedProvider();
        provider.Hold();
        var first = await SlackBot.StartAsync(SlackMode.Socket, emulator, data, provider);
        await emulator.SendSlashCommandAsync("/imagine", "survives a restart", Member, Channel);
        await provider.WaitUntilHeldAsync();
        await emulator.WaitUntilAsync(() => emulator.BotMessages().Count == 1, what: "the reply posted with the first view");
        var replyTs = emulator.BotMessages().Single().Ts;
        await first.StopAsync();

        await using var second = await SlackBot.StartAsync(SlackMode.Socket, emulator, data, new ScriptedProvider());

        await second.WaitForResultAsync(Channel, replyTs);
        emulator.BotMessages().Count(m => m.FileIds.Count == 0).ShouldBe(1);
        await AssertLedgerCleanAsync(second);
    }
}
