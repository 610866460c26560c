namespace ChatBot.Providers.AetherWave;

/// <summary>How AetherWave's refusals and failed tasks read to a member, each HTTP status mapped once.</summary>
internal static class AetherWaveErrors
{
    /// <summary>The refusal an HTTP status (with the provider's message) stands for; see <see cref="ProviderHttp.EnsureSuccessAsync"/>.</summary>
    public static ProviderException ToException(ProviderHttp http, int httpStatus, string? message) => http.CommonRefusal(httpStatus) ?? httpStatus switch
    {
        402 => new ProviderException("insufficient_provider_credits", "The bot's AetherWave account is out of credits. An admin needs to top it up."),
        >= 500 => new ProviderException("provider_error", "AetherWave had an internal error and did not start the job.", retryable: true),
        _ => new ProviderException("invalid_request", message is null ? "AetherWave refused the request." : $"AetherWave refused the request: {message}"),
    };

    /// <summary>A task that ended in failure, with the provider's own reason when it gave a printable one.</summary>
    public static ProviderUpdate.Failed GenerationFailed(string? providerText) =>
        new("generation_failed", ProviderErrorText.Clean(providerText, null) is { } text ? $"AetherWave could not make this: {text}" : "AetherWave could not make this one. Try a different prompt or model.");
}
