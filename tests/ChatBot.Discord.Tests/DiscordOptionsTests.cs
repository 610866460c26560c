using System.ComponentModel.DataAnnotations;

namespace ChatBot.Discord.Tests;

public sealed class DiscordOptionsTests
{
    private static List<ValidationResult> Validate(DiscordOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Validate_NoToken_NothingRequired() => Validate(new DiscordOptions()).ShouldBeEmpty();

    [Fact]
    public void Validate_TokenWithoutApplicationId_NamesTheSetting() =>
        Validate(new DiscordOptions { Token = "t" }).ShouldContain(r => r.ErrorMessage!.Contains("Discord:ApplicationId"));

    [Fact]
    public void Validate_HttpModeWithoutPublicKey_NamesTheSetting() =>
        Validate(new DiscordOptions { Token = "t", ApplicationId = "1", Mode = DiscordMode.Http }).ShouldContain(r => r.ErrorMessage!.Contains("Discord:PublicKey"));

    [Fact]
    public void Validate_ShardIdNotBelowCount_Refused() =>
        Validate(new DiscordOptions { Token = "t", ApplicationId = "1", ShardId = 2, ShardCount = 2 }).ShouldContain(r => r.ErrorMessage!.Contains("Discord:ShardId"));

    [Fact]
    public void EffectiveIntents_Default_IsGuildsMessagesReactionsDms()
    {
        new DiscordOptions().EffectiveIntents.ShouldBe(5633);
        new DiscordOptions { ReactionsOnAnyMessage = true }.EffectiveIntents.ShouldBe(38401);
        new DiscordOptions { Intents = 1 }.EffectiveIntents.ShouldBe(1);
    }
}
