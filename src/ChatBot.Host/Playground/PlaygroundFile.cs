namespace ChatBot.Host.Playground;

/// <summary>A file shown in a reply, by its media-store key.</summary>
internal sealed record PlaygroundFile(string Key, string ContentType);
