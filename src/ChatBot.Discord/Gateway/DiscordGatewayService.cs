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
    DiscordHealth health,
    TimeProvider time,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
    /// <summary>Completes when the gateway stopped for good (a fatal close code).</summary>
    public Task Stopped => _stopped.Task;

    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled || settings.Mode != DiscordMode.Gateway)
        {
            if (settings.IsEnabled)
            {
                health.SetGateway("ok"); // HTTP interactions: Discord calls us; there is no connection to keep.
            }

            return;
        }

        health.SetGateway("starting");

        // One connection per shard this process runs (Discord:Shards, or Discord:ShardId alone), paced together.
        var shards = settings.EffectiveShards;
        var buckets = shards.Count > 1 ? new IdentifyBuckets(time) : null;
        await Task.WhenAll(shards.Select(shard => RunShardAsync(settings, shard, buckets, stoppingToken))).ConfigureAwait(false);
    }

    private async Task RunShardAsync(DiscordOptions settings, int shardId, IdentifyBuckets? buckets, CancellationToken stoppingToken)
    {
        var policy = new GatewayReconnectPolicy(time, Random.Shared.NextDouble, shardId, sharedBuckets: buckets is not null);
        Uri? gatewayUrl = null;
        GatewaySession? session = null;
        var waitBeforeIdentify = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            IdentifyBuckets.Turn? turn = null;
            var connection = new GatewayConnection(settings, sink, identity, time, Random.Shared.NextDouble, logger)
            {
                ShardId = shardId,
                Identifying = () =>
                {
                    policy.OnIdentify();
                    turn?.Identified();
                },
                Established = () =>
                {
                    turn?.Dispose(); // READY: Discord has the Identify; the bucket's next shard may start its window.
                    health.SetGateway("ok");
                },
            };
            GatewayOutcome outcome;
            try
            {
                await WaitAsync(policy.Backoff(), policy, stoppingToken).ConfigureAwait(false);
                var identify = session is null;
                if (identify || gatewayUrl is null)
                {
                    // Before every identify: the budget left (session_start_limit) decides how soon it may go.
                    var info = await rest.GetGatewayBotAsync(stoppingToken).ConfigureAwait(false);
                    gatewayUrl = new Uri(info.Url);
                    if (info.SessionStartLimit is { } limit)
                    {
                        policy.OnLimit(limit);
                    }
                }

                if (identify)
                {
                    // After op 9 (not resumable) Discord asks for a random 1–5 s wait.
                    var afterInvalid = waitBeforeIdentify ? TimeSpan.FromSeconds(1 + (4 * Random.Shared.NextDouble())) : TimeSpan.Zero;
                    await WaitAsync(policy.IdentifyDelay(afterInvalid), policy, stoppingToken).ConfigureAwait(false);
                    if (buckets is not null)
                    {
                        // Shards of one bucket in this process: one at a time, 5 s after the last one's identify.
                        turn = await buckets.TakeTurnAsync(policy.Bucket, stoppingToken).ConfigureAwait(false);
                        await WaitAsync(turn.Delay, policy, stoppingToken).ConfigureAwait(false);
                    }
                }

                waitBeforeIdentify = false;
                outcome = await connection.RunAsync(session?.ResumeUrl ?? gatewayUrl, session, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (DiscordApiException ex) when (ex.Status == System.Net.HttpStatusCode.Unauthorized)
            {
                Log.Unauthorized(logger);
                health.SetGateway("stopped", "Discord refused the bot token: check Discord:Token");
                return;
            }
#pragma warning disable CA1031 // A slow or broken Discord must never stop the host (Slack and the Playground run in it too): retry.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // A timeout (Discord behind Cloudflare may hold a request 100 s) is an ordinary failure.
                var error = ex is OperationCanceledException ? "timed out" : ex.GetType().Name;
                Log.ConnectFailed(logger, error, ex.Message);
                health.SetGateway("retrying", $"could not reach the Discord gateway ({error})");
                policy.OnConnectFailed();
                continue;
            }
            finally
            {
                turn?.Dispose(); // No identify went out (a resume, a failure): the bucket's next shard may go.
            }

            policy.OnConnectionEnded(connection.EstablishedAt);
            session = connection.Session;
            switch (outcome)
            {
                case GatewayOutcome.Stop:
                    health.SetGateway("stopped", "Discord closed the gateway for good: see the log");
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
    }

    private async Task WaitAsync(TimeSpan delay, GatewayReconnectPolicy policy, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        if (delay >= TimeSpan.FromMinutes(1))
        {
            Log.Waiting(logger, delay.TotalSeconds, policy.Remaining ?? -1, policy.Failures);
        }

        var (state, detail) = policy.Failures > 0
            ? ("retrying", $"reconnecting to the Discord gateway after {policy.Failures} failed or short connections")
            : ("starting", (string?)null);
        // The timer first, then the report: whoever moves a test clock on seeing the report finds the timer there.
        var until = time.GetUtcNow() + delay;
        var waiting = Task.Delay(delay, time, cancellationToken);
        health.SetGateway(state, detail, until);
        await waiting.ConfigureAwait(false);
        health.SetGateway(state, detail);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Could not reach the Discord gateway ({Error}: {Message}); retrying with backoff")]
        public static partial void ConnectFailed(ILogger logger, string error, string message);

        [LoggerMessage(EventId = 4011, Level = LogLevel.Critical, Message = "Discord refused the bot token (401 from GET /gateway/bot); not connecting: check Discord:Token")]
        public static partial void Unauthorized(ILogger logger);

        [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "Discord gateway: waiting {Seconds:0} s before connecting ({Remaining} session starts left, {Failures} short sessions in a row)")]
        public static partial void Waiting(ILogger logger, double seconds, int remaining, int failures);
    }
}
