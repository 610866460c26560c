using ChatBot.Core.Media;
using ChatBot.Core.Providers;
using ChatBot.Core.Tenants;

namespace ChatBot.Core.Replies;

/// <summary>
/// A finished job's result view rebuilt from the store (for <c>/show</c> and <c>/history</c>): its stored files and the
/// same buttons the result was posted with, so they work wherever the result is shown again; several images come with
/// their numbered grid as the picture, as when the result was first posted.
/// </summary>
internal sealed class StoredResults(IMediaStore media, ITenantSettingsStore tenants, ProviderRouter router, JobReplyViews views, MediaIntake? intake = null, IImageGrid? grid = null)
{
    private readonly ResultPictures? _pictures = intake is null ? null : new(media, intake, grid);

    /// <summary>The job's result, or null when one of its files is gone from the media store.</summary>
    public async Task<ResultView?> ForAsync(JobRecord job, CancellationToken cancellationToken)
    {
        var files = new List<ReplyFile>(job.OutputKeys.Count);
        foreach (var key in job.OutputKeys)
        {
            if (await media.GetAsync(key, cancellationToken).ConfigureAwait(false) is not { } item)
            {
                return null;
            }

            files.Add(new ReplyFile(item, ct => OpenAsync(item.Key, ct)));
        }

        var settings = await tenants.GetAsync(job.Account.Tenant, cancellationToken).ConfigureAwait(false);
        var offerGallery = JobReplyViews.OffersGallery(settings, router.FindProvider(job.Provider));
        var took = job.FinishedAt is { } end ? end - job.CreatedAt : TimeSpan.Zero;
        var view = views.Result(job, files, job.ChargedCredits ?? 0, offerGallery, note: null, took);
        return _pictures is null ? view : view with
        {
            Grid = await _pictures.GridAsync(job.Id, files, cancellationToken).ConfigureAwait(false),
            Input = await _pictures.InputAsync(job, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<Stream> OpenAsync(string key, CancellationToken ct) =>
        await media.OpenReadAsync(key, ct).ConfigureAwait(false) ?? throw new FileNotFoundException("Stored media is missing.", key);
}
