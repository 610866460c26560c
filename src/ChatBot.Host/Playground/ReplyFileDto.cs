namespace ChatBot.Host.Playground;

/// <summary>A file of a reply: where the page loads it, and whether it is an image or a video.</summary>
internal sealed record ReplyFileDto(string Url, string ContentType);
