using ChatBot.Core.Replies;

namespace ChatBot.Host.Playground;

/// <summary>A reply's current state as <c>GET /api/playground/replies/{replyId}</c> and the event stream show it.</summary>
internal sealed record ReplyDto(
    string ReplyId,
    string Status,
    string Title,
    string Text,
    int? QueuePosition,
    int? QueueLength,
    double? Progress,
    double? EtaSeconds,
    double? ElapsedSeconds,
    string ModelLabel,
    string? Preview,
    IReadOnlyList<string> Media,
    IReadOnlyList<ReplyFileDto> Files,
    string? Grid,
    double? WaitSeconds,
    IReadOnlyList<ReplyButtonDto> Buttons,
    string? JobId,
    string User,
    string Message,
    bool Ephemeral,
    DateTimeOffset CreatedAt,
    long Revision)
{
    public static ReplyDto From(PlaygroundReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var files = reply.Files.Select(f => new ReplyFileDto(MediaUrl(f.Key), f.ContentType)).ToList();
        return new ReplyDto(
            reply.Id,
            StatusName(reply.Status),
            reply.Title,
            reply.Text,
            reply.QueuePosition,
            reply.QueueLength,
            reply.Progress,
            reply.Eta?.TotalSeconds,
            reply.Elapsed?.TotalSeconds,
            reply.ModelLabel,
            reply.Preview is { } preview ? MediaUrl(preview.Key) : null,
            [.. files.Select(f => f.Url)],
            files,
            reply.Grid is { } grid ? MediaUrl(grid.Key) : null,
            reply.Wait?.TotalSeconds,
            [.. reply.Buttons.Select(b => new ReplyButtonDto(b.Id, b.Label, b.Action.ToString()))],
            reply.JobId,
            reply.User,
            reply.Message,
            reply.Ephemeral,
            reply.CreatedAt,
            reply.Revision);
    }

    public static string MediaUrl(string key) =>
        "/api/playground/media/" + string.Join('/', key.Split('/').Select(Uri.EscapeDataString));

    private static string StatusName(ReplyStatus status) => status switch
    {
        ReplyStatus.Queued => "queued",
        ReplyStatus.Running => "running",
        ReplyStatus.Succeeded => "succeeded",
        ReplyStatus.Failed => "failed",
        ReplyStatus.Refused => "refused",
        ReplyStatus.Cancelled => "cancelled",
        _ => status.ToString().ToLowerInvariant(),
    };
}
