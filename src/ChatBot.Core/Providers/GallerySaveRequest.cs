using ChatBot.Core.Media;

namespace ChatBot.Core.Providers;

/// <summary>One result to save: the provider's own link to it (<see cref="MediaOutput.PublicUrl"/>), what it is, and how it was made.</summary>
public sealed record GallerySaveRequest(Uri MediaUrl, MediaKind Kind, string? Prompt, string? ModelId, string? Title);
