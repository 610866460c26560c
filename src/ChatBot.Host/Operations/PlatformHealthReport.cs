namespace ChatBot.Host.Operations;

/// <summary>One platform adapter in <c>GET /healthz</c>: its state and, when not "ok", a line for the operator.</summary>
internal sealed record PlatformHealthReport(string State, string? Detail);
