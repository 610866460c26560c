using ChatBot.Core.Jobs;
using ChatBot.Core.Model;
using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Discord;

/// <summary>The real SQLite job store, wrapped so a test can wait for jobs to reach their end (settled or refunded).</summary>
internal sealed class SignallingJobStore(IJobStore inner, JobEndings endings) : PassThroughJobStore(inner)
{
    public override async Task<bool> CompleteAsync(string jobId, long actualCost, CancellationToken cancellationToken, string? owner = null, IReadOnlyList<string>? outputKeys = null)
    {
        var done = await Inner.CompleteAsync(jobId, actualCost, cancellationToken, owner, outputKeys);
        endings.Ended(jobId);
        return done;
    }

    public override async Task<bool> FailAsync(string jobId, JobState terminal, string reason, CancellationToken cancellationToken, string? owner = null)
    {
        var done = await Inner.FailAsync(jobId, terminal, reason, cancellationToken, owner);
        endings.Ended(jobId);
        return done;
    }
}
