using ChatBot.Discord.Rest;

namespace ChatBot.Discord.Commands;

/// <summary>Registers the commands at start-up: in one guild when Discord:GuildId is set (instant), else globally.</summary>
internal sealed partial class CommandRegistrar(DiscordRestClient rest, IOptions<DiscordOptions> options, ILogger<CommandRegistrar> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled || !settings.RegisterCommands)
        {
            return;
        }

        var guild = string.IsNullOrWhiteSpace(settings.GuildId) ? null : settings.GuildId;
        try
        {
            var commands = DiscordCommandDefinitions.All();
            await rest.OverwriteCommandsAsync(settings.ApplicationId!, guild, commands, stoppingToken).ConfigureAwait(false);
            Log.Registered(logger, commands.Count, guild ?? "global");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is DiscordApiException or HttpRequestException)
        {
            Log.Failed(logger, ex.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Registered {Count} Discord commands ({Scope})")]
        public static partial void Registered(ILogger logger, int count, string scope);

        [LoggerMessage(EventId = 4302, Level = LogLevel.Error, Message = "Could not register the Discord commands: {Error}")]
        public static partial void Failed(ILogger logger, string error);
    }
}
