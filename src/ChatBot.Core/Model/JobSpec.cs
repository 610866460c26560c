using ChatBot.Core.Catalog;

namespace ChatBot.Core.Model;

/// <summary>
/// Everything needed to run (or re-run) a job, stored with it as JSON so that recovery and
/// buttons work after a restart.
/// </summary>
public sealed record JobSpec
{
    public required CommandKind Kind { get; init; }
    public required MediaOperation Operation { get; init; }
    public required string ModelId { get; init; }
    public required CommandOptions Options { get; init; }
    public required Conversation Conversation { get; init; }
    public string DisplayName { get; init; } = "";

    /// <summary>Checked input files in the media store.</summary>
    public IReadOnlyList<JobInput> Inputs { get; init; } = [];
    public string? SourceJobId { get; init; }
    public int? SourceOutputIndex { get; init; }

    /// <summary>Providers tried already for this job (fallback never returns to one).</summary>
    public IReadOnlyList<string> TriedProviders { get; init; } = [];

    /// <summary>
    /// Why the job runs on another model or provider than the member asked for ("X is unavailable right now, so Y runs
    /// this"), set by routing and by fallback; every view of the job shows it, the result included.
    /// </summary>
    public string? RouteNote { get; init; }
}
