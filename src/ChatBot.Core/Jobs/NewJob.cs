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

    /// <summary>
    /// The member's roles (<see cref="Actor.Roles"/>): when the reservation is the day's first use, the store tops the
    /// balance up to the highest allowance among these roles (<see cref="Tenants.TenantSettings.RoleAllowances"/>), or
    /// to the tenant's allowance when none has one, decided in the reserving transaction.
    /// </summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
}
