using ChatBot.Core.Jobs;
using ChatBot.Core.Media;
using ChatBot.Core.Providers;
using ChatBot.Core.Replies;
using ChatBot.Core.Tenants;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>Save to gallery (a button): keeps one result in the member's gallery on the provider that made it. Costs nothing.</summary>
internal sealed class GalleryCommandHandler(
    IJobStore store,
    ITenantSettingsStore tenants,
    ProviderRouter router,
    IMediaStore media,
    ILogger<GalleryCommandHandler> logger) : ICommandHandler
{
    public IReadOnlyCollection<CommandKind> Kinds { get; } = [CommandKind.SaveToGallery];

    public async Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var actor = request.Actor;
        var job = request.SourceJobId is { } id ? await store.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (job is null || !job.IsInTenantOf(actor))
        {
            return new CommandOutcome.Refused("I can't find that result any more, so this button no longer works.");
        }

        var settings = await tenants.GetAsync(actor.Account.Tenant, cancellationToken).ConfigureAwait(false);
        if (!settings.GalleryEnabled)
        {
            return new CommandOutcome.Refused("Saving to a gallery is turned off here. An admin can turn it on with `/settings gallery on`.");
        }

        var name = router.DisplayName(job.Provider);
        if (router.FindProvider(job.Provider) is not IGalleryProvider gallery)
        {
            return new CommandOutcome.Refused($"{name} has no gallery to save to.");
        }

        var index = request.SourceOutputIndex ?? 0;
        if (!job.HasStoredOutputs() || index < 0 || index >= job.OutputKeys.Count)
        {
            return new CommandOutcome.Refused("That job has no finished result to save.");
        }

        var output = await media.GetAsync(job.OutputKeys[index], cancellationToken).ConfigureAwait(false);
        if (output?.SourceUrl is not { } url)
        {
            return new CommandOutcome.Refused($"{name} gave no link for this result, so it can't be saved to your gallery.");
        }

        try
        {
            await gallery.SaveToGalleryAsync(new GallerySaveRequest(url, output.Kind, job.Spec.Options.Prompt, job.Spec.ModelId, ReplyText.Title(job.Spec)), cancellationToken).ConfigureAwait(false);
        }
        catch (ProviderException ex)
        {
            logger.GallerySaveRefused(job.Id, job.Provider, ex.Code);
            return new CommandOutcome.Refused($"{name} did not save it: {ex.Message}");
        }

        return new CommandOutcome.Info($"Saved to your {name} gallery.");
    }
}
