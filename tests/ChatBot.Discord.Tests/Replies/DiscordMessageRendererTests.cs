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
    [InlineData(5, "5s")]
    [InlineData(125, "2m 05s")]
    [InlineData(3725, "1h 02m")]
    public void Duration_Seconds_TheBotsOneFormat(int seconds, string expected) =>
        DiscordMessageRenderer.Duration(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);

    [Fact]
    public void Progress_QueuedThird_SaysThePlaceOnceWithTheWaitAndNoPreview()
    {
        var view = new ReplyView { JobId = "j", Status = ReplyStatus.Queued, Title = "t", StatusText = "Queued — 3rd in line (7 waiting)", QueuePosition = 3, QueueLength = 7, Wait = TimeSpan.FromSeconds(40) };

        var payload = DiscordMessageRenderer.Progress(view, null);

        var embed = payload.Embeds!.ShouldHaveSingleItem();
        embed.Description.ShouldBe("Queued — 3rd in line (7 waiting)");
        embed.Fields!.ShouldNotContain(f => f.Value.Contains("3rd", StringComparison.Ordinal));
        embed.Fields!.ShouldContain(f => f.Name == "Starts in" && f.Value == "~40s");
        embed.Image.ShouldBeNull();
        payload.Attachments.ShouldBeEmpty();
    }

    [Fact]
    public void Result_WithGridAndInput_GridIsThePictureInputTheThumbnailFooterOnce()
    {
        var view = new ResultView { JobId = "j", Title = "t", Details = "Seed 7", ModelLabel = "Local sketch · Local", CreditsCharged = 4, Elapsed = TimeSpan.FromSeconds(12) };

        var payload = DiscordMessageRenderer.Result(view, ["j-1.png", "j-2.png", "grid.png", "input.png"], [], grid: "grid.png", input: "input.png");

        var embed = payload.Embeds!.ShouldHaveSingleItem();
        embed.Image!.Url.ShouldBe("attachment://grid.png");
        embed.Thumbnail!.Url.ShouldBe("attachment://input.png");
        embed.Description.ShouldBe("Seed 7");
        embed.Footer!.Text.ShouldBe("Local sketch · Local · 4 credits · 12s");
        payload.Attachments!.Count.ShouldBe(4);
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
