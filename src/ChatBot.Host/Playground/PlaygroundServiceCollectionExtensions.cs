using ChatBot.Core;
using ChatBot.Core.Replies;

namespace ChatBot.Host.Playground;

public static class PlaygroundServiceCollectionExtensions
{
    /// <summary>Registers the Playground platform: its <see cref="IChatReplies"/>, the reply channel and the command adapter.</summary>
    public static IServiceCollection AddPlayground(this IServiceCollection services)
    {
        services.AddValidatedOptions<PlaygroundOptions>(PlaygroundOptions.Section);
        services.AddSingleton<PlaygroundReplyStore>();
        services.AddSingleton<PlaygroundReplies>();
        services.AddSingleton<IChatReplies>(sp => sp.GetRequiredService<PlaygroundReplies>());
        services.AddSingleton<PlaygroundAdmin>();
        services.AddSingleton<PlaygroundUploads>();
        services.AddSingleton<ChatBot.Core.Platform.IPlatformMedia>(sp => sp.GetRequiredService<PlaygroundUploads>());
        services.AddSingleton<PlaygroundCommands>();
        return services;
    }
}
