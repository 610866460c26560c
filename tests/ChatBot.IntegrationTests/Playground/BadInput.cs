namespace ChatBot.IntegrationTests.Playground;

/// <summary>One corpus case: a raw request (<see cref="Path"/> set) or a command with files.</summary>
internal sealed record BadInput(
    string Name,
    string? Path,
    string? Body,
    string? ContentType,
    string? Text,
    IReadOnlyList<(string FileName, byte[] Data)> Files,
    bool DecoderCase)
{
    public override string ToString() => Name;
}
