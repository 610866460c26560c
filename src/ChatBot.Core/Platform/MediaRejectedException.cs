namespace ChatBot.Core.Platform;

/// <summary>An input file was refused; the message is for the member.</summary>
public sealed class MediaRejectedException : Exception
{
    public MediaRejectedException()
    {
    }

    public MediaRejectedException(string message)
        : base(message)
    {
    }

    public MediaRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
