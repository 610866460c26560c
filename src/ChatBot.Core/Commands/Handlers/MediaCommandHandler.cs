using ChatBot.Core.Catalog;
using ChatBot.Core.Commands.Rules;
using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Metrics;
using ChatBot.Core.Providers;
using ChatBot.Core.Tenants;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>
/// Turns a media command (imagine, edit, video, upscale, vary, re-roll, animate, remove background) into a
/// queued job. Everything that can refuse it (source result, moderation, routing, model limits, the member's
/// queue, input checks, credits) happens before or inside the reservation, so a refused command costs nothing.
/// </summary>
internal sealed class MediaCommandHandler(
    ProviderRouter router,
    IJobStore store,
    ICreditLedger ledger,
    ITenantSettingsStore tenants,
    ResultSource sources,
    JobInputIntake intake,
    VideoExtension extension,
    PromptRules prompts,
    JobScheduler scheduler,
    IOptions<SchedulerOptions> scheduling,
    ILogger<MediaCommandHandler> logger,
    ChatBotMetrics? metrics = null) : ICommandHandler
{
    public IReadOnlyCollection<CommandKind> Kinds { get; } = [.. Enum.GetValues<CommandKind>().Where(kind => kind.StartsJob())];

    public async Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var actor = request.Actor;
        var (subject, sourceRefusal) = await sources.ResolveAsync(request, cancellationToken).ConfigureAwait(false);
        if (subject is null)
        {
            return new CommandOutcome.Refused(sourceRefusal!);
        }

        var (kind, options, inputs) = subject;
        var given = request.Options;
        if (VideoExtension.Applies(kind, options))
        {
            // The clip's last frame becomes the first frame of an image-to-video job.
            var (extended, extendRefusal) = await extension.ReplaceAsync(actor.Platform, inputs, cancellationToken).ConfigureAwait(false);
            if (extended is null)
            {
                return new CommandOutcome.Refused(extendRefusal!);
            }

            (inputs, options, given) = (extended, options with { Mode = null }, given with { Mode = null });
        }

        var hasMask = inputs.Any(i => i.Role == MediaRole.Mask);
        var hasVideo = inputs.Any(i => i.Role == MediaRole.Video || (i.DeclaredContentType?.StartsWith("video/", StringComparison.OrdinalIgnoreCase) ?? false));
        if (OperationResolver.Resolve(kind, options.Mode, hasMask, hasVideo) is not { } operation)
        {
            return new CommandOutcome.Refused($"`--mode {options.Mode}` is not an edit mode. Try `edit`, `inpaint`, `reframe`, `remove-background`, `enhance`, `social`, `control`, `search-replace` or `recolor`.");
        }

        if (prompts.Check(operation, options) is { } problem)
        {
            return new CommandOutcome.Refused(problem);
        }

        var settings = await tenants.GetAsync(actor.Account.Tenant, cancellationToken).ConfigureAwait(false);
        if (PromptRules.CheckTenant(settings, options) is { } blocked)
        {
            return new CommandOutcome.Refused(blocked);
        }

        var images = inputs.Count(i => i.Role is MediaRole.Image or MediaRole.Reference);
        var route = router.Route(operation, options.Model, settings.DefaultModel, settings.DisabledModels, images);
        if (route is RouteResult.Unroutable unroutable)
        {
            return new CommandOutcome.Refused(unroutable.Message);
        }

        var (model, provider, note) = (RouteResult.Routed)route;
        if (ModelLimitCheck.Check(model, operation, options, inputs) is { } limit)
        {
            return new CommandOutcome.Refused(limit);
        }

        var (checkedOptions, parameterRefusal) = ParameterCheck.Check(model, operation, options, given);
        if (checkedOptions is null)
        {
            return new CommandOutcome.Refused(parameterRefusal!);
        }

        if (NsfwRule.Check(model, operation, checkedOptions, request.Conversation) is { } adult)
        {
            return new CommandOutcome.Refused(adult);
        }

        var (timedOptions, durationRefusal) = DurationRule.Apply(model, operation, checkedOptions);
        if (timedOptions is null)
        {
            return new CommandOutcome.Refused(durationRefusal!);
        }

        options = timedOptions;

        // A cheap first look before the inputs are fetched; the store counts again where it reserves, so racing commands cannot all pass.
        var (queued, _) = scheduler.CountFor(actor.Account);
        if (queued >= scheduling.Value.MaxQueuedPerUser)
        {
            return QueueFull(queued, scheduling.Value.MaxQueuedPerUser);
        }

        var (stored, inputRefusal) = await intake.IngestAsync(actor.Platform, operation, inputs, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return new CommandOutcome.Refused(inputRefusal!);
        }

        var spec = new JobSpec
        {
            Kind = kind,
            Operation = operation,
            ModelId = model.Id,
            Options = options with { Model = model.Id },
            Conversation = request.Conversation,
            DisplayName = actor.DisplayName,
            Inputs = stored,
            SourceJobId = request.SourceJobId,
            SourceOutputIndex = request.SourceOutputIndex,
            RouteNote = note,
        };
        return await QueueAsync(request, spec, model, provider.Name, note, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the job with its reservation in one step, then queues it and shows its first view.</summary>
    private async Task<CommandOutcome> QueueAsync(CommandRequest request, JobSpec spec, ModelDefinition model, string provider, string? note, CancellationToken ct)
    {
        var account = request.Actor.Account;
        var price = CreditQuote.For(model, spec.Operation, spec.Options);
        var newJob = new NewJob(NewJobId(), account, spec, request.Reply, provider, price) { MaxQueued = scheduling.Value.MaxQueuedPerUser };
        var created = await store.CreateAsync(newJob, ct).ConfigureAwait(false);
        if (created is CreateJobResult.QueueFull full)
        {
            return QueueFull(full.Queued, full.Limit);
        }

        if (created is CreateJobResult.InsufficientCredits poor)
        {
            var allowance = await ledger.GetAllowanceAsync(account.Tenant, ct).ConfigureAwait(false);
            var topUp = allowance > 0 ? $" Your daily allowance tops you up to {allowance} at 00:00 UTC." : "";
            return new CommandOutcome.Refused($"This needs {CreditText.Amount(price)}; you have {CreditText.Amount(poor.Balance)}.{topUp}");
        }

        var job = ((CreateJobResult.Created)created).Job;
        logger.JobAccepted(job.Id, account.ToString(), model.Id, price);
        metrics?.Job(JobState.Queued, model.Id, provider);
        metrics?.CreditsReserved(job.ReservedCredits);

        // The engine writes the reply, its first view included: shown by the time this returns.
        await scheduler.AdmitAsync(job, note).ConfigureAwait(false);
        return new CommandOutcome.Accepted(job.Id);
    }

    private static CommandOutcome.Refused QueueFull(int queued, int limit) =>
        new($"You already have {queued} jobs waiting (the limit is {limit}). Wait for one to finish, or `/cancel` one.");

    private static string NewJobId()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        Span<byte> bytes = stackalloc byte[10];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = alphabet[bytes[i] % alphabet.Length];
        }

        return new string(chars);
    }
}
