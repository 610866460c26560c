using System.ComponentModel.DataAnnotations;

namespace ChatBot.Slack.Tests;

public sealed class SlackOptionsTests
{
    private static List<string> Errors(SlackOptions options) =>
        [.. options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage ?? "")];

    [Fact]
    public void Validate_NoBotToken_DisabledAndValid()
    {
        var options = new SlackOptions();

        options.Enabled.ShouldBeFalse();
        Errors(options).ShouldBeEmpty();
    }

    [Fact]
    public void EffectiveMode_AppTokenSet_IsSocket()
    {
        new SlackOptions { BotToken = "xoxb-1", AppToken = "xapp-1" }.EffectiveMode.ShouldBe(SlackMode.Socket);
        new SlackOptions { BotToken = "xoxb-1", SigningSecret = "s" }.EffectiveMode.ShouldBe(SlackMode.Http);
        new SlackOptions { BotToken = "xoxb-1", AppToken = "xapp-1", SigningSecret = "s", Mode = SlackMode.Http }.EffectiveMode.ShouldBe(SlackMode.Http);
    }

    [Fact]
    public void Validate_BotTokenWithoutAppTokenOrSecret_NamesBothSettings()
    {
        Errors(new SlackOptions { BotToken = "xoxb-1" }).ShouldHaveSingleItem().ShouldContain("Slack:SigningSecret");
    }

    [Fact]
    public void Validate_WrongTokenKinds_NamesSettingWithoutEchoingToken()
    {
        var errors = Errors(new SlackOptions { BotToken = "xapp-secret-value", AppToken = "xoxb-secret-value" });

        errors.Count.ShouldBe(2);
        errors.ShouldContain(e => e.Contains("Slack:BotToken", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("Slack:AppToken", StringComparison.Ordinal));
        errors.ShouldAllBe(e => !e.Contains("secret-value", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SocketModeForcedWithoutAppToken_Refused()
    {
        Errors(new SlackOptions { BotToken = "xoxb-1", SigningSecret = "s", Mode = SlackMode.Socket }).ShouldHaveSingleItem().ShouldContain("Slack:AppToken");
    }
}
