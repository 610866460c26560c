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

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var jobs = context.Quick ? 200 : 1500;
        await using var host = await BenchHost.StartAsync(context, Name, null, cancellationToken).ConfigureAwait(false);
        host.Provider.Mode = BenchProviderMode.Instant;

        // Warm-up: JIT, connection pool, prepared statements.
        await RunAsync(host, 100, cancellationToken).ConfigureAwait(false);

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
            var elapsed = await RunAsync(host, jobs, cancellationToken).ConfigureAwait(false);
            var after = ProcessSnapshot.Take();
            rates.Add(jobs / elapsed.TotalSeconds);
            steady.Add(host.Replies.SteadyRate(since));
            cpu.Add((after.Cpu - before.Cpu).TotalMilliseconds / jobs);
            if (host.Commits is { } counter)
            {
                commits.Add((counter.Commits - commitsBefore) / (double)jobs);
            }

            calls.Add(1 + ((host.Replies.Calls - callsBefore) / (double)jobs));
            BenchContext.Log($"rep {rep + 1}: {jobs} jobs in {elapsed.TotalSeconds:0.00} s ({jobs / elapsed.TotalSeconds:0}/s, steady {steady[^1]:0}/s), CPU {(after.Cpu - before.Cpu).TotalSeconds:0.00} s, {ProcessSnapshot.CoresBusy(before, after):0.00} cores busy");
        }

        return
        [
            new Measurement(Name, "jobs/s end to end (whole batch)", "jobs/s", rates,
                $"{jobs} jobs per repetition, {Users} users, {Concurrency} commands in flight, first command to last settlement; target ≥ 500"),
            new Measurement(Name, "jobs/s steady (10th→90th result)", "jobs/s", steady,
                "rate of result posts in the middle of the batch, without ramp-up and the last replies' pacing wait"),
            new Measurement(Name, "CPU per job", "ms", cpu, "whole process: the bench's HTTP client is in it too"),
            new Measurement(Name, "SQLite transactions per job", "tx", commits, "commits counted with sqlite3_commit_hook on the storage's writer connection"),
            new Measurement(Name, "platform calls per job", "calls", calls, "Playground: 1 POST /messages + the engine's IChatReplies calls (edits + result post)"),
        ];
    }

    private static async Task<TimeSpan> RunAsync(BenchHost host, int jobs, CancellationToken cancellationToken)
    {
        var target = host.Replies.Results + jobs;
        var watch = Stopwatch.StartNew();
        var refused = await Load.SubmitAsync(host, jobs, Users, Concurrency, cancellationToken).ConfigureAwait(false);
        if (refused > 0)
        {
            throw new InvalidOperationException($"{refused} of {jobs} commands were refused.");
        }

        await host.Replies.WaitForResultsAsync(target, TimeSpan.FromMinutes(5), cancellationToken).ConfigureAwait(false);
        await Load.WaitIdleAsync(host, TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
        return watch.Elapsed;
    }
}
