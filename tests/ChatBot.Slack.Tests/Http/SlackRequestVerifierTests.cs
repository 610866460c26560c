using System.Text;
using ChatBot.Slack.Http;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Tests.Http;

public sealed class SlackRequestVerifierTests
{
    // The golden vector from python-slack-sdk's signature tests (see shared/protocols/slack.md).
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1531420618 + 10));

    private SlackRequestVerifier CreateSut(string? secret = Secret) =>
        new(Options.Create(new SlackOptions { SigningSecret = secret }), _time);

    [Fact]
    public void ComputeSignature_GoldenVector_MatchesSlack()
    {
        SlackRequestVerifier.ComputeSignature(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)).ShouldBe(Expected);
    }

    [Fact]
    public void Sign_EmulatorGoldenVector_MatchesSlack()
    {
        SlackSignedRequests.Sign(Secret, 1531420618, Body).ShouldBe(Expected);
    }

    [Fact]
    public void Verify_GoldenVectorWithinWindow_IsValid()
    {
        CreateSut().Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body)).ShouldBe(SlackVerification.Valid);
    }

    [Fact]
    public void Verify_TamperedBody_IsRefused()
    {
        CreateSut().Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body.Replace("text=", "text=free", StringComparison.Ordinal)))
            .ShouldBe(SlackVerification.BadSignature);
    }

    [Fact]
    public void Verify_ForgedSignature_IsRefused()
    {
        var forged = SlackRequestVerifier.ComputeSignature("not-the-secret", Timestamp, Encoding.UTF8.GetBytes(Body));
        CreateSut().Verify(Timestamp, forged, Encoding.UTF8.GetBytes(Body)).ShouldBe(SlackVerification.BadSignature);
    }

    [Theory]
    [InlineData("v0=")]
    [InlineData("v0=a2114d57")]
    [InlineData("garbage")]
    public void Verify_MalformedSignature_IsRefused(string signature)
    {
        CreateSut().Verify(Timestamp, signature, Encoding.UTF8.GetBytes(Body)).ShouldBe(SlackVerification.BadSignature);
    }

    [Fact]
    public void Verify_ReplayAfterFiveMinutes_IsStale()
    {
        _time.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(1531420618 + 301));
        CreateSut().Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body)).ShouldBe(SlackVerification.Stale);
    }

    [Fact]
    public void Verify_TimestampFromTheFuture_IsStale()
    {
        _time.AdjustTime(DateTimeOffset.FromUnixTimeSeconds(1531420618 - 400));
        CreateSut().Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body)).ShouldBe(SlackVerification.Stale);
    }

    [Theory]
    [InlineData(null, Expected)]
    [InlineData(Timestamp, null)]
    [InlineData("12ab", Expected)]
    public void Verify_MissingHeaders_IsRefused(string? timestamp, string? signature)
    {
        CreateSut().Verify(timestamp, signature, Encoding.UTF8.GetBytes(Body)).ShouldBe(SlackVerification.MissingHeaders);
    }

    [Fact]
    public void Verify_NoSecretConfigured_IsNotConfigured()
    {
        CreateSut(secret: null).Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body)).ShouldBe(SlackVerification.NotConfigured);
    }
}
