using ChatBot.Core.Catalog;
using ChatBot.Core.Commands.Rules;

namespace ChatBot.Core.Tests.Commands.Rules;

public sealed class NsfwRuleTests
{
    private static readonly ModelDefinition Grok = new()
    {
        Id = "grok-imagine-t2v",
        Provider = "aetherwave",
        Operations = [MediaOperation.Video],
        Parameters = new Dictionary<string, ModelParameter>(StringComparer.OrdinalIgnoreCase)
        {
            ["mode"] = new() { Values = ["fun", "normal", "spicy"], Nsfw = ["spicy"] },
        },
    };

    [Fact]
    public void Check_SpicyOutsideAgeRestrictedChannel_IsRefused() =>
        NsfwRule.Check(Grok, MediaOperation.Video, new CommandOptions { Mode = "spicy" }, new Conversation("c1")).ShouldNotBeNull().ShouldContain("age-restricted");

    [Fact]
    public void Check_SpicyInAgeRestrictedChannel_IsAllowed() =>
        NsfwRule.Check(Grok, MediaOperation.Video, new CommandOptions { Mode = "spicy" }, new Conversation("c1", IsNsfw: true)).ShouldBeNull();

    [Fact]
    public void Check_ValueNotMarkedNsfw_IsAllowedAnywhere() =>
        NsfwRule.Check(Grok, MediaOperation.Video, new CommandOptions { Mode = "fun" }, new Conversation("c1")).ShouldBeNull();
}
