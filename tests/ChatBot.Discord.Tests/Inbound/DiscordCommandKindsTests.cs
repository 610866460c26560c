using ChatBot.Discord.Inbound;

namespace ChatBot.Discord.Tests.Inbound;

public sealed class DiscordCommandKindsTests
{
    [Theory]
    [InlineData("imagine", CommandKind.Imagine)]
    [InlineData("credits", CommandKind.Credits)]
    [InlineData("settings", CommandKind.Settings)]
    public void OfSlash_RegisteredName_ItsKind(string name, CommandKind expected) =>
        DiscordCommandKinds.OfSlash(name).ShouldBe(expected);

    [Fact]
    public void OfSlash_UnknownName_IsNull() => DiscordCommandKinds.OfSlash("dance").ShouldBeNull();

    [Fact]
    public void OfMenu_RemoveBackground_ItsKind() =>
        DiscordCommandKinds.OfMenu("Remove background").ShouldBe(CommandKind.RemoveBackground);
}
