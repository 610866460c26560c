using ChatBot.Benchmarks.Harness;
using ChatBot.Benchmarks.Ack;
using ChatBot.Benchmarks.Inflight;
using ChatBot.Benchmarks.Ledger;
using ChatBot.Benchmarks.Relay;
using ChatBot.Benchmarks.Throughput;

namespace ChatBot.Benchmarks;

/// <summary>The scenarios, in the order <c>all</c> runs them (cheapest first).</summary>
internal static class ScenarioList
{
    public static IReadOnlyList<IScenario> All() =>
    [
        new LedgerScenario(),
        new RelayScenario(),
        new ThroughputScenario(),
        new PostgresThroughputScenario(),
        new AckScenario(),
        new InflightScenario(),
    ];

    /// <summary>Scenarios run only by name, not by <c>all</c>.</summary>
    public static IReadOnlyList<IScenario> Extra() =>
    [
        new PlaygroundAckScenario(),
    ];

    /// <summary>The folder holding ChatBot.sln, searched upwards from the working directory and then from the program.</summary>
    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ChatBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
