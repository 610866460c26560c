namespace ChatBot.Core.Jobs;

/// <summary>A job about to be created; <see cref="Price"/> is reserved in the same transaction.</summary>
public sealed record NewJob(string Id, AccountKey Account, JobSpec Spec, ReplyHandle Reply, string Provider, long Price)
{
    /// <summary>
    /// When set, the job is refused (<see cref="CreateJobResult.QueueFull"/>) if the account already has this many
    /// jobs waiting, counted in the transaction that reserves, so racing commands cannot all slip under the limit.
    /// </summary>
    public int? MaxQueued { get; init; }

    /// <summary>
    /// When set, the job is created in <see cref="JobState.AwaitingConfirmation"/> with nothing reserved;
    /// <see cref="IJobStore.ConfirmAsync"/> reserves <see cref="Price"/> later (or refuses then).
    /// </summary>
    public bool AwaitConfirmation { get; init; }
}
