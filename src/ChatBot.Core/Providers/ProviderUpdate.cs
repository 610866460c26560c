namespace ChatBot.Core.Providers;

/// <summary>A step of a provider task, as <see cref="IMediaProvider.TrackAsync"/> yields them.</summary>
public abstract record ProviderUpdate
{
    private ProviderUpdate()
    {
    }

    /// <summary>Waiting in the provider's own line.</summary>
    public sealed record Queued(int Position, int? Total) : ProviderUpdate;

    /// <summary>Working. <paramref name="Percent"/> is 0–100 when the provider says.</summary>
    public sealed record Running(double? Percent, string? Message = null, MediaOutput? Preview = null) : ProviderUpdate;

    /// <summary>Done. <paramref name="ProviderCost"/> is the provider's own reported cost, in its units.</summary>
    public sealed record Succeeded(IReadOnlyList<MediaOutput> Outputs, decimal? ProviderCost = null, string? Note = null) : ProviderUpdate;

    /// <summary>
    /// Ended without a result. <paramref name="UserMessage"/> is shown to the member as is: human, no secrets.
    /// <paramref name="Retryable"/> means the same request may succeed later or elsewhere.
    /// </summary>
    public sealed record Failed(string Code, string UserMessage, bool Retryable = false) : ProviderUpdate;
}
