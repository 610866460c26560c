namespace ChatBot.Emulators.Providers;

/// <summary>A file part of a multipart request an emulator received.</summary>
public sealed record RecordedFile(string Field, string FileName, string? ContentType, byte[] Bytes);
