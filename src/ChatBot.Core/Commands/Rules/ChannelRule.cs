using ChatBot.Core.Tenants;

namespace ChatBot.Core.Commands.Rules;

/// <summary>
/// A community's admins may keep the bot to chosen channels (<c>/settings allow-channel</c>). Elsewhere every command
/// is refused, privately and at no cost, except <c>/settings</c> from an admin, so the rule can always be changed;
/// direct messages are not a community's channels and stay open.
/// </summary>
internal static class ChannelRule
{
    public static string? Check(TenantSettings settings, CommandRequest request)
    {
        if (settings.Channels.Count == 0
            || request.Conversation.IsDirectMessage
            || settings.Channels.Contains(request.Conversation.ChannelId, StringComparer.Ordinal)
            || (request.Actor.IsAdmin && request.Kind == CommandKind.Settings))
        {
            return null;
        }

        return "I'm not used in this channel here: the admins chose other channels for me. `/settings` lists them.";
    }
}
