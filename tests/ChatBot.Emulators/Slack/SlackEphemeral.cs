using System.Text.Json.Nodes;

namespace ChatBot.Emulators.Slack;

/// <summary>An ephemeral message posted with chat.postEphemeral.</summary>
public sealed record SlackEphemeral(long Sequence, string Channel, string User, string Text, JsonArray? Blocks, string? ThreadTs);
