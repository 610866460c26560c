namespace ChatBot.Host.Playground;

/// <summary>A request the API could not take (not a refused command: those are replies).</summary>
internal sealed record PlaygroundError(string Error);
