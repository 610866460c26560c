using ChatBot.Slack.Blocks;
using ChatBot.Slack.Inbound;
using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Tests.Inbound;

/// <summary>Message shortcuts (message_action) on a member's message, over Socket Mode.</summary>
public sealed class MessageShortcutHandlerTests() : SlackHostTests(SlackMode.Socket)
{
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
        await SubmitEditModalAsync("U1", "make it a watercolor");

        var request = await Dispatcher.WaitForRequestAsync();
        request.Kind.ShouldBe(CommandKind.Edit);
        request.Options.Prompt.ShouldBe("make it a watercolor");
        request.Inputs.ShouldHaveSingleItem().Url.ShouldBe(Emulator.UrlPrivate(file.Id));
    }

    [Fact]
    public async Task MessageShortcutEdit_OnMessageWithTwoImages_MemberPicksTheRolesInTheModal()
    {
        var (ts, files) = Emulator.ShareUserFiles("C1", "U2", [(TestImages.Png(), "first.png", "image/png"), (TestImages.Png(), "second.png", "image/png")]);

        await Emulator.SendInteractiveAsync(Emulator.MessageShortcut("U1", MessageShortcutHandler.EditShortcut, "C1", ts));
        await Emulator.WaitUntilAsync(() => Emulator.Views.Count == 1, what: "the modal");
        var blocks = Emulator.Views.Single().View["blocks"]!.AsArray().Select(b => (string?)b!["block_id"]).ToList();
        blocks.ShouldBe([SlackRoleSelects.ImageBlockId, SlackRoleSelects.MaskBlockId, "prompt"]);
        await Emulator.SendInteractiveAsync(Emulator.ViewSubmission(
            "U1",
            Emulator.Views.Single(),
            new Dictionary<string, (string, string)> { ["prompt"] = ("prompt", "replace the sky") },
            new Dictionary<string, (string, string)>
            {
                [SlackRoleSelects.ImageBlockId] = (SlackRoleSelects.ActionId, "1"),
                [SlackRoleSelects.MaskBlockId] = (SlackRoleSelects.ActionId, "0"),
            }));

        var request = await Dispatcher.WaitForRequestAsync();
        request.Kind.ShouldBe(CommandKind.Edit);
        request.Inputs.Select(i => (i.Url, i.Role)).ShouldBe([(Emulator.UrlPrivate(files[1].Id), MediaRole.Image), (Emulator.UrlPrivate(files[0].Id), MediaRole.Mask)]);
    }

    [Fact]
    public async Task MessageShortcutUpscale_OnMessageWithTwoImages_MemberPicksTheImageInAModal()
    {
        var (ts, files) = Emulator.ShareUserFiles("C1", "U2", [(TestImages.Png(), "first.png", "image/png"), (TestImages.Png(), "second.png", "image/png")]);

        await Emulator.SendInteractiveAsync(Emulator.MessageShortcut("U1", MessageShortcutHandler.UpscaleShortcut, "C1", ts));
        await Emulator.WaitUntilAsync(() => Emulator.Views.Count == 1, what: "the modal");
        Emulator.Views.Single().View["blocks"]!.AsArray().Select(b => (string?)b!["block_id"]).ShouldBe([SlackRoleSelects.ImageBlockId]);
        await Emulator.SendInteractiveAsync(Emulator.ViewSubmission(
            "U1",
            Emulator.Views.Single(),
            new Dictionary<string, (string, string)>(),
            new Dictionary<string, (string, string)> { [SlackRoleSelects.ImageBlockId] = (SlackRoleSelects.ActionId, "1") }));

        var request = await Dispatcher.WaitForRequestAsync();
        request.Kind.ShouldBe(CommandKind.Upscale);
        request.Inputs.Select(i => (i.Url, i.Role)).ShouldBe([(Emulator.UrlPrivate(files[1].Id), MediaRole.Image)]);
    }

    [Fact]
    public async Task MessageShortcutAnimate_OnMessageWithTwoImagesAndAudio_MemberPicksFramesAndAudio()
    {
        var (ts, files) = Emulator.ShareUserFiles("C1", "U2", [(TestImages.Png(), "last.png", "image/png"), (TestImages.Png(), "first.png", "image/png"), ([1, 2, 3], "voice.mp3", "audio/mpeg")]);

        await Emulator.SendInteractiveAsync(Emulator.MessageShortcut("U1", MessageShortcutHandler.AnimateShortcut, "C1", ts));
        await Emulator.WaitUntilAsync(() => Emulator.Views.Count == 1, what: "the modal");
        Emulator.Views.Single().View["blocks"]!.AsArray().Select(b => (string?)b!["block_id"])
            .ShouldBe([SlackRoleSelects.ImageBlockId, SlackRoleSelects.LastFrameBlockId, SlackRoleSelects.AudioBlockId, "prompt"]);
        await Emulator.SendInteractiveAsync(Emulator.ViewSubmission(
            "U1",
            Emulator.Views.Single(),
            new Dictionary<string, (string, string)> { ["prompt"] = ("prompt", "she sings") },
            new Dictionary<string, (string, string)>
            {
                [SlackRoleSelects.ImageBlockId] = (SlackRoleSelects.ActionId, "1"),
                [SlackRoleSelects.LastFrameBlockId] = (SlackRoleSelects.ActionId, "0"),
                [SlackRoleSelects.AudioBlockId] = (SlackRoleSelects.ActionId, "2"),
            }));

        var request = await Dispatcher.WaitForRequestAsync();
        request.Kind.ShouldBe(CommandKind.Animate);
        request.Options.Prompt.ShouldBe("she sings");
        request.Inputs.Select(i => (i.Url, i.Role)).ShouldBe(
            [(Emulator.UrlPrivate(files[1].Id), MediaRole.Image), (Emulator.UrlPrivate(files[0].Id), MediaRole.LastFrame), (Emulator.UrlPrivate(files[2].Id), MediaRole.Audio)]);
    }

    [Fact]
    public async Task MessageShortcutUpscale_OnAResultWithFourImages_MemberPicksWhichOne()
    {
        var ts = await PostResultAsync(4);

        await Emulator.SendInteractiveAsync(Emulator.MessageShortcut("U1", MessageShortcutHandler.UpscaleShortcut, "C1", ts));
        await Emulator.WaitUntilAsync(() => Emulator.Views.Count == 1, what: "the modal");
        Emulator.Views.Single().View["blocks"]!.AsArray().Select(b => (string?)b!["block_id"]).ShouldBe([SlackRoleSelects.OutputBlockId]);
        await Emulator.SendInteractiveAsync(Emulator.ViewSubmission(
            "U1",
            Emulator.Views.Single(),
            new Dictionary<string, (string, string)>(),
            new Dictionary<string, (string, string)> { [SlackRoleSelects.OutputBlockId] = (SlackRoleSelects.ActionId, "2") }));

        var request = await Dispatcher.WaitForRequestAsync();
        (request.Kind, request.SourceJobId, request.SourceOutputIndex).ShouldBe((CommandKind.Upscale, "job5", 2));
    }

    /// <summary>A result the bot posted earlier with a U button per image, as <c>JobReplyViews</c> gives it.</summary>
    private async Task<string> PostResultAsync(int images)
    {
        var buttons = new JsonArray([.. Enumerable.Range(0, images).Select(i => (JsonNode)new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = $"cb:Upscale:job5:{i}",
            ["text"] = SlackBlocks.PlainText($"U{i + 1}"),
        })]);
        buttons.Add(new JsonObject { ["type"] = "button", ["action_id"] = "cb:Animate:job5:0", ["text"] = SlackBlocks.PlainText("Animate") });
        var blocks = new JsonArray(new JsonObject { ["type"] = "actions", ["elements"] = buttons });
        var posted = await Host.Get<SlackApiClient>().CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C1", ["text"] = "result", ["blocks"] = blocks }, CancellationToken.None);
        return posted.GetProperty("ts").GetString()!;
    }

    [Fact]
    public async Task AnimateButton_OnAResultWithFourImages_MemberPicksWhichOne()
    {
        var ts = await PostResultAsync(4);

        await Emulator.SendInteractiveAsync(Emulator.BlockAction("U1", "C1", ts, "cb:Animate:job5:0"));
        await Emulator.WaitUntilAsync(() => Emulator.Views.Count == 1, what: "the modal");
        await Emulator.SendInteractiveAsync(Emulator.ViewSubmission(
            "U1",
            Emulator.Views.Single(),
            new Dictionary<string, (string, string)>(),
            new Dictionary<string, (string, string)> { [SlackRoleSelects.OutputBlockId] = (SlackRoleSelects.ActionId, "3") }));

        var request = await Dispatcher.WaitForRequestAsync();
        (request.Kind, request.SourceJobId, request.SourceOutputIndex).ShouldBe((CommandKind.Animate, "job5", 3));
    }

    [Fact]
    public async Task MessageShortcut_OnMessageWithoutImage_Explains()
    {
        var ts = Emulator.PostUserMessage("C1", "U2", "just words");

        await Emulator.SendInteractiveAsync(Emulator.MessageShortcut("U1", MessageShortcutHandler.AnimateShortcut, "C1", ts));

        await WaitForResponseAsync();
        ResponseText().ShouldContain("no image");
        Dispatcher.Requests.ShouldBeEmpty();
    }
}
