namespace ChatBot.Benchmarks.Harness;

/// <summary>One benchmark: runs its repetitions and returns its figures.</summary>
internal interface IScenario
{
    /// <summary>The name on the command line (<c>ledger</c>, <c>relay</c>, …).</summary>
    string Name { get; }

    /// <summary>What it measures, one line.</summary>
    string Description { get; }

    Task<IReadOnlyList<Measurement>> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
