using ChatBot.Core;
using ChatBot.Core.Replies;
using ChatBot.Host.Playground.Access;

namespace ChatBot.Host.Playground;

public static class PlaygroundServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Playground platform: its <see cref="IChatReplies"/>, the reply channel, the command adapter,
    /// its accounts and sessions, and the one-time sign-in link.
    /// </summary>
    public static IServiceCollection AddPlayground(this IServiceCollection services)
    {
        services.AddValidatedOptions<PlaygroundOptions>(PlaygroundOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
                options.Enabled ??= string.IsNullOrWhiteSpace(configuration["Discord:Token"]) && string.IsNullOrWhiteSpace(configuration["Slack:BotToken"]));
        services.AddSingleton<PlaygroundReplyStore>();
        services.AddHostedService<PlaygroundReplyJournal>();
        services.AddSingleton<PlaygroundReplies>();
        services.AddSingleton<IChatReplies>(sp => sp.GetRequiredService<PlaygroundReplies>());
        services.AddSingleton<PlaygroundAdmin>();
        services.AddSingleton<PlaygroundUploads>();
        services.AddSingleton<ChatBot.Core.Platform.IPlatformMedia>(sp => sp.GetRequiredService<PlaygroundUploads>());
        services.AddSingleton<PlaygroundCommands>();
        services.AddSingleton<PlaygroundAccounts>();
        services.AddSingleton<PlaygroundSignInLink>();
        services.AddHostedService(sp => sp.GetRequiredService<PlaygroundSignInLink>());
        services.AddPlaygroundSession();
        return services;
    }
}
