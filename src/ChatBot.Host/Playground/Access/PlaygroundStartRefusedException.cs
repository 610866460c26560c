namespace ChatBot.Host.Playground.Access;

/// <summary>The host must not start; the message is the one line to print.</summary>
internal sealed class PlaygroundStartRefusedException(string message) : Exception(message);
