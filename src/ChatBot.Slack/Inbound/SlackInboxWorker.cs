namespace ChatBot.Slack.Inbound;

/// <summary>Runs queued Slack requests, several at once; one failing request is logged and never stops the others.</summary>
internal sealed class SlackInboxWorker(SlackInbox inbox, SlackRouter router, IOptions<SlackOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Enabled
            ? inbox.Worker.RunAsync((item, ct) => inbox.RunOnceAsync(item, router.HandleAsync, ct), options.Value.MaxConcurrentRequests, stoppingToken)
            : Task.CompletedTask;
}
