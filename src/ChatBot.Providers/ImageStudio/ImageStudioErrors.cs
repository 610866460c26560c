namespace ChatBot.Providers.ImageStudio;

/// <summary>How ALwrity Image Studio's refusals read to a member, each HTTP status mapped once.</summary>
internal static class ImageStudioErrors
{
    /// <summary>The refusal an HTTP status (with the provider's message) stands for; see <see cref="ProviderHttp.EnsureSuccessAsync"/>.</summary>
    public static ProviderException ToException(ProviderHttp http, int httpStatus, string? detail) => http.CommonRefusal(httpStatus) ?? httpStatus switch
    {
        >= 500 => new ProviderException("provider_error", detail is null ? "ALwrity Image Studio failed to make this." : $"ALwrity Image Studio failed: {detail}", retryable: true),
        404 => new ProviderException("not_found", detail is null ? "ALwrity Image Studio does not know that." : $"ALwrity Image Studio: {detail}"),
        _ => new ProviderException("invalid_request", detail is null ? "ALwrity Image Studio refused the request." : $"ALwrity Image Studio refused the request: {detail}"),
    };
}
