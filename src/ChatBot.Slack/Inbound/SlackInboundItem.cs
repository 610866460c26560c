namespace ChatBot.Slack.Inbound;

/// <summary>
/// A request from Slack, the same whether it came over Socket Mode or signed HTTP: a slash command
/// (its fields as a JSON object), an interactivity payload or an <c>event_callback</c>.
/// </summary>
internal sealed record SlackInboundItem(SlackInboundKind Kind, JsonElement Payload)
{
    /// <summary>Slack's retry count of the delivery (events), for the log.</summary>
    public int RetryAttempt { get; init; }

    /// <summary>
    /// What identifies the request across redeliveries: the event_id of an event, the trigger_id of a
    /// command or interaction (unique per invocation, the same when Slack retries it).
    /// </summary>
    public string? DedupeKey => Kind switch
    {
        SlackInboundKind.Event => Field("event_id") is { } id ? "event:" + id : null,
        SlackInboundKind.SlashCommand => Field("trigger_id") is { } trigger ? "command:" + trigger : null,
        _ => (Field("trigger_id") ?? Field("action_ts")) is { } key ? "interaction:" + key : null,
    };

    public string? Field(string name) =>
        Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
