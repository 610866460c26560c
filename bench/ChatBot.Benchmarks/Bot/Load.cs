namespace ChatBot.Benchmarks.Bot;

/// <summary>Ways of offering commands to the bot.</summary>
internal static class Load
{
    public const string Prompt = "/imagine a lighthouse at dusk, long exposure --model " + BenchHost.Model;

    public static string User(int i, int users) => $"bench-u{i % users}";

    /// <summary>Closed loop: <paramref name="count"/> commands with at most <paramref name="concurrency"/> in flight; returns how many were refused.</summary>
    public static Task<int> SubmitAsync(BenchHost host, int count, int users, int concurrency, CancellationToken cancellationToken) =>
        SubmitAsync([host], count, users, concurrency, cancellationToken);

    /// <summary>As above, command i going to host i mod the number of hosts (workers on one database).</summary>
    public static async Task<int> SubmitAsync(IReadOnlyList<BenchHost> hosts, int count, int users, int concurrency, CancellationToken cancellationToken)
    {
        var refused = 0;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(
            async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    if (!await hosts[i % hosts.Count].PostAsync(User(i, users), Prompt, cancellationToken).ConfigureAwait(false))
                    {
                        Interlocked.Increment(ref refused);
                    }
                }
            },
            cancellationToken))).ConfigureAwait(false);
        return refused;
    }

    /// <summary>Waits until no job is left in a non-terminal state.</summary>
    public static async Task WaitIdleAsync(BenchHost host, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        while (await host.ActiveJobsAsync(limit.Token).ConfigureAwait(false) > 0)
        {
            await Task.Delay(20, limit.Token).ConfigureAwait(false);
        }
    }
}
