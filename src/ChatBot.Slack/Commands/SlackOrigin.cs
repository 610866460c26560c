namespace ChatBot.Slack.Commands;

/// <summary>Who asked, where, and how to answer them privately.</summary>
internal sealed record SlackOrigin(string TeamId, string UserId, string UserName, string Channel, string? ThreadTs, string? ResponseUrl);
