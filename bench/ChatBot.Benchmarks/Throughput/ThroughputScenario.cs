using System.Diagnostics;
using ChatBot.Benchmarks.Bot;
using ChatBot.Benchmarks.Harness;

namespace ChatBot.Benchmarks.Throughput;

/// <summary>
/// Jobs end to end with an instant provider: a Playground <c>/imagine</c> (reserve + job in one transaction)
/// → fair queue → submit → result (a 1×1 PNG, sniffed and stored) → result posted → credits settled. 64 users,
/// 64 commands in flight; a repetition ends when every result is posted and no job is left active.
/// </summary>
internal sealed class ThroughputScenario : IScenario
{
    private const int Users = 64;
    private const int Concurrency = 64;

    public string Name => "throughput";

    public string Description => "jobs/s end to end with an instant provider (command → reserve → queue → submit → result → settle)";

    public static int JobsPerRepetition(BenchContext context) => context.Quick ? 200 : 1500;

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        await using var host = await BenchHost.StartAsync(context, Name, null, cancellationToken).ConfigureAwait(false);
        return await MeasureAsync(Name, "", [host], JobsPerRepetition(context), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The repetitions over <paramref name="hosts"/> (one, or workers on one database sharing their reply counters):
    /// commands split across them, figures named with <paramref name="suffix"/>.
    /// </summary>
    public static async Task<IReadOnlyList<Measurement>> MeasureAsync(string scenario, string suffix, IReadOnlyList<BenchHost> hosts, int jobs, CancellationToken cancellationToken)
    {
        var host = hosts[0];
        foreach (var each in hosts)
        {
            each.Provider.Mode = BenchProviderMode.Instant;
        }

        // Warm-up: JIT, connection pool, prepared statements.
        await RunAsync(hosts, 100, cancellationToken).ConfigureAwait(false);

        var rates = new List<double>();
        var steady = new List<double>();
        var cpu = new List<double>();
        var commits = new List<double>();
        var calls = new List<double>();
        for (var rep = 0; rep < BenchContext.Repetitions; rep++)
        {
            var commitsBefore = host.Commits?.Commits ?? 0;
            var callsBefore = host.Replies.Calls;
            var before = ProcessSnapshot.Take();
            var since = Stopwatch.GetTimestamp();
            var elapsed = await RunAsync(hosts, jobs, cancellationToken).ConfigureAwait(false);
            var after = ProcessSnapshot.Take();
            rates.Add(jobs / elapsed.TotalSeconds);
            steady.Add(host.Replies.SteadyRate(since));
            cpu.Add((after.Cpu - before.Cpu).TotalMilliseconds / jobs);
            if (host.Commits is { } counter)
            {
                commits.Add((counter.Commits - commitsBefore) / (double)jobs);
            }

            calls.Add(1 + ((host.Replies.Calls - callsBefore) / (double)jobs));
            BenchContext.Log($"rep {rep + 1}{suffix}: {jobs} jobs in {elapsed.TotalSeconds:0.00} s ({jobs / elapsed.TotalSeconds:0}/s, steady {steady[^1]:0}/s), CPU {(after.Cpu - before.Cpu).TotalSeconds:0.00} s, {ProcessSnapshot.CoresBusy(before, after):0.00} cores busy");
        }

        List<Measurement> figures =
        [
            new Measurement(scenario, "jobs/s end to end (whole batch)" + suffix, "jobs/s", rates,
                $"{jobs} jobs per repetition, {Users} users, {Concurrency} commands in flight, first command to last settlement"),
            new Measurement(scenario, "jobs/s steady (10th→90th result)" + suffix, "jobs/s", steady,
                "rate of result posts in the middle of the batch, without ramp-up and the last replies' pacing wait"),
            new Measurement(scenario, "CPU per job" + suffix, "ms", cpu, "the bench process: the bot, the bench's HTTP client" + (hosts.Count > 1 ? $", all {hosts.Count} hosts" : "")),
        ];
        if (commits.Count > 0)
        {
            figures.Add(new Measurement(scenario, "SQLite transactions per job" + suffix, "tx", commits, "commits counted with sqlite3_commit_hook on the storage's writer connection"));
        }

        figures.Add(new Measurement(scenario, "platform calls per job" + suffix, "calls", calls, "Playground: 1 POST /messages + the engine's IChatReplies calls (edits + result post)"));
        return figures;
    }

    private static async Task<TimeSpan> RunAsync(IReadOnlyList<BenchHost> hosts, int jobs, CancellationToken cancellationToken)
    {
        var host = hosts[0];
        var target = host.Replies.Results + jobs;
        var watch = Stopwatch.StartNew();
        var refused = await Load.SubmitAsync(hosts, jobs, Users, Concurrency, cancellationToken).ConfigureAwait(false);
        if (refused > 0)
        {
            throw new InvalidOperationException($"{refused} of {jobs} commands were refused.");
        }

        await host.Replies.WaitForResultsAsync(target, TimeSpan.FromMinutes(5), cancellationToken).ConfigureAwait(false);
        await Load.WaitIdleAsync(host, TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
        return watch.Elapsed;
    }
}
