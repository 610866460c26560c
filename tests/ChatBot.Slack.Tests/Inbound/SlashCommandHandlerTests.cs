namespace ChatBot.Slack.Tests.Inbound;

/// <summary>Slash commands over Socket Mode through the adapter to the dispatcher, observed at the emulator.</summary>
public sealed class SlashCommandHandlerTests() : SlackHostTests(SlackMode.Socket)
{
    [Fact]
    public async Task Imagine_Accepted_ReplyPostedWithTheFirstView()
    {
        await Emulator.SendSlashCommandAsync("/imagine", "a lighthouse", "U1", "C1");

        var request = await Dispatcher.WaitForRequestAsync();
        await Emulator.WaitUntilAsync(() => Emulator.BotMessages().Count == 1, what: "the reply");
        var reply = Emulator.BotMessages().ShouldHaveSingleItem();
        reply.Versions.Count.ShouldBe(1);
        reply.Text.ShouldContain("Queued — 1st in line");
        request.Reply.Value.ShouldStartWith("C1|~");
        Emulator.CallsTo("chat.update").ShouldBeEmpty();
    }

    [Fact]
    public async Task UnknownCommandText_AnswersEphemerallyWithoutDispatch()
    {
        await Emulator.SendSlashCommandAsync("/imagine", "a fox --n", "U1", "C1");

        await WaitForResponseAsync();
        Dispatcher.Requests.ShouldBeEmpty();
        Emulator.ResponseUrlPosts.Single().Body["response_type"]!.GetValue<string>().ShouldBe("ephemeral");
    }

    [Fact]
    public async Task Edit_WithoutSharedImage_ExplainsAndCostsNothing()
    {
        await Emulator.SendSlashCommandAsync("/edit", "make it night", "U1", "C1");

        await WaitForResponseAsync();
        ResponseText().ShouldContain("works on an image");
        Dispatcher.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Edit_AfterMemberSharedImage_UsesTheirLatestImage()
    {
        Emulator.ShareUserFile("C1", "U1", TestImages.Png(), "old.png", "image/png");
        Emulator.ShareUserFile("C1", "U2", TestImages.Png(), "someone-else.png", "image/png");
        var (_, mine) = Emulator.ShareUserFile("C1", "U1", TestImages.Png(), "mine.png", "image/png");
        Emulator.PostUserMessage("C1", "U1", "here it is");

        await Emulator.SendSlashCommandAsync("/edit", "make it night --strength 0.5", "U1", "C1");

        var request = await Dispatcher.WaitForRequestAsync();
        request.Kind.ShouldBe(CommandKind.Edit);
        request.Options.Prompt.ShouldBe("make it night");
        request.Options.Strength.ShouldBe(0.5);
        var input = request.Inputs.ShouldHaveSingleItem();
        input.Url.ShouldBe(Emulator.UrlPrivate(mine.Id));
        input.RequiresBotToken.ShouldBeTrue();
        input.DeclaredContentType.ShouldBe("image/png");
    }

    [Fact]
    public async Task EditUpscaleReaction_ImageSeenInMessageEvent_NoHistoryCallsBeyondTheMinuteLimit()
    {
        // A commercially distributed app outside the Marketplace: one conversations.history call a minute.
        Emulator.DistributedOutsideMarketplace = true;
        var (ts, mine) = Emulator.ShareUserFile("C1", "U1", TestImages.Png(), "mine.png", "image/png");
        await Emulator.SendEventAsync(Emulator.MessageEvent("C1", ts));

        await Emulator.SendSlashCommandAsync("/edit", "make it night", "U1", "C1");
        await Dispatcher.WaitForRequestAsync(1);
        await Emulator.SendSlashCommandAsync("/upscale", "", "U1", "C1");
        await Dispatcher.WaitForRequestAsync(2);
        await Emulator.SendEventAsync(SlackEmulator.ReactionAdded("U2", "mag", "C1", ts));
        await Dispatcher.WaitForRequestAsync(3);

        Dispatcher.Requests.ShouldAllBe(r => r.Inputs.Single().Url == Emulator.UrlPrivate(mine.Id));
        Emulator.CallsTo("conversations.history").Count.ShouldBeLessThanOrEqualTo(1);
        Emulator.Calls.ShouldNotContain(c => c.Answered == "ratelimited");
    }

    [Fact]
    public async Task EditThenUpscale_ImageOnlyInHistory_HistoryReadOnce()
    {
        // No message event for the image (shared before the bot started): the first look reads the history, the
        // second finds what that read returned, so the one-a-minute limit is never hit.
        Emulator.DistributedOutsideMarketplace = true;
        var (_, mine) = Emulator.ShareUserFile("C1", "U1", TestImages.Png(), "mine.png", "image/png");

        await Emulator.SendSlashCommandAsync("/edit", "make it night", "U1", "C1");
        await Dispatcher.WaitForRequestAsync(1);
        await Emulator.SendSlashCommandAsync("/upscale", "", "U1", "C1");
        await Dispatcher.WaitForRequestAsync(2);

        Dispatcher.Requests.ShouldAllBe(r => r.Inputs.Single().Url == Emulator.UrlPrivate(mine.Id));
        Emulator.CallsTo("conversations.history").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Upscale_FileTooLarge_RefusedBeforeDispatch()
    {
        var big = new byte[30 * 1024 * 1024];
        TestImages.Png().CopyTo(big, 0);
        Emulator.ShareUserFile("C1", "U1", big, "huge.png", "image/png");

        await Emulator.SendSlashCommandAsync("/upscale", "", "U1", "C1");

        await WaitForResponseAsync();
        ResponseText().ShouldContain("too large");
        Dispatcher.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("UADMIN", false, true)]
    [InlineData("UWSADMIN", true, true)]
    [InlineData("UMEMBER", false, false)]
    public async Task CreditsGrant_Admin_FromConfigOrWorkspaceAdmin(string user, bool workspaceAdmin, bool expected)
    {
        Emulator.AddUser(new SlackEmulatedUser(user, user.ToLowerInvariant(), IsAdmin: workspaceAdmin));
        Dispatcher.Answer = _ => new CommandOutcome.Info("ok");

        await Emulator.SendSlashCommandAsync("/credits", "grant <@U5|bob> 10", user, "C1");

        var request = await Dispatcher.WaitForRequestAsync();
        request.Kind.ShouldBe(CommandKind.GrantCredits);
        request.Options.TargetUserId.ShouldBe("U5");
        request.Actor.IsAdmin.ShouldBe(expected);
    }

    [Fact]
    public async Task Imagine_TextArrivesEscaped_PromptIsAsTypedAndReplyEscapedOnce()
    {
        await Emulator.SendSlashCommandAsync("/imagine", "cats & dogs <3 <!channel>", "U1", "C1");

        var request = await Dispatcher.WaitForRequestAsync();
        request.Options.Prompt.ShouldBe("cats & dogs <3 <!channel>");
        request.RawText.ShouldBe("/imagine cats & dogs <3 <!channel>");
        await Emulator.WaitUntilAsync(() => Emulator.BotMessages().Count == 1, what: "the first view");
        var reply = Emulator.BotMessages().ShouldHaveSingleItem();
        reply.Text.ShouldContain("cats &amp; dogs &lt;3 &lt;!channel&gt;");
        reply.Blocks!.ToJsonString().ShouldNotContain("&amp;amp;");
        Emulator.Mentions.ShouldBeEmpty();
    }
}
