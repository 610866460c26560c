using ChatBot.Core.Model;
using ChatBot.Host.Regions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.IntegrationTests.Regions;

public sealed class RegionLinkSignerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero));

    private static CommandRequest Press() =>
        new(CommandKind.VaryRegion, new Actor("discord", "guild-1", "user-1", "Ada", false), new Conversation("channel-1"), new CommandOptions(), [], new ReplyHandle("discord", "{}"))
        {
            SourceJobId = "job1",
            SourceOutputIndex = 0,
        };

    [Fact]
    public void Read_SignedToken_ReturnsItsGrantUntilItExpires()
    {
        var sut = CreateSut();
        var token = sut.Sign(RegionGrant.For(Press(), _time.GetUtcNow().AddMinutes(15)));

        var (grant, refusal) = sut.Read(token);
        _time.Advance(TimeSpan.FromMinutes(15));
        var (late, expired) = sut.Read(token);

        refusal.ShouldBeNull();
        grant!.Actor.ShouldBe(Press().Actor);
        grant.Conversation.ChannelId.ShouldBe("channel-1");
        grant.JobId.ShouldBe("job1");
        late.ShouldBeNull();
        expired.ShouldBe(RegionRefusal.Expired);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("e30.AAAA")]
    [InlineData("!!.??")]
    public void Read_Malformed_IsRefusedAsForged(string token) => CreateSut().Read(token).Refusal.ShouldBe(RegionRefusal.Forged);

    [Fact]
    public void Read_SignedWithAnotherSecret_IsRefusedAsForged()
    {
        var token = CreateSut(new string('b', 32)).Sign(RegionGrant.For(Press(), _time.GetUtcNow().AddMinutes(15)));

        CreateSut().Read(token).Refusal.ShouldBe(RegionRefusal.Forged);
    }

    private RegionLinkSigner CreateSut(string secret = "a-secret-of-at-least-thirty-two-chars") =>
        new(Options.Create(new RegionEditorOptions { Secret = secret }), _time);
}
