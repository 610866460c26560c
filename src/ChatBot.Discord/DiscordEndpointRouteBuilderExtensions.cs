using ChatBot.Discord.Http;

namespace ChatBot.Discord;

public static class DiscordEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST /discord/interactions</c> for HTTP interactions mode (answers 404 in gateway mode).</summary>
    public static IEndpointRouteBuilder MapDiscord(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(DiscordInteractionEndpoint.Path, (Delegate)((HttpContext context) =>
            context.RequestServices.GetRequiredService<DiscordInteractionEndpoint>().HandleAsync(context)));
        return endpoints;
    }
}
