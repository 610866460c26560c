namespace ChatBot.Discord.Inbound;

/// <summary>A request to dispatch, or the reason it was refused before reaching the engine.</summary>
internal sealed record MappedCommand(CommandRequest? Request, string? Refusal)
{
    public static MappedCommand Refuse(string message) => new(null, message);
}
