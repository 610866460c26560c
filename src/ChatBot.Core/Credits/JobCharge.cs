using ChatBot.Core.Catalog;

namespace ChatBot.Core.Credits;

/// <summary>
/// What a finished job is charged: the provider's reported cost in bot credits, never more than the member was
/// quoted (the reservation) nor more than the model that ran quotes. When a fallback moved the job to a provider
/// that costs more, the member still pays the quote, and the result says so.
/// </summary>
internal static class JobCharge
{
    public static long For(ModelCatalog catalog, JobRecord job, decimal? providerCost)
    {
        var cap = job.ReservedCredits;
        if (catalog.Find(job.Spec.ModelId) is { } model)
        {
            cap = Math.Min(cap, CreditQuote.For(model, job.Spec.Operation, job.Spec.Options));
        }

        return Uncapped(catalog, job, providerCost) is { } credits ? Math.Clamp(credits, 0, cap) : cap;
    }

    /// <summary>For a job another provider ran at a higher price than quoted: what it cost there and what the member pays.</summary>
    public static string? FallbackNote(ModelCatalog catalog, JobRecord job, decimal? providerCost, string providerName)
    {
        if (job.Spec.TriedProviders.Count == 0)
        {
            return null;
        }

        var full = Uncapped(catalog, job, providerCost)
            ?? (catalog.Find(job.Spec.ModelId) is { } model ? CreditQuote.For(model, job.Spec.Operation, job.Spec.Options) : 0);
        return full > job.ReservedCredits
            ? $"It costs {CreditText.Amount(full)} on {providerName}; you pay the {CreditText.Amount(job.ReservedCredits)} you were quoted."
            : null;
    }

    private static long? Uncapped(ModelCatalog catalog, JobRecord job, decimal? providerCost) =>
        providerCost is { } cost && catalog.FindProvider(job.Provider)?.CreditsPerProviderUnit is { } rate
            ? (long)Math.Ceiling((double)cost * rate)
            : null;
}
