using ChatBot.Discord.Gateway;
using ChatBot.Discord.Rest;

namespace ChatBot.Discord.Commands;

/// <summary>
/// Registers the commands at start-up: in one guild when Discord:GuildId is set (instant), else globally.
/// A slow or failing Discord is retried with a growing back-off, never lets an exception stop the host.
/// </summary>
internal sealed partial class CommandRegistrar(
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    DiscordHealth health,
    TimeProvider time,
    ILogger<CommandRegistrar> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled || !settings.RegisterCommands)
        {
            return;
        }

        var guild = string.IsNullOrWhiteSpace(settings.GuildId) ? null : settings.GuildId;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var commands = DiscordCommandDefinitions.All();
                await rest.OverwriteCommandsAsync(settings.ApplicationId!, guild, commands, stoppingToken).ConfigureAwait(false);
                Log.Registered(logger, commands.Count, guild ?? "global");
                health.SetCommands(null);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DiscordApiException ex) when ((int)ex.Status is >= 400 and < 500 and not 429)
            {
                // Refused (a bad definition, a wrong application id): repeating the same request cannot help.
                Log.Refused(logger, ex.Message);
                health.SetCommands("Discord refused the command registration: see the log");
                return;
            }
#pragma warning disable CA1031 // A timeout or an unreachable Discord must never stop the host: retry.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var delay = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, 5 * Math.Pow(2, Math.Min(attempt, 10) - 1)));
                Log.Failed(logger, ex is OperationCanceledException ? "timed out" : ex.Message, delay.TotalSeconds);
                health.SetCommands("could not register the Discord commands yet; retrying");
                try
                {
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Registered {Count} Discord commands ({Scope})")]
        public static partial void Registered(ILogger logger, int count, string scope);

        [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "Could not register the Discord commands ({Error}); retrying in {Seconds:0} s")]
        public static partial void Failed(ILogger logger, string error, double seconds);

        [LoggerMessage(EventId = 4303, Level = LogLevel.Error, Message = "Discord refused the command registration: {Error}")]
        public static partial void Refused(ILogger logger, string error);
    }
}
