using ChatBot.Discord.Replies;

namespace ChatBot.Discord.Tests.Replies;

public sealed class DiscordMessageRendererTests
{
    [Theory]
    [InlineData(0, "▱▱▱▱▱▱▱▱▱▱")]
    [InlineData(55, "▰▰▰▰▰▰▱▱▱▱")]
    [InlineData(100, "▰▰▰▰▰▰▰▰▰▰")]
    [InlineData(140, "▰▰▰▰▰▰▰▰▰▰")]
    public void ProgressBar_Percent_TenCells(double percent, string expected) =>
        DiscordMessageRenderer.ProgressBar(percent).ShouldBe(expected);

    [Theory]
    [InlineData(5, "0:05")]
    [InlineData(125, "2:05")]
    [InlineData(3725, "1:02:05")]
    public void Duration_Seconds_Clock(int seconds, string expected) =>
        DiscordMessageRenderer.Duration(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);

    [Fact]
    public void Progress_QueuedThird_ShowsOrdinalPositionAndNoPreview()
    {
        var payload = DiscordMessageRenderer.Progress(new ReplyView { JobId = "j", Status = ReplyStatus.Queued, Title = "t", QueuePosition = 3, QueueLength = 7 }, null);

        var embed = payload.Embeds!.ShouldHaveSingleItem();
        embed.Fields!.First().Value.ShouldBe("3rd of 7");
        embed.Image.ShouldBeNull();
        payload.Attachments.ShouldBeEmpty();
    }

    [Fact]
    public void Buttons_ManyActions_AtMostFivePerRowAndFiveRows()
    {
        var buttons = Enumerable.Range(0, 30).Select(i => new ReplyButton($"cb:Reroll:j{i}", "Re-roll", ButtonAction.Reroll, "j" + i)).ToList();

        var rows = DiscordMessageRenderer.Buttons(buttons, outputs: 1);

        rows.Count.ShouldBe(5);
        rows.ShouldAllBe(r => r.Components!.Count <= 5);
    }

    [Fact]
    public void EditModal_HasLabelledParagraphInput()
    {
        var modal = DiscordMessageRenderer.EditModal("cb:Edit:j:0", null);

        modal.CustomId.ShouldBe("cb:Edit:j:0");
        var label = modal.Components!.ShouldHaveSingleItem();
        label.Type.ShouldBe(18);
        label.Child!.Type.ShouldBe(4);
        label.Child.CustomId.ShouldBe(DiscordMessageRenderer.PromptInputId);
    }
}
