namespace ChatBot.Discord.Rest;

/// <summary>Adds <c>Authorization: Bot …</c> to every request to Discord's API.</summary>
internal sealed class DiscordAuthHandler(IOptions<DiscordOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.Token);
        return base.SendAsync(request, cancellationToken);
    }
}
