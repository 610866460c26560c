namespace ChatBot.Discord.Inbound;

/// <summary>One queued gateway or HTTP event: its type (<c>INTERACTION_CREATE</c>, …), its raw data and, for an interaction, its parse.</summary>
internal sealed record DiscordEvent(string Type, JsonElement Data, Rest.Models.DiscordInteraction? Interaction = null);
