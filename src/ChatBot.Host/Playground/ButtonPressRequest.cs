namespace ChatBot.Host.Playground;

/// <summary>
/// Optional body of a button press: who pressed it, the prompt "Edit…" or Vary (Region) asked for, and Vary (Region)'s
/// painted mask (a PNG of the picture's size, transparent where it should change; base64 or a data URL).
/// </summary>
internal sealed record ButtonPressRequest(string? User, string? Prompt, string? Mask = null);
