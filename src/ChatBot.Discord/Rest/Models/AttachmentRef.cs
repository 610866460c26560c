namespace ChatBot.Discord.Rest.Models;

/// <summary>An entry of a message's <c>attachments</c>: a new upload (<c>id</c> = its files[n] index) or an existing attachment to keep.</summary>
internal sealed record AttachmentRef(string Id, string? Filename = null, string? Description = null);
