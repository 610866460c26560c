using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatBot.Core.Catalog;
using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Media;
using ChatBot.Core.Providers;
using ChatBot.Core.Replies;
using ChatBot.Core.Tenants;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using ChatBot.Core.Model;

namespace ChatBot.Core.Commands;

/// <summary>
/// Turns a platform-neutral command into an answer or a queued job. Everything that can refuse a
/// command (validation, routing, input checks, limits, credits) happens before the reservation, so
/// a refused command costs nothing.
/// </summary>
internal sealed partial class CommandDispatcher(
    ModelCatalog catalog,
    ProviderRouter router,
    IJobStore store,
    ICreditLedger ledger,
    ITenantSettingsStore tenants,
    MediaIntake intake,
    IMediaStore media,
    JobScheduler scheduler,
    JobEnder ender,
    IOptions<ValidationOptions> validation,
    IOptions<SchedulerOptions> scheduling,
    TimeProvider time,
    ILogger<CommandDispatcher> logger) : ICommandDispatcher
{
    public async Task<CommandOutcome> DispatchAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (scheduler.IsStopping)
        {
            return new CommandOutcome.Refused("The bot is restarting. Please try again in a minute.");
        }

        return request.Kind switch
        {
            CommandKind.Credits => await CreditsAsync(request, cancellationToken).ConfigureAwait(false),
            CommandKind.GrantCredits => await GrantAsync(request, cancellationToken).ConfigureAwait(false),
            CommandKind.SetAllowance => await SetAllowanceAsync(request, cancellationToken).ConfigureAwait(false),
            CommandKind.Jobs => await JobsAsync(request, cancellationToken).ConfigureAwait(false),
            CommandKind.Cancel => await CancelAsync(request, cancellationToken).ConfigureAwait(false),
            CommandKind.Models => await ModelsAsync(request, cancellationToken).ConfigureAwait(false),
            CommandKind.Settings => await SettingsAsync(request, cancellationToken).ConfigureAwait(false),
            CommandKind.Help => new CommandOutcome.Info(HelpText),
            CommandKind.SaveToGallery => await SaveToGalleryAsync(request, cancellationToken).ConfigureAwait(false),
            _ => await MediaAsync(request, cancellationToken).ConfigureAwait(false),
        };
    }

    private static readonly TimeSpan TemplateWait = TimeSpan.FromSeconds(5);

    public const string HelpText =
        "**Commands**\n" +
        "`/imagine <prompt>` — create images. Flags: `--ar 16:9` `--n 4` `--seed 42` `--no text` `--model <id>` `--template <id>` (templates: `/models`)\n" +
        "`/edit <prompt>` with an image — edit it. `--mode reframe --ar 16:9`, `--mode inpaint` (with a mask), `--mode remove-background`\n" +
        "`/upscale` with an image — `--factor 2|4`\n" +
        "`/video <prompt>` (optionally with an image) — `--duration 5`\n" +
        "`/credits` — your balance · `/jobs` — your jobs · `/cancel <job>` · `/models` — models and prices\n" +
        "Admins: `/credits grant @user N`, `/credits set-allowance N`, `/settings`";

    private async Task<CommandOutcome> MediaAsync(CommandRequest request, CancellationToken ct)
    {
        var actor = request.Actor;
        var options = request.Options;
        var inputs = request.Inputs.ToList();
        CommandKind kind = request.Kind;
        JobRecord? source = null;

        if (request.SourceJobId is { } sourceId)
        {
            source = await store.GetAsync(sourceId, ct).ConfigureAwait(false);
            if (source is null || source.Account.Platform != actor.Platform || source.Account.TenantId != actor.TenantId)
            {
                return new CommandOutcome.Refused("I can't find that result any more, so this button no longer works.");
            }

            if (kind == CommandKind.Reroll)
            {
                // Same command, same inputs, a new seed.
                kind = source.Spec.Kind is CommandKind.Reroll ? CommandKind.Imagine : source.Spec.Kind;
                options = source.Spec.Options with { Seed = null, Model = source.Spec.ModelId };
                inputs = [.. source.Spec.Inputs.Select(i => MediaRef.FromStore(i.MediaKey, "input", i.Role))];
            }
            else
            {
                // Delivering counts: the outputs are stored before the result is posted, and a member can
                // press a button in the moment between the post and the job's settlement.
                if (source.State is not (JobState.Succeeded or JobState.Delivering) || source.OutputKeys.Count == 0)
                {
                    return new CommandOutcome.Refused("That job has no finished result to work on yet.");
                }

                var index = request.SourceOutputIndex ?? 0;
                if (index < 0 || index >= source.OutputKeys.Count)
                {
                    return new CommandOutcome.Refused($"That result has {source.OutputKeys.Count} image(s); there is no number {index + 1}.");
                }

                inputs.Insert(0, MediaRef.FromStore(source.OutputKeys[index], $"result-{index + 1}"));
                options = options with
                {
                    Prompt = options.Prompt ?? source.Spec.Options.Prompt,
                    AspectRatio = options.AspectRatio ?? (kind == CommandKind.Vary ? source.Spec.Options.AspectRatio : null),
                    NegativePrompt = options.NegativePrompt ?? (kind == CommandKind.Vary ? source.Spec.Options.NegativePrompt : null),
                };
            }
        }

        var hasMask = inputs.Any(i => i.Role == MediaRole.Mask);
        if (OperationResolver.Resolve(kind, options.Mode, hasMask) is not { } operation)
        {
            return new CommandOutcome.Refused($"`--mode {options.Mode}` is not an edit mode. Try `edit`, `inpaint`, `reframe`, `remove-background`, `enhance`, `social` or `control`.");
        }

        if (Validate(operation, options) is { } problem)
        {
            return new CommandOutcome.Refused(problem);
        }

        var settings = await tenants.GetAsync(actor.Account.Tenant, ct).ConfigureAwait(false);
        var route = router.Route(operation, options.Model, settings.DefaultModel, settings.DisabledModels);
        if (route is RouteResult.Unroutable unroutable)
        {
            return new CommandOutcome.Refused(unroutable.Message);
        }

        var (model, provider, note) = (RouteResult.Routed)route;
        if (CheckLimits(model, operation, options, inputs) is { } limit)
        {
            return new CommandOutcome.Refused(limit);
        }

        var (queued, running) = scheduler.CountFor(actor.Account);
        if (queued >= scheduling.Value.MaxQueuedPerUser)
        {
            return new CommandOutcome.Refused(
                $"You already have {queued} jobs waiting (the limit is {scheduling.Value.MaxQueuedPerUser}). Wait for one to finish, or `/cancel` one.");
        }

        // Operations that take sound or video read each plain attachment for what its bytes are;
        // everything else takes images only.
        var takesAnyMedia = operation is MediaOperation.LipSync or MediaOperation.VideoRemoveBackground;
        var stored = new List<JobInput>(inputs.Count);
        foreach (var input in inputs)
        {
            var expected = input.Role switch
            {
                MediaRole.Audio => MediaKind.Audio,
                MediaRole.Video => MediaKind.Video,
                MediaRole.Image when takesAnyMedia => MediaKind.Unknown,
                _ => MediaKind.Image,
            };
            var intakeResult = await intake.IngestAsync(actor.Platform, input, expected, ct).ConfigureAwait(false);
            if (intakeResult is IntakeResult.Rejected rejected)
            {
                return new CommandOutcome.Refused(rejected.Message);
            }

            var media = ((IntakeResult.Accepted)intakeResult).Media;
            var role = expected != MediaKind.Unknown ? input.Role : media.Kind switch
            {
                MediaKind.Audio => MediaRole.Audio,
                MediaKind.Video => MediaRole.Video,
                _ => MediaRole.Image,
            };
            stored.Add(new JobInput(role, media.Key));
        }

        if (operation == MediaOperation.VideoRemoveBackground && !stored.Any(i => i.Role == MediaRole.Video))
        {
            return new CommandOutcome.Refused("Attach the video (MP4 or WebM) to remove its background.");
        }

        if (operation == MediaOperation.LipSync && (!stored.Any(i => i.Role == MediaRole.Audio) || !stored.Any(i => i.Role == MediaRole.Image)))
        {
            return new CommandOutcome.Refused("Lip sync needs an image of a face and an audio file (MP3, WAV, M4A, OGG or FLAC).");
        }

        var count = Math.Max(1, options.Count ?? 1);
        var seconds = operation is MediaOperation.Video or MediaOperation.LipSync or MediaOperation.Storyboard
            ? options.DurationSeconds ?? (model.Limits.Durations.Count > 0 ? model.Limits.Durations[0] : null)
            : null;
        var price = model.Price.Quote(count, seconds, options.Resolution);
        var jobId = NewJobId();
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
        };

        var created = await store.CreateAsync(new NewJob(jobId, actor.Account, spec, request.Reply, provider.Name, price), ct).ConfigureAwait(false);
        if (created is CreateJobResult.InsufficientCredits poor)
        {
            var allowance = await ledger.GetAllowanceAsync(actor.Account.Tenant, ct).ConfigureAwait(false);
            var topUp = allowance > 0 ? $" Your daily allowance tops you up to {allowance} at 00:00 UTC." : "";
            return new CommandOutcome.Refused($"This needs {Credits(price)}; you have {Credits(poor.Balance)}.{topUp}");
        }

        var job = ((CreateJobResult.Created)created).Job;
        LogAccepted(logger, job.Id, actor.Account.ToString(), model.Id, price);

        // The engine writes the reply, its first view included: shown by the time this returns.
        await scheduler.AdmitAsync(job, note).ConfigureAwait(false);
        return new CommandOutcome.Accepted(job.Id);
    }

    private string? Validate(MediaOperation operation, CommandOptions options)
    {
        var rules = validation.Value;
        var prompt = options.Prompt ?? "";
        if (prompt.Length > rules.MaxPromptLength)
        {
            return $"Your prompt is {prompt.Length} characters; the limit is {rules.MaxPromptLength}. Please shorten it.";
        }

        if (OperationResolver.NeedsPrompt(operation) && string.IsNullOrWhiteSpace(prompt))
        {
            return operation == MediaOperation.Imagine
                ? "Tell me what to imagine, for example `/imagine a lighthouse at dusk --ar 16:9`."
                : "Tell me what to change, for example `/edit make the sky stormy`.";
        }

        var text = $"{prompt} {options.NegativePrompt}";
        var blocked = rules.Blocklist.FirstOrDefault(word => ContainsWord(text, word));
        return blocked is null ? null : "Your prompt contains a word this community has blocked. Please rephrase it.";
    }

    private static string? CheckLimits(ModelDefinition model, MediaOperation operation, CommandOptions o, List<MediaRef> inputs)
    {
        var limits = model.Limits;
        var name = $"`{model.Id}`";
        var images = inputs.Count(i => i.Role is MediaRole.Image or MediaRole.Reference);
        if (operation is MediaOperation.VideoRemoveBackground or MediaOperation.LipSync)
        {
            // What each attachment is becomes known only from its bytes, after the checks below.
            return inputs.Count == 0
                ? operation == MediaOperation.LipSync
                    ? "Lip sync needs an image of a face and an audio file."
                    : "Attach the video (MP4 or WebM) to remove its background."
                : null;
        }

        if (images == 0 && (limits.RequiresImage || OperationResolver.NeedsImage(operation)))
        {
            return operation switch
            {
                MediaOperation.Upscale => "Attach the image to upscale (or use the Upscale button under a result).",
                MediaOperation.LipSync => "Lip sync needs an image of a face and an audio file.",
                _ => $"{name} needs an image: attach one (or use the buttons under a result).",
            };
        }

        if (operation == MediaOperation.Inpaint && !inputs.Any(i => i.Role == MediaRole.Mask))
        {
            return "Inpainting needs a mask: attach it as the mask (transparent or white where the image should change).";
        }

        if (images > Math.Max(1, limits.MaxInputImages))
        {
            return $"{name} takes at most {limits.MaxInputImages} image(s); you gave {images}.";
        }

        if (o.Count is { } count && count > limits.MaxCount)
        {
            return $"{name} makes at most {limits.MaxCount} image(s) at once; you asked for {count}.";
        }

        if (o.AspectRatio is { } ar && limits.AspectRatios.Count > 0 && !limits.AspectRatios.Contains(ar))
        {
            return $"{name} doesn't do aspect ratio {ar}. It does: {string.Join(", ", limits.AspectRatios)}.";
        }

        if (o.Resolution is { } res && limits.Resolutions.Count > 0 && !limits.Resolutions.Contains(res, StringComparer.OrdinalIgnoreCase))
        {
            return $"{name} doesn't do resolution {res}. It does: {string.Join(", ", limits.Resolutions)}.";
        }

        if (o.DurationSeconds is { } d && limits.Durations.Count > 0 && !limits.Durations.Contains(d))
        {
            return $"{name} makes videos of {string.Join(", ", limits.Durations)} seconds, not {d}.";
        }

        if (o.UpscaleFactor is { } f && limits.UpscaleFactors.Count > 0 && !limits.UpscaleFactors.Contains(f))
        {
            return $"{name} upscales by {string.Join(" or ", limits.UpscaleFactors.Select(x => $"{x}×"))}, not {f}×.";
        }

        if (o.Prompt is { } p && limits.MaxPromptLength is { } max && p.Length > max)
        {
            return $"{name} takes prompts of at most {max} characters; yours has {p.Length}.";
        }

        if (!string.IsNullOrEmpty(o.NegativePrompt) && !limits.SupportsNegativePrompt)
        {
            return $"{name} doesn't take a negative prompt (`--no`).";
        }

        return null;
    }

    private async Task<CommandOutcome> CreditsAsync(CommandRequest request, CancellationToken ct)
    {
        var account = request.Actor.Account;
        var balance = await ledger.GetBalanceAsync(account, ct).ConfigureAwait(false);
        var history = await ledger.GetHistoryAsync(account, 10, ct).ConfigureAwait(false);
        var until = balance.NextTopUp - time.GetUtcNow();
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"**Credits:** {balance.Available} available")
            .Append(balance.Reserved > 0 ? string.Create(CultureInfo.InvariantCulture, $", {balance.Reserved} reserved by running jobs") : "")
            .Append('\n')
            .Append(CultureInfo.InvariantCulture, $"Daily allowance: {balance.DailyAllowance} · next top-up in {ReplyText.Duration(until)} (00:00 UTC)\n");
        if (history.Count > 0)
        {
            text.Append("Last movements:\n");
            foreach (var e in history)
            {
                var job = e.JobId is null ? "" : $" · job `{e.JobId}`";
                text.Append(CultureInfo.InvariantCulture, $"`{e.Amount,5:+#;-#;0}` {e.Kind.ToString().ToLowerInvariant()}{job} · {e.At:yyyy-MM-dd HH:mm} UTC\n");
            }
        }

        return new CommandOutcome.Info(text.ToString().TrimEnd());
    }

    private async Task<CommandOutcome> GrantAsync(CommandRequest request, CancellationToken ct)
    {
        if (!request.Actor.IsAdmin)
        {
            return new CommandOutcome.Refused("Only admins can grant credits.");
        }

        if (request.Options.TargetUserId is not { Length: > 0 } target || request.Options.Amount is not { } amount || amount == 0)
        {
            return new CommandOutcome.Refused("Use `/credits grant @user N` with a whole number N.");
        }

        var account = request.Actor.Account with { UserId = target };
        var balance = await ledger.GrantAsync(account, amount, $"granted by {request.Actor.DisplayName}", ct).ConfigureAwait(false);
        var verb = amount > 0 ? $"Granted {Credits(amount)} to" : $"Took {Credits(-amount)} from";
        return new CommandOutcome.Info($"{verb} {target}. Their balance is now {balance}.");
    }

    private async Task<CommandOutcome> SetAllowanceAsync(CommandRequest request, CancellationToken ct)
    {
        if (!request.Actor.IsAdmin)
        {
            return new CommandOutcome.Refused("Only admins can set the daily allowance.");
        }

        if (request.Options.Amount is not { } amount || amount < 0)
        {
            return new CommandOutcome.Refused("Use `/credits set-allowance N` with a whole number N of 0 or more.");
        }

        await ledger.SetAllowanceAsync(request.Actor.Account.Tenant, amount, ct).ConfigureAwait(false);
        return new CommandOutcome.Info($"Daily allowance set to {Credits(amount)}. Members are topped up to it on their first command each day (UTC).");
    }

    private async Task<CommandOutcome> JobsAsync(CommandRequest request, CancellationToken ct)
    {
        var jobs = await store.GetActiveAsync(request.Actor.Account, ct).ConfigureAwait(false);
        if (jobs.Count == 0)
        {
            return new CommandOutcome.Info("You have no queued or running jobs.");
        }

        var text = new StringBuilder("**Your jobs**\n");
        foreach (var job in jobs)
        {
            var where = job.State == JobState.Queued && scheduler.PositionOf(job.Id) is { } p ? $"queued, {ReplyText.Ordinal(p)} in line" : job.State.ToString().ToLowerInvariant();
            text.Append(CultureInfo.InvariantCulture, $"`{job.Id}` {ReplyText.Title(job.Spec)} — {where}, {job.ReservedCredits} credits reserved\n");
        }

        text.Append("Cancel one with `/cancel <job>`.");
        return new CommandOutcome.Info(text.ToString());
    }

    private async Task<CommandOutcome> CancelAsync(CommandRequest request, CancellationToken ct)
    {
        var id = request.Options.JobId?.Trim().Trim('`');
        JobRecord? job;
        if (string.IsNullOrEmpty(id))
        {
            var mine = await store.GetActiveAsync(request.Actor.Account, ct).ConfigureAwait(false);
            if (mine.Count != 1)
            {
                return new CommandOutcome.Refused(mine.Count == 0 ? "You have no jobs to cancel." : "You have several jobs: say which, `/cancel <job>` (see `/jobs`).");
            }

            job = mine[0];
        }
        else
        {
            job = await store.GetAsync(id, ct).ConfigureAwait(false);
        }

        if (job is null || job.Account.Platform != request.Actor.Platform || job.Account.TenantId != request.Actor.TenantId)
        {
            return new CommandOutcome.Refused($"I can't find the job `{id}`. `/jobs` lists yours.");
        }

        if (job.Account != request.Actor.Account && !request.Actor.IsAdmin)
        {
            return new CommandOutcome.Refused("You can only cancel your own jobs.");
        }

        if (job.State.IsTerminal())
        {
            return new CommandOutcome.Refused($"Job `{job.Id}` has already ended ({job.State.ToString().ToLowerInvariant()}).");
        }

        if (!scheduler.Cancel(job.Id))
        {
            await ender.EndAsync(job, JobState.Cancelled, "Cancelled.", "cancelled by request").ConfigureAwait(false);
        }

        return new CommandOutcome.Info($"Cancelling job `{job.Id}`. Its {Credits(job.ReservedCredits)} will be returned.");
    }

    private async Task<CommandOutcome> ModelsAsync(CommandRequest request, CancellationToken ct)
    {
        var settings = await tenants.GetAsync(request.Actor.Account.Tenant, ct).ConfigureAwait(false);
        var text = new StringBuilder("**Models** (`--model <id>`; price in credits)\n");
        foreach (var group in catalog.Models.GroupBy(m => m.Provider, StringComparer.OrdinalIgnoreCase))
        {
            var provider = router.FindProvider(group.Key);
            var state = provider is null ? "not installed" : provider.IsAvailable ? "available" : "unavailable (no key configured, or not answering)";
            var info = catalog.FindProvider(group.Key);
            text.Append(CultureInfo.InvariantCulture, $"\n__{router.DisplayName(group.Key)}__ — {state}\n");
            if (info?.Description is { Length: > 0 } description)
            {
                text.Append(CultureInfo.InvariantCulture, $"_{description}_\n");
            }

            foreach (var model in group)
            {
                if (settings.DisabledModels.Contains(model.Id, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                var ops = string.Join(", ", model.Operations.Select(ProviderRouter.Describe));
                var mark = model.Id.Equals(settings.DefaultModel, StringComparison.OrdinalIgnoreCase) ? " (default)" : "";
                text.Append(CultureInfo.InvariantCulture, $"`{model.Id}`{mark} — {ops} — {PriceText(model.Price)}");
                text.Append(model.Description.Length > 0 ? $" — {model.Description}\n" : "\n");
            }

            if (provider is IProviderTemplates offers && provider.IsAvailable)
            {
                await AppendTemplatesAsync(text, group.Key, offers, ct).ConfigureAwait(false);
            }
        }

        return new CommandOutcome.Info(text.ToString().TrimEnd());
    }

    /// <summary>The provider's templates, when it answers within a few seconds; /models answers without them otherwise.</summary>
    private async Task AppendTemplatesAsync(StringBuilder text, string provider, IProviderTemplates offers, CancellationToken ct)
    {
        const int Shown = 20;
        IReadOnlyList<ProviderTemplate> templates;
        using var timeout = new CancellationTokenSource(TemplateWait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            templates = await offers.GetTemplatesAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ProviderException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            LogTemplatesUnavailable(logger, provider, ex.GetType().Name);
            return;
        }

        if (templates.Count == 0)
        {
            return;
        }

        text.Append("Templates (`/imagine … --template <id>`): ");
        text.AppendJoin(", ", templates.Take(Shown).Select(t => t.Note is { Length: > 0 } note ? $"`{t.Id}` ({t.Name}, {note})" : $"`{t.Id}` ({t.Name})"));
        text.Append(templates.Count > Shown ? $" and {templates.Count - Shown} more\n" : "\n");
    }

    /// <summary>Keeps one result in the member's gallery on the provider that made it. Costs nothing.</summary>
    private async Task<CommandOutcome> SaveToGalleryAsync(CommandRequest request, CancellationToken ct)
    {
        var actor = request.Actor;
        var job = request.SourceJobId is { } id ? await store.GetAsync(id, ct).ConfigureAwait(false) : null;
        if (job is null || job.Account.Platform != actor.Platform || job.Account.TenantId != actor.TenantId)
        {
            return new CommandOutcome.Refused("I can't find that result any more, so this button no longer works.");
        }

        var settings = await tenants.GetAsync(actor.Account.Tenant, ct).ConfigureAwait(false);
        if (!settings.GalleryEnabled)
        {
            return new CommandOutcome.Refused("Saving to a gallery is turned off here. An admin can turn it on with `/settings gallery on`.");
        }

        var provider = router.FindProvider(job.Provider);
        var name = router.DisplayName(job.Provider);
        if (provider is not IGalleryProvider gallery)
        {
            return new CommandOutcome.Refused($"{name} has no gallery to save to.");
        }

        var index = request.SourceOutputIndex ?? 0;
        if (job.State is not (JobState.Succeeded or JobState.Delivering) || index < 0 || index >= job.OutputKeys.Count)
        {
            return new CommandOutcome.Refused("That job has no finished result to save.");
        }

        var output = await media.GetAsync(job.OutputKeys[index], ct).ConfigureAwait(false);
        if (output?.SourceUrl is not { } url)
        {
            return new CommandOutcome.Refused($"{name} gave no link for this result, so it can't be saved to your gallery.");
        }

        try
        {
            await gallery.SaveToGalleryAsync(new GallerySaveRequest(url, output.Kind, job.Spec.Options.Prompt, job.Spec.ModelId, ReplyText.Title(job.Spec)), ct).ConfigureAwait(false);
        }
        catch (ProviderException ex)
        {
            LogGalleryRefused(logger, job.Id, job.Provider, ex.Code);
            return new CommandOutcome.Refused($"{name} did not save it: {ex.Message}");
        }

        return new CommandOutcome.Info($"Saved to your {name} gallery.");
    }

    private async Task<CommandOutcome> SettingsAsync(CommandRequest request, CancellationToken ct)
    {
        var tenant = request.Actor.Account.Tenant;
        var settings = await tenants.GetAsync(tenant, ct).ConfigureAwait(false);
        var setting = request.Options.Extra.GetValueOrDefault("setting");
        var value = request.Options.Extra.GetValueOrDefault("value")?.Trim();
        if (setting is null)
        {
            var allowance = await ledger.GetAllowanceAsync(tenant, ct).ConfigureAwait(false);
            return new CommandOutcome.Info(
                $"**Settings**\nDefault model: {settings.DefaultModel ?? "auto"}\nDaily allowance: {allowance}\n" +
                $"Save to gallery button: {(settings.GalleryEnabled ? "on" : "off")}\n" +
                $"Disabled models: {(settings.DisabledModels.Count == 0 ? "none" : string.Join(", ", settings.DisabledModels))}\n" +
                "Admins change them with `/settings default-model <id|auto>`, `/settings gallery on|off`, `/settings disable-model <id>`, `/settings enable-model <id>`.");
        }

        if (!request.Actor.IsAdmin)
        {
            return new CommandOutcome.Refused("Only admins can change settings.");
        }

        TenantSettings updated;
        switch (setting)
        {
            case "default-model" when value is { Length: > 0 }:
                if (!value.Equals(ProviderRouter.Auto, StringComparison.OrdinalIgnoreCase) && catalog.Find(value) is null)
                {
                    return new CommandOutcome.Refused($"I don't know the model `{value}`. `/models` lists them.");
                }

                updated = settings with { DefaultModel = value.Equals(ProviderRouter.Auto, StringComparison.OrdinalIgnoreCase) ? null : catalog.Find(value)!.Id };
                break;
            case "gallery" when value is "on" or "off":
                updated = settings with { GalleryEnabled = value == "on" };
                break;
            case "disable-model" when value is { Length: > 0 } && catalog.Find(value) is { } off:
                updated = settings with { DisabledModels = [.. settings.DisabledModels.Append(off.Id).Distinct(StringComparer.OrdinalIgnoreCase)] };
                break;
            case "enable-model" when value is { Length: > 0 }:
                updated = settings with { DisabledModels = [.. settings.DisabledModels.Where(m => !m.Equals(value, StringComparison.OrdinalIgnoreCase))] };
                break;
            default:
                return new CommandOutcome.Refused("Use `/settings default-model <id|auto>`, `/settings gallery on|off`, `/settings disable-model <id>` or `/settings enable-model <id>`.");
        }

        await tenants.SetAsync(tenant, updated, ct).ConfigureAwait(false);
        return new CommandOutcome.Info($"Saved: {setting} {value}.");
    }

    private static string PriceText(ModelPrice price)
    {
        var parts = new List<string>();
        if (price.PerRequest > 0)
        {
            parts.Add($"{price.PerRequest} per request");
        }

        if (price.PerOutput > 0)
        {
            parts.Add($"{price.PerOutput} per image");
        }

        if (price.PerSecond > 0)
        {
            parts.Add($"{price.PerSecond} per second");
        }

        return parts.Count == 0 ? "free" : string.Join(" + ", parts);
    }

    private static string Credits(long n) => n == 1 ? "1 credit" : $"{n} credits";

    private static bool ContainsWord(string text, string word)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return false;
        }

        var index = 0;
        while ((index = text.IndexOf(word, index, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var before = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
            var end = index + word.Length;
            var after = end >= text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                return true;
            }

            index = end;
        }

        return false;
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "/models lists no templates of {Provider}: {Reason}")]
    private static partial void LogTemplatesUnavailable(ILogger logger, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Saving job {JobId} to the {Provider} gallery was refused ({Code})")]
    private static partial void LogGalleryRefused(ILogger logger, string jobId, string provider, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} accepted for {Account}: {Model}, {Price} credits reserved")]
    private static partial void LogAccepted(ILogger logger, string jobId, string account, string model, long price);
}
