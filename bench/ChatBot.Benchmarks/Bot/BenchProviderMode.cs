namespace ChatBot.Benchmarks.Bot;

internal enum BenchProviderMode
{
    /// <summary>Every job's result comes back with the submission.</summary>
    Instant,

    /// <summary>Every job stays running until released (or until its hold time passes).</summary>
    Hold,
}
