namespace ChatBot.Core.Providers;

/// <summary>A social platform's image formats (name and size, for <c>--formats</c>) and its file rules, as a provider reports them.</summary>
public sealed record PlatformFormats(string Platform, IReadOnlyList<string> Formats, string? FileRules = null);
