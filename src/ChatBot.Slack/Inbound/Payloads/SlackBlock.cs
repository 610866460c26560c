namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>A Block Kit block of a message, as far as we read it: the elements of an <c>actions</c> block.</summary>
internal sealed record SlackBlock(string? Type, IReadOnlyList<SlackBlockElement>? Elements);
