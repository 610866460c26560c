namespace ChatBot.Core.Providers;

/// <summary>
/// A provider refused or failed in a way the member should hear about. <see cref="Exception.Message"/>
/// is the human message; it never contains a key or token.
/// </summary>
public sealed class ProviderException : Exception
{
    public ProviderException()
    {
        Code = "provider_error";
    }

    public ProviderException(string message)
        : base(message)
    {
        Code = "provider_error";
    }

    public ProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "provider_error";
    }

    public ProviderException(string code, string message, bool retryable = false, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Retryable = retryable;
    }

    public string Code { get; }

    /// <summary>The same request may succeed later or on another provider.</summary>
    public bool Retryable { get; }

    /// <summary>The request provably never reached the provider, so another provider may take it.</summary>
    public bool NeverReachedProvider { get; init; }
}
