namespace ChatBot.Core.Media;

/// <summary>A stream went past its byte cap.</summary>
internal sealed class MediaTooLargeException : Exception
{
    public MediaTooLargeException()
    {
    }

    public MediaTooLargeException(string message)
        : base(message)
    {
    }

    public MediaTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MediaTooLargeException(long cap)
        : base($"The file is larger than {MediaIntake.Size(cap)}.")
    {
        Cap = cap;
    }

    public long Cap { get; }
}
