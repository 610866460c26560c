namespace ChatBot.Host.Playground;

/// <summary>A job reply's <c>cost</c>: its credits and whether they are <c>quoted</c> (awaiting confirmation), <c>reserved</c> or <c>charged</c>.</summary>
internal sealed record ReplyCostDto(long Credits, string State);
