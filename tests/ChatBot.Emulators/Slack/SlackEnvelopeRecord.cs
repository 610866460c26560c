using System.Text.Json.Nodes;

namespace ChatBot.Emulators.Slack;

/// <summary>An envelope the emulator sent over Socket Mode, and whether it was acknowledged.</summary>
public sealed class SlackEnvelopeRecord
{
    public required string EnvelopeId { get; init; }
    public required string Type { get; init; }
    public required JsonObject Payload { get; init; }
    public bool AcceptsResponsePayload { get; init; }
    public int RetryAttempt { get; set; }
    public List<int> SentOnConnections { get; } = [];
    public bool Acked { get; set; }
    public int AckConnection { get; set; }
    public JsonNode? AckPayload { get; set; }
}
