using ChatBot.Core;
using ChatBot.Core.Platform;
using ChatBot.Core.Replies;
using ChatBot.Slack.Http;
using ChatBot.Slack.Inbound;
using ChatBot.Slack.Media;
using ChatBot.Slack.Replies;
using ChatBot.Slack.SocketMode;
using ChatBot.Slack.WebApi;

namespace ChatBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Slack adapter (section <c>Slack</c>): Socket Mode client, HTTP-mode verifier,
    /// Web API client, the "slack" <see cref="IChatReplies"/> and <see cref="IPlatformMedia"/>.
    /// Without <c>Slack:BotToken</c> nothing connects or listens. HTTP mode also needs <c>MapSlack()</c>.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services)
    {
        services.AddValidatedOptions<SlackOptions>(SlackOptions.Section);
        services.TryAddSingleton(TimeProvider.System);

        // No request logging: response_url and upload URLs are capabilities, and have no place in logs.
        services.AddHttpClient(SlackApiClient.HttpClientName).RemoveAllLoggers();
        services.AddHttpClient(SlackPlatformMedia.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();

        services.TryAddSingleton<SlackRatePacer>();
        services.TryAddSingleton<SlackApiClient>();
        services.TryAddSingleton<SlackRequestVerifier>();
        services.TryAddSingleton<SlackReplies>();
        services.AddSingleton<IChatReplies>(sp => sp.GetRequiredService<SlackReplies>());
        services.AddSingleton<IPlatformMedia, SlackPlatformMedia>();
        services.AddHostedService<SocketModeService>();
        services.AddSlackInbound();
        return services;
    }
}
