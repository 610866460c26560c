using System.Text.Json.Nodes;

namespace ChatBot.Emulators.Discord;

/// <summary>One REST request the emulator received, with what it answered.</summary>
/// <param name="Json">The JSON body, or the <c>payload_json</c> part of a multipart body.</param>
/// <param name="Files">The <c>files[n]</c> parts: file name and byte count.</param>
public sealed record DiscordRestCall(
    long Sequence,
    string Method,
    string Path,
    JsonNode? Json,
    IReadOnlyList<DiscordUploadedFile> Files,
    string? Authorization,
    string? UserAgent,
    int Status,
    DateTimeOffset At)
{
    public bool IsMultipart { get; init; }

    public bool Is(string method, string pathContains) =>
        string.Equals(Method, method, StringComparison.OrdinalIgnoreCase) && Path.Contains(pathContains, StringComparison.Ordinal);
}
