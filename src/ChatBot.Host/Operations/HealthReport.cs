namespace ChatBot.Host.Operations;

/// <summary>The body of <c>GET /healthz</c>.</summary>
internal sealed record HealthReport(string Status, string Storage, int Queued, int Running);
