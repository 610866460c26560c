using ChatBot.Core.Replies;

namespace ChatBot.Core.Tests.Replies;

public sealed class ReplyTextTests
{
    [Theory]
    [InlineData(42, "42s")]
    [InlineData(125, "2m 05s")]
    [InlineData(76_210, "21h 10m")]
    public void Duration_ReadsLikeAPerson(int seconds, string expected) =>
        ReplyText.Duration(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(11, "11th")]
    [InlineData(22, "22nd")]
    [InlineData(113, "113th")]
    public void Ordinal_EnglishSuffixes_IncludingTheTeens(int n, string expected) =>
        ReplyText.Ordinal(n).ShouldBe(expected);

    [Theory]
    [InlineData(30, "just now")]
    [InlineData(7_200, "2 h ago")]
    [InlineData(100_000, "yesterday")]
    [InlineData(400_000, "4 days ago")]
    public void Ago_ReadsLikeAPerson(int seconds, string expected) =>
        DurationText.Ago(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);

    [Fact]
    public void RunningText_WithPercent_LeavesTheNumberToTheBar() =>
        ReplyText.RunningText(40, "Drawing").ShouldBe("Drawing");

    [Fact]
    public void QueuedText_NextInLine_SaysSoWithoutACount() =>
        ReplyText.QueuedText(1, 4).ShouldBe("Queued — next in line");
}
