using ChatBot.Core.Platform;

namespace ChatBot.Slack.Tests.SocketMode;

public sealed class SocketModeRedeliveryTests
{
    [Fact]
    public async Task Envelope_RecordingFailsOnce_IsAcknowledgedAtOnceAndStillRunsOnce()
    {
        var dedupe = new FlakyDeduplicator(failures: 1);
        await using var host = await SlackHost.StartAsync(SlackMode.Socket, services: s => s.AddSingleton<IEventDeduplicator>(dedupe));
        var emulator = host.Emulator;
        await emulator.WaitUntilAsync(() => emulator.OpenConnections().Count == 1, what: "a connection");

        var id = await emulator.SendSlashCommandAsync("/imagine", "a retry", "U1", "C1");
        await emulator.WaitUntilAsync(() => emulator.Envelopes.Single(e => e.EnvelopeId == id).Acked, what: "the ack");

        (await host.Dispatcher.WaitForRequestAsync()).Options.Prompt.ShouldBe("a retry");
        (await emulator.RedeliverUnackedAsync()).ShouldBe(0);
        host.Dispatcher.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Envelope_RedeliveredAfterItsAck_RunsOnce()
    {
        await using var host = await SlackHost.StartAsync(SlackMode.Socket);
        var emulator = host.Emulator;
        await emulator.WaitUntilAsync(() => emulator.OpenConnections().Count == 1, what: "a connection");
        var command = emulator.SlashCommandJson("/imagine", "only once", "U1", "C1");

        await emulator.SendEnvelopeAsync("slash_commands", command, acceptsResponsePayload: true);
        await host.Dispatcher.WaitForRequestAsync();
        await emulator.SendEnvelopeAsync("slash_commands", command, acceptsResponsePayload: true);
        await emulator.SendSlashCommandAsync("/imagine", "the next one", "U1", "C1");

        (await host.Dispatcher.WaitForRequestAsync(2)).Options.Prompt.ShouldBe("the next one");
        host.Dispatcher.Requests.Select(r => r.Options.Prompt).ShouldBe(["only once", "the next one"]);
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
