namespace ChatBot.Host.Playground;

/// <summary>
/// A file attached to a Playground message, base64-encoded. <see cref="Role"/> says what it is for:
/// <c>image</c> (the default: read from its bytes), <c>mask</c>, <c>reference</c>, <c>last-frame</c>, <c>audio</c> or <c>video</c>.
/// </summary>
internal sealed record AttachmentUpload(string? FileName, string? DataBase64, string? Role = null);
