namespace ChatBot.Host.Regions;

/// <summary>The region editor's submit: the signed token, what to paint there, and the mask (a PNG, base64 or a data URL).</summary>
internal sealed record RegionSubmitRequest(string? Token, string? Prompt, string? Mask);
