namespace ChatBot.Host.Playground;

/// <summary>Optional body of a button press: who pressed it, and the prompt "Edit…" asked for.</summary>
internal sealed record ButtonPressRequest(string? User, string? Prompt);
