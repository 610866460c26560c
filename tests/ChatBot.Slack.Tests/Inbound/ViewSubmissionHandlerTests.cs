using ChatBot.Slack.Blocks;

namespace ChatBot.Slack.Tests.Inbound;

/// <summary>The Edit… modal opened from a result's button, then submitted (view_submission).</summary>
public sealed class ViewSubmissionHandlerTests() : SlackHostTests(SlackMode.Socket)
{
    [Fact]
    public async Task EditButton_OpensModal_SubmissionRunsEditOnThatResult()
    {
        await Emulator.SendInteractiveAsync(Emulator.BlockAction("U1", "C1", "1700000000.000001", "cb:Edit:job7:2"));
        await Emulator.WaitUntilAsync(() => Emulator.Views.Count == 1, what: "the modal");
        var view = Emulator.Views.Single();
        view.View["callback_id"]!.GetValue<string>().ShouldBe(SlackBlocks.EditModalCallbackId);

        await SubmitEditModalAsync("U1", "add a red scarf --seed 9");

        var request = await Dispatcher.WaitForRequestAsync();
        request.Kind.ShouldBe(CommandKind.Edit);
        request.SourceJobId.ShouldBe("job7");
        request.SourceOutputIndex.ShouldBe(2);
        request.Options.Prompt.ShouldBe("add a red scarf");
        request.Options.Seed.ShouldBe(9);
        request.Conversation.ChannelId.ShouldBe("C1");
    }

    [Fact]
    public async Task EditModal_PromptWithMentions_NotifiesNoOneAndShowsThemAsTyped()
    {
        await Emulator.SendInteractiveAsync(Emulator.BlockAction("U1", "C1", "1700000000.000001", "cb:Edit:job7:0"));
        await Emulator.WaitUntilAsync(() => Emulator.Views.Count == 1, what: "the modal");

        await SubmitEditModalAsync("U1", "add <!channel> & <@U0BOSS> <#C0SECRET> <!here>");

        var request = await Dispatcher.WaitForRequestAsync();
        request.Options.Prompt.ShouldBe("add <!channel> & <@U0BOSS> <#C0SECRET> <!here>");
        await Emulator.WaitUntilAsync(() => Emulator.BotMessages().Count == 1, what: "the first view");
        Emulator.Mentions.ShouldBeEmpty();
        var reply = Emulator.BotMessages().ShouldHaveSingleItem();
        reply.Versions.ShouldAllBe(v => v["text"]!.GetValue<string>().Contains("add &lt;!channel&gt; &amp; &lt;@U0BOSS&gt;"));
    }
}
