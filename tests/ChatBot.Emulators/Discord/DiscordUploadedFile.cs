namespace ChatBot.Emulators.Discord;

/// <summary>A <c>files[n]</c> part of a multipart request.</summary>
public sealed record DiscordUploadedFile(string PartName, string FileName, string? ContentType, byte[] Bytes);
