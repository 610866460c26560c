namespace ChatBot.Slack.Tests.Inbound;

/// <summary>Button clicks (block_actions) over Socket Mode through the adapter to the dispatcher.</summary>
public sealed class BlockActionHandlerTests() : SlackHostTests(SlackMode.Socket)
{
    [Fact]
    public async Task CancelButton_AnswersEphemerallyWithoutNewReply()
    {
        Dispatcher.Answer = _ => new CommandOutcome.Info("Cancelling job `job7`.");

        await Emulator.SendInteractiveAsync(Emulator.BlockAction("U1", "C1", "1700000000.000001", "cb:Cancel:job7"));

        await WaitForResponseAsync();
        (await Dispatcher.WaitForRequestAsync()).Kind.ShouldBe(CommandKind.Cancel);
        Emulator.BotMessages().ShouldBeEmpty();
    }
}
