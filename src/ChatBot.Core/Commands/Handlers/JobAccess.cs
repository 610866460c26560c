using ChatBot.Core.Model;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>Which earlier jobs a member's command may touch, shared by every handler that names one.</summary>
internal static class JobAccess
{
    /// <summary>Whether the job belongs to the member's own community (platform and tenant).</summary>
    public static bool IsInTenantOf(this JobRecord job, Actor actor) =>
        job.Account.Platform == actor.Platform && job.Account.TenantId == actor.TenantId;

    /// <summary>
    /// Whether the job's outputs are stored. Delivering counts: the outputs are stored before the result is
    /// posted, and a member can press a button in the moment between the post and the job's settlement.
    /// </summary>
    public static bool HasStoredOutputs(this JobRecord job) => job.State is JobState.Succeeded or JobState.Delivering;
}
