namespace ChatBot.Discord.Gateway;

/// <summary>The bot's own user id, learnt from READY (used to recognise the bot's own messages).</summary>
internal sealed class DiscordBotIdentity
{
    public string? UserId { get; set; }
}
