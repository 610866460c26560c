using ChatBot.Core.Catalog;
using ChatBot.Core.Commands.Rules;

namespace ChatBot.Core.Tests.Commands.Rules;

public sealed class DurationRuleTests
{
    private static readonly ModelDefinition Video = Model(new ModelParameter { Values = ["10", "5"] });
    private static readonly ModelDefinition Storyboard = Model(new ModelParameter { Min = 10, Max = 25, Integer = true });

    [Fact]
    public void Apply_VideoWithoutDuration_SendsTheShortestItPrices()
    {
        DurationRule.Apply(Video, MediaOperation.Video, new CommandOptions()).Options!.DurationSeconds.ShouldBe(5);
    }

    [Fact]
    public void Apply_VideoWithDuration_KeepsIt()
    {
        DurationRule.Apply(Video, MediaOperation.Video, new CommandOptions { DurationSeconds = 10 }).Options!.DurationSeconds.ShouldBe(10);
    }

    [Theory]
    [InlineData("a::5 | b::5", 10)]
    [InlineData("a | b | c", 15)]
    [InlineData("a::10 | b::15", 25)]
    public void Apply_StoryboardWithinTheTotal_IsItsShotsAddedUp(string prompt, int seconds)
    {
        DurationRule.Apply(Storyboard, MediaOperation.Storyboard, new CommandOptions { Prompt = prompt }).Options!.DurationSeconds.ShouldBe(seconds);
    }

    [Fact]
    public void Apply_StoryboardOverTheTotal_IsRefused()
    {
        DurationRule.Apply(Storyboard, MediaOperation.Storyboard, new CommandOptions { Prompt = "a::10 | b::10 | c::10" })
            .Refusal.ShouldBe("`s` makes storyboards of 10 to 25 seconds in total; yours adds up to 30.");
    }

    private static ModelDefinition Model(ModelParameter duration) => new()
    {
        Id = "s",
        Provider = "p",
        Parameters = new Dictionary<string, ModelParameter>(StringComparer.OrdinalIgnoreCase) { ["duration"] = duration },
    };
}
