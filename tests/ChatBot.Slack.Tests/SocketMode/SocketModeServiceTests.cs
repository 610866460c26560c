namespace ChatBot.Slack.Tests.SocketMode;

public sealed class SocketModeServiceTests() : SlackHostTests(SlackMode.Socket)
{
    [Fact]
    public async Task Connect_UsesAppTokenForConnectionsOpen()
    {
        var open = Emulator.CallsTo("apps.connections.open").ShouldHaveSingleItem();
        open.Token.ShouldBe(Emulator.AppToken);
        open.Answered.ShouldBe("ok");
        await Task.CompletedTask;
    }

    [Fact]
    public async Task SlashCommand_Envelope_IsAckedAndRunsOnce()
    {
        var id = await Emulator.SendSlashCommandAsync("/imagine", "a lighthouse at dusk --n 2", "U1", "C1");

        await Emulator.WaitUntilAsync(() => Emulator.Envelopes.Single(e => e.EnvelopeId == id).Acked, what: "the ack");
        var command = await Dispatcher.WaitForRequestAsync();
        command.Kind.ShouldBe(CommandKind.Imagine);
        command.Options.Prompt.ShouldBe("a lighthouse at dusk");
        command.Options.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Event_RedeliveredWithSameEventId_IsAckedButRunsOnce()
    {
        var (ts, _) = Emulator.ShareUserFile("C1", "U2", TestImages.Png(), "cat.png", "image/png");
        var reaction = SlackEmulator.ReactionAdded("U2", "scissors", "C1", ts);

        var first = await Emulator.SendEventAsync(reaction, "Ev42");
        var second = await Emulator.SendEventAsync(reaction, "Ev42");

        await Emulator.WaitUntilAsync(() => Emulator.Envelopes.Where(e => e.EnvelopeId == first || e.EnvelopeId == second).All(e => e.Acked), what: "both acks");
        var command = await Dispatcher.WaitForRequestAsync();
        command.Kind.ShouldBe(CommandKind.RemoveBackground);
        await Emulator.WaitUntilAsync(() => Emulator.BotMessages().Any(m => m.Text.Contains("Queued", StringComparison.Ordinal)), what: "the reply posted");
        Dispatcher.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Disconnect_EnvelopeOnOldSocketAfterHandOver_AckedOnThatSocket()
    {
        Emulator.CloseAfterHandOver = false;
        var old = Emulator.OpenConnections().Single();
        await Emulator.SendDisconnectAsync("warning");
        await Emulator.WaitUntilAsync(() => Emulator.OpenConnections().Any(id => id != old), what: "the replacement connection");

        var late = await Emulator.SendSlashCommandAsync("/imagine", "a late fox", "U1", "C1", connectionId: old);

        await Emulator.WaitUntilAsync(() => Emulator.Envelopes.Single(e => e.EnvelopeId == late).Acked, what: "the late envelope acked");
        Emulator.Envelopes.Single(e => e.EnvelopeId == late).AckConnection.ShouldBe(old);
        await Emulator.CloseConnectionAsync(old);
        await Emulator.WaitUntilAsync(() => Emulator.ConnectionEvents.Any(e => e.ConnectionId == old && !e.Opened), what: "the old connection closed");
        (await Dispatcher.WaitForRequestAsync()).Options.Prompt.ShouldBe("a late fox");
    }

    [Theory]
    [InlineData("warning")]
    [InlineData("refresh_requested")]
    [InlineData("too_many_websockets")]
    public async Task Disconnect_OpensNewConnectionBeforeClosingOld(string reason)
    {
        var old = Emulator.OpenConnections().Single();

        await Emulator.SendDisconnectAsync(reason);

        await Emulator.WaitUntilAsync(() => Emulator.ConnectionEvents.Any(e => e.ConnectionId == old && !e.Opened), what: "the old connection closed");
        var events = Emulator.ConnectionEvents;
        var newOpened = events.First(e => e.Opened && e.ConnectionId != old);
        var oldClosed = events.First(e => !e.Opened && e.ConnectionId == old);
        newOpened.Sequence.ShouldBeLessThan(oldClosed.Sequence);
        Emulator.OpenConnections().ShouldBe([newOpened.ConnectionId]);
        Emulator.CallsTo("apps.connections.open").Count.ShouldBe(2);
    }

    [Fact]
    public async Task Disconnect_EnvelopeSentOnOldSocketDuringHandover_IsNotLost()
    {
        var old = Emulator.OpenConnections().Single();
        await Emulator.SendDisconnectAsync("warning");
        await Emulator.WaitUntilAsync(() => Emulator.OpenConnections().Count == 2 || Emulator.ConnectionEvents.Any(e => !e.Opened), what: "the replacement");

        var id = await Emulator.SendSlashCommandAsync("/imagine", "during the handover", "U1", "C1");

        await Emulator.WaitUntilAsync(() => Emulator.Envelopes.Single(e => e.EnvelopeId == id).Acked, what: "the ack");
        (await Dispatcher.WaitForRequestAsync()).Options.Prompt.ShouldBe("during the handover");
        await Emulator.WaitUntilAsync(() => Emulator.ConnectionEvents.Any(e => e.ConnectionId == old && !e.Opened), what: "the old connection closed");
    }

    [Fact]
    public async Task Disconnect_LinkDisabled_StopsWithoutReconnecting()
    {
        var old = Emulator.OpenConnections().Single();

        await Emulator.SendDisconnectAsync("link_disabled");

        await Emulator.WaitUntilAsync(() => Emulator.ConnectionEvents.Any(e => e.ConnectionId == old && !e.Opened), what: "the connection closed");
        Emulator.CallsTo("apps.connections.open").Count.ShouldBe(1);
        Emulator.OpenConnections().ShouldBeEmpty();
    }

    [Fact]
    public async Task ConnectionLost_Reconnects_AndUnackedEnvelopeIsRedeliveredOnce()
    {
        var old = Emulator.OpenConnections().Single();

        Emulator.AbortConnection(old);

        await Emulator.WaitUntilAsync(() => Emulator.OpenConnections().Any(id => id != old), what: "a new connection");
        var id = await Emulator.SendSlashCommandAsync("/imagine", "after the outage", "U1", "C1");
        await Emulator.WaitUntilAsync(() => Emulator.Envelopes.Single(e => e.EnvelopeId == id).Acked, what: "the ack");
        (await Emulator.RedeliverUnackedAsync()).ShouldBe(0);
        (await Dispatcher.WaitForRequestAsync()).Options.Prompt.ShouldBe("after the outage");
    }
}
