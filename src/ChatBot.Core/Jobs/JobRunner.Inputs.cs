using ChatBot.Core.Catalog;
using ChatBot.Core.Platform;
using ChatBot.Core.Providers;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Jobs;

/// <summary>What the runner reads from the media store: a job's inputs as a provider request, previews, stored files.</summary>
internal sealed partial class JobRunner
{
    private async Task<ReplyFile?> TryStorePreviewAsync(MediaOutput preview, CancellationToken token)
    {
        try
        {
            var stream = await preview.OpenAsync(token).ConfigureAwait(false);
            var stored = await intake.StoreResultAsync(stream, preview.FileName, null, token).ConfigureAwait(false);
            return new ReplyFile(stored, ct => OpenStoredAsync(stored.Key, ct));
        }
        catch (Exception ex) when (ex is MediaRejectedException or HttpRequestException or IOException)
        {
            return null; // A broken preview is not worth failing the job over.
        }
    }

    private async Task<MediaRequest> BuildRequestAsync(JobRecord job, ModelDefinition model, CancellationToken token)
    {
        var inputs = new List<MediaInput>(job.Spec.Inputs.Count);
        foreach (var input in job.Spec.Inputs)
        {
            var item = await media.GetAsync(input.MediaKey, token).ConfigureAwait(false)
                ?? throw new ProviderException("input_missing", "An input file of this job is no longer available. Please run the command again.");
            inputs.Add(new MediaInput(input.Role, item, ct => OpenStoredAsync(item.Key, ct)));
        }

        var settings = await tenants.GetAsync(job.Account.Tenant, token).ConfigureAwait(false);
        return new MediaRequest(job.Id, job.Spec.Operation, model, job.Spec.Options, inputs, job.Spec.Conversation.IsNsfw) { SendToGallery = settings.GalleryEnabled };
    }

    private async Task<Stream> OpenStoredAsync(string key, CancellationToken ct) =>
        await media.OpenReadAsync(key, ct).ConfigureAwait(false) ?? throw new FileNotFoundException("Stored media is missing.", key);

#pragma warning disable CS1998 // An async iterator over one known item.
    private static async IAsyncEnumerable<ProviderUpdate> One(ProviderUpdate update)
#pragma warning restore CS1998
    {
        yield return update;
    }
}
