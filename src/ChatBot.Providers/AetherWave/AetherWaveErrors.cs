using ChatBot.Core.Providers;
using ChatBot.Providers.Http;

namespace ChatBot.Providers.AetherWave;

/// <summary>How AetherWave's refusals and failed tasks read to a member, each HTTP status mapped once.</summary>
internal static class AetherWaveErrors
{
    /// <summary>Throws the refusal a non-success answer to a submit stands for; returns when the answer is a success.</summary>
    public static Task EnsureAcceptedAsync(ProviderHttp http, HttpResponseMessage response, CancellationToken cancellationToken) =>
        http.EnsureSuccessAsync(response, ToException, cancellationToken);

    public static ProviderException ToException(ProviderHttp http, int httpStatus, string? message) => httpStatus switch
    {
        401 or 403 => http.Unauthorized(),
        402 => new ProviderException("insufficient_provider_credits", "The bot's AetherWave account is out of credits. An admin needs to top it up."),
        429 => new ProviderException("rate_limited", "AetherWave is rate-limiting the bot; try again in a minute.", retryable: true) { NeverReachedProvider = true },
        503 => new ProviderException("provider_unavailable", "AetherWave is unavailable right now.", retryable: true) { NeverReachedProvider = true },
        >= 500 => new ProviderException("provider_error", "AetherWave had an internal error and did not start the job.", retryable: true),
        _ => new ProviderException("invalid_request", message is null ? "AetherWave refused the request." : $"AetherWave refused the request: {message}"),
    };

    /// <summary>A task that ended in failure, with the provider's own reason when it gave a printable one.</summary>
    public static ProviderUpdate.Failed GenerationFailed(string? providerText) =>
        new("generation_failed", ProviderErrorText.Clean(providerText, null) is { } text ? $"AetherWave could not make this: {text}" : "AetherWave could not make this one. Try a different prompt or model.");
}
