using ChatBot.Providers.Local.Imaging;
using ChatBot.Providers.Local.Rendering;
using ChatBot.Providers.Local.Video;

namespace ChatBot.Providers.Local;

/// <summary>
/// The built-in offline provider: classical procedural rendering and image processing, no keys,
/// no money. <see cref="SubmitAsync"/> only checks the request and hands out an id; the work
/// happens while <see cref="TrackAsync"/> is followed, so re-submitting after a restart is free.
/// </summary>
internal sealed class LocalProvider : IMediaProvider
{
    public const string ProviderName = "local";

    private readonly LocalProviderOptions options;
    private readonly ILogger<LocalProvider> logger;
    private readonly TimeProvider timeProvider;
    private readonly Ffmpeg ffmpeg;
    private readonly SketchWork sketch;
    private readonly UpscaleWork upscale;
    private readonly ReframeWork reframe;
    private readonly MotionWork motion;

    public LocalProvider(IOptions<LocalProviderOptions> options, TimeProvider timeProvider, ILogger<LocalProvider> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        this.timeProvider = timeProvider;
        ffmpeg = new Ffmpeg(this.options, timeProvider, logger);
        var loader = new ImageLoader(this.options);
        var pacer = new LocalPacer(this.options.PassDelay, timeProvider);
        sketch = new SketchWork(loader, pacer, this.options);
        upscale = new UpscaleWork(loader, pacer, this.options);
        reframe = new ReframeWork(loader, pacer, this.options);
        motion = new MotionWork(loader, ffmpeg, pacer, this.options);
    }

    public string Name => ProviderName;

    public bool IsAvailable => true;

    public bool ResubmitIsSafe => true;

    public async Task<Submission> SubmitAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            await CheckAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ProviderException e)
        {
            LocalProviderLog.WorkRefused(logger, request.JobId, request.Operation.ToString(), e.Code, e.Message);
            if (e.NeverReachedProvider)
            {
                throw;
            }

            // Nothing has run yet, so the engine may offer the job to another provider that can do it.
            throw new ProviderException(e.Code, e.Message, e.Retryable, e) { NeverReachedProvider = true };
        }

        return new Submission($"local-{Guid.NewGuid():N}");
    }

    public async IAsyncEnumerable<ProviderUpdate> TrackAsync(MediaRequest request, Submission submission, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var operation = request.Operation.ToString();
        LocalProviderLog.WorkStarted(logger, request.JobId, operation);
        var started = timeProvider.GetTimestamp();

        // The work is CPU-bound: leave the caller's context before the first pass runs.
        await Task.Yield();
        var updates = Dispatch(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (updates.ConfigureAwait(false))
        {
            while (true)
            {
                ProviderUpdate? failure = null;
                bool more;
                try
                {
                    more = await updates.MoveNextAsync().ConfigureAwait(false);
                }
                catch (ProviderException e)
                {
                    LocalProviderLog.WorkRefused(logger, request.JobId, operation, e.Code, e.Message);
                    failure = new ProviderUpdate.Failed(e.Code, e.Message, e.Retryable);
                    more = false;
                }

                if (failure is not null)
                {
                    yield return failure;
                    yield break;
                }

                if (!more)
                {
                    yield break;
                }

                if (updates.Current is ProviderUpdate.Succeeded done)
                {
                    LocalProviderLog.WorkFinished(logger, request.JobId, operation, done.Outputs.Count, (long)timeProvider.GetElapsedTime(started).TotalMilliseconds);
                }

                yield return updates.Current;
            }
        }
    }

    private IAsyncEnumerable<ProviderUpdate> Dispatch(MediaRequest request, CancellationToken cancellationToken) => request.Operation switch
    {
        MediaOperation.Imagine or MediaOperation.Vary => sketch.RunAsync(request, cancellationToken),
        MediaOperation.Upscale => upscale.RunAsync(request, cancellationToken),
        MediaOperation.Edit or MediaOperation.Reframe => reframe.RunAsync(request, cancellationToken),
        MediaOperation.Video => motion.RunAsync(request, cancellationToken),
        _ => FailAsync(Unsupported(request.Operation)),
    };

    /// <summary>An update stream that fails on its first step, so TrackAsync reports the error as an update.</summary>
    private static async IAsyncEnumerable<ProviderUpdate> FailAsync(ProviderException error)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        if (error is not null)
        {
            throw error;
        }

        yield break;
    }

    /// <summary>Refuses what is sure to fail before any work (and before the member waits for it).</summary>
    private async Task CheckAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        var image = request.FirstInput(MediaRole.Image) ?? request.FirstInput(MediaRole.Reference);
        switch (request.Operation)
        {
            case MediaOperation.Imagine:
                break;
            case MediaOperation.Vary:
                RequireImage(image, "Vary");
                break;
            case MediaOperation.Upscale:
                RequireImage(request.FirstInput(MediaRole.Image), "Upscale");
                UpscaleWork.Check(UpscaleWork.FactorOf(request.Options), image!.Media.Width, image.Media.Height, options.MaxPixels);
                break;
            case MediaOperation.Edit or MediaOperation.Reframe:
                RequireImage(request.FirstInput(MediaRole.Image), "Reframe");
                if (ReframeWork.MarginsOf(request.Options) is null)
                {
                    ReframeWork.RatioOf(request.Options);
                }

                if (image!.Media is { Width: { } w, Height: { } h })
                {
                    ReframeWork.Check(w, h, request.Options, options.MaxPixels);
                }

                break;
            case MediaOperation.Video:
                if (!await ffmpeg.IsAvailableAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw Ffmpeg.Missing("Video");
                }

                break;
            default:
                throw Unsupported(request.Operation);
        }
    }

    private static void RequireImage(MediaInput? image, string what)
    {
        if (image is null)
        {
            throw new ProviderException("image_required", $"{what} needs an image: attach one or use the button under a result.");
        }
    }

    private static ProviderException Unsupported(MediaOperation operation) =>
        new("unsupported_operation", $"The local provider cannot do {operation}; it can imagine, vary, upscale, reframe and animate.")
        {
            NeverReachedProvider = true,
        };
}
