namespace ChatBot.Emulators.Discord;

/// <summary>An image or file the emulator's CDN serves.</summary>
public sealed record EmulatorAttachment(string Id, string FileName, string ContentType, byte[] Bytes, Uri Url);
