using ChatBot.Core.Platform;

namespace ChatBot.Slack.Tests.SocketMode;

public sealed class SocketModeRedeliveryTests
{
    [Fact]
    public async Task Envelope_NotAckedBecauseRecordingFailed_IsRedeliveredAndRunsOnce()
    {
        var dedupe = new FlakyDeduplicator(failures: 1);
        await using var host = await SlackHost.StartAsync(SlackMode.Socket, services: s => s.AddSingleton<IEventDeduplicator>(dedupe));
        var emulator = host.Emulator;
        await emulator.WaitUntilAsync(() => emulator.OpenConnections().Count == 1, what: "a connection");

        var id = await emulator.SendSlashCommandAsync("/imagine", "a retry", "U1", "C1");
        await dedupe.FirstCall.WaitAsync(TimeSpan.FromSeconds(20));
        emulator.Envelopes.Single(e => e.EnvelopeId == id).Acked.ShouldBeFalse();

        (await emulator.RedeliverUnackedAsync()).ShouldBe(1);
        await emulator.WaitUntilAsync(() => emulator.Envelopes.Single(e => e.EnvelopeId == id).Acked, what: "the ack of the retry");
        (await emulator.RedeliverUnackedAsync()).ShouldBe(0);

        (await host.Dispatcher.WaitForRequestAsync()).Options.Prompt.ShouldBe("a retry");
        emulator.Envelopes.Single(e => e.EnvelopeId == id).RetryAttempt.ShouldBe(1);
        host.Dispatcher.Requests.Count.ShouldBe(1);
    }

    /// <summary>Fails the first calls as a locked SQLite file would, then de-duplicates in memory.</summary>
    private sealed class FlakyDeduplicator(int failures) : IEventDeduplicator
    {
        private readonly HashSet<string> _seen = [];
        private readonly TaskCompletionSource _firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;

        public Task FirstCall => _firstCall.Task;

        public Task<bool> TryMarkAsync(string source, string eventId, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls);
            _firstCall.TrySetResult();
            if (call <= failures)
            {
                throw new IOException("database is locked");
            }

            lock (_seen)
            {
                return Task.FromResult(_seen.Add(source + eventId));
            }
        }
    }
}
