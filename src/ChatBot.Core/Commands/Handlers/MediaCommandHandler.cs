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
    ModelCatalog catalog,
    IJobStore store,
    ICreditLedger ledger,
    ITenantSettingsStore tenants,
    ResultSource sources,
    JobInputIntake intake,
    VideoExtension extension,
    PromptRules prompts,
    JobScheduler scheduler,
    JobConfirmation confirmation,
    IOptions<SchedulerOptions> scheduling,
    ILogger<MediaCommandHandler> logger,
    ChatBotMetrics? metrics = null,
    IMemberSettingsStore? members = null,
    IOptions<CreditOptions>? credits = null) : ICommandHandler
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
        var defaults = members is null ? new MemberDefaults() : await members.GetAsync(actor.Account, cancellationToken).ConfigureAwait(false);
        // A result action (Vary Strong, Zoom Out…) runs only on a model that takes what it asks for.
        IReadOnlyCollection<string> disabled = request.SourceJobId is null ? settings.DisabledModels : [.. settings.DisabledModels, .. ResultActions.Unfit(catalog, operation, options)];
        var route = router.Route(operation, MemberDefaultsRule.Model(options, defaults, operation, catalog), settings.DefaultModel, disabled, images);
        if (route is RouteResult.Unroutable && options.Model is null && defaults.Model is not null)
        {
            // The member's own default cannot run here (no key, disabled in this community): the usual choice runs instead.
            route = router.Route(operation, null, settings.DefaultModel, disabled, images);
        }

        if (route is RouteResult.Unroutable unroutable)
        {
            return new CommandOutcome.Refused(unroutable.Message);
        }

        var (model, provider, note) = (RouteResult.Routed)route;
        options = MemberDefaultsRule.Apply(kind, options, defaults, model);
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

        options = SeedRule.Assign(model, operation, timedOptions);

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
        return await QueueAsync(request, spec, model, provider.Name, note, settings.ConfirmAbove ?? credits?.Value.ConfirmAbove ?? new CreditOptions().ConfirmAbove, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates the job with its reservation in one step, then queues it and shows its first view; a job priced above
    /// <paramref name="confirmAbove"/> is created with nothing reserved and shows its price with Confirm / Cancel instead.
    /// </summary>
    private async Task<CommandOutcome> QueueAsync(CommandRequest request, JobSpec spec, ModelDefinition model, string provider, string? note, long confirmAbove, CancellationToken ct)
    {
        var account = request.Actor.Account;
        var price = CreditQuote.For(model, spec.Operation, spec.Options);
        var ask = price > confirmAbove;
        if (ask && (await ledger.GetBalanceAsync(account, ct).ConfigureAwait(false)).Available < price)
        {
            // Asking to confirm what the member could not pay anyway would only waste a click.
            return await confirmation.TooPoorAsync(account, price, ct).ConfigureAwait(false);
        }

        var newJob = new NewJob(NewJobId(), account, spec, request.Reply, provider, price) { MaxQueued = scheduling.Value.MaxQueuedPerUser, Roles = request.Actor.Roles, AwaitConfirmation = ask };
        var created = await store.CreateAsync(newJob, ct).ConfigureAwait(false);
        if (await confirmation.RefusalAsync(created, account, price, ct).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        var job = ((CreateJobResult.Created)created).Job;
        if (ask)
        {
            await confirmation.AskAsync(job, price, confirmAbove, note).ConfigureAwait(false);
            return new CommandOutcome.Accepted(job.Id);
        }

        logger.JobAccepted(job.Id, account.ToString(), model.Id, price);
        metrics?.Job(JobState.Queued, model.Id, provider);
        metrics?.CreditsReserved(job.ReservedCredits);

        // The engine writes the reply, its first view included: shown by the time this returns.
        await scheduler.AdmitAsync(job, note).ConfigureAwait(false);
        return new CommandOutcome.Accepted(job.Id);
    }

    private static CommandOutcome.Refused QueueFull(int queued, int limit) => JobConfirmation.QueueFull(queued, limit);

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
