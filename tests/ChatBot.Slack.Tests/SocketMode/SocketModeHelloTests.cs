namespace ChatBot.Slack.Tests.SocketMode;

public sealed class SocketModeHelloTests
{
    [Fact]
    public async Task Connect_NoHello_AbandonsSocketAndConnectsAgain()
    {
        await using var host = await SlackHost.StartAsync(
            SlackMode.Socket,
            s =>
            {
                s["Slack:HelloTimeout"] = "00:00:00.200";
                s["Slack:MaxReconnectDelay"] = "00:00:00.050";
            },
            emulatorSetup: e => e.SendHelloOnConnect = false);
        var emulator = host.Emulator;

        await emulator.WaitUntilAsync(() => emulator.ConnectionEvents.Any(e => !e.Opened), what: "the silent socket abandoned");
        emulator.SendHelloOnConnect = true;
        await emulator.WaitUntilAsync(() => emulator.OpenConnections().Count == 1, what: "a connection that said hello");

        emulator.CallsTo("apps.connections.open").Count.ShouldBeGreaterThanOrEqualTo(2);
        emulator.ConnectionEvents.First(e => !e.Opened).ConnectionId.ShouldBe(1);
        var id = await emulator.SendSlashCommandAsync("/imagine", "after a silent socket", "U1", "C1");
        await emulator.WaitUntilAsync(() => emulator.Envelopes.Single(e => e.EnvelopeId == id).Acked, what: "the ack");
    }
}
