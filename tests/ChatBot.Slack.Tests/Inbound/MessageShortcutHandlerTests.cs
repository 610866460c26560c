using ChatBot.Slack.Blocks;
using ChatBot.Slack.Inbound;

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
    public async Task MessageShortcut_OnMessageWithoutImage_Explains()
    {
        var ts = Emulator.PostUserMessage("C1", "U2", "just words");

        await Emulator.SendInteractiveAsync(Emulator.MessageShortcut("U1", MessageShortcutHandler.AnimateShortcut, "C1", ts));

        await WaitForResponseAsync();
        ResponseText().ShouldContain("no image");
        Dispatcher.Requests.ShouldBeEmpty();
    }
}
