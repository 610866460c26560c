using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatBot.Core.Catalog;
using ChatBot.Core.Model;
using ChatBot.Core.Media;
using ChatBot.Core.Providers;
using ChatBot.Providers.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Providers.Blackwave;

/// <summary>
/// Blackwave Studio (document 002): txt2img, img2img and inpainting through <c>POST /api/v1/generate</c>
/// with the key as <c>token</c> in the body, always in streaming mode so the reply shows the queue position.
/// The submit reads the stream up to the first line (which carries <c>job_id</c>); tracking keeps reading the
/// same connection.
/// </summary>
internal sealed class BlackwaveProvider(
    [FromKeyedServices(ProviderNames.Blackwave)] ProviderHttp http,
    ILogger<BlackwaveProvider> logger) : IMediaProvider, IDisposable
{
    private const string StreamState = "stream";
    private const int MaxSide = 1024;
    private const int MinSide = 256;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly ConcurrentDictionary<string, LiveStream> _live = new(StringComparer.Ordinal);

    public string Name => ProviderNames.Blackwave;

    public bool IsAvailable => http.IsAvailable;

    public bool ResubmitIsSafe => false;

    public async Task<Submission> SubmitAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        if (!http.HasKey)
        {
            throw http.NotConfigured();
        }

        var body = await BuildBodyAsync(request, cancellationToken).ConfigureAwait(false);
        var response = await http.SubmitAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "api/v1/generate") { Content = JsonContent.Create(body.Where(kv => kv.Value is not null).ToDictionary(), options: Json) },
            cancellationToken,
            HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        LiveStream? live = null;
        try
        {
            if (!response.IsSuccessStatusCode)
            {
                var (code, _) = await ProviderErrorText.ReadAsync(response, http.ApiKey, cancellationToken).ConfigureAwait(false);
                throw BlackwaveErrors.ToException(code, (int)response.StatusCode);
            }

            live = new LiveStream(response, new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)));
            var first = await NextAsync(live, request, cancellationToken).ConfigureAwait(false);
            switch (first)
            {
                case (ProviderUpdate.Failed failed, _):
                    throw new ProviderException(failed.Code, failed.UserMessage, failed.Retryable);
                case (ProviderUpdate.Succeeded done, var jobId):
                    live.Dispose();
                    return new Submission(jobId ?? $"bw-{request.JobId}", null, done);
                case (var update, { } id):
                    live.First = update;
                    _live[id] = live;
                    ProviderLog.Accepted(logger, Name, request.JobId, id);
                    return new Submission(id, StreamState);
                default:
                    throw new ProviderException("malformed_answer", "Blackwave started the job but gave it no id.");
            }
        }
        catch
        {
            if (live is not null)
            {
                live.Dispose();
            }
            else
            {
                response.Dispose();
            }

            throw;
        }
    }

    public async IAsyncEnumerable<ProviderUpdate> TrackAsync(MediaRequest request, Submission submission, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (submission.ImmediateResult is { } done)
        {
            yield return done;
            yield break;
        }

        if (!_live.TryRemove(submission.RemoteId, out var live))
        {
            // The document offers no status endpoint: progress exists only on the connection that started the job.
            yield return new ProviderUpdate.Failed("stream_lost", "Blackwave reports a job only over the connection that started it, and that connection was lost (the bot restarted), so the job was stopped.");
            yield break;
        }

        using (live)
        {
            if (live.First is { } first)
            {
                yield return first;
            }

            while (true)
            {
                var (update, _) = await NextAsync(live, request, cancellationToken).ConfigureAwait(false);
                yield return update;
                if (update is ProviderUpdate.Succeeded or ProviderUpdate.Failed)
                {
                    yield break;
                }
            }
        }
    }

    public void Dispose()
    {
        foreach (var live in _live.Values)
        {
            live.Dispose();
        }

        _live.Clear();
    }

    /// <summary>Reads the next meaningful status line. Lines that are not JSON are skipped, as the document's own client does.</summary>
    private async Task<(ProviderUpdate Update, string? JobId)> NextAsync(LiveStream live, MediaRequest request, CancellationToken cancellationToken)
    {
        while (true)
        {
            string? text;
            try
            {
                using var idle = new CancellationTokenSource(http.Options.StreamIdleTimeout, http.Time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
                text = await live.Reader.ReadLineAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (new ProviderUpdate.Failed("stream_stalled", "Blackwave went silent in the middle of the job, so the bot stopped waiting."), null);
            }
            catch (IOException)
            {
                return (new ProviderUpdate.Failed("stream_interrupted", "The connection to Blackwave broke before the image was ready."), null);
            }
            catch (HttpRequestException)
            {
                return (new ProviderUpdate.Failed("stream_interrupted", "The connection to Blackwave broke before the image was ready."), null);
            }

            if (text is null)
            {
                return live.UnreadableLines > 0
                    ? (new ProviderUpdate.Failed("malformed_answer", "Blackwave sent an answer the bot could not read."), null)
                    : (new ProviderUpdate.Failed("stream_interrupted", "Blackwave stopped sending updates before the image was ready."), null);
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            BlackwaveWire.StatusLine? line;
            try
            {
                line = JsonSerializer.Deserialize<BlackwaveWire.StatusLine>(text);
            }
            catch (JsonException)
            {
                live.UnreadableLines++;
                continue;
            }

            if (line is null)
            {
                continue;
            }

            return (Interpret(line, request), line.JobId);
        }
    }

    private ProviderUpdate Interpret(BlackwaveWire.StatusLine line, MediaRequest request)
    {
        if (line.Error is { } code)
        {
            return BlackwaveErrors.ToFailure(code);
        }

        switch (line.Status?.ToUpperInvariant())
        {
            case "WAITING":
                return new ProviderUpdate.Queued(Math.Max(0, line.QueuePosition ?? 0), line.QueueTotal);
            case "RUNNING":
                return new ProviderUpdate.Running(null, line.Progress ?? "Generating…");
            case "SUCCESS":
                try
                {
                    return new ProviderUpdate.Succeeded([http.RemoteOutput(line.ImageUrl, $"{request.JobId}-1")], line.CreditsUsed);
                }
                catch (ProviderException e)
                {
                    return new ProviderUpdate.Failed(e.Code, e.Message);
                }

            case "FAILED" or "ERROR":
                return BlackwaveErrors.ToFailure("generation_failed");
            default:
                return new ProviderUpdate.Running(null, "Generating…");
        }
    }

    private async Task<Dictionary<string, object?>> BuildBodyAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        var o = request.Options;
        var image = request.FirstInput(MediaRole.Image);
        var mask = request.FirstInput(MediaRole.Mask);
        byte[]? imageBytes = null;
        (int Width, int Height)? imageSize = null;
        switch (request.Operation)
        {
            case MediaOperation.Imagine:
                break;
            case MediaOperation.Vary or MediaOperation.Edit or MediaOperation.Inpaint when image is not null:
                imageBytes = await ProviderHttp.ReadInputAsync(image, cancellationToken).ConfigureAwait(false);
                var sniff = MediaSniffer.Sniff(imageBytes);
                imageSize = (image.Media.Width ?? sniff?.Width, image.Media.Height ?? sniff?.Height) is (int w, int h) ? (w, h) : null;
                break;
            case MediaOperation.Vary or MediaOperation.Edit or MediaOperation.Inpaint:
                throw new ProviderException("input_required", "This needs an image to start from.");
            default:
                throw new ProviderException("unsupported_operation", $"Blackwave does not do {request.Operation}.");
        }

        string? maskBase64 = null;
        if (request.Operation == MediaOperation.Inpaint)
        {
            if (mask is null)
            {
                throw new ProviderException("mask_required", "Inpainting needs a mask (transparent or white where the picture should change).");
            }

            if (imageSize is not { } size)
            {
                throw new ProviderException("invalid_mask", "The bot could not read the image's size to match the mask to it.");
            }

            var maskBytes = await ProviderHttp.ReadInputAsync(mask, cancellationToken).ConfigureAwait(false);
            maskBase64 = Convert.ToBase64String(await BlackwaveMask.PrepareAsync(maskBytes, size.Width, size.Height, http.Options.FfmpegPath, cancellationToken).ConfigureAwait(false));
        }

        var (width, height) = Dimensions(o, imageSize);
        return new Dictionary<string, object?>
        {
            ["token"] = http.ApiKey,
            ["model"] = request.Model.WireModel,
            ["prompt"] = o.Prompt ?? (request.Operation == MediaOperation.Vary ? "a variation of this image" : null),
            ["negative_prompt"] = o.NegativePrompt,
            ["width"] = width,
            ["height"] = height,
            ["steps"] = o.Integer("steps"),
            ["sampler"] = o.Text("sampler"),
            ["cfg_scale"] = o.Number("cfg", "cfg_scale"),
            ["seed"] = o.Seed,
            // The document says "Base64" and shows a bare string, so no data: prefix.
            ["init_image"] = imageBytes is null ? null : Convert.ToBase64String(imageBytes),
            ["mask_image"] = maskBase64,
            ["denoising_strength"] = imageBytes is null ? null : o.Strength ?? (request.Operation == MediaOperation.Inpaint ? 0.85 : 0.7),
            ["loras"] = Loras(o.Text("loras", "lora")),
            ["stream"] = true,
            ["response_type"] = "url",
            // The filter stays on unless the channel is marked NSFW.
            ["nsfw_filter"] = !request.AllowNsfw,
            ["send_to_gallery"] = false,
        };
    }

    /// <summary>"name:0.8,other:0.5" → {"name": 0.8, "other": 0.5}; a name without weight gets 1.</summary>
    internal static Dictionary<string, double>? Loras(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var loras = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = part.LastIndexOf(':');
            if (at > 0 && double.TryParse(part[(at + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                loras[part[..at].Trim()] = weight;
            }
            else
            {
                loras[part] = 1.0;
            }
        }

        return loras.Count > 0 ? loras : null;
    }

    /// <summary>
    /// The output size: explicit --width/--height, else the aspect ratio fitted into 1024×1024, else the input
    /// image's size fitted into it, else the document's default 1024×1024. Multiples of 8 within 256–1024.
    /// </summary>
    internal static (int Width, int Height) Dimensions(CommandOptions options, (int Width, int Height)? image)
    {
        if (options.Integer("width") is { } w && options.Integer("height") is { } h)
        {
            return (Clamp(w), Clamp(h));
        }

        var shape = OptionExtras.Ratio(options.AspectRatio) ?? image;
        if (shape is not { } s)
        {
            return (MaxSide, MaxSide);
        }

        var scale = (double)MaxSide / Math.Max(s.Width, s.Height);
        return (Clamp((int)(s.Width * scale)), Clamp((int)(s.Height * scale)));
    }

    private static int Clamp(int side) => Math.Clamp(side / 8 * 8, MinSide, MaxSide);

    private sealed class LiveStream(HttpResponseMessage response, StreamReader reader) : IDisposable
    {
        public StreamReader Reader { get; } = reader;
        public ProviderUpdate? First { get; set; }
        public int UnreadableLines { get; set; }

        public void Dispose()
        {
            Reader.Dispose();
            response.Dispose();
        }
    }
}
