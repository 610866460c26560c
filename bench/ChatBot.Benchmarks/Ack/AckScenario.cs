using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ChatBot.Benchmarks.Bot;
using ChatBot.Benchmarks.Harness;
using ChatBot.Emulators.Discord;

namespace ChatBot.Benchmarks.Ack;

/// <summary>
/// Slash commands offered open loop at fixed rates through the Discord emulator's gateway: each
/// INTERACTION_CREATE is sent at its due time whatever the bot's pace, and timed from the moment the emulator
/// sends it to the moment the emulator receives the bot's deferred callback (both on the emulator's clock).
/// The provider holds each job 2 s. Each rate runs on a fresh host; its run is cut into 5 equal windows,
/// one repetition each. A command with no callback 15 s after the last send counts as over 3 s, and so does
/// one the emulator could not send within 10 s of the run's end (the bot had stopped reading its socket).
/// </summary>
internal sealed class AckScenario : IScenario
{
    private const int Users = 500;
    private const int Windows = BenchContext.Repetitions;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    public string Name => "ack";

    public string Description => "Discord INTERACTION_CREATE → deferred callback latency, open loop at 50, 200, 1000 commands/s";

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

    private static JsonArray Options() =>
    [
        new JsonObject { ["name"] = "prompt", ["type"] = 3, ["value"] = "a lighthouse at dusk, long exposure" },
        new JsonObject { ["name"] = "model", ["type"] = 3, ["value"] = BenchHost.Model },
    ];

    private static string? CallbackOf(DiscordRestCall call)
    {
        if (!call.Method.Equals("POST", StringComparison.OrdinalIgnoreCase) || !call.Path.EndsWith("/callback", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = call.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, "interactions");
        return at >= 0 && at + 1 < segments.Length ? segments[at + 1] : null;
    }

    private static Dictionary<string, DateTimeOffset> Callbacks(DiscordEmulator discord)
    {
        var found = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var call in discord.RestCalls)
        {
            if (CallbackOf(call) is { } id)
            {
                found.TryAdd(id, call.At);
            }
        }

        return found;
    }

    private async Task<IReadOnlyList<Measurement>> RunRateAsync(BenchContext context, int rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var host = await BenchHost.StartAsync(context, $"{Name}{rate}", null, cancellationToken, withDiscord: true).ConfigureAwait(false);
        host.Provider.Mode = BenchProviderMode.Hold;
        host.Provider.HoldFor = TimeSpan.FromSeconds(2);
        var discord = host.Discord!;
        var clock = discord.Options.TimeProvider;
        var channel = discord.CreateGuildChannel(discord.CreateGuildId(), "art");
        var members = Enumerable.Range(0, Users).Select(i => DiscordEmulator.CreateMember(Load.User(i, Users))).ToArray();

        // Warm-up: the first commands pay for JIT and first connections.
        var warm = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            warm.Add((await discord.DeliverAsync(discord.CreateSlashCommand(channel, members[i], "imagine", Options())).ConfigureAwait(false)).Id);
        }

        await WaitForCallbacksAsync(discord, warm, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);

        var total = (int)(rate * duration.TotalSeconds);
        var sent = new (string Id, DateTimeOffset At, int Window)[total];
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var lateMax = TimeSpan.Zero;
        var before = ProcessSnapshot.Take();
        var start = Stopwatch.GetTimestamp();
        var count = 0;

        // When the bot stops reading its gateway socket, the emulator's sends block: past this deadline the
        // rest are not sent at all and count as missed (open loop: they were due).
        var deadline = duration + TimeSpan.FromSeconds(10);
        for (var i = 0; i < total && Stopwatch.GetElapsedTime(start) < deadline; i++, count++)
        {
            var due = interval * i;
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
            else if (-wait > lateMax)
            {
                lateMax = -wait;
            }

            var interaction = discord.CreateSlashCommand(channel, members[i % Users], "imagine", Options());
            sent[i] = (interaction.Id, clock.GetUtcNow(), i * Windows / total);
            try
            {
                await discord.DeliverAsync(interaction).WaitAsync(TimeSpan.FromMilliseconds(Math.Max(1, (deadline - Stopwatch.GetElapsedTime(start)).TotalMilliseconds)), cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // This send is still blocked on the bot's socket: it counts as sent (and unanswered); stop here.
                count++;
                break;
            }
        }

        var offered = Stopwatch.GetElapsedTime(start);
        var sendEnd = clock.GetUtcNow();
        var callbacks = await WaitForCallbacksAsync(discord, sent.Take(count).Select(s => s.Id).ToList(), TimeSpan.FromSeconds(15), cancellationToken).ConfigureAwait(false);
        var after = ProcessSnapshot.Take();
        var latencies = sent
            .Select((s, i) => (Window: i * Windows / total, Ms: i < count && callbacks.TryGetValue(s.Id, out var at) ? (at - s.At).TotalMilliseconds : double.PositiveInfinity))
            .ToList();
        var answered = latencies.Where(l => !double.IsInfinity(l.Ms)).ToList();

        // Unanswered commands stay in the percentiles as infinitely late (shown as ∞), so a window where most
        // commands got no callback says so instead of describing only the lucky few.
        var windows = Enumerable.Range(0, Windows).Select(w => latencies.Where(l => l.Window == w).Select(l => l.Ms).ToList()).ToList();
        var over = Enumerable.Range(0, Windows).Select(w => (double)latencies.Count(l => l.Window == w && l.Ms > Limit.TotalMilliseconds)).ToList();
        var missing = total - answered.Count;
        var label = rate.ToString(CultureInfo.InvariantCulture) + "/s";

        // What the bot spent its REST budget on while the commands came in: the counter behind the figures.
        var sendStart = count == 0 ? sendEnd : sent[0].At;
        var span = (sendEnd - sendStart) / Windows;
        var other = discord.RestCalls.Where(c => CallbackOf(c) is null && c.At >= sendStart && c.At < sendEnd).Select(c => c.At).ToList();
        var otherRate = Enumerable.Range(0, Windows)
            .Select(w => other.Count(at => at >= sendStart + (span * w) && at < sendStart + (span * (w + 1))) / Math.Max(1e-9, span.TotalSeconds))
            .ToList();
        var all = answered.ConvertAll(l => l.Ms);
        BenchContext.Log($"{label}: {count} of {total} commands sent in {offered.TotalSeconds:0.0} s (latest send {lateMax.TotalMilliseconds:0} ms behind schedule); " +
            $"answered ones: p50 {Measurement.Percentile(all, 0.5):0.0} ms, p99 {Measurement.Percentile(all, 0.99):0.0} ms, max {(all.Count == 0 ? double.NaN : all.Max()):0} ms, " +
            $"over 3 s: {over.Sum()} (of which no callback by the end: {missing}, never sent: {total - count}), {ProcessSnapshot.CoresBusy(before, after):0.00} cores busy, {discord.TooManyRequestsCount} 429s, other REST {otherRate.Average():0.0}/s");
        var note = $"gateway INTERACTION_CREATE → POST …/callback (type 5), emulator clock; {total} commands, {Users} members, 5 windows of {duration.TotalSeconds / Windows:0.#} s";
        return
        [
            new Measurement(Name, $"p50 @ {label}", "ms", windows.ConvertAll(w => Measurement.Percentile(w, 0.5)), note + "; ∞ = no callback by the end"),
            new Measurement(Name, $"p99 @ {label}", "ms", windows.ConvertAll(w => Measurement.Percentile(w, 0.99)), rate == 200 ? "target < 50 ms" : null),
            new Measurement(Name, $"max @ {label}", "ms", windows.ConvertAll(w => w.Count == 0 ? double.NaN : w.Max())),
            new Measurement(Name, $"over 3 s @ {label}", "commands", over, rate == 1000 ? "target 0" : null),
            new Measurement(Name, $"REST calls/s besides callbacks @ {label}", "calls/s", otherRate,
                "reply edits, result posts: what the adapter's global 50 requests/s limit lets through while the commands arrive"),
        ];
    }

    private static async Task<Dictionary<string, DateTimeOffset>> WaitForCallbacksAsync(DiscordEmulator discord, IReadOnlyCollection<string> ids, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var callbacks = Callbacks(discord);
            if (ids.All(callbacks.ContainsKey) || watch.Elapsed > timeout)
            {
                return callbacks;
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }
    }
}
