using ChatBot.Core.Media;
using ChatBot.Core.Platform;

namespace ChatBot.Core.Replies;

/// <summary>
/// The pictures a result shows besides its outputs: the numbered grid of several images (composed once, kept in the
/// media store like any result) and the member's own input image of an <c>/edit</c> or <c>/upscale</c>.
/// </summary>
internal sealed class ResultPictures(IMediaStore media, MediaIntake intake, IImageGrid? grid)
{
    /// <summary>The grid of the image outputs when there are two or more and no other kind of output; else null.</summary>
    public async Task<ReplyFile?> GridAsync(string jobId, IReadOnlyList<ReplyFile> files, CancellationToken ct)
    {
        if (grid is null || files.Count < 2 || files.Any(f => f.Media.Kind != MediaKind.Image))
        {
            return null;
        }

        try
        {
            var png = await grid.ComposeAsync([.. files.Select(f => f.OpenAsync)], ct).ConfigureAwait(false);
            if (png is null)
            {
                return null;
            }

            using var stream = new MemoryStream(png, writable: false);
            var stored = await intake.StoreResultAsync(stream, $"{jobId}-grid.png", null, ct).ConfigureAwait(false);
            return new ReplyFile(stored, c => OpenAsync(stored.Key, c));
        }
        catch (Exception ex) when (ex is MediaRejectedException or IOException or InvalidDataException)
        {
            return null; // The images alone still make a result.
        }
    }

    /// <summary>The first image the member brought to an <c>/edit</c> or <c>/upscale</c>; null for other jobs or when it is gone.</summary>
    public async Task<ReplyFile?> InputAsync(JobRecord job, CancellationToken ct)
    {
        if (job.Spec.Kind is not (CommandKind.Edit or CommandKind.Upscale) || job.Spec.SourceJobId is not null
            || job.Spec.Inputs.FirstOrDefault(i => i.Role == MediaRole.Image) is not { } input)
        {
            return null;
        }

        var item = await media.GetAsync(input.MediaKey, ct).ConfigureAwait(false);
        return item is { Kind: MediaKind.Image } ? new ReplyFile(item, c => OpenAsync(item.Key, c)) : null;
    }

    private async Task<Stream> OpenAsync(string key, CancellationToken ct) =>
        await media.OpenReadAsync(key, ct).ConfigureAwait(false) ?? throw new FileNotFoundException("Stored media is missing.", key);
}
