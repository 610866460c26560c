namespace ChatBot.Discord.Rest.Models;

/// <summary>An interaction as the gateway or the HTTP endpoint delivers it.</summary>
internal sealed record DiscordInteraction(string Id, string ApplicationId, int Type, string Token)
{
    public const int Ping = 1;
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int Autocomplete = 4;
    public const int ModalSubmit = 5;

    public InteractionData? Data { get; init; }
    public string? GuildId { get; init; }
    public string? ChannelId { get; init; }
    public DiscordChannel? Channel { get; init; }
    public DiscordMember? Member { get; init; }
    public DiscordUser? User { get; init; }
    public DiscordMessage? Message { get; init; }
    public long? AttachmentSizeLimit { get; init; }

    public DiscordUser? Invoker => Member?.User ?? User;
}
