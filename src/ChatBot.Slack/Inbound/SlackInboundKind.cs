namespace ChatBot.Slack.Inbound;

internal enum SlackInboundKind
{
    SlashCommand,
    Interaction,
    Event,
}
