namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>A slash command's form fields (<c>/imagine a fox</c>: command "/imagine", text "a fox").</summary>
internal sealed record SlashCommandPayload(
    string? Command,
    string? Text,
    string? TeamId,
    string? UserId,
    string? UserName,
    string? ChannelId,
    string? ResponseUrl);
