namespace ChatBot.Discord.Rest;

/// <summary>Discord refused a request. The message is Discord's own text and never holds a token.</summary>
internal sealed class DiscordApiException : Exception
{
    public DiscordApiException()
    {
    }

    public DiscordApiException(string message)
        : base(message)
    {
    }

    public DiscordApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DiscordApiException(HttpStatusCode status, int code, string message)
        : base($"Discord answered {(int)status}: {message} (code {code}).")
    {
        Status = status;
        Code = code;
    }

    public HttpStatusCode Status { get; }

    /// <summary>Discord's JSON error code (10062 unknown interaction, 50027 invalid webhook token, …).</summary>
    public int Code { get; }

    /// <summary>True when Discord refused a message because of its files: 50013 Missing Permissions (Attach Files), 40005 too large.</summary>
    public bool IsUploadRefused => Code is 50013 or 40005 || Status == HttpStatusCode.RequestEntityTooLarge;

    /// <summary>True when the message cannot be edited any more (403 no access, 404 deleted), the token aside.</summary>
    public bool IsMessageGone => Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound && !IsTokenGone;

    /// <summary>True when the interaction token can no longer be used.</summary>
    public bool IsTokenGone => Code is 50027 or 10015 or 10062 || Status == HttpStatusCode.Unauthorized;
}
