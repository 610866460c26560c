using ChatBot.Benchmarks.Bot;
using ChatBot.Benchmarks.Harness;
using ChatBot.Testing.Postgres;

namespace ChatBot.Benchmarks.Throughput;

/// <summary>
/// The throughput scenario on PostgreSQL (issue 14): a throw-away PostgreSQL 15 cluster started as the tests start
/// theirs (<see cref="PostgresServer"/>: initdb in a temp directory, loopback port, fsync off), then the same
/// load on one host with <c>Storage:Provider=Postgres</c>, and on two hosts over one database with the Playground
/// commands split across both (shared media folder, replies counted together). Which host runs a job is the job
/// store's business: until jobs are claimed from the shared queue, each host runs the jobs it accepted.
/// </summary>
internal sealed class PostgresThroughputScenario : IScenario
{
    public string Name => "throughput-pg";

    public string Description => "the throughput scenario on PostgreSQL 15 (throw-away cluster): one worker, then two workers on one database";

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        if (!PostgresServer.IsInstalled)
        {
            BenchContext.Log($"skipped: PostgreSQL 15 is not installed ({PostgresServer.BinDirectory}); apt-get install postgresql");
            return [new Measurement(Name, "jobs/s end to end (whole batch), 1 worker", "jobs/s", [], "skipped: PostgreSQL 15 is not installed")];
        }

        using var server = new PostgresServer();
        await server.InitializeAsync().ConfigureAwait(false);
        var jobs = ThroughputScenario.JobsPerRepetition(context);
        var figures = new List<Measurement>();
        foreach (var workers in new[] { 1, 2 })
        {
            var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                ["Storage:Provider"] = "Postgres",
                ["Storage:ConnectionString"] = await server.CreateDatabaseAsync().ConfigureAwait(false),
                ["Storage:MediaPath"] = Path.Combine(context.NewFolder($"pg{workers}-media"), "media"),
            };
            var counters = new ReplyCounters();
            var hosts = new List<BenchHost>();
            try
            {
                for (var i = 0; i < workers; i++)
                {
                    hosts.Add(await BenchHost.StartAsync(context, $"pg{workers}w{i}", settings, cancellationToken, counters: counters).ConfigureAwait(false));
                }

                var suffix = workers == 1 ? ", 1 worker" : $", {workers} workers";
                var measured = await ThroughputScenario.MeasureAsync(Name, suffix, hosts, jobs, cancellationToken).ConfigureAwait(false);
                figures.AddRange(measured.Select(m => m with
                {
                    Note = $"{m.Note}; PostgreSQL 15 on loopback, fsync=off and synchronous_commit=off (the test cluster's settings), its own CPU not counted",
                }));
            }
            finally
            {
                foreach (var host in hosts)
                {
                    await host.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        return figures;
    }
}
