using System.Text.Json.Nodes;
using ChatBot.Core.Model;
using ChatBot.Emulators.Slack;
using ChatBot.Slack.Blocks;
using ChatBot.Slack.Inbound;
using ChatBot.Slack.Tests.Support;

namespace ChatBot.Slack.Tests.Inbound;

/// <summary>Slack requests over Socket Mode through the adapter to the dispatcher, observed at the emulator.</summary>
public sealed class SlackRouterTests : IAsyncLifetime
{
    private SlackHost _host = null!;

    private SlackEmulator Emulator => _host.Emulator;
    private RecordingDispatcher Dispatcher => _host.Dispatcher;

    public async Task InitializeAsync()
    {
        _host = await SlackHost.StartAsync(SlackMode.Socket, s => s["Slack:AdminUserIds:0"] = "UADMIN");
        await Emulator.WaitUntilAsync(() => Emulator.OpenConnections().Count == 1, what: "a connection");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task WaitForResponseAsync(int count = 1) =>
        Emulator.WaitUntilAsync(() => Emulator.ResponseUrlPosts.Count >= count, what: "an ephemeral answer");

    [Fact]
    public async Task Imagine_Accepted_PostsReplyThenEditsItWithTheView()
    {
        await Emulator.SendSlashCommandAsync("/imagine", "a lighthouse", "U1", "C1");

        var request = await Dispatcher.WaitForRequestAsync();
        await Emulator.WaitUntilAsync(() => Emulator.CallsTo("chat.update").Count == 1, what: "the edit");
        var reply = Emulator.BotMessages().ShouldHaveSingleItem();
        reply.Versions.Count.ShouldBe(2);
        reply.Text.ShouldContain("Queued — 1st in line");
        request.Reply.Value.ShouldStartWith("C1|" + reply.Ts);
    }

    [Fact]
    public async Task Imagine_Refused_RemovesReplyAndAnswersEphemerally()
    {
        Dispatcher.Respond = _ => new CommandOutcome.Refused("This needs 4 credits; you have 1.");

        await Emulator.SendSlashCommandAsync("/imagine", "a lighthouse --n 4", "U1", "C1");

        await WaitForResponseAsync();
        var answer = Emulator.ResponseUrlPosts.Single().Body;
        answer["response_type"]!.GetValue<string>().ShouldBe("ephemeral");
        answer["text"]!.GetValue<string>().ShouldBe("This needs 4 credits; you have 1.");
        await Emulator.WaitUntilAsync(() => Emulator.CallsTo("chat.delete").Count == 1, what: "the reply removed");
        Emulator.BotMessages().ShouldBeEmpty();
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
    public async Task Credits_Info_AnsweredEphemerallyWithSlackBold()
    {
        Dispatcher.Respond = _ => new CommandOutcome.Info("**Balance** 40 credits");

        await Emulator.SendSlashCommandAsync("/credits", "", "U1", "C1");

        await WaitForResponseAsync();
        Emulator.ResponseUrlPosts.Single().Body["text"]!.GetValue<string>().ShouldBe("*Balance* 40 credits");
        Emulator.BotMessages().ShouldBeEmpty();
    }

    [Fact]
    public async Task Edit_WithoutSharedImage_ExplainsAndCostsNothing()
    {
        await Emulator.SendSlashCommandAsync("/edit", "make it night", "U1", "C1");

        await WaitForResponseAsync();
        Emulator.ResponseUrlPosts.Single().Body["text"]!.GetValue<string>().ShouldContain("works on an image");
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
    public async Task Upscale_FileTooLarge_RefusedBeforeDispatch()
    {
        var big = new byte[30 * 1024 * 1024];
        TestImages.Png().CopyTo(big, 0);
        Emulator.ShareUserFile("C1", "U1", big, "huge.png", "image/png");

        await Emulator.SendSlashCommandAsync("/upscale", "", "U1", "C1");

        await WaitForResponseAsync();
        Emulator.ResponseUrlPosts.Single().Body["text"]!.GetValue<string>().ShouldContain("too large");
        Dispatcher.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task NotInChannel_AsksToBeInvited()
    {
        Emulator.SetNotInChannel("C9");

        await Emulator.SendSlashCommandAsync("/imagine", "a fox", "U1", "C9");

        await WaitForResponseAsync();
        Emulator.ResponseUrlPosts.Single().Body["text"]!.GetValue<string>().ShouldContain("/invite");
        Dispatcher.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task EditButton_OpensModal_SubmissionRunsEditOnThatResult()
    {
        await Emulator.SendInteractiveAsync(Emulator.BlockAction("U1", "C1", "1700000000.000001", "cb:Edit:job7:2"));
        await Emulator.WaitUntilAsync(() => Emulator.Views.Count == 1, what: "the modal");
        var view = Emulator.Views.Single();
        view.View["callback_id"]!.GetValue<string>().ShouldBe(SlackBlocks.EditModalCallbackId);

        await Emulator.SendInteractiveAsync(Emulator.ViewSubmission("U1", view, new Dictionary<string, (string, string)> { ["prompt"] = ("prompt", "add a red scarf --seed 9") }));

        var request = await Dispatcher.WaitForRequestAsync();
        request.Kind.ShouldBe(CommandKind.Edit);
        request.SourceJobId.ShouldBe("job7");
        request.SourceOutputIndex.ShouldBe(2);
        request.Options.Prompt.ShouldBe("add a red scarf");
        request.Options.Seed.ShouldBe(9);
        request.Conversation.ChannelId.ShouldBe("C1");
    }

    [Fact]
    public async Task CancelButton_AnswersEphemerallyWithoutNewReply()
    {
        Dispatcher.Respond = _ => new CommandOutcome.Info("Cancelling job `job7`.");

        await Emulator.SendInteractiveAsync(Emulator.BlockAction("U1", "C1", "1700000000.000001", "cb:Cancel:job7"));

        await WaitForResponseAsync();
        (await Dispatcher.WaitForRequestAsync()).Kind.ShouldBe(CommandKind.Cancel);
        Emulator.BotMessages().ShouldBeEmpty();
    }

    [Fact]
    public async Task MessageShortcutUpscale_OnMemberImage_RunsUpscaleWithThatImage()
    {
        var (ts, file) = Emulator.ShareUserFile("C1", "U2", TestImages.Png(), "dog.png", "image/png");

        await Emulator.SendInteractiveAsync(Emulator.MessageShortcut("U1", MessageShortcutHandler.UpscaleShortcut, "C1", ts));

        var request = await Dispatcher.WaitForRequestAsync();
        request.Kind.ShouldBe(CommandKind.Upscale);
        request.Inputs.ShouldHaveSingleItem().Url.ShouldBe(Emulator.UrlPrivate(file.Id));
        request.Actor.UserId.ShouldBe("U1");
    }

    [Fact]
    public async Task MessageShortcutEdit_OnMemberImage_ModalThenEditWithImage()
    {
        var (ts, file) = Emulator.ShareUserFile("C1", "U2", TestImages.Png(), "dog.png", "image/png", threadTs: null);

        await Emulator.SendInteractiveAsync(Emulator.MessageShortcut("U1", MessageShortcutHandler.EditShortcut, "C1", ts));
        await Emulator.WaitUntilAsync(() => Emulator.Views.Count == 1, what: "the modal");
        await Emulator.SendInteractiveAsync(Emulator.ViewSubmission("U1", Emulator.Views.Single(), new Dictionary<string, (string, string)> { ["prompt"] = ("prompt", "make it a watercolor") }));

        var request = await Dispatcher.WaitForRequestAsync();
        request.Kind.ShouldBe(CommandKind.Edit);
        request.Options.Prompt.ShouldBe("make it a watercolor");
        request.Inputs.ShouldHaveSingleItem().Url.ShouldBe(Emulator.UrlPrivate(file.Id));
    }

    [Fact]
    public async Task MessageShortcut_OnMessageWithoutImage_Explains()
    {
        var ts = Emulator.PostUserMessage("C1", "U2", "just words");

        await Emulator.SendInteractiveAsync(Emulator.MessageShortcut("U1", MessageShortcutHandler.AnimateShortcut, "C1", ts));

        await WaitForResponseAsync();
        Emulator.ResponseUrlPosts.Single().Body["text"]!.GetValue<string>().ShouldContain("no image");
        Dispatcher.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Reaction_OnBotResult_ActsOnThatJob()
    {
        var api = _host.Get<ChatBot.Slack.WebApi.SlackApiClient>();
        var blocks = new JsonArray(new JsonObject
        {
            ["type"] = "actions",
            ["elements"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = "cb:Upscale:job5:0", ["text"] = SlackBlocks.PlainText("U1") }),
        });
        var posted = await api.CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C1", ["text"] = "result", ["blocks"] = blocks }, CancellationToken.None);

        await Emulator.SendEventAsync(SlackEmulator.ReactionAdded("U1", "clapper", "C1", posted.GetProperty("ts").GetString()!));

        var request = await Dispatcher.WaitForRequestAsync();
        request.Kind.ShouldBe(CommandKind.Animate);
        request.SourceJobId.ShouldBe("job5");
        request.SourceOutputIndex.ShouldBe(0);
    }

    [Fact]
    public async Task Reaction_PencilOnMemberImage_OffersEditThenRunsIt()
    {
        var (ts, file) = Emulator.ShareUserFile("C1", "U2", TestImages.Png(), "dog.png", "image/png");

        await Emulator.SendEventAsync(SlackEmulator.ReactionAdded("U1", "pencil2", "C1", ts));
        await Emulator.WaitUntilAsync(() => Emulator.Ephemerals.Count == 1, what: "the edit offer");
        var offer = Emulator.Ephemerals.Single();
        offer.User.ShouldBe("U1");
        var button = offer.Blocks!.Last()!["elements"]![0]!;
        await Emulator.SendInteractiveAsync(Emulator.BlockAction("U1", "C1", ts, button["action_id"]!.GetValue<string>(), button["value"]!.GetValue<string>()));
        await Emulator.WaitUntilAsync(() => Emulator.Views.Count == 1, what: "the modal");
        await Emulator.SendInteractiveAsync(Emulator.ViewSubmission("U1", Emulator.Views.Single(), new Dictionary<string, (string, string)> { ["prompt"] = ("prompt", "give it a hat") }));

        var request = await Dispatcher.WaitForRequestAsync();
        request.Kind.ShouldBe(CommandKind.Edit);
        request.Options.Prompt.ShouldBe("give it a hat");
        request.Inputs.ShouldHaveSingleItem().Url.ShouldBe(Emulator.UrlPrivate(file.Id));
    }

    [Fact]
    public async Task Reaction_UnmappedOrOnPlainMessage_DoesNothing()
    {
        var ts = Emulator.PostUserMessage("C1", "U2", "no image here");
        var (imageTs, _) = Emulator.ShareUserFile("C1", "U2", TestImages.Png(), "dog.png", "image/png");

        await Emulator.SendEventAsync(SlackEmulator.ReactionAdded("U1", "mag", "C1", ts));
        await Emulator.SendEventAsync(SlackEmulator.ReactionAdded("U1", "tada", "C1", imageTs));
        await Emulator.SendEventAsync(SlackEmulator.ReactionAdded("U1", "scissors", "C1", imageTs));

        (await Dispatcher.WaitForRequestAsync()).Kind.ShouldBe(CommandKind.RemoveBackground);
        Dispatcher.Requests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("UADMIN", false, true)]
    [InlineData("UWSADMIN", true, true)]
    [InlineData("UMEMBER", false, false)]
    public async Task CreditsGrant_Admin_FromConfigOrWorkspaceAdmin(string user, bool workspaceAdmin, bool expected)
    {
        Emulator.AddUser(new SlackEmulatedUser(user, user.ToLowerInvariant(), IsAdmin: workspaceAdmin));
        Dispatcher.Respond = _ => new CommandOutcome.Info("ok");

        await Emulator.SendSlashCommandAsync("/credits", "grant <@U5|bob> 10", user, "C1");

        var request = await Dispatcher.WaitForRequestAsync();
        request.Kind.ShouldBe(CommandKind.GrantCredits);
        request.Options.TargetUserId.ShouldBe("U5");
        request.Actor.IsAdmin.ShouldBe(expected);
    }
}
