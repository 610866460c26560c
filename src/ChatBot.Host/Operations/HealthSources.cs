using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Platform;
using ChatBot.Core.Providers;

namespace ChatBot.Host.Operations;

/// <summary>What the health report reads, injected as one parameter of the health endpoints.</summary>
internal sealed record HealthSources(
    ICreditLedger Ledger,
    IJobQueueMetrics Queue,
    IEnumerable<IPlatformHealth> Platforms,
    IEnumerable<IMediaProvider> Providers,
    IHostApplicationLifetime Lifetime,
    ILoggerFactory Loggers);
