using System.Text.Json.Nodes;

namespace ChatBot.Emulators.Slack;

/// <summary>A POST to a response_url; <see cref="Accepted"/> is false once the 5 uses are spent.</summary>
public sealed record SlackResponseUrlPost(long Sequence, string ResponseUrlId, JsonObject Body, bool Accepted);
