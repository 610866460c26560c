namespace ChatBot.Core.Media;

internal abstract record IntakeResult
{
    private IntakeResult()
    {
    }

    public sealed record Accepted(StoredMedia Media) : IntakeResult;

    /// <summary>Refused before any credit was reserved; <paramref name="Message"/> names the limit.</summary>
    public sealed record Rejected(string Message) : IntakeResult;
}
