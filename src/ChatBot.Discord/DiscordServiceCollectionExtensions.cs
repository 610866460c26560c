using ChatBot.Core;
using ChatBot.Core.Platform;
using ChatBot.Core.Replies;
using ChatBot.Discord.Commands;
using ChatBot.Discord.Gateway;
using ChatBot.Discord.Http;
using ChatBot.Discord.Inbound;
using ChatBot.Discord.Media;
using ChatBot.Discord.Replies;
using ChatBot.Discord.Rest;

namespace ChatBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Discord adapter (section <c>Discord</c>): gateway or HTTP interactions, REST client,
    /// command registration, replies and CDN reads. Nothing connects while <c>Discord:Token</c> is empty.
    /// Needs ICommandDispatcher, IEventDeduplicator and ModelCatalog from the engine and storage.
    /// </summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services)
    {
        services.AddValidatedOptions<DiscordOptions>(DiscordOptions.Section);
        services.TryAddSingleton(TimeProvider.System);

        var version = typeof(DiscordServiceCollectionExtensions).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";
        services.AddTransient<DiscordAuthHandler>();
        services.AddHttpClient(DiscordRestClient.HttpClientName, (sp, http) =>
        {
            var settings = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
            http.BaseAddress = new Uri(settings.ApiBaseUrl.TrimEnd('/') + "/");
            http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", $"DiscordBot ({settings.UserAgentUrl}, {version})");
            http.Timeout = settings.RequestTimeout;
        }).AddHttpMessageHandler<DiscordAuthHandler>();
        services.AddHttpClient(DiscordPlatformMedia.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(60))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

        services.AddSingleton<DiscordRateLimiter>();
        services.AddSingleton<DiscordRestClient>();
        services.AddSingleton<DiscordBotIdentity>();
        services.AddSingleton<DiscordEventQueue>();
        services.AddSingleton<IGatewayEventSink>(sp => sp.GetRequiredService<DiscordEventQueue>());
        services.AddSingleton<DiscordCommandMapper>();
        services.AddSingleton<DiscordOutcomeResponder>();
        services.AddSingleton<DiscordReplies>();
        services.AddSingleton<IChatReplies>(sp => sp.GetRequiredService<DiscordReplies>());
        services.AddSingleton<DiscordPlatformMedia>();
        services.AddSingleton<IPlatformMedia>(sp => sp.GetRequiredService<DiscordPlatformMedia>());
        services.AddSingleton<InteractionHandler>();
        services.AddSingleton<ReactionHandler>();
        services.AddSingleton<IChannelCommandRelay, DiscordChannelCommandRelay>();
        services.AddSingleton<DiscordInteractionEndpoint>();

        services.AddSingleton<DiscordHealth>();
        services.AddSingleton<IPlatformHealth>(sp => sp.GetRequiredService<DiscordHealth>());
        services.AddSingleton<DiscordGatewayService>();
        services.AddHostedService(sp => sp.GetRequiredService<DiscordGatewayService>());
        services.AddHostedService<DiscordEventProcessor>();
        services.AddHostedService<CommandRegistrar>();
        return services;
    }
}
