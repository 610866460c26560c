namespace ChatBot.Core.Providers;

/// <summary>A template a provider offers: its id for <c>--template</c>, a name and a short note (format, size).</summary>
public sealed record ProviderTemplate(string Id, string Name, string? Note = null);
