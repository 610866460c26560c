namespace ChatBot.Core.Model;

/// <summary>A job as stored.</summary>
public sealed record JobRecord
{
    public required string Id { get; init; }
    public required AccountKey Account { get; init; }
    public required JobState State { get; init; }
    public required JobSpec Spec { get; init; }
    public required ReplyHandle Reply { get; init; }

    /// <summary>The provider that runs (or last ran) the job.</summary>
    public required string Provider { get; init; }
    public long ReservedCredits { get; init; }
    public long? ChargedCredits { get; init; }
    public string? RemoteId { get; init; }
    public string? ResumeState { get; init; }
    public string? Error { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The worker that holds the job's lease (claimed or took it over), or null while it waits.</summary>
    public string? Owner { get; init; }

    /// <summary>Until when <see cref="Owner"/> holds the job unless it renews; after that another worker may take it over.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>Media-store keys of the results, in output order.</summary>
    public IReadOnlyList<string> OutputKeys { get; init; } = [];
}
