using ChatBot.Slack.Blocks;
using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Tests.Inbound;

/// <summary>Reactions (reaction_added events) on results and on members' images, over Socket Mode.</summary>
public sealed class ReactionEventHandlerTests() : SlackHostTests(SlackMode.Socket)
{
    [Fact]
    public async Task Reaction_OnBotResult_ActsOnThatJob()
    {
        var api = Host.Get<SlackApiClient>();
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
    public async Task Reaction_MagOnMessageWithTwoImages_OffersAChoiceThenUpscalesThePickedOne()
    {
        var (ts, files) = Emulator.ShareUserFiles("C1", "U2", [(TestImages.Png(), "first.png", "image/png"), (TestImages.Png(), "second.png", "image/png")]);

        await Emulator.SendEventAsync(SlackEmulator.ReactionAdded("U1", "mag", "C1", ts));
        await Emulator.WaitUntilAsync(() => Emulator.Ephemerals.Count == 1, what: "the offer to choose");
        var button = Emulator.Ephemerals.Single().Blocks!.Last()!["elements"]![0]!;
        await Emulator.SendInteractiveAsync(Emulator.BlockAction("U1", "C1", ts, button["action_id"]!.GetValue<string>(), button["value"]!.GetValue<string>()));
        await Emulator.WaitUntilAsync(() => Emulator.Views.Count == 1, what: "the modal");
        await Emulator.SendInteractiveAsync(Emulator.ViewSubmission(
            "U1",
            Emulator.Views.Single(),
            new Dictionary<string, (string, string)>(),
            new Dictionary<string, (string, string)> { [SlackRoleSelects.ImageBlockId] = (SlackRoleSelects.ActionId, "1") }));

        var request = await Dispatcher.WaitForRequestAsync();
        request.Kind.ShouldBe(CommandKind.Upscale);
        request.Inputs.ShouldHaveSingleItem().Url.ShouldBe(Emulator.UrlPrivate(files[1].Id));
        Dispatcher.Requests.Count.ShouldBe(1);
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
        await SubmitEditModalAsync("U1", "give it a hat");

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
}
