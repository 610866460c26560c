using System.Diagnostics;
using System.Text.Json.Nodes;
using ChatBot.Benchmarks.Bot;
using ChatBot.Benchmarks.Harness;
using ChatBot.Emulators.Discord;

namespace ChatBot.Benchmarks.Inflight;

/// <summary>
/// The in-flight edit rate through Discord: jobs started by slash commands over the emulator's gateway and
/// held at the provider while each reports progress, so the bot edits every reply over REST. Read from the
/// emulator's own log: PATCH edits per second, 429s it had to answer, and edits of one reply closer together
/// than the pacing interval.
/// </summary>
internal static class DiscordEditRate
{
    public static async Task<IReadOnlyList<Measurement>> RunAsync(BenchContext context, string scenario, CancellationToken cancellationToken)
    {
        var jobs = context.Quick ? 300 : 1_000;
        var period = context.Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(10);
        var window = context.Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(6);
        await using var host = await BenchHost.StartAsync(context, scenario + "-discord", null, cancellationToken, withDiscord: true).ConfigureAwait(false);
        host.Provider.Mode = BenchProviderMode.Hold;
        var discord = host.Discord!;
        var clock = discord.Options.TimeProvider;
        var channel = discord.CreateGuildChannel(discord.CreateGuildId(), "art");
        var users = Math.Max(1, jobs / 50);
        var members = Enumerable.Range(0, users).Select(i => DiscordEmulator.CreateMember(Load.User(i, users))).ToArray();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < jobs; i++)
        {
            JsonArray options =
            [
                new JsonObject { ["name"] = "prompt", ["type"] = 3, ["value"] = "a lighthouse at dusk" },
                new JsonObject { ["name"] = "model", ["type"] = 3, ["value"] = BenchHost.Model },
            ];
            await discord.DeliverAsync(discord.CreateSlashCommand(channel, members[i % users], "imagine", options)).ConfigureAwait(false);
        }

        while (host.Provider.Held < jobs)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"Only {host.Provider.Held} of {jobs} Discord jobs reached the provider.");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        BenchContext.Log($"discord: {jobs} slash commands, all running at the provider after {watch.Elapsed.TotalSeconds:0.0} s");
        host.Provider.SetProgressPeriod(period);
        await Task.Delay(period, cancellationToken).ConfigureAwait(false);
        var bounds = new List<(DateTimeOffset From, DateTimeOffset To, long Engine, int TooMany)>();
        for (var i = 0; i < BenchContext.Repetitions; i++)
        {
            var (from, engine, tooMany) = (clock.GetUtcNow(), host.Replies.Edits, discord.TooManyRequestsCount);
            await Task.Delay(window, cancellationToken).ConfigureAwait(false);
            bounds.Add((from, clock.GetUtcNow(), host.Replies.Edits - engine, discord.TooManyRequestsCount - tooMany));
        }

        host.Provider.SetProgressPeriod(null);
        var edits = discord.RestCalls.Where(c => c.Method == "PATCH").ToList();
        var rest = bounds.ConvertAll(b => edits.Count(c => c.At >= b.From && c.At < b.To) / (b.To - b.From).TotalSeconds);
        var engineRate = bounds.ConvertAll(b => b.Engine / (b.To - b.From).TotalSeconds);
        var close = bounds.ConvertAll(b => (double)TooClose(edits, b.From, b.To));
        var tooManyRequests = bounds.ConvertAll(b => (double)b.TooMany);
        for (var i = 0; i < bounds.Count; i++)
        {
            BenchContext.Log($"discord window {i + 1}: engine asked {engineRate[i]:0.0} edits/s, REST PATCH {rest[i]:0.0}/s, 429s {tooManyRequests[i]}, same reply within 1.5 s: {close[i]}");
        }

        var note = $"{jobs} jobs held via Discord slash commands, each reporting progress every {period.TotalSeconds:0} s ({jobs / period.TotalSeconds:0} updates/s offered)";
        return
        [
            new Measurement(scenario, "Discord: edits asked by the engine", "edits/s", engineRate, note),
            new Measurement(scenario, "Discord: REST edits sent (PATCH)", "edits/s", rest, "the adapter's global limit is 50 requests/s"),
            new Measurement(scenario, "Discord: 429 answered by the emulator", "429s", tooManyRequests, "target 0"),
            new Measurement(scenario, "Discord: same reply edited within 1.5 s", "edits", close, "from the emulator's log, per interaction token; target 0"),
        ];
    }

    private static int TooClose(List<DiscordRestCall> edits, DateTimeOffset from, DateTimeOffset to)
    {
        var count = 0;
        foreach (var reply in edits.GroupBy(c => c.Path))
        {
            DateTimeOffset? previous = null;
            foreach (var call in reply.OrderBy(c => c.At))
            {
                if (previous is { } p && call.At >= from && call.At < to && call.At - p < TimeSpan.FromSeconds(1.45))
                {
                    count++;
                }

                previous = call.At;
            }
        }

        return count;
    }
}
