using System.Text.RegularExpressions;
using ChatBot.Emulators.Slack;
using ChatBot.Slack;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.IntegrationTests.Slack;

/// <summary>Live progress on the Slack emulator: the timer's chat.update edits, on a clock the bot and the emulator share.</summary>
public sealed partial class SlackProgressTests
{
    private const string Channel = "C0GENERAL";
    private const string Member = "U0MEMBER";

    /// <summary>Moves the shared clock a second at a time (edit pacing and the timer wait on it) until the emulator shows the state.</summary>
    [Fact]
    public async Task SilentProvider_TimerEditsComeAtThePacedIntervalAndStopAtTheEnd()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow); // Slack's signatures and envelopes carry real times.
        await using var bot = await SlackBot.StartAsync(SlackMode.Socket, configure: s => s["Replies:TickInterval"] = "00:00:07", time: clock);
        bot.Provider.Hold();
        await bot.Emulator.SendSlashCommandAsync("/imagine", "a provider that says nothing --model test-image", Member, Channel);
        await bot.Provider.WaitUntilHeldAsync();
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.BotMessages().Count >= 1, what: "the reply");
        var reply = bot.Emulator.BotMessages()[0].Ts;
        List<SlackApiCall> Edits() => [.. bot.Emulator.CallsTo("chat.update").Where(c => c.Arg("ts") == reply && c.Answered == "ok")];
        await AdvanceUntilAsync(clock, bot, () => Edits().Count >= 1);

        // The provider holds at 50 % and reports nothing more: only the timer edits the reply from here on.
        var before = Edits().Count;
        await AdvanceUntilAsync(clock, bot, () => Edits().Count >= before + 4);

        var edits = Edits();
        var ticks = edits.Skip(edits.Count - 3).ToList();
        ticks.Zip(ticks.Skip(1)).ShouldAllBe(p => p.Second.At - p.First.At >= TimeSpan.FromSeconds(7), "at most one timer edit per tick interval");
        var elapsed = ticks.Select(c => ElapsedPattern().Match(Regex.Unescape(c.Arg("blocks") ?? "")).Groups[1].Value).ToList();
        elapsed.ShouldAllBe(e => e.Length > 0);
        elapsed.Distinct().Count().ShouldBe(3, "the elapsed time keeps moving: " + string.Join(", ", elapsed));

        bot.Provider.Release();
        await AdvanceUntilAsync(clock, bot, () => SlackBot.IsResult(bot.Emulator.Message(Channel, reply)));
        var atEnd = Edits().Count;
        clock.Advance(TimeSpan.FromSeconds(21));

        // Three tick intervals later nothing has come: the timer stopped with the result.
        await Should.ThrowAsync<TimeoutException>(() => bot.Emulator.WaitUntilAsync(() => Edits().Count > atEnd, TimeSpan.FromSeconds(1)));
        SlackBot.IsResult(bot.Emulator.Message(Channel, reply)).ShouldBeTrue();
    }

    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, SlackBot bot, Func<bool> condition)
    {
        for (var step = 0; step < 60 && !condition(); step++)
        {
            try
            {
                await bot.Emulator.WaitUntilAsync(condition, TimeSpan.FromMilliseconds(200));
            }
            catch (TimeoutException)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        condition().ShouldBeTrue(string.Join("\n", bot.Emulator.Calls.Select(c => $"{c.Method} {c.Answered} {c.At:HH:mm:ss}")));
    }

    [GeneratedRegex(@"⏱ ([0-9hms ]+)")]
    private static partial Regex ElapsedPattern();
}
