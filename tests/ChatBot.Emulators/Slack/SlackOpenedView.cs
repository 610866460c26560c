using System.Text.Json.Nodes;

namespace ChatBot.Emulators.Slack;

/// <summary>A modal opened with views.open.</summary>
public sealed record SlackOpenedView(long Sequence, string ViewId, string TriggerId, JsonObject View);
