namespace ChatBot.Host.Playground;

/// <summary>Body of <c>POST /api/playground/messages</c>.</summary>
internal sealed record PostMessageRequest(string? User, string? Text, IReadOnlyList<AttachmentUpload>? Attachments);
