using ChatBot.Core.Catalog;
using ChatBot.Core.Credits;

namespace ChatBot.Core.Tests.Credits;

/// <summary>Issue 10 point 8: never more than quoted, and the result says what a pricier fallback cost.</summary>
public sealed class JobChargeTests
{
    private static readonly ModelCatalog Catalog = new(
        [new ModelDefinition { Id = "grok", Provider = "aw", Operations = [MediaOperation.Imagine], Price = new ModelPrice { PerRequest = 5 } }],
        [new ProviderInfo { Name = "aw", DisplayName = "AetherWave", CreditsPerProviderUnit = 1.0 }]);

    [Theory]
    [InlineData(3, 3)]
    [InlineData(5, 4)]
    [InlineData(9, 4)]
    public void For_ReportedCost_IsCappedByTheQuote(int reported, long charged)
    {
        JobCharge.For(Catalog, Job(reserved: 4, tried: ["bw"]), reported).ShouldBe(charged);
    }

    [Fact]
    public void FallbackNote_PricierProvider_SaysWhatItCostAndWhatIsPaid()
    {
        JobCharge.FallbackNote(Catalog, Job(reserved: 4, tried: ["bw"]), 5m, "AetherWave").ShouldBe("It costs 5 credits on AetherWave; you pay the 4 credits you were quoted.");
    }

    [Theory]
    [InlineData(4, new[] { "bw" })]
    [InlineData(2, new string[0])]
    public void FallbackNote_NotPricierOrNoFallback_IsNull(long reserved, string[] tried)
    {
        JobCharge.FallbackNote(Catalog, Job(reserved, tried), 4m, "AetherWave").ShouldBeNull();
    }

    private static JobRecord Job(long reserved, string[] tried) => new()
    {
        Id = "j1",
        Account = new AccountKey("test", "t1", "alice"),
        State = JobState.Delivering,
        Reply = new ReplyHandle("test", "r1"),
        Provider = "aw",
        ReservedCredits = reserved,
        Spec = new JobSpec
        {
            Kind = CommandKind.Imagine,
            Operation = MediaOperation.Imagine,
            ModelId = "grok",
            Options = new CommandOptions(),
            Conversation = new Conversation("c1"),
            TriedProviders = tried,
        },
    };
}
