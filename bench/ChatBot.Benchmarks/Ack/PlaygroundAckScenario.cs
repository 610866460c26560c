using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ChatBot.Benchmarks.Bot;
using ChatBot.Benchmarks.Harness;

namespace ChatBot.Benchmarks.Ack;

/// <summary>
/// Commands offered open loop at fixed rates (each sent at its due time whatever the bot's pace), timed from
/// the due time to the bot's acknowledgement, through the Playground API (not part of <c>all</c>; the
/// <c>ack</c> scenario goes through Discord): the acknowledgement is the 201 answer to <c>POST /api/playground/messages</c>, which the
/// Playground sends after the dispatcher has reserved the credits and queued the job — more work than
/// Discord's deferred callback, which comes before the dispatch. The provider holds each job 2 s.
/// Each rate runs on a fresh host; its run is cut into 5 equal windows, one repetition each.
/// </summary>
internal sealed class PlaygroundAckScenario : IScenario
{
    private const int Users = 500;
    private const int Windows = BenchContext.Repetitions;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    public string Name => "ack-playground";

    public string Description => "the ack figures through the Playground API (POST round trip, dispatch included)";

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var duration = context.Quick ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(20);
        var figures = new List<Measurement>();
        foreach (var rate in new[] { 50, 200, 1000 })
        {
            figures.AddRange(await RunRateAsync(context, rate, duration, cancellationToken).ConfigureAwait(false));
        }

        return figures;
    }

    private async Task<IReadOnlyList<Measurement>> RunRateAsync(BenchContext context, int rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var host = await BenchHost.StartAsync(context, $"{Name}{rate}", null, cancellationToken).ConfigureAwait(false);
        host.Provider.Mode = BenchProviderMode.Hold;
        host.Provider.HoldFor = TimeSpan.FromSeconds(2);
        for (var i = 0; i < 20; i++)
        {
            await host.PostAsync(Load.User(i, Users), Load.Prompt, cancellationToken).ConfigureAwait(false);
        }

        var total = (int)(rate * duration.TotalSeconds);
        var samples = new ConcurrentBag<(int Window, double Ms, bool Ok)>();
        var sends = new List<Task>(total);
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var before = ProcessSnapshot.Take();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = interval * i;
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            var n = i;
            sends.Add(Task.Run(
                async () =>
                {
                    var ok = await host.PostAsync(Load.User(n, Users), Load.Prompt, cancellationToken).ConfigureAwait(false);
                    var latency = Stopwatch.GetElapsedTime(start) - due;
                    samples.Add((n * Windows / total, latency.TotalMilliseconds, ok));
                },
                cancellationToken));
        }

        var offered = Stopwatch.GetElapsedTime(start);
        await Task.WhenAll(sends).ConfigureAwait(false);
        var after = ProcessSnapshot.Take();
        var all = samples.ToList();
        var windows = Enumerable.Range(0, Windows).Select(w => all.Where(s => s.Window == w).Select(s => s.Ms).ToList()).ToList();
        var over = Enumerable.Range(0, Windows).Select(w => (double)all.Count(s => s.Window == w && s.Ms > Limit.TotalMilliseconds)).ToList();
        var failed = all.Count(s => !s.Ok);
        var label = rate.ToString(CultureInfo.InvariantCulture) + "/s";
        BenchContext.Log($"{label}: {total} commands offered in {offered.TotalSeconds:0.0} s, all answered after {Stopwatch.GetElapsedTime(start).TotalSeconds:0.0} s; " +
            $"p50 {Measurement.Percentile(all.ConvertAll(s => s.Ms), 0.5):0.0} ms, p99 {Measurement.Percentile(all.ConvertAll(s => s.Ms), 0.99):0.0} ms, max {all.Max(s => s.Ms):0} ms, " +
            $"over 3 s: {over.Sum()}, non-201: {failed}, {ProcessSnapshot.CoresBusy(before, after):0.00} cores busy");
        var note = $"Playground POST round trip (dispatch included), {total} commands, {Users} users, per-window figures over {Windows} windows of {duration.TotalSeconds / Windows:0.#} s";
        return
        [
            new Measurement(Name, $"p50 @ {label}", "ms", windows.ConvertAll(w => Measurement.Percentile(w, 0.5)), note),
            new Measurement(Name, $"p99 @ {label}", "ms", windows.ConvertAll(w => Measurement.Percentile(w, 0.99)), rate == 200 ? "target < 50 ms" : null),
            new Measurement(Name, $"max @ {label}", "ms", windows.ConvertAll(w => w.Count == 0 ? double.NaN : w.Max())),
            new Measurement(Name, $"over 3 s @ {label}", "commands", over, rate == 1000 ? "target 0" : null),
        ];
    }
}
