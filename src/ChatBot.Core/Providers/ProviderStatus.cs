namespace ChatBot.Core.Providers;

/// <summary>
/// How a provider stands: "ok", "off" (no key), "degraded" (with the reason) or "open" (its circuit is open
/// until <paramref name="Until"/>). <paramref name="Detail"/> is one line for the operator, never a secret.
/// </summary>
public sealed record ProviderStatus(string State, string? Detail = null, DateTimeOffset? Until = null);
