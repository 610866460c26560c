using ChatBot.Core.Catalog;
using ChatBot.Core.Commands.Regions;
using ChatBot.Core.Jobs;
using ChatBot.Core.Media;

namespace ChatBot.Host.Regions;

/// <summary>
/// What the region editor (the Playground's overlay and the signed page alike) needs from a result and a painted mask:
/// the picture to paint on, a checked mask kept in the media store, and the model to inpaint with.
/// </summary>
internal sealed class RegionMasks(IJobStore jobs, IMediaStore media, ModelCatalog catalog, IOptions<RegionEditorOptions> options, IOptions<MediaOptions> mediaOptions)
{
    /// <summary>The picture output <paramref name="index"/> of job <paramref name="jobId"/> is, when there is one.</summary>
    public async Task<(JobRecord Job, StoredMedia Image)?> SourceAsync(string jobId, int index, Actor actor, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(jobId, cancellationToken).ConfigureAwait(false);
        if (job is null || job.Account.Platform != actor.Platform || job.Account.TenantId != actor.TenantId
            || job.State is not (JobState.Succeeded or JobState.Delivering) || index < 0 || index >= job.OutputKeys.Count)
        {
            return null;
        }

        return await media.GetAsync(job.OutputKeys[index], cancellationToken).ConfigureAwait(false) is { Kind: MediaKind.Image } image ? (job, image) : null;
    }

    /// <summary>
    /// Checks the painted mask (a PNG of the picture's size, transparent where it should change) and keeps it; returns
    /// the inpaint request's mask and model, or why the mask cannot be used.
    /// </summary>
    public async Task<(MediaRef? Mask, string? Model, string? Refusal)> PrepareAsync(
        string jobId, int index, Actor actor, string? maskBase64, CancellationToken cancellationToken)
    {
        if (await SourceAsync(jobId, index, actor, cancellationToken).ConfigureAwait(false) is not var (job, image))
        {
            return (null, null, "I can't find that picture any more, so it can't be painted on.");
        }

        var bytes = Decode(maskBase64, mediaOptions.Value.MaxInputBytes);
        if (bytes is null || MediaSniffer.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, MediaSniffer.HeaderBytes))) is not { ContentType: "image/png" } sniffed)
        {
            return (null, null, "Paint over the part of the picture that should change first (the mask must be a PNG).");
        }

        if ((image.Width is { } w && sniffed.Width != w) || (image.Height is { } h && sniffed.Height != h))
        {
            return (null, null, $"The mask must be the picture's size ({image.Width}×{image.Height}); reload the page and paint again.");
        }

        using var content = new MemoryStream(bytes, writable: false);
        var stored = await media.SaveAsync(content, "image/png", "mask.png", sniffed.Width, sniffed.Height, cancellationToken).ConfigureAwait(false);
        return (MediaRef.FromStore(stored.Key, "mask.png", MediaRole.Mask), RegionEdit.ModelFor(catalog, job.Spec.ModelId, options.Value.Model), null);
    }

    private static byte[]? Decode(string? base64, long max)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return null;
        }

        var comma = base64.IndexOf(',', StringComparison.Ordinal);
        var data = base64.StartsWith("data:", StringComparison.Ordinal) && comma > 0 ? base64[(comma + 1)..] : base64;
        if (data.Length / 4 * 3 > max)
        {
            return null;
        }

        var buffer = new byte[(data.Length / 4 * 3) + 3];
        return Convert.TryFromBase64String(data, buffer, out var written) && written > 0 ? buffer[..written] : null;
    }
}
