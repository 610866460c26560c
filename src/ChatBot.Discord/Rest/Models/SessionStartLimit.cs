namespace ChatBot.Discord.Rest.Models;

/// <summary>
/// Discord's identify budget: <see cref="Remaining"/> of <see cref="Total"/> session starts are left until
/// <see cref="ResetAfter"/> milliseconds from now; <see cref="MaxConcurrency"/> identifies per 5 s per bucket.
/// </summary>
internal sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency = 1);
