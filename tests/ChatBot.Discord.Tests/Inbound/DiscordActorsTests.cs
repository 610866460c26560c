using ChatBot.Discord.Inbound;

namespace ChatBot.Discord.Tests.Inbound;

public sealed class DiscordActorsTests
{
    [Theory]
    [InlineData("8", true)]
    [InlineData("32", true)]
    [InlineData("2048", false)]
    [InlineData(null, false)]
    [InlineData("-8", false)]
    public void IsAdmin_PermissionBits_AdministratorOrManageGuild(string? permissions, bool expected) =>
        DiscordActors.IsAdmin(permissions).ShouldBe(expected);

    [Fact]
    public void ActorOf_AdminBitsInADirectMessage_NotAdminAndDmTenant()
    {
        var interaction = new DiscordInteraction("1", "app", DiscordInteraction.ApplicationCommand, "tok")
        {
            User = new DiscordUser("77"),
            Member = new DiscordMember(Permissions: "8"),
        };

        var actor = DiscordActors.ActorOf(interaction);

        actor.TenantId.ShouldBe(DiscordActors.DirectMessageTenant);
        actor.UserId.ShouldBe("77");
        actor.IsAdmin.ShouldBeFalse();
        DiscordActors.ConversationOf(interaction).IsDirectMessage.ShouldBeTrue();
    }
}
