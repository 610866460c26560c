using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Discord.Tests.Rest;

public sealed class InvalidRequestBudgetTests
{
    private readonly FakeTimeProvider _clock = new();

    private InvalidRequestBudget CreateSut(int invalid = 0)
    {
        var sut = new InvalidRequestBudget(_clock);
        for (var i = 0; i < invalid; i++)
        {
            sut.Record(HttpStatusCode.Forbidden, null);
        }

        return sut;
    }

    [Fact]
    public void Take_BelowHalfTheCap_NeverWaits()
    {
        var sut = CreateSut(InvalidRequestBudget.SlowDownAt - 1);

        sut.Take().ShouldBe(TimeSpan.Zero);
        sut.Take().ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Take_AtHalfTheCap_SpreadsWhatIsLeftOverTheWindow()
    {
        var sut = CreateSut(InvalidRequestBudget.SlowDownAt);

        sut.Take().ShouldBe(TimeSpan.Zero);
        sut.Take().ShouldBe(InvalidRequestBudget.Window / (InvalidRequestBudget.Limit - InvalidRequestBudget.SlowDownAt));
    }

    [Fact]
    public void Record_SharedScope429AndSuccesses_AreNotCounted()
    {
        var sut = CreateSut();

        sut.Record(HttpStatusCode.TooManyRequests, "shared").ShouldBeFalse();
        sut.Record(HttpStatusCode.OK, null).ShouldBeFalse();
        sut.Record(HttpStatusCode.NotFound, null).ShouldBeFalse();
        sut.Record(HttpStatusCode.TooManyRequests, "user").ShouldBeTrue();
        sut.Record(HttpStatusCode.Unauthorized, null).ShouldBeTrue();

        sut.Count.ShouldBe(2);
    }

    [Fact]
    public void Count_AfterTenMinutes_Forgets()
    {
        var sut = CreateSut(InvalidRequestBudget.SlowDownAt);

        _clock.Advance(InvalidRequestBudget.Window);

        sut.Count.ShouldBe(0);
        sut.Take().ShouldBe(TimeSpan.Zero);
    }
}
