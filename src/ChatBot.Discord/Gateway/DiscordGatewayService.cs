using ChatBot.Discord.Rest;

namespace ChatBot.Discord.Gateway;

/// <summary>
/// Keeps the bot on the gateway: fetches the URL from <c>GET /gateway/bot</c>, runs one connection after
/// another, resumes where it can, backs off with jitter, and stops for good on fatal close codes.
/// </summary>
internal sealed partial class DiscordGatewayService(
    IOptions<DiscordOptions> options,
    DiscordRestClient rest,
    IGatewayEventSink sink,
    DiscordBotIdentity identity,
    TimeProvider time,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    /// <summary>Completes when the gateway stopped for good (a fatal close code).</summary>
    public Task Stopped => _stopped.Task;

    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled || settings.Mode != DiscordMode.Gateway)
        {
            return;
        }

        Uri? gatewayUrl = null;
        GatewaySession? session = null;
        var failures = 0;
        var waitBeforeIdentify = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = failures == 0 ? TimeSpan.Zero : Backoff(failures);
            if (waitBeforeIdentify)
            {
                delay += TimeSpan.FromSeconds(1 + (4 * Random.Shared.NextDouble()));
                waitBeforeIdentify = false;
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }

            var connection = new GatewayConnection(settings, sink, identity, time, Random.Shared.NextDouble, logger);
            GatewayOutcome outcome;
            try
            {
                gatewayUrl ??= new Uri((await rest.GetGatewayBotAsync(stoppingToken).ConfigureAwait(false)).Url);
                outcome = await connection.RunAsync(session?.ResumeUrl ?? gatewayUrl, session, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (DiscordApiException ex) when (ex.Status == System.Net.HttpStatusCode.Unauthorized)
            {
                Log.Unauthorized(logger);
                break;
            }
            catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or HttpRequestException or DiscordApiException or System.Text.Json.JsonException)
            {
                Log.ConnectFailed(logger, ex.GetType().Name, ex.Message);
                failures++;
                continue;
            }

            failures = connection.Established ? 0 : failures + 1;
            session = connection.Session;
            switch (outcome)
            {
                case GatewayOutcome.Stop:
                    _stopped.TrySetResult();
                    return;
                case GatewayOutcome.Identify:
                    session = null;
                    break;
                case GatewayOutcome.IdentifyAfterWait:
                    session = null;
                    waitBeforeIdentify = true;
                    break;
            }
        }

        _stopped.TrySetResult();
    }

    private static TimeSpan Backoff(int failures)
    {
        var ceiling = Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures, 10) - 1));
        return TimeSpan.FromSeconds(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Could not reach the Discord gateway ({Error}: {Message}); retrying with backoff")]
        public static partial void ConnectFailed(ILogger logger, string error, string message);

        [LoggerMessage(EventId = 4011, Level = LogLevel.Critical, Message = "Discord refused the bot token (401 from GET /gateway/bot); not connecting: check Discord:Token")]
        public static partial void Unauthorized(ILogger logger);
    }
}
