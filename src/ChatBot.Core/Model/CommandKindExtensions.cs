namespace ChatBot.Core.Model;

/// <summary>
/// What every surface needs to know about a command before it reaches the engine: whether it starts a job (a public,
/// edited reply), whether only admins may run it, and whether it works on an image the member gives it.
/// </summary>
public static class CommandKindExtensions
{
    /// <summary>Commands that run a media job: they get a public reply that the engine edits until the result.</summary>
    public static bool StartsJob(this CommandKind kind) =>
        kind is CommandKind.Imagine or CommandKind.Edit or CommandKind.Video or CommandKind.Upscale or CommandKind.Vary
            or CommandKind.Reroll or CommandKind.Animate or CommandKind.RemoveBackground;

    /// <summary>
    /// Commands whose answer is a public reply the engine writes: every job, and <c>/show</c> (a result posted again).
    /// Surfaces acknowledge them publicly; the rest answer the member privately.
    /// </summary>
    public static bool RepliesInPublic(this CommandKind kind) => kind.StartsJob() || kind == CommandKind.Show;

    /// <summary>Commands only a community's admins may run.</summary>
    public static bool IsAdminOnly(this CommandKind kind) =>
        kind is CommandKind.GrantCredits or CommandKind.SetAllowance or CommandKind.Settings or CommandKind.Stats;

    /// <summary>Commands that work on an image the member supplies (an attachment, a message, a result).</summary>
    public static bool TakesImage(this CommandKind kind) =>
        kind is CommandKind.Edit or CommandKind.Upscale or CommandKind.Animate or CommandKind.RemoveBackground or CommandKind.Vary;
}
