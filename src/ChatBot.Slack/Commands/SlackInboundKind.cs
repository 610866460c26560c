namespace ChatBot.Slack.Commands;

internal enum SlackInboundKind
{
    SlashCommand,
    Interaction,
    Event,
}
