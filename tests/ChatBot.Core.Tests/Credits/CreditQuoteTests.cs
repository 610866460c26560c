using ChatBot.Core.Catalog;
using ChatBot.Core.Credits;

namespace ChatBot.Core.Tests.Credits;

public sealed class CreditQuoteTests
{
    private static readonly ModelDefinition Model = new()
    {
        Id = "m",
        Provider = "p",
        Price = new ModelPrice
        {
            PerRequest = 1,
            PerOutput = 2,
            PerSecond = 3,
            ResolutionMultiplier = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase) { ["1080p"] = 1.5 },
        },
        Limits = new ModelLimits { Durations = [5, 10] },
    };

    [Fact]
    public void For_ImageWithCount_ChargesPerOutputAndNoSeconds()
    {
        CreditQuote.For(Model, MediaOperation.Imagine, new CommandOptions { Count = 3, DurationSeconds = 10 }).ShouldBe(1 + (3 * 2));
    }

    [Fact]
    public void For_NoCount_ChargesOneOutput()
    {
        CreditQuote.For(Model, MediaOperation.Upscale, new CommandOptions { Count = 0 }).ShouldBe(1 + 2);
    }

    [Fact]
    public void For_VideoWithoutDuration_ChargesTheModelsFirstDuration()
    {
        CreditQuote.For(Model, MediaOperation.Video, new CommandOptions()).ShouldBe(1 + 2 + (5 * 3));
    }

    [Fact]
    public void For_VideoAtResolutionTier_AppliesTheMultiplierRoundedUp()
    {
        CreditQuote.For(Model, MediaOperation.Video, new CommandOptions { DurationSeconds = 10, Resolution = "1080P" }).ShouldBe(50); // ceil(33 × 1.5)
    }
}
