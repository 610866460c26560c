using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Inbound;

/// <summary>Runs queued Slack requests, several at once; one failing request is logged and never stops the others.</summary>
internal sealed class SlackInboxWorker(SlackInbox inbox, SlackRouter router, IOptions<SlackOptions> options, ILogger<SlackInboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var slots = new SemaphoreSlim(options.Value.MaxConcurrentRequests);
        var running = new HashSet<Task>();
        try
        {
            await foreach (var item in inbox.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                var task = RunAsync(item, slots, stoppingToken);
                lock (running)
                {
                    running.Add(task);
                }

                _ = task.ContinueWith(
                    t =>
                    {
                        lock (running)
                        {
                            running.Remove(t);
                        }
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        Task[] pending;
        lock (running)
        {
            pending = [.. running];
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
    }

    private async Task RunAsync(SlackInboundItem item, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await router.HandleAsync(item, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
#pragma warning disable CA1031 // One request's failure is logged; the worker keeps serving the others.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.InboundFailed(ex, item.Kind.ToString());
        }
        finally
        {
            slots.Release();
        }
    }
}
