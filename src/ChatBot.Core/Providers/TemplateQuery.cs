namespace ChatBot.Core.Providers;

/// <summary>
/// What <c>/templates</c> asks a provider for: a platform and/or category (a filtered list), search words, or a
/// use case to recommend for (optionally on a platform). All null: every template.
/// </summary>
public sealed record TemplateQuery(string? Platform = null, string? Category = null, string? Search = null, string? UseCase = null);
