namespace ChatBot.Discord.Rest;

/// <summary>
/// Adds <c>Authorization: Bot …</c> to requests to Discord's API, but not to interaction callbacks and interaction
/// webhooks: those are authorised by the interaction token in their path, and the bot token has no business there.
/// </summary>
internal sealed class DiscordAuthHandler(IOptions<DiscordOptions> options) : DelegatingHandler
{
    /// <summary>Set on a request that must go without the bot token.</summary>
    public static readonly HttpRequestOptionsKey<bool> WithoutBotToken = new("discord.without-bot-token");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(WithoutBotToken, out var without) || !without)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.Token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
