namespace ChatBot.Discord.Rest.Models;

/// <summary>A file sent as a <c>files[n]</c> part.</summary>
internal sealed record OutgoingFile(string FileName, string ContentType, ReadOnlyMemory<byte> Bytes);
