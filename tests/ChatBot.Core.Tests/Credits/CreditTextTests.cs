using ChatBot.Core.Catalog;
using ChatBot.Core.Credits;

namespace ChatBot.Core.Tests.Credits;

public sealed class CreditTextTests
{
    [Theory]
    [InlineData(1, "1 credit")]
    [InlineData(0, "0 credits")]
    [InlineData(5, "5 credits")]
    public void Amount_Number_ReadsWithTheRightPlural(long credits, string expected)
    {
        CreditText.Amount(credits).ShouldBe(expected);
    }

    [Fact]
    public void Price_SeveralParts_JoinsThem()
    {
        CreditText.Price(new ModelPrice { PerRequest = 2, PerSecond = 3 }).ShouldBe("2 per request + 3 per second");
    }

    [Fact]
    public void Price_Nothing_IsFree()
    {
        CreditText.Price(new ModelPrice()).ShouldBe("free");
    }
}
