namespace ChatBot.Slack.WebApi;

/// <summary>Slack answered <c>ok:false</c> (or kept rate-limiting). <see cref="Error"/> is Slack's error code; no token in the message.</summary>
internal sealed class SlackApiException : Exception
{
    public SlackApiException()
    {
        Method = "";
        Error = "unknown";
    }

    public SlackApiException(string message)
        : base(message)
    {
        Method = "";
        Error = "unknown";
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "";
        Error = "unknown";
    }

    public SlackApiException(string method, string error, Exception? innerException = null)
        : base($"Slack {method} failed: {error}", innerException)
    {
        Method = method;
        Error = error;
    }

    public string Method { get; }

    public string Error { get; }

    public bool IsRateLimited => Error == "ratelimited";
}
