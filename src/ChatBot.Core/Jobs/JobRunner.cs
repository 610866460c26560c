using ChatBot.Core.Catalog;
using ChatBot.Core.Credits;
using ChatBot.Core.Media;
using ChatBot.Core.Metrics;
using ChatBot.Core.Platform;
using ChatBot.Core.Providers;
using ChatBot.Core.Replies;
using ChatBot.Core.Tenants;

namespace ChatBot.Core.Jobs;

/// <summary>
/// Runs one job from Queued to its end: submit (with fallback to another provider when the first
/// provably never took the work), track, store the outputs, post the result, settle the credits.
/// Every ending goes through the store first (<see cref="JobEnder"/>), so a job ends exactly once.
/// </summary>
internal sealed class JobRunner(
    IJobStore store,
    ModelCatalog catalog,
    ProviderRouter router,
    IMediaStore media,
    MediaIntake intake,
    ITenantSettingsStore tenants,
    ReplyUpdater replies,
    JobReplyViews views,
    JobEnder ender,
    EtaEstimator eta,
    IOptions<SchedulerOptions> options,
    TimeProvider time,
    ILogger<JobRunner> logger,
    ChatBotMetrics? metrics = null,
    IImageGrid? grid = null)
{
    private readonly ResultPictures _pictures = new(media, intake, grid);

    public async Task RunAsync(JobRecord job, CancellationToken cancel, CancellationToken shutdown)
    {
        using var timeout = new CancellationTokenSource(options.Value.JobTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, shutdown, timeout.Token);
        var token = linked.Token;
        try
        {
            await RunCoreAsync(job, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            // Shutting down: the job's state is persisted; recovery resumes it at the next start.
            logger.LeftForRecovery(job.Id);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await ender.EndAsync(job, JobState.Cancelled, "Cancelled.", "cancelled by request").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            await ender.EndAsync(job, JobState.Failed, $"The provider took longer than {ReplyText.Duration(options.Value.JobTimeout)}, so I stopped waiting.", "timed out").ConfigureAwait(false);
        }
        catch (ProviderException ex)
        {
            metrics?.ProviderError(job.Provider, ex.Code);
            await ender.EndAsync(job, JobState.Failed, ex.Message, ex.Code).ConfigureAwait(false);
        }
        catch (MediaRejectedException ex)
        {
            await ender.EndAsync(job, JobState.Failed, ex.Message, "bad output").ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            logger.ProviderUnreachable(ex, job.Id, job.Provider);
            metrics?.ProviderError(job.Provider, "unreachable");
            await ender.EndAsync(job, JobState.Failed, $"I couldn't reach {router.DisplayName(job.Provider)}. Please try again in a moment.", "unreachable").ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A bug in one job must end that job cleanly (refunded), never the engine.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.Crashed(ex, job.Id);
            await ender.EndAsync(job, JobState.Failed, "Something went wrong on the bot's side.", "internal error").ConfigureAwait(false);
        }
    }

    private async Task RunCoreAsync(JobRecord job, CancellationToken token)
    {
        if (job.State == JobState.Delivering && job.OutputKeys.Count > 0)
        {
            await DeliverAsync(job, catalog.Find(job.Spec.ModelId), job.OutputKeys, null, token).ConfigureAwait(false);
            return;
        }

        var model = catalog.Find(job.Spec.ModelId)
            ?? throw new ProviderException("model_removed", $"The model `{job.Spec.ModelId}` is no longer offered.");
        var provider = router.FindProvider(job.Provider)
            ?? throw new ProviderException("provider_removed", $"The provider of `{model.Id}` is no longer configured.");
        await eta.WarmAsync(model.Id, store.GetRecentDurationsAsync, token).ConfigureAwait(false);

        Submission submission;
        string? note = null;
        if (job.RemoteId is null)
        {
            if (job.State == JobState.Queued && !await store.TryTransitionAsync(job.Id, JobState.Queued, JobState.Submitting, token).ConfigureAwait(false))
            {
                return; // Cancelled or ended while it waited.
            }

            job = job with { State = JobState.Submitting, StartedAt = time.GetUtcNow() };
            metrics?.QueueWait(job.StartedAt.Value - job.CreatedAt, model.Id);
            (job, model, provider, submission, note) = await SubmitAsync(job, model, provider, token).ConfigureAwait(false);
        }
        else
        {
            submission = new Submission(job.RemoteId, job.ResumeState);
        }

        // A provider that answered at once is not tracked: the runner alone turns an immediate result into the job's end.
        var request = await BuildRequestAsync(job, model, token).ConfigureAwait(false);
        var updates = submission.ImmediateResult is { } immediate ? One(immediate) : provider.TrackAsync(request, submission, token);
        ProviderUpdate? last = null;
        await foreach (var update in updates.WithCancellation(token).ConfigureAwait(false))
        {
            switch (update)
            {
                case ProviderUpdate.Queued q:
                    replies.Publish(job.Reply, views.WaitingAtProvider(job, model, q.Position, q.Total, note));
                    break;
                case ProviderUpdate.Running r:
                    var preview = r.Preview is null ? null : await TryStorePreviewAsync(r.Preview, token).ConfigureAwait(false);
                    replies.Publish(job.Reply, views.Running(job, model, ReplyText.RunningText(r.Percent, r.Message), r.Percent, preview, note));
                    break;
                default:
                    last = update;
                    break;
            }

            if (last is not null)
            {
                break;
            }
        }

        switch (last)
        {
            case ProviderUpdate.Succeeded s when s.Outputs.Count > 0:
                var keys = new List<string>(s.Outputs.Count);
                foreach (var output in s.Outputs)
                {
                    var stream = await output.OpenAsync(token).ConfigureAwait(false);
                    var stored = await intake.StoreResultAsync(stream, output.FileName, output.PublicUrl, token).ConfigureAwait(false);
                    keys.Add(stored.Key);
                }

                await store.MarkDeliveringAsync(job.Id, keys, token).ConfigureAwait(false);
                await DeliverAsync(job with { State = JobState.Delivering }, model, keys, s.ProviderCost, token, s.Note is null ? note : ReplyText.WithNote(s.Note, note)).ConfigureAwait(false);
                break;
            case ProviderUpdate.Succeeded:
                await ender.EndAsync(job, JobState.Failed, $"{router.DisplayName(provider.Name)} finished without sending any result.", "empty result").ConfigureAwait(false);
                break;
            case ProviderUpdate.Failed f:
                await ender.EndAsync(job, JobState.Failed, f.UserMessage, f.Code).ConfigureAwait(false);
                break;
            default:
                await ender.EndAsync(job, JobState.Failed, $"{router.DisplayName(provider.Name)} stopped answering before the result was ready.", "no result").ConfigureAwait(false);
                break;
        }
    }

    private async Task<(JobRecord, ModelDefinition, IMediaProvider, Submission, string?)> SubmitAsync(
        JobRecord job, ModelDefinition model, IMediaProvider provider, CancellationToken token)
    {
        string? note = null;
        var tried = new List<string>(job.Spec.TriedProviders);
        while (true)
        {
            replies.Publish(job.Reply, views.Sending(job, model, note));
            var request = await BuildRequestAsync(job, model, token).ConfigureAwait(false);
            try
            {
                var submission = await provider.SubmitAsync(request, token).ConfigureAwait(false);
                await store.MarkSubmittedAsync(job.Id, submission.RemoteId, submission.ResumeState, token).ConfigureAwait(false);
                logger.Submitted(job.Id, provider.Name, model.Id);
                return (job with { State = JobState.Running, RemoteId = submission.RemoteId }, model, provider, submission, note);
            }
            catch (ProviderException ex) when (ex.NeverReachedProvider)
            {
                metrics?.ProviderError(provider.Name, ex.Code);
                // Only work that provably never reached the provider moves on: a 500 or a timeout may
                // have started a paid job there, and a second provider would charge for it again.
                tried.Add(provider.Name);
                var images = job.Spec.Inputs.Count(i => i.Role is MediaRole.Image or MediaRole.Reference);
                if (router.Fallback(job.Spec.Operation, model, tried, images, ex.Code) is not RouteResult.Routed next)
                {
                    throw;
                }

                logger.FallingBack(job.Id, provider.Name, next.Provider.Name);
                // Kept with the job, so the result (even after a restart) still says where it ran and why.
                var spec = job.Spec with { ModelId = next.Model.Id, TriedProviders = tried.ToArray(), RouteNote = ReplyText.WithNote(job.Spec.RouteNote ?? "", next.Note).TrimStart('\n') };
                await store.SetProviderAsync(job.Id, next.Provider.Name, spec, token).ConfigureAwait(false);
                job = job with { Spec = spec, Provider = next.Provider.Name };
                (model, provider, note) = (next.Model, next.Provider, next.Note);
            }
        }
    }

    private async Task DeliverAsync(JobRecord job, ModelDefinition? model, IReadOnlyList<string> keys, decimal? providerCost, CancellationToken token, string? note = null)
    {
        var files = new List<ReplyFile>(keys.Count);
        foreach (var key in keys)
        {
            var item = await media.GetAsync(key, token).ConfigureAwait(false)
                ?? throw new MediaRejectedException("The result files went missing before they could be posted.");
            files.Add(new ReplyFile(item, ct => OpenStoredAsync(item.Key, ct)));
        }

        var charge = JobCharge.For(catalog, job, providerCost);
        if (JobCharge.FallbackNote(catalog, job, providerCost, router.DisplayName(job.Provider)) is { } price)
        {
            note = note is null ? price : $"{note} {price}";
        }
        var settings = await tenants.GetAsync(job.Account.Tenant, token).ConfigureAwait(false);
        var offerGallery = JobReplyViews.OffersGallery(settings, router.FindProvider(job.Provider));
        var result = views.Result(job, files, charge, offerGallery, note) with
        {
            Grid = await _pictures.GridAsync(job.Id, files, token).ConfigureAwait(false),
            Input = await _pictures.InputAsync(job, token).ConfigureAwait(false),
        };

        try
        {
            await replies.PostResultAsync(job.Reply, result).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The platform refused the result for good: the member got nothing, so nothing is charged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.DeliveryFailed(ex, job.Id);

            // The member must hear of it: the reply would otherwise stay at its last progress state, Cancel button and all.
            await ender.EndAsync(job, JobState.Failed, "The result was ready, but I couldn't post it here.", "result could not be posted").ConfigureAwait(false);
            return;
        }

        if (await store.CompleteAsync(job.Id, charge, CancellationToken.None).ConfigureAwait(false))
        {
            if (job.StartedAt is { } started && model is not null)
            {
                eta.Record(model.Id, time.GetUtcNow() - started);
            }

            logger.Succeeded(job.Id, charge);
            if (metrics is not null)
            {
                metrics.Job(JobState.Succeeded, job.Spec.ModelId, job.Provider);
                metrics.CreditsCharged(charge);
                metrics.CreditsRefunded(job.ReservedCredits - charge);
                if (job.StartedAt is { } began)
                {
                    metrics.JobDuration(time.GetUtcNow() - began, job.Spec.ModelId, job.Provider, JobState.Succeeded);
                }
            }
        }
    }

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
