namespace ChatBot.Host.Playground;

/// <summary>A file attached to a Playground message, base64-encoded.</summary>
internal sealed record AttachmentUpload(string? FileName, string? DataBase64);
