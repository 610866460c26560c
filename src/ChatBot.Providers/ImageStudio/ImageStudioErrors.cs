using ChatBot.Core.Providers;
using ChatBot.Providers.Http;

namespace ChatBot.Providers.ImageStudio;

/// <summary>How ALwrity Image Studio's refusals read to a member, each HTTP status mapped once.</summary>
internal static class ImageStudioErrors
{
    /// <summary>Throws the refusal a non-success answer stands for; returns when the answer is a success.</summary>
    public static Task EnsureOkAsync(ProviderHttp http, HttpResponseMessage response, CancellationToken cancellationToken) =>
        http.EnsureSuccessAsync(response, ToException, cancellationToken);

    public static ProviderException ToException(ProviderHttp http, int httpStatus, string? detail) => httpStatus switch
    {
        401 or 403 => http.Unauthorized(),
        429 => new ProviderException("rate_limited", "ALwrity Image Studio is rate-limiting the bot; try again in a minute.", retryable: true) { NeverReachedProvider = true },
        503 => new ProviderException("provider_unavailable", "ALwrity Image Studio is unavailable right now.", retryable: true) { NeverReachedProvider = true },
        >= 500 => new ProviderException("provider_error", detail is null ? "ALwrity Image Studio failed to make this." : $"ALwrity Image Studio failed: {detail}", retryable: true),
        404 => new ProviderException("not_found", detail is null ? "ALwrity Image Studio does not know that." : $"ALwrity Image Studio: {detail}"),
        _ => new ProviderException("invalid_request", detail is null ? "ALwrity Image Studio refused the request." : $"ALwrity Image Studio refused the request: {detail}"),
    };
}
