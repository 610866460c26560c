namespace ChatBot.Providers.Blackwave;

/// <summary>Blackwave's documented error codes, each with a message a member can act on.</summary>
internal static class BlackwaveErrors
{
    public static ProviderException ToException(string? code, int httpStatus)
    {
        var (c, message, retryable) = Describe(code, httpStatus);
        return new ProviderException(c, message, retryable) { NeverReachedProvider = httpStatus == 429 };
    }

    public static ProviderUpdate.Failed ToFailure(string? code, int httpStatus = 200)
    {
        var (c, message, retryable) = Describe(code, httpStatus);
        return new ProviderUpdate.Failed(c, message, retryable);
    }

    public static (string Code, string Message, bool Retryable) Describe(string? code, int httpStatus) => code switch
    {
        "invalid_token" => ("provider_auth", "Blackwave refused the bot's API key. An admin needs to check the key in the bot's settings.", false),
        "insufficient_credits" => ("insufficient_provider_credits", "The bot's Blackwave account is out of credits. An admin needs to top it up.", false),
        "nsfw_detected" => ("nsfw_detected", "Blackwave flagged this as NSFW. Change the prompt or image (NSFW is only allowed in NSFW channels).", false),
        "image_too_large" => ("image_too_large", "Your image is too large for Blackwave. Use a smaller one (up to 1024×1024 works best).", false),
        "invalid_mask" => ("invalid_mask", "Blackwave did not accept the mask: it must be black and white and exactly the size of the image.", false),
        "generation_failed" => ("generation_failed", "Blackwave could not generate this image. Try different settings (steps, cfg, sampler) or another prompt.", false),
        "job_creation_failed" => ("job_creation_failed", "Blackwave could not create the job; one of the options is out of its range.", false),
        "polling_failed" => ("polling_failed", "Blackwave lost track of the job. Try again.", true),
        "lora_mismatch" => ("lora_mismatch", "One of the LoRAs does not fit this model version. Use a LoRA made for this model.", false),
        "model_unavailable" => ("model_unavailable", "This Blackwave model is not available right now. Choose another model.", true),
        _ when httpStatus == 401 => ("provider_auth", "Blackwave refused the bot's API key. An admin needs to check the key in the bot's settings.", false),
        _ when httpStatus == 403 => ("provider_forbidden", "Blackwave refused the job (permissions or credits of the bot's account).", false),
        _ when httpStatus == 429 => ("rate_limited", "Blackwave is rate-limiting the bot; try again in a minute.", true),
        _ when httpStatus >= 500 => ("provider_error", "Blackwave had an internal error. Try again later.", true),
        _ => ("provider_error", "Blackwave refused the request.", false),
    };
}
