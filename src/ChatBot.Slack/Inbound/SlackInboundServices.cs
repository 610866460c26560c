using ChatBot.Core.Platform;

namespace ChatBot.Slack.Inbound;

/// <summary>The inbound room's registrations: the inbox and its worker, the router, its handlers and what they share.</summary>
internal static class SlackInboundServices
{
    private static readonly Type[] Singletons =
    [
        typeof(SlackInbox),
        typeof(SlackUsers),
        typeof(SlackRecentMessages),
        typeof(SlackMessages),
        typeof(SlackInputLimits),
        typeof(SlackOutcomeResponder),
        typeof(SlackCommandRunner),
        typeof(SlackEditModal),
        typeof(SlackButtons),
        typeof(SlackMessageActions),
        typeof(SlashCommandHandler),
        typeof(BlockActionHandler),
        typeof(MessageShortcutHandler),
        typeof(ViewSubmissionHandler),
        typeof(ReactionEventHandler),
        typeof(SlackRouter),
    ];

    public static IServiceCollection AddSlackInbound(this IServiceCollection services)
    {
        // The durable (SQLite) de-duplicator comes from storage; this fallback only covers a host without it.
        services.TryAddSingleton<IEventDeduplicator, InMemoryEventDeduplicator>();
        foreach (var type in Singletons)
        {
            services.TryAddSingleton(type);
        }

        services.AddSingleton<IChannelCommandRelay, SlackChannelCommandRelay>();
        services.AddHostedService<SlackInboxWorker>();
        return services;
    }
}
