using ChatBot.Core.Catalog;
using ChatBot.Core.Commands.Regions;
using ChatBot.Core.Media;
using ChatBot.Core.Platform;
using ChatBot.Core.Providers;
using ChatBot.Core.Tenants;

namespace ChatBot.Core.Replies;

/// <summary>
/// Every view of a job's reply, from its place in line to its result or its ending. One revision
/// counter numbers them all, so an adapter can drop a view older than the one it shows.
/// </summary>
internal sealed class JobReplyViews(ModelCatalog catalog, ProviderRouter router, EtaEstimator eta, TimeProvider time, IRegionEditorLinks? regionLinks = null)
{
    private const string NothingCharged = "No credits were charged.";
    private long _revision;

    /// <summary>A waiting job's place in line; <paramref name="note"/> (from routing) goes under the status.</summary>
    /// <remarks><paramref name="wait"/> is the estimated time until it starts, from the jobs ahead of it; its ETA adds its own typical run.</remarks>
    public ReplyView Queued(JobRecord job, int position, int length, string? note = null, TimeSpan? wait = null) => new()
    {
        JobId = job.Id,
        Status = ReplyStatus.Queued,
        Title = ReplyText.Title(job.Spec),
        StatusText = ReplyText.WithNote(ReplyText.QueuedText(position, length), Note(job, note)),
        Wait = wait,
        QueuePosition = position,
        QueueLength = length,
        Elapsed = Elapsed(job),
        Eta = eta.Typical(job.Spec.ModelId) is { } typical ? typical + (wait ?? TimeSpan.Zero) : null,
        ModelLabel = Label(job.Spec.ModelId, job.Provider),
        Buttons = CancelButton(job.Id),
        RequestedBy = job.Spec.DisplayName,
        Revision = NextRevision(),
    };

    /// <summary>The first view of a job that starts the moment it joins the line (<paramref name="waiting"/> others wait).</summary>
    public ReplyView Starting(JobRecord job, int waiting, string? note = null) =>
        Queued(job, 1, Math.Max(1, waiting)) with
        {
            Status = ReplyStatus.Running,
            StatusText = ReplyText.WithNote("Starting…", Note(job, note)),
            QueuePosition = null,
            Wait = null,
        };

    /// <summary>The job is being handed to its provider.</summary>
    public ReplyView Sending(JobRecord job, ModelDefinition model, string? note) =>
        Running(job, model, $"Sending to {router.DisplayName(job.Provider)}…", null, null, note);

    /// <summary>The provider holds the job in its own line.</summary>
    public ReplyView WaitingAtProvider(JobRecord job, ModelDefinition model, int position, int? total, string? note) =>
        Running(job, model, $"Waiting in {router.DisplayName(job.Provider)}'s line", null, null, note) with
        {
            QueuePosition = position,
            QueueLength = total,
        };

    /// <summary>The provider is working on the job.</summary>
    public ReplyView Running(JobRecord job, ModelDefinition model, string text, double? percent, ReplyFile? preview, string? note)
    {
        var elapsed = Elapsed(job);
        var running = job.StartedAt is { } s ? time.GetUtcNow() - s : elapsed;
        return new ReplyView
        {
            JobId = job.Id,
            Status = ReplyStatus.Running,
            Title = ReplyText.Title(job.Spec),
            StatusText = ReplyText.WithNote(text, Note(job, note)),
            Progress = percent,
            Elapsed = elapsed,
            Eta = eta.Remaining(model.Id, running, percent),
            ModelLabel = Label(model.Id, job.Provider),
            Preview = preview,
            Buttons = CancelButton(job.Id),
            RequestedBy = job.Spec.DisplayName,
            Revision = NextRevision(),
        };
    }

    /// <summary>The final view of a job that ended without a result: why, and that it cost nothing.</summary>
    public ReplyView Ended(JobRecord job, JobState terminal, string message) => new()
    {
        JobId = job.Id,
        Status = terminal == JobState.Cancelled ? ReplyStatus.Cancelled : ReplyStatus.Failed,
        Title = ReplyText.Title(job.Spec),
        StatusText = $"{message} {NothingCharged}",
        Elapsed = Elapsed(job),
        ModelLabel = Label(job.Spec.ModelId, job.Provider),
        RequestedBy = job.Spec.DisplayName,
        Revision = NextRevision(),
    };

    /// <summary>The finished job: its files, what it cost, and the buttons that act on its outputs.</summary>
    public ResultView Result(JobRecord job, IReadOnlyList<ReplyFile> files, long charge, bool offerGallery, string? note)
    {
        var elapsed = Elapsed(job);
        return new ResultView
        {
            JobId = job.Id,
            Title = ReplyText.Title(job.Spec),
            ModelLabel = Label(job.Spec.ModelId, job.Provider),
            Details = Details(job, Note(job, note)),
            CreditsCharged = charge,
            Elapsed = elapsed,
            Files = files,
            RequestedBy = job.Spec.DisplayName,
            Buttons = [.. ResultButtons(job.Id, [.. files.Select(f => f.Media)], catalog, offerGallery, router.CanRun), .. RegionButton(job, files)],
        };
    }

    /// <summary>How long the model usually takes, or null while too few of its jobs have finished.</summary>
    public TimeSpan? Typical(string modelId) => eta.Typical(modelId);

    /// <summary>What is left of a job that started at <paramref name="started"/>, by the model's history.</summary>
    public TimeSpan? Remaining(string modelId, DateTimeOffset started) => eta.Remaining(modelId, time.GetUtcNow() - started, null);

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>
    /// Vary (Region) under a single picture, when its model or an available one can inpaint; on Discord and Slack only
    /// while the host can hand out links to its region editor (the Playground opens the editor in place).
    /// </summary>
    private IEnumerable<ReplyButton> RegionButton(JobRecord job, IReadOnlyList<ReplyFile> files)
    {
        var inPlace = job.Reply.Platform == PlatformNames.Playground;
        var inpaints = catalog.Find(job.Spec.ModelId)?.Supports(MediaOperation.Inpaint) == true
            || catalog.For(MediaOperation.Inpaint).Any(router.IsAvailable);
        if (files is [{ Media.Kind: MediaKind.Image }] && inpaints && (inPlace || regionLinks?.IsAvailable == true))
        {
            yield return new ReplyButton(ButtonId.Encode(ButtonAction.VaryRegion, job.Id, 0), RegionEdit.Label, ButtonAction.VaryRegion, job.Id, 0);
        }
    }

    public static IReadOnlyList<ReplyButton> CancelButton(string jobId) =>
        [new ReplyButton(ButtonId.Encode(ButtonAction.Cancel, jobId), "Cancel", ButtonAction.Cancel, jobId)];

    /// <summary>"Save to gallery" is offered when the tenant turned it on and the provider that ran the job keeps galleries.</summary>
    public static bool OffersGallery(TenantSettings settings, IMediaProvider? provider) =>
        settings.GalleryEnabled && provider is IGalleryProvider;

    /// <summary>
    /// The buttons under a result: per-image Upscale/Vary (U1…/V1… when several), then Re-roll, Animate, Remove background, Edit…;
    /// under a video, Upscale and Extend where a model can run them;
    /// then "Save to gallery" for each output the provider gave a link to, when <paramref name="offerGallery"/>.
    /// An action is offered only when a model that <paramref name="canRun"/> (configured now) does the operation; Edit… only
    /// where such a model follows a prompt.
    /// </summary>
    public static IReadOnlyList<ReplyButton> ResultButtons(
        string jobId, IReadOnlyList<StoredMedia> outputs, ModelCatalog catalog, bool offerGallery = false, Func<ModelDefinition, bool>? canRun = null)
    {
        bool Can(MediaOperation op) => catalog.For(op).Any(m => canRun?.Invoke(m) ?? true);
        var buttons = new List<ReplyButton>();
        var images = outputs.Select((m, i) => (m, i)).Where(x => x.m.Kind == MediaKind.Image).ToList();
        var several = images.Count > 1;
        if (Can(MediaOperation.Upscale))
        {
            buttons.AddRange(images.Select(x => new ReplyButton(ButtonId.Encode(ButtonAction.Upscale, jobId, x.i), several ? $"U{x.i + 1}" : "Upscale", ButtonAction.Upscale, jobId, x.i)));
        }

        if (Can(MediaOperation.Vary))
        {
            buttons.AddRange(images.Select(x => new ReplyButton(ButtonId.Encode(ButtonAction.Vary, jobId, x.i), several ? $"V{x.i + 1}" : "Vary", ButtonAction.Vary, jobId, x.i)));
        }

        buttons.Add(new ReplyButton(ButtonId.Encode(ButtonAction.Reroll, jobId), "Re-roll", ButtonAction.Reroll, jobId));
        if (images.Count > 0)
        {
            if (Can(MediaOperation.Video))
            {
                buttons.Add(new ReplyButton(ButtonId.Encode(ButtonAction.Animate, jobId, 0), "Animate", ButtonAction.Animate, jobId, 0));
            }

            if (Can(MediaOperation.RemoveBackground))
            {
                buttons.Add(new ReplyButton(ButtonId.Encode(ButtonAction.RemoveBackground, jobId, 0), "Remove background", ButtonAction.RemoveBackground, jobId, 0));
            }

            if (catalog.For(MediaOperation.Edit).Any(m => !m.Limits.IgnoresPrompt && (canRun?.Invoke(m) ?? true)))
            {
                buttons.Add(new ReplyButton(ButtonId.Encode(ButtonAction.Edit, jobId, 0), "Edit…", ButtonAction.Edit, jobId, 0));
            }
        }

        var videos = outputs.Select((m, i) => (m, i)).Where(x => x.m.Kind == MediaKind.Video).ToList();
        if (videos.Count > 0)
        {
            // Where a model can run them: upscale the video (AetherWave's video upscalers), or continue it from its last frame.
            if (Can(MediaOperation.VideoUpscale))
            {
                buttons.AddRange(videos.Select(x => new ReplyButton(ButtonId.Encode(ButtonAction.Upscale, jobId, x.i), videos.Count > 1 ? $"U{x.i + 1}" : "Upscale", ButtonAction.Upscale, jobId, x.i)));
            }

            if (Can(MediaOperation.Video))
            {
                buttons.Add(new ReplyButton(ButtonId.Encode(ButtonAction.Extend, jobId, videos[0].i), "Extend", ButtonAction.Extend, jobId, videos[0].i));
            }
        }

        if (offerGallery)
        {
            var saveable = outputs.Select((m, i) => (m, i)).Where(x => x.m.SourceUrl is not null).ToList();
            buttons.AddRange(saveable.Select(x => new ReplyButton(
                ButtonId.Encode(ButtonAction.SaveToGallery, jobId, x.i),
                saveable.Count > 1 ? $"Save {x.i + 1}" : "Save to gallery",
                ButtonAction.SaveToGallery,
                jobId,
                x.i)));
        }

        return buttons;
    }

    /// <summary>What the footer does not say already: the seed to reproduce it, and why it ran where it ran.</summary>
    private static string Details(JobRecord job, string? note) =>
        job.Spec.Options.Seed is { } seed && note?.Contains("seed", StringComparison.OrdinalIgnoreCase) != true
            ? ReplyText.WithNote($"Seed {seed}", note)
            : note ?? "";

    /// <summary>The routing note the job carries, with the note of this moment (a fallback, a price) when it says something else.</summary>
    private static string? Note(JobRecord job, string? note) => (job.Spec.RouteNote, note) switch
    {
        (null, _) => note,
        (_, null) => job.Spec.RouteNote,
        var (route, now) when now.Contains(route, StringComparison.Ordinal) => now,
        var (route, now) => $"{route}\n{now}",
    };

    private string Label(string modelId, string provider) => ReplyText.ModelLabel(catalog.Find(modelId), router.DisplayName(provider));

    private TimeSpan Elapsed(JobRecord job) => job.CreatedAt == default ? TimeSpan.Zero : time.GetUtcNow() - job.CreatedAt;

    private long NextRevision() => Interlocked.Increment(ref _revision);
}
