namespace ChatBot.Emulators.Slack;

/// <summary>A Socket Mode connection opening or closing, in the order they happened.</summary>
public sealed record SlackConnectionEvent(long Sequence, int ConnectionId, bool Opened, string? Detail = null);
