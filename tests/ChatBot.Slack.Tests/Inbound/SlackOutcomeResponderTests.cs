namespace ChatBot.Slack.Tests.Inbound;

/// <summary>How outcomes reach the member in Slack: refusals and private information ephemerally, a job's reply kept or removed.</summary>
public sealed class SlackOutcomeResponderTests() : SlackHostTests(SlackMode.Socket)
{
    [Fact]
    public async Task Imagine_Refused_AnswersEphemerallyWithoutPostingInTheChannel()
    {
        Dispatcher.Answer = _ => new CommandOutcome.Refused("This needs 4 credits; you have 1.");

        await Emulator.SendSlashCommandAsync("/imagine", "a lighthouse --n 4", "U1", "C1");

        await WaitForResponseAsync();
        var answer = Emulator.ResponseUrlPosts.Single().Body;
        answer["response_type"]!.GetValue<string>().ShouldBe("ephemeral");
        answer["text"]!.GetValue<string>().ShouldBe("This needs 4 credits; you have 1.");
        Emulator.CallsTo("chat.postMessage").ShouldBeEmpty();
        Emulator.CallsTo("chat.delete").ShouldBeEmpty();
    }

    [Fact]
    public async Task Credits_Info_AnsweredEphemerallyWithSlackBold()
    {
        Dispatcher.Answer = _ => new CommandOutcome.Info("**Balance** 40 credits");

        await Emulator.SendSlashCommandAsync("/credits", "", "U1", "C1");

        await WaitForResponseAsync();
        ResponseText().ShouldBe("*Balance* 40 credits");
        Emulator.BotMessages().ShouldBeEmpty();
    }

    [Fact]
    public async Task NotInChannel_AsksToBeInvitedAndCancelsTheJob()
    {
        Emulator.SetNotInChannel("C9");

        await Emulator.SendSlashCommandAsync("/imagine", "a fox", "U1", "C9");

        await WaitForResponseAsync();
        ResponseText().ShouldContain("/invite");
        ResponseText().ShouldContain("Nothing was charged");
        var cancel = Dispatcher.Requests.Where(r => r.Kind == CommandKind.Cancel).ShouldHaveSingleItem();
        cancel.Options.JobId.ShouldBe("job1");
    }

    [Fact]
    public async Task Imagine_Accepted_ReplyPostedWithoutUnfurls()
    {
        Dispatcher.Answer = _ => new CommandOutcome.Accepted("job1");

        await Emulator.SendSlashCommandAsync("/imagine", "see https://example.com/fox.png", "U1", "C1");

        await Emulator.WaitUntilAsync(() => Emulator.BotMessages().Count == 1, what: "the reply");
        Emulator.BotMessages().ShouldAllBe(m => !m.Unfurls);
    }
}
