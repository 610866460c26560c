namespace ChatBot.Host.Playground;

/// <summary>A model as the page's hint list shows it (<c>GET /api/playground/models</c>).</summary>
internal sealed record ModelSummaryDto(string Id, string DisplayName, string Description, IReadOnlyList<string> Operations, IReadOnlyList<string> AspectRatios);
