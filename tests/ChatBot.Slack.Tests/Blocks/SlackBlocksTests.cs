using ChatBot.Core.Replies;
using ChatBot.Slack.Blocks;

namespace ChatBot.Slack.Tests.Blocks;

public sealed class SlackBlocksTests
{
    private static ReplyView Running() => new()
    {
        JobId = "j1",
        Status = ReplyStatus.Running,
        Title = "🎨 a fox <in> snow & ice",
        StatusText = "Rendering… **fast**",
        Progress = 62,
        Elapsed = TimeSpan.FromSeconds(75),
        Eta = TimeSpan.FromSeconds(30),
        ModelLabel = "Flux 2 Pro · AetherForge",
        QueuePosition = 3,
        QueueLength = 7,
        Buttons = [new ReplyButton(ButtonId.Encode(ButtonAction.Cancel, "j1"), "Cancel", ButtonAction.Cancel, "j1")],
    };

    private static string AllText(JsonArray blocks) => blocks.ToJsonString();

    [Fact]
    public void Progress_RunningView_ShowsStatusProgressElapsedEtaAndModel()
    {
        var blocks = SlackBlocks.Progress(Running(), previewFileId: null);

        var section = blocks[0]!["text"]!["text"]!.GetValue<string>();
        section.ShouldContain("*🎨 a fox &lt;in&gt; snow &amp; ice*");
        section.ShouldContain("Rendering… *fast*");
        var context = string.Join(" | ", blocks[1]!["elements"]!.AsArray().Select(e => e!["text"]!.GetValue<string>()));
        context.ShouldNotContain("in line", Case.Sensitive, "the place in line is the status line's, said once");
        context.ShouldContain("▰▰▰▰▰▰▱▱▱▱ 62%");
        context.ShouldContain("⏱ 1m 15s");
        context.ShouldContain("ETA ~30s");
        context.ShouldContain("Flux 2 Pro · AetherForge");
    }

    [Fact]
    public void Progress_RequestedBy_SaysWhoAskedByNameNeverAMention()
    {
        var blocks = SlackBlocks.Progress(Running() with { RequestedBy = "<!channel> Ana" }, previewFileId: null);

        blocks[0]!["text"]!["text"]!.GetValue<string>().ShouldStartWith("&lt;!channel&gt; Ana asked: *🎨");
    }

    [Fact]
    public void Result_WithGrid_ShowsTheGridOnceAndTheInputSmall()
    {
        var result = new ResultView { JobId = "j", Title = "t", RequestedBy = "Ana" };
        (string, bool, string)[] files = [("F1", true, "1.png"), ("F2", true, "2.png"), ("F3", true, "3.png"), ("F4", true, "4.png")];

        var blocks = SlackBlocks.Result(result, files, [], grid: "G1", input: "I1");

        var images = blocks.Where(b => b!["type"]!.GetValue<string>() == "image").ToList();
        images.ShouldHaveSingleItem()!["slack_file"]!["id"]!.GetValue<string>().ShouldBe("G1");
        images[0]!["title"]!["text"]!.GetValue<string>().ShouldBe("Images 1–4 (each one is in the thread)");
        AllText(blocks).ShouldContain("\"I1\"");
        blocks[0]!["text"]!["text"]!.GetValue<string>().ShouldStartWith("Ana asked: ");
    }

    [Fact]
    public void Progress_Buttons_CarryTheButtonIdAsActionId()
    {
        var blocks = SlackBlocks.Progress(Running(), previewFileId: null);

        var actions = blocks.Single(b => b!["type"]!.GetValue<string>() == "actions")!;
        var button = actions["elements"]![0]!;
        button["action_id"]!.GetValue<string>().ShouldBe("cb:Cancel:j1");
        button["style"]!.GetValue<string>().ShouldBe("danger");
        ButtonId.TryDecode(button["action_id"]!.GetValue<string>(), out var action, out var job, out _).ShouldBeTrue();
        action.ShouldBe(ButtonAction.Cancel);
        job.ShouldBe("j1");
    }

    [Fact]
    public void Progress_WithPreview_ReferencesTheSlackFile()
    {
        var blocks = SlackBlocks.Progress(Running(), previewFileId: "F123");

        var image = blocks.Single(b => b!["type"]!.GetValue<string>() == "image")!;
        image["slack_file"]!["id"]!.GetValue<string>().ShouldBe("F123");
        image["alt_text"]!.GetValue<string>().ShouldNotBeEmpty();
    }

    [Fact]
    public void Result_FourImagesAndButtons_ShowsEachImageAndAllButtons()
    {
        var buttons = Enumerable.Range(0, 4).Select(i => new ReplyButton(ButtonId.Encode(ButtonAction.Upscale, "j9", i), $"U{i + 1}", ButtonAction.Upscale, "j9", i))
            .Append(new ReplyButton(ButtonId.Encode(ButtonAction.Reroll, "j9"), "Re-roll", ButtonAction.Reroll, "j9"))
            .ToList();
        var result = new ResultView { JobId = "j9", Title = "🎨 four foxes", CreditsCharged = 4, Elapsed = TimeSpan.FromSeconds(12), Buttons = buttons };
        var files = Enumerable.Range(1, 4).Select(i => ($"F{i}", true, $"fox{i}.png")).ToList();

        var blocks = SlackBlocks.Result(result, files, []);

        blocks.Where(b => b!["type"]!.GetValue<string>() == "image").Select(b => b!["slack_file"]!["id"]!.GetValue<string>()).ShouldBe(["F1", "F2", "F3", "F4"]);
        var actionIds = blocks.Where(b => b!["type"]!.GetValue<string>() == "actions").SelectMany(b => b!["elements"]!.AsArray()).Select(e => e!["action_id"]!.GetValue<string>()).ToList();
        actionIds.ShouldBe(buttons.Select(b => b.Id));
        AllText(blocks).ShouldContain("4 credits");
    }

    [Fact]
    public void Result_MoreThan25Buttons_SplitsIntoSeveralActionBlocks()
    {
        var buttons = Enumerable.Range(0, 30).Select(i => new ReplyButton(ButtonId.Encode(ButtonAction.Vary, "j", i), $"V{i}", ButtonAction.Vary, "j", i)).ToList();

        var blocks = SlackBlocks.Result(new ResultView { JobId = "j", Title = "t", Buttons = buttons }, [], []);

        blocks.Where(b => b!["type"]!.GetValue<string>() == "actions").Select(b => b!["elements"]!.AsArray().Count).ShouldBe([25, 5]);
    }

    [Fact]
    public void Result_Video_IsNotAnImageBlock()
    {
        var blocks = SlackBlocks.Result(new ResultView { JobId = "j", Title = "a clip" }, [("F1", false, "clip.mp4")], []);

        blocks.Any(b => b!["type"]!.GetValue<string>() == "image").ShouldBeFalse();
        AllText(blocks).ShouldContain("video is in the thread");
    }

    [Fact]
    public void EditModal_HasPromptInputAndMetadata()
    {
        var modal = SlackBlocks.EditModal("{\"b\":\"cb:Edit:j1:0\"}");

        modal["type"]!.GetValue<string>().ShouldBe("modal");
        modal["callback_id"]!.GetValue<string>().ShouldBe(SlackBlocks.EditModalCallbackId);
        modal["private_metadata"]!.GetValue<string>().ShouldContain("cb:Edit:j1:0");
        modal["blocks"]![0]!["block_id"]!.GetValue<string>().ShouldBe(SlackBlocks.PromptBlockId);
    }

    [Theory]
    [InlineData(0, "▱▱▱▱▱▱▱▱▱▱")]
    [InlineData(100, "▰▰▰▰▰▰▰▰▰▰")]
    [InlineData(150, "▰▰▰▰▰▰▰▰▰▰")]
    [InlineData(45, "▰▰▰▰▰▱▱▱▱▱")]
    public void Bar_Percent_FillsTenCells(double percent, string expected)
    {
        SlackBlocks.Bar(percent).ShouldBe(expected);
    }
}
