using System.ComponentModel.DataAnnotations;
using System.Text;

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
    public void Validate_ShardsBeyondCount_Refused() =>
        Validate(new DiscordOptions { Token = "t", ApplicationId = "1", Shards = "0-2", ShardCount = 2 }).ShouldContain(r => r.ErrorMessage!.Contains("Discord:Shards"));

    [Theory]
    [InlineData("0-3", new[] { 0, 1, 2, 3 })]
    [InlineData("2, 0", new[] { 0, 2 })]
    [InlineData("0-1,4", new[] { 0, 1, 4 })]
    public void EffectiveShards_RangeOrList_ListsTheIds(string shards, int[] expected) =>
        new DiscordOptions { Shards = shards, ShardCount = 8 }.EffectiveShards.ShouldBe(expected);

    [Theory]
    [InlineData("3-1")]
    [InlineData("a")]
    [InlineData("-1")]
    public void Validate_ShardsNotAList_Refused(string shards) =>
        Validate(new DiscordOptions { Token = "t", ApplicationId = "1", Shards = shards, ShardCount = 8 }).ShouldContain(r => r.ErrorMessage!.Contains("Discord:Shards"));

    [Fact]
    public void Validate_ShardIdNotBelowCount_Refused() =>
        Validate(new DiscordOptions { Token = "t", ApplicationId = "1", ShardId = 2, ShardCount = 2 }).ShouldContain(r => r.ErrorMessage!.Contains("Discord:ShardId"));

    [Fact]
    public void EffectiveIntents_Default_IsGuildsAndReactionsInGuildsAndDms()
    {
        new DiscordOptions().EffectiveIntents.ShouldBe(9217);
        new DiscordOptions { ReactionsOnAnyMessage = true }.EffectiveIntents.ShouldBe(41985);
        new DiscordOptions { Intents = 1 }.EffectiveIntents.ShouldBe(1);
    }

    [Fact]
    public void Bind_ExampleSection_GivesTheDefaults()
    {
        const string json = """
            { "Discord": { "Token": "", "ApplicationId": "", "Mode": "Gateway", "GuildId": "", "Intents": "", "ShardCount": 1,
              "ReactionMap": { "🔍": "Upscale", "✏️": "Edit" }, "CdnHosts": [ "cdn.discordapp.com", "media.discordapp.net" ],
              "TokenExpiryMargin": "00:01:00" } }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

        var options = configuration.GetSection(DiscordOptions.Section).Get<DiscordOptions>()!;

        options.IsEnabled.ShouldBeFalse();
        options.Intents.ShouldBeNull();
        options.EffectiveIntents.ShouldBe(9217);
        options.EffectiveCdnHosts.ShouldBe(["cdn.discordapp.com", "media.discordapp.net"]);
        options.EffectiveReactionMap["✏️"].ShouldBe("Edit");
        Validate(options).ShouldBeEmpty();
    }
}
