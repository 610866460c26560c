using ChatBot.Slack.Inbound;
using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.SocketMode;

/// <summary>
/// Keeps one Socket Mode connection up. When Slack asks a connection to go (warning,
/// refresh_requested, too_many_websockets) or it dies, a new one is opened and must say hello
/// before the old one is closed, so no envelope falls between the two. link_disabled stops for good.
/// Envelopes are acknowledged as soon as they are parsed, then queued; the inbox records them before they run.
/// </summary>
internal sealed class SocketModeService(
    SlackApiClient api,
    SlackInbox inbox,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SocketModeService> logger) : BackgroundService
{
    private static readonly HashSet<string> FatalErrors = new(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "not_allowed_token_type", "account_inactive", "token_revoked", "missing_scope",
    };

    private readonly SlackOptions _options = options.Value;
    private readonly List<Task> _closing = [];
    private int _lastConnectionId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled || _options.EffectiveMode != SlackMode.Socket)
        {
            return;
        }

        SocketModeConnection? current = null;
        try
        {
            current = await ConnectWithRetryAsync(stoppingToken).ConfigureAwait(false);
            while (current is not null)
            {
                var reason = await current.Ended.WaitAsync(stoppingToken).ConfigureAwait(false);
                if (reason == SocketModeConnection.LinkDisabled)
                {
                    logger.SocketModeDisabled();
                    break;
                }

                logger.SocketDisconnectRequested(current.Id, reason);

                // Open the replacement first; the old socket keeps reading (and acking) until Slack closes it.
                var next = await ConnectWithRetryAsync(stoppingToken).ConfigureAwait(false);
                var old = current;
                lock (_closing)
                {
                    _closing.Add(RetireAsync(old, reason, stoppingToken));
                }

                current = next;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            if (current is not null)
            {
                await CloseAsync(current, "shutting down").ConfigureAwait(false);
            }

            Task[] closing;
            lock (_closing)
            {
                closing = [.. _closing];
            }

            await Task.WhenAll(closing).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A connection Slack asked to go, once its replacement is up: Slack may still send envelopes on it until it closes
    /// it, and each must be acknowledged on the socket it came on. So it stays open until Slack closes it, for at most
    /// <see cref="SlackOptions.HandOverGrace"/> (or until shutdown), and only then is closed from this side.
    /// </summary>
    private async Task RetireAsync(SocketModeConnection connection, string reason, CancellationToken stoppingToken)
    {
        try
        {
            await connection.Closed.WaitAsync(_options.HandOverGrace, time, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // Slack did not close it in time, or the host is stopping: close it now.
        }

        await CloseAsync(connection, reason).ConfigureAwait(false);
    }

    private async Task CloseAsync(SocketModeConnection connection, string reason)
    {
        await connection.CloseAsync(TimeSpan.FromSeconds(5), time).ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
        logger.SocketEnded(connection.Id, reason);
    }

    private async Task<SocketModeConnection?> ConnectWithRetryAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var url = await api.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                var id = Interlocked.Increment(ref _lastConnectionId);
                var (connection, count) = await SocketModeConnection.ConnectAsync(id, url, _options, time, OnEnvelopeAsync, cancellationToken).ConfigureAwait(false);
                logger.SocketConnected(id, count);
                return connection;
            }
            catch (SlackApiException ex) when (FatalErrors.Contains(ex.Error))
            {
                logger.SocketAuthFailed(ex.Error);
                return null;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                var delay = Backoff(attempt);
                logger.SocketConnectFailed(ex, attempt, delay);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(attempt - 1, 10)));
        var capped = exponential < _options.MaxReconnectDelay ? exponential : _options.MaxReconnectDelay;

        // Jitter (50–100 %) so many bots do not reconnect in step.
        return capped * (0.5 + (Random.Shared.NextDouble() / 2));
    }

    private async Task OnEnvelopeAsync(SocketModeConnection connection, JsonElement envelope)
    {
        var envelopeId = envelope.GetProperty("envelope_id").GetString()!;
        var type = envelope.TryGetProperty("type", out var t) ? t.GetString() : null;
        var retry = envelope.TryGetProperty("retry_attempt", out var r) && r.TryGetInt32(out var n) ? n : 0;
        SlackInboundKind? kind = type switch
        {
            "slash_commands" => SlackInboundKind.SlashCommand,
            "interactive" => SlackInboundKind.Interaction,
            "events_api" => SlackInboundKind.Event,
            _ => null,
        };

        // Acks first: the envelope is acknowledged as soon as it is parsed, before the de-duplication write (which the
        // inbox's worker does, retrying a failed write), so Slack's 3 seconds never wait on storage or on other work.
        try
        {
            await connection.AckAsync(envelopeId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or InvalidOperationException or ObjectDisposedException)
        {
            // The socket closed under us: Slack redelivers the envelope, and the inbox's de-duplication runs it once.
            logger.AckFailed(connection.Id, envelopeId, ex.GetType().Name);
        }

        if (kind is { } k && envelope.TryGetProperty("payload", out var payload))
        {
            await inbox.AcceptAsync(new SlackInboundItem(k, payload) { RetryAttempt = retry }, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
