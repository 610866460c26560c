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
internal sealed partial class JobRunner(
    IJobStore store,
    ModelCatalog catalog,
    ProviderRouter router,
    IMediaStore media,
    MediaIntake intake,
    ITenantSettingsStore tenants,
    ReplyUpdater replies,
    JobReplyViews views,
    JobEnder ender,
    JobLeases leases,
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
        using var held = leases.Hold(job.Id);
        if (job.State != JobState.Queued)
        {
            held.MarkLeased(); // Resumed or taken over: this worker holds it already.
        }

        using var timeout = new CancellationTokenSource(options.Value.JobTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, shutdown, timeout.Token, held.Lost);
        var token = linked.Token;

        // Fenced from the claim on: a worker that lost the job (paused past its lease) changes nothing.
        var owner = (Func<string?>)(() => held.LeasedAt is null ? null : leases.Owner);
        try
        {
            await RunCoreAsync(job, held, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (held.IsLost)
        {
            logger.LeaseLost(job.Id, leases.Owner);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            // Shutting down: the job's state is persisted; recovery resumes it at the next start.
            logger.LeftForRecovery(job.Id);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await ender.EndAsync(job, JobState.Cancelled, "Cancelled.", "cancelled by request", owner()).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            await ender.EndAsync(job, JobState.Failed, $"The provider took longer than {ReplyText.Duration(options.Value.JobTimeout)}, so I stopped waiting.", "timed out", owner()).ConfigureAwait(false);
        }
        catch (ProviderException ex)
        {
            metrics?.ProviderError(job.Provider, ex.Code);
            await ender.EndAsync(job, JobState.Failed, ex.Message, ex.Code, owner()).ConfigureAwait(false);
        }
        catch (MediaRejectedException ex)
        {
            await ender.EndAsync(job, JobState.Failed, ex.Message, "bad output", owner()).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            logger.ProviderUnreachable(ex, job.Id, job.Provider);
            metrics?.ProviderError(job.Provider, "unreachable");
            await ender.EndAsync(job, JobState.Failed, $"I couldn't reach {router.DisplayName(job.Provider)}. Please try again in a moment.", "unreachable", owner()).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A bug in one job must end that job cleanly (refunded), never the engine.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.Crashed(ex, job.Id);
            await ender.EndAsync(job, JobState.Failed, "Something went wrong on the bot's side.", "internal error", owner()).ConfigureAwait(false);
        }
    }

    private async Task RunCoreAsync(JobRecord job, JobLeases.Held held, CancellationToken token)
    {
        if (job.State == JobState.Delivering && job.OutputKeys.Count > 0)
        {
            await DeliverAsync(job, held, catalog.Find(job.Spec.ModelId), job.OutputKeys, null, token).ConfigureAwait(false);
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
            if (job.State == JobState.Queued)
            {
                // Queued → Submitting under this worker's lease, one write; null when cancelled or claimed elsewhere.
                if (!await store.ClaimAsync(job.Id, leases.Owner, leases.Lease, token).ConfigureAwait(false))
                {
                    return;
                }

                held.MarkLeased();
                job = job with { State = JobState.Submitting, StartedAt = time.GetUtcNow(), Owner = leases.Owner };
                metrics?.QueueWait(job.StartedAt.Value - job.CreatedAt, model.Id);
            }

            (job, model, provider, submission, note) = await SubmitAsync(job, held, model, provider, token).ConfigureAwait(false);
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

                // The outputs are recorded with the completion (one write): a crash before it resumes by the remote id.
                await DeliverAsync(job, held, model, keys, s.ProviderCost, token, s.Note is null ? note : ReplyText.WithNote(s.Note, note)).ConfigureAwait(false);
                break;
            case ProviderUpdate.Succeeded:
                await ender.EndAsync(job, JobState.Failed, $"{router.DisplayName(provider.Name)} finished without sending any result.", "empty result", leases.Owner).ConfigureAwait(false);
                break;
            case ProviderUpdate.Failed f:
                await ender.EndAsync(job, JobState.Failed, f.UserMessage, f.Code, leases.Owner).ConfigureAwait(false);
                break;
            default:
                await ender.EndAsync(job, JobState.Failed, $"{router.DisplayName(provider.Name)} stopped answering before the result was ready.", "no result", leases.Owner).ConfigureAwait(false);
                break;
        }
    }

    private async Task<(JobRecord, ModelDefinition, IMediaProvider, Submission, string?)> SubmitAsync(
        JobRecord job, JobLeases.Held held, ModelDefinition model, IMediaProvider provider, CancellationToken token)
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
                if (!await store.MarkSubmittedAsync(job.Id, submission.RemoteId, submission.ResumeState, token, leases.Owner).ConfigureAwait(false))
                {
                    held.Lose(); // Taken over or ended meanwhile: the job is no longer this worker's to track.
                    held.Lost.ThrowIfCancellationRequested();
                }

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
                await store.SetProviderAsync(job.Id, next.Provider.Name, spec, token, leases.Owner).ConfigureAwait(false);
                job = job with { Spec = spec, Provider = next.Provider.Name };
                (model, provider, note) = (next.Model, next.Provider, next.Note);
            }
        }
    }

    private async Task DeliverAsync(JobRecord job, JobLeases.Held held, ModelDefinition? model, IReadOnlyList<string> keys, decimal? providerCost, CancellationToken token, string? note = null)
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

        if (!await leases.StillHoldsAsync(held).ConfigureAwait(false))
        {
            logger.NotPostedLeaseLost(job.Id); // Another worker took it over: it posts the result, not this one.
            return;
        }

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
            await ender.EndAsync(job, JobState.Failed, "The result was ready, but I couldn't post it here.", "result could not be posted", leases.Owner).ConfigureAwait(false);
            return;
        }

        if (await store.CompleteAsync(job.Id, charge, CancellationToken.None, leases.Owner, keys).ConfigureAwait(false))
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
}
