using ChatBot.Core.Commands.Rules;
using ChatBot.Core.Tenants;

namespace ChatBot.Core.Tests.Commands.Rules;

public sealed class ChannelRuleTests
{
    private static readonly TenantSettings OnlyArt = new() { Channels = ["art"] };

    private static CommandRequest Request(CommandKind kind, string channel, bool admin = false, bool direct = false) =>
        new(kind, new Actor("discord", "g1", "u1", "Ada", admin), new Conversation(channel, IsDirectMessage: direct), new CommandOptions(), [], new ReplyHandle("discord", "r1"));

    [Fact]
    public void Check_OtherChannel_IsRefused() => ChannelRule.Check(OnlyArt, Request(CommandKind.Imagine, "general")).ShouldNotBeNull();

    [Fact]
    public void Check_ChosenChannel_IsAllowed() => ChannelRule.Check(OnlyArt, Request(CommandKind.Imagine, "art")).ShouldBeNull();

    [Fact]
    public void Check_NoRule_IsAllowedEverywhere() => ChannelRule.Check(new TenantSettings(), Request(CommandKind.Imagine, "general")).ShouldBeNull();

    [Fact]
    public void Check_AdminSettingsElsewhere_IsAllowed() => ChannelRule.Check(OnlyArt, Request(CommandKind.Settings, "general", admin: true)).ShouldBeNull();

    [Fact]
    public void Check_DirectMessage_IsAllowed() => ChannelRule.Check(OnlyArt, Request(CommandKind.Imagine, "dm1", direct: true)).ShouldBeNull();
}
