using ChatBot.Core.Catalog;
using ChatBot.Core.Credits;
using ChatBot.Core.Model;
using ChatBot.Core.Tenants;
using ChatBot.Emulators.Providers;
using ChatBot.Emulators.Slack;
using ChatBot.Slack;

namespace ChatBot.IntegrationTests.Slack;

/// <summary>Issue 11 on Slack: files with roles from a member's message (a thread reply too), and the commands that take no job.</summary>
public sealed class SlackSurfaceTests
{
    private const string Channel = "C0GENERAL";
    private const string Member = "U0MEMBER";
    private const string AdminId = "U0BOSS";

    private static (byte[], string, string) Png(string name, byte seed = 0) => (TestMedia.Png(16, 16, seed), name, "image/png");

    /// <summary>The member shares files in one message and the bot sees its message event.</summary>
    private static async Task<string> ShareAsync(SlackBot bot, string? threadTs, params (byte[], string, string)[] files)
    {
        var (ts, _) = bot.Emulator.ShareUserFiles(Channel, Member, files, threadTs);
        await bot.Emulator.SendEventAsync(bot.Emulator.MessageEvent(Channel, ts));
        return ts;
    }

    private static IReadOnlyList<string> Answers(SlackBot bot) =>
        [.. bot.Emulator.ResponseUrlPosts.Select(p => p.Body["text"]?.GetValue<string>() ?? "").Concat(bot.Emulator.Ephemerals.Select(e => e.Text))];

    private static async Task<string> WaitForAnswerAsync(SlackBot bot, string part)
    {
        await bot.Emulator.WaitUntilAsync(() => Answers(bot).Any(a => a.Contains(part, StringComparison.Ordinal)), what: $"an answer with \"{part}\"; got {string.Join(" | ", Answers(bot))}");
        return Answers(bot).Last(a => a.Contains(part, StringComparison.Ordinal));
    }

    private static async Task<MediaRequestSeen> JobAsync(SlackBot bot)
    {
        await bot.WaitForResultsAsync(1);
        var request = bot.Provider.Requests.Single();
        return new(request.Operation, [.. request.Inputs.Select(i => i.Role)]);
    }

    private sealed record MediaRequestSeen(MediaOperation Operation, IReadOnlyList<MediaRole> Roles);

    [Theory]
    [InlineData("room.png mask.png", "/edit", "a red sofa", MediaOperation.Inpaint, "Image,Mask")]
    [InlineData("face.png voice.mp3", "/video", "--from-image --mode lipsync", MediaOperation.LipSync, "Image,Audio")]
    [InlineData("first.png last.png", "/video", "the sun sets --from-image", MediaOperation.Video, "Image,LastFrame")]
    public async Task SharedFiles_ThenACommand_GiveEachFileItsRole(string files, string command, string text, MediaOperation operation, string roles)
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        await ShareAsync(bot, null, [.. files.Split(' ').Select((name, i) => name.EndsWith(".mp3", StringComparison.Ordinal) ? (TestMedia.Mp3(), name, "audio/mpeg") : Png(name, (byte)i))]);

        await bot.Emulator.SendSlashCommandAsync(command, text, Member, Channel);

        var job = await JobAsync(bot);
        job.Operation.ShouldBe(operation);
        job.Roles.Select(r => r.ToString()).ShouldBe(roles.Split(','));
    }

    [Fact]
    public async Task Edit_AfterAThreadReplyWithSeveralImages_UsesThemAsReferences()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        await bot.Emulator.SendSlashCommandAsync("/imagine", "a portrait", Member, Channel);
        var result = (await bot.WaitForResultsAsync(1)).Single();
        await ShareAsync(bot, result.Ts, Png("me.png"), Png("hat.png", 3), Png("style.png", 4));

        await bot.Emulator.SendSlashCommandAsync("/edit", "me in this hat, in this style", Member, Channel);

        await bot.WaitForResultsAsync(2);
        var edit = bot.Provider.Requests.Last();
        edit.Operation.ShouldBe(MediaOperation.Edit);
        edit.Inputs.Select(i => i.Role).ShouldBe([MediaRole.Image, MediaRole.Reference, MediaRole.Reference]);
    }

    [Fact]
    public async Task Video_WithoutFromImage_IgnoresSharedImages()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        await ShareAsync(bot, null, Png("first.png"));

        await bot.Emulator.SendSlashCommandAsync("/video", "waves", Member, Channel);

        (await JobAsync(bot)).Roles.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("a fox --bogus 3", "`--bogus`")]
    [InlineData("a fox --sed 5", "Did you mean `--seed`?")]
    public async Task Imagine_UnknownFlag_IsRefusedAtNoCost(string text, string expected)
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        var before = await bot.BalanceAsync(Member);

        await bot.Emulator.SendSlashCommandAsync("/imagine", text, Member, Channel);

        await WaitForAnswerAsync(bot, expected);
        bot.Provider.Submitted.ShouldBeEmpty();
        var after = await bot.BalanceAsync(Member);
        (after.Available, after.Reserved).ShouldBe((before.Available, 0));
    }

    [Fact]
    public async Task HelpImagine_ListsItsFlagsAndAllowedValues()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);

        await bot.Emulator.SendSlashCommandAsync("/help", "imagine", Member, Channel);

        var text = await WaitForAnswerAsync(bot, "--ar");
        text.ShouldContain("1:1, 16:9");
        text.ShouldContain("--seed");
    }

    [Fact]
    public async Task Models_LongList_ComesInPagesHoldingEveryModel()
    {
        var many = string.Join(",", Enumerable.Range(1, 60).Select(i => $$"""
            { "id": "filler-{{i:00}}", "provider": "scripted", "displayName": "Filler {{i}}", "description": "A model that only enhances, listed to make the list long enough to page.", "operations": [ "enhance" ], "price": { "perOutput": 9 } }
            """));
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket, moreModels: many);

        await bot.Emulator.SendSlashCommandAsync("/models", "", Member, Channel);

        var last = await WaitForAnswerAsync(bot, "_Page ");
        await bot.Emulator.WaitUntilAsync(() => Answers(bot).Any(a => a.Contains("filler-60", StringComparison.Ordinal)), what: "the last page");
        var pages = Answers(bot).Where(a => a.Contains("_Page ", StringComparison.Ordinal)).ToList();
        pages.Count.ShouldBeGreaterThan(1);
        pages.ShouldAllBe(p => p.Length <= 4000);
        Enumerable.Range(1, 60).ShouldAllBe(i => pages.Any(p => p.Contains($"filler-{i:00}", StringComparison.Ordinal)));
        last.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("default-model test-motion")]
    [InlineData("gallery off")]
    [InlineData("disable-model test-motion")]
    [InlineData("enable-model test-motion")]
    [InlineData("allow-channel <#C0BOTS|bots>")]
    [InlineData("disallow-channel C0OTHER")]
    [InlineData("block-word lion")]
    [InlineData("unblock-word zebra")]
    public async Task Settings_EachOption_AsAdminSaved_AsMemberRefused(string setting)
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        bot.Emulator.AddUser(new SlackEmulatedUser(AdminId, "boss", IsAdmin: true));
        var before = new TenantSettings { Channels = [Channel, "C0OTHER"], Blocklist = ["zebra"] };
        await bot.Get<ITenantSettingsStore>().SetAsync(new TenantKey("slack", bot.Emulator.TeamId), before, CancellationToken.None);

        await bot.Emulator.SendSlashCommandAsync("/settings", setting, Member, Channel);
        await WaitForAnswerAsync(bot, "Only admins");
        var untouched = await TenantAsync(bot);

        await bot.Emulator.SendSlashCommandAsync("/settings", setting, AdminId, Channel);
        await WaitForAnswerAsync(bot, "Saved");

        (untouched.DefaultModel, untouched.GalleryEnabled, untouched.DisabledModels.Count).ShouldBe((null, new TenantSettings().GalleryEnabled, 0));
        untouched.Channels.ShouldBe(before.Channels);
        untouched.Blocklist.ShouldBe(before.Blocklist);
        var saved = await TenantAsync(bot);
        switch (setting.Split(' ')[0])
        {
            case "default-model":
                saved.DefaultModel.ShouldBe("test-motion");
                break;
            case "gallery":
                saved.GalleryEnabled.ShouldBeFalse();
                break;
            case "disable-model":
                saved.DisabledModels.ShouldBe(["test-motion"]);
                break;
            case "allow-channel":
                saved.Channels.ShouldBe([Channel, "C0OTHER", "C0BOTS"]);
                break;
            case "disallow-channel":
                saved.Channels.ShouldBe([Channel]);
                break;
            case "block-word":
                saved.Blocklist.ShouldBe(["zebra", "lion"]);
                break;
            case "unblock-word":
                saved.Blocklist.ShouldBeEmpty();
                break;
            default:
                saved.DisabledModels.ShouldBeEmpty();
                break;
        }
    }

    [Fact]
    public async Task SetAllowance_AsAdminSaved_AsMemberRefused()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        bot.Emulator.AddUser(new SlackEmulatedUser(AdminId, "boss", IsAdmin: true));

        await bot.Emulator.SendSlashCommandAsync("/credits", "set-allowance 12", Member, Channel);
        await WaitForAnswerAsync(bot, "Only admins");
        var untouched = await bot.Get<ICreditLedger>().GetAllowanceAsync(new TenantKey("slack", bot.Emulator.TeamId), CancellationToken.None);
        await bot.Emulator.SendSlashCommandAsync("/credits", "set-allowance 12", AdminId, Channel);
        await WaitForAnswerAsync(bot, "Daily allowance set to 12");

        untouched.ShouldBe(50);
        (await bot.Get<ICreditLedger>().GetAllowanceAsync(new TenantKey("slack", bot.Emulator.TeamId), CancellationToken.None)).ShouldBe(12);
    }

    [Fact]
    public async Task CreditsOfAMember_AsAdminShown_AsMemberRefused()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        bot.Emulator.AddUser(new SlackEmulatedUser(AdminId, "boss", IsAdmin: true));

        await bot.Emulator.SendSlashCommandAsync("/credits", $"<@{AdminId}|boss>", Member, Channel);
        await WaitForAnswerAsync(bot, "Only admins");
        await bot.Emulator.SendSlashCommandAsync("/credits", $"<@{Member}|member>", AdminId, Channel);

        (await WaitForAnswerAsync(bot, $"**Credits of {Member}:**".Replace("**", "*", StringComparison.Ordinal))).ShouldContain("available");
    }

    [Fact]
    public async Task Jobs_ShowsTheRunningJobWithACancelButtonAndTheFinishedOne()
    {
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket);
        await bot.Emulator.SendSlashCommandAsync("/imagine", "done already", Member, Channel);
        await bot.WaitForResultsAsync(1);
        await bot.WaitForJobsToEndAsync();
        bot.Provider.Hold();
        await bot.Emulator.SendSlashCommandAsync("/imagine", "still going", Member, Channel);
        await bot.Provider.WaitUntilHeldAsync();
        var running = bot.Provider.Requests.Last().JobId;

        await bot.Emulator.SendSlashCommandAsync("/jobs", "", Member, Channel);

        var text = await WaitForAnswerAsync(bot, "*Finished*");
        text.ShouldContain(bot.Provider.Requests.First().JobId);
        var post = bot.Emulator.ResponseUrlPosts.Last(p => (p.Body["text"]?.GetValue<string>() ?? "").Contains("*Finished*", StringComparison.Ordinal));
        var cancel = post.Body["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions").SelectMany(b => b!["elements"]!.AsArray()).Single()!;
        cancel["action_id"]!.GetValue<string>().ShouldContain(running);
        bot.Provider.Release();
    }

    private static Task<TenantSettings> TenantAsync(SlackBot bot) =>
        bot.Get<ITenantSettingsStore>().GetAsync(new TenantKey("slack", bot.Emulator.TeamId), CancellationToken.None);
}
