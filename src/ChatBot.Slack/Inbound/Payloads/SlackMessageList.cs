namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>The answer of conversations.history and conversations.replies.</summary>
internal sealed record SlackMessageList(IReadOnlyList<SlackMessage>? Messages);
