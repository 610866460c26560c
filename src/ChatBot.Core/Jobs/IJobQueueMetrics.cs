namespace ChatBot.Core.Jobs;

/// <summary>Live counts for /healthz and benchmarks.</summary>
public interface IJobQueueMetrics
{
    int Queued { get; }
    int Running { get; }
}
