using ChatBot.Core.Media;
using ChatBot.Core.Providers;
using ChatBot.Core.Tenants;

namespace ChatBot.Core.Replies;

/// <summary>
/// A finished job's result view rebuilt from the store (for <c>/show</c> and <c>/history</c>): its stored files and the
/// same buttons the result was posted with, so they work wherever the result is shown again.
/// </summary>
internal sealed class StoredResults(IMediaStore media, ITenantSettingsStore tenants, ProviderRouter router, JobReplyViews views)
{
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
        return views.Result(job, files, job.ChargedCredits ?? 0, offerGallery, note: null, took);
    }

    private async Task<Stream> OpenAsync(string key, CancellationToken ct) =>
        await media.OpenReadAsync(key, ct).ConfigureAwait(false) ?? throw new FileNotFoundException("Stored media is missing.", key);
}
