using ChatBot.Discord.Gateway;
using ChatBot.Emulators.Time;

namespace ChatBot.Discord.Tests.TestSupport;

/// <summary>Moves a fake clock on while the bot's gateway waits on it, until the emulator reaches a state.</summary>
internal static class GatewayClock
{
    /// <summary>
    /// Each time the gateway waits (its back-off or the identify budget), advances <paramref name="clock"/> by
    /// <paramref name="step"/> (never past the end of that wait), until <paramref name="done"/> holds.
    /// </summary>
    public static async Task AdvanceUntilAsync(TimerAwareFakeTimeProvider clock, DiscordTestHost host, Func<DiscordEmulator, bool> done, TimeSpan step, int maxSteps = 2000)
    {
        var health = host.Services.GetRequiredService<DiscordHealth>();
        for (var i = 0; i < maxSteps; i++)
        {
            DateTimeOffset until;
            while (true)
            {
                var changed = health.Changed;
                if (done(host.Emulator))
                {
                    return;
                }

                if (health.WaitingUntil is { } end && end > clock.GetUtcNow())
                {
                    until = end;
                    break;
                }

                using var stop = new CancellationTokenSource();
                var emulatorDone = host.Emulator.WaitUntilAsync(done, cancellationToken: stop.Token);
                var quiet = Task.Delay(TimeSpan.FromSeconds(20), stop.Token);
                var first = await Task.WhenAny(changed, emulatorDone, quiet);
                await stop.CancelAsync();
                await Task.WhenAll(emulatorDone, quiet).ContinueWith(_ => { }, TaskScheduler.Default);
                if (first == quiet)
                {
                    // Nothing reported for 20 s: the bot waits on a timer it does not report (a connect or Hello
                    // timeout on a loaded machine). One step moves it on; the caller's assertions still judge the gaps.
                    until = clock.GetUtcNow() + step;
                    break;
                }
            }

            // The bot's timer must exist before the clock moves past it.
            await clock.WaitForTimersAsync();
            var left = until - clock.GetUtcNow();
            clock.Advance(left < step ? left : step);
        }

        throw new TimeoutException("The bot never reached the expected gateway state.");
    }

    /// <summary>Waits until the adapter's health satisfies <paramref name="condition"/>.</summary>
    public static async Task WaitForHealthAsync(DiscordTestHost host, Func<DiscordHealth, bool> condition)
    {
        var health = host.Services.GetRequiredService<DiscordHealth>();
        while (true)
        {
            var changed = health.Changed;
            if (condition(health))
            {
                return;
            }

            await changed.WaitAsync(TimeSpan.FromSeconds(20));
        }
    }

    /// <summary>The gaps between successive instants.</summary>
    public static List<TimeSpan> Gaps(IReadOnlyList<DateTimeOffset> times) => [.. times.Zip(times.Skip(1), (a, b) => b - a)];
}
