using System.Text.Json.Nodes;

namespace ChatBot.Emulators.Providers;

/// <summary>What an emulator received, so tests can check the wire format.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers,
    JsonObject? Json,
    IReadOnlyDictionary<string, string[]> Form,
    IReadOnlyList<RecordedFile> Files)
{
    /// <summary>The query string as sent ("?platform=instagram"), empty when none.</summary>
    public string Query { get; init; } = "";

    public string? Field(string name) => Json?[name]?.ToString() ?? (Form.TryGetValue(name, out var values) ? values.FirstOrDefault() : null);
}
