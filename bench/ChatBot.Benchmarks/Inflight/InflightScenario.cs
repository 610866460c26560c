using System.Diagnostics;
using ChatBot.Benchmarks.Bot;
using ChatBot.Benchmarks.Harness;

namespace ChatBot.Benchmarks.Inflight;

/// <summary>
/// Many jobs held "running" at the provider at once. First silent (no provider news: the bot should idle),
/// then with every held job reporting progress at a fixed period, so the paced reply updater issues edits.
/// Each phase is read in 5+ equal windows (one repetition each): resident memory, managed heap, threads,
/// CPU, reply edits issued per second, and edits of one reply closer together than the pacing interval.
/// </summary>
internal sealed class InflightScenario : IScenario
{
    private const int JobsPerUser = 50;

    public string Name => "inflight";

    public string Description => "10,000 jobs held running (Playground): memory, threads, idle CPU, edit rate; then Discord's edit rate and 429s";

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var jobs = context.Quick ? 1_000 : 10_000;
        var window = context.Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(12);
        var period = context.Quick ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(20);
        ProcessSnapshot.Settle();
        var empty = ProcessSnapshot.Take();
        await using var host = await BenchHost.StartAsync(context, Name, null, cancellationToken).ConfigureAwait(false);
        host.Provider.Mode = BenchProviderMode.Hold;
        ProcessSnapshot.Settle();
        var started = ProcessSnapshot.Take();
        BenchContext.Log($"before the host: {empty.WorkingSet / (1024 * 1024)} MB resident; host started, no jobs: {started.WorkingSet / (1024 * 1024)} MB resident, {started.Threads} threads");

        var watch = Stopwatch.StartNew();
        await Load.SubmitAsync(host, jobs, jobs / JobsPerUser, 64, cancellationToken).ConfigureAwait(false);
        var accepted = watch.Elapsed;
        while (host.Provider.Held < jobs)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"Only {host.Provider.Held} of {jobs} jobs reached the provider.");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        BenchContext.Log($"{jobs} commands accepted in {accepted.TotalSeconds:0.0} s, all running at the provider after {watch.Elapsed.TotalSeconds:0.0} s");

        // Let the first edits of the last jobs go out before the bot is called idle; drop the submission's garbage.
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken).ConfigureAwait(false);
        ProcessSnapshot.Settle();
        var idle = await ObserveAsync(host, "silent", window, cancellationToken).ConfigureAwait(false);

        host.Provider.SetProgressPeriod(period);
        await Task.Delay(period, cancellationToken).ConfigureAwait(false);
        var busy = await ObserveAsync(host, "progress", window, cancellationToken).ConfigureAwait(false);
        host.Provider.SetProgressPeriod(null);
        await host.DisposeAsync().ConfigureAwait(false);
        var discord = await DiscordEditRate.RunAsync(context, Name, cancellationToken).ConfigureAwait(false);

        var held = $"{jobs} jobs held, {jobs / JobsPerUser} users";
        return
        [
            new Measurement(Name, "resident memory (silent)", "MB", idle.ConvertAll(w => w.ResidentMb),
                $"{held}; whole process (bench client included; {started.WorkingSet / (1024 * 1024)} MB with the host started and no jobs); target < 300 MB"),
            new Measurement(Name, "managed heap (silent)", "MB", idle.ConvertAll(w => w.HeapMb)),
            new Measurement(Name, "threads (silent)", "threads", idle.ConvertAll(w => (double)w.Threads)),
            new Measurement(Name, "CPU while idle (silent)", "% of 1 core", idle.ConvertAll(w => w.CpuPercent), "target < 5 %"),
            new Measurement(Name, "reply edits/s (silent)", "edits/s", idle.ConvertAll(w => w.EditsPerSecond)),
            new Measurement(Name, "provider progress offered", "updates/s", busy.ConvertAll(_ => jobs / period.TotalSeconds), $"every held job reports progress every {period.TotalSeconds:0} s"),
            new Measurement(Name, "reply edits/s (progress)", "edits/s", busy.ConvertAll(w => w.EditsPerSecond), "Playground has no platform buckets; the Discord figures below count 429s"),
            new Measurement(Name, "edits closer than the pacing interval", "edits", busy.ConvertAll(w => (double)w.TooClose), "same reply edited again within 1.5 s (50 ms slack); target 0"),
            new Measurement(Name, "CPU (progress)", "% of 1 core", busy.ConvertAll(w => w.CpuPercent)),
            new Measurement(Name, "resident memory (progress)", "MB", busy.ConvertAll(w => w.ResidentMb)),
            .. discord,
        ];
    }

    private static async Task<List<Window>> ObserveAsync(BenchHost host, string phase, TimeSpan window, CancellationToken cancellationToken)
    {
        var windows = new List<Window>();
        for (var i = 0; i < BenchContext.Repetitions; i++)
        {
            var before = ProcessSnapshot.Take();
            var edits = host.Replies.Edits;
            var tooClose = host.Replies.TooClose;
            await Task.Delay(window, cancellationToken).ConfigureAwait(false);
            var after = ProcessSnapshot.Take();
            var w = new Window(
                after.WorkingSet / (1024.0 * 1024),
                after.ManagedHeap / (1024.0 * 1024),
                after.Threads,
                100 * ProcessSnapshot.CoresBusy(before, after),
                (host.Replies.Edits - edits) / (after.Wall - before.Wall).TotalSeconds,
                host.Replies.TooClose - tooClose);
            windows.Add(w);
            BenchContext.Log($"{phase} {i + 1}: {w.ResidentMb:0} MB resident, {w.HeapMb:0} MB heap, {w.Threads} threads, CPU {w.CpuPercent:0.0} % of a core, {w.EditsPerSecond:0.0} edits/s, {w.TooClose} too close, {host.Provider.Held} held");
        }

        return windows;
    }

    private sealed record Window(double ResidentMb, double HeapMb, int Threads, double CpuPercent, double EditsPerSecond, long TooClose);
}
