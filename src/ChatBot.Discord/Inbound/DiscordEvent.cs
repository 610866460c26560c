namespace ChatBot.Discord.Inbound;

/// <summary>One queued gateway or HTTP event: its type (<c>INTERACTION_CREATE</c>, …) and its raw data.</summary>
internal sealed record DiscordEvent(string Type, JsonElement Data);
