using ChatBot.Core.Replies;

namespace ChatBot.Core.Tests.Replies;

public sealed class ButtonIdTests
{
    [Fact]
    public void Encode_ThenDecode_RoundTrips()
    {
        var id = ButtonId.Encode(ButtonAction.Upscale, "abc123xyz9", 3);

        ButtonId.TryDecode(id, out var action, out var jobId, out var index).ShouldBeTrue();
        action.ShouldBe(ButtonAction.Upscale);
        jobId.ShouldBe("abc123xyz9");
        index.ShouldBe(3);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cb:")]
    [InlineData("cb:Explode:job")]
    [InlineData("cb:Upscale::1")]
    [InlineData("cb:Upscale:job:x")]
    [InlineData("other:Upscale:job")]
    public void TryDecode_Garbage_IsRefused(string? id) =>
        ButtonId.TryDecode(id, out _, out _, out _).ShouldBeFalse();
}
