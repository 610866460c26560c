namespace ChatBot.Core.Providers;

/// <summary>One AI media service (or the local offline provider), behind its wire protocol.</summary>
public interface IMediaProvider
{
    /// <summary>The name models refer to in config/models.json.</summary>
    string Name { get; }

    /// <summary>False when the provider has no key configured or its circuit is open.</summary>
    bool IsAvailable { get; }

    /// <summary>
    /// True when submitting the same request twice costs nothing (the local provider):
    /// recovery may then re-submit a job that was interrupted before a remote id was stored.
    /// </summary>
    bool ResubmitIsSafe { get; }

    /// <summary>
    /// Starts the work. Returns the remote id as soon as the provider gives one.
    /// Expected refusals (bad option, NSFW, insufficient provider credit) are thrown as <see cref="ProviderException"/>.
    /// </summary>
    Task<Submission> SubmitAsync(MediaRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Follows a submitted task until it ends, yielding its steps; the last is <see cref="ProviderUpdate.Succeeded"/>
    /// or <see cref="ProviderUpdate.Failed"/>. Also used to resume after a restart. Never called for a
    /// submission that carried <see cref="Submission.ImmediateResult"/>: the job runner alone takes that result.
    /// </summary>
    IAsyncEnumerable<ProviderUpdate> TrackAsync(MediaRequest request, Submission submission, CancellationToken cancellationToken);
}
