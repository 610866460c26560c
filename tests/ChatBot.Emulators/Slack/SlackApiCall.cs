using System.Text.Json.Nodes;

namespace ChatBot.Emulators.Slack;

/// <summary>One Web API call the emulator received, with its arguments and raw body.</summary>
/// <param name="Token">The bearer token the caller sent (null when none).</param>
/// <param name="Answered">What the emulator answered: "ok", an error code or "ratelimited".</param>
/// <param name="At">When it came, on the emulator's <see cref="SlackEmulator.Time"/>.</param>
public sealed record SlackApiCall(long Sequence, string Method, string? Token, JsonObject Args, string RawBody, string Answered, DateTimeOffset At)
{
    public string? Arg(string name) => Args[name] is JsonValue v ? v.ToString() : Args[name]?.ToJsonString();
}
