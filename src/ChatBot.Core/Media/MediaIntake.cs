using ChatBot.Core.Platform;

namespace ChatBot.Core.Media;

/// <summary>
/// The one way media enters the bot: platform attachments and provider results are read with a byte
/// cap, identified by their magic bytes, dimension-checked from their headers, and only then stored.
/// </summary>
public sealed class MediaIntake(IMediaStore store, IEnumerable<IPlatformMedia> platforms, IOptions<MediaOptions> options)
{
    /// <summary>A stored file that is gone: evicted by the media quota or collected. Buttons on old results say this.</summary>
    public const string Expired = "That picture has expired: the bot no longer keeps it. Run the command again, or attach the picture.";

    private readonly Dictionary<string, IPlatformMedia> _platforms = platforms.ToDictionary(p => p.Platform, StringComparer.OrdinalIgnoreCase);

    /// <summary>Checks and stores an input file; refusals carry a message naming the limit.</summary>
    internal async Task<IntakeResult> IngestAsync(string platform, MediaRef input, MediaKind expected, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (input.DeclaredSize is { } declared && declared > limits.MaxInputBytes)
        {
            return TooLarge(input.FileName, declared, limits.MaxInputBytes);
        }

        Stream source;
        StoredMedia? existing = null;
        Uri? publicUrl = null;
        try
        {
            if (input.IsStored)
            {
                // Already in the store (a result a button works on): checked again, but kept once, under its own key.
                source = await store.OpenReadAsync(input.StoreKey, cancellationToken).ConfigureAwait(false)
                    ?? throw new MediaRejectedException(Expired);
                existing = await store.GetAsync(input.StoreKey, cancellationToken).ConfigureAwait(false);
                publicUrl = existing?.SourceUrl; // a provider's result keeps its public link, so a provider can fetch it
            }
            else if (_platforms.TryGetValue(platform, out var reader))
            {
                source = await reader.OpenAsync(input, cancellationToken).ConfigureAwait(false);
                publicUrl = PublicLink(input);
            }
            else
            {
                return new IntakeResult.Rejected($"I can't read files from {platform}.");
            }
        }
        catch (MediaRejectedException ex)
        {
            return new IntakeResult.Rejected(ex.Message);
        }
        catch (HttpRequestException)
        {
            return new IntakeResult.Rejected($"I couldn't download `{input.FileName}`. Please try again or attach it again.");
        }

        try
        {
            return await CheckAndStoreAsync(source, input.FileName, expected, limits.MaxInputBytes, publicUrl, existing, cancellationToken).ConfigureAwait(false);
        }
        catch (MediaTooLargeException)
        {
            return TooLarge(input.FileName, null, limits.MaxInputBytes);
        }
        catch (MediaRejectedException ex)
        {
            // The store refused to keep it (its own size cap).
            return new IntakeResult.Rejected($"`{input.FileName}` can't be kept: {ex.Message}");
        }
    }

    /// <summary>
    /// Checks and stores a provider result. Throws <see cref="MediaRejectedException"/> when the
    /// provider sent something that is not media, or too much of it.
    /// </summary>
    public async Task<StoredMedia> StoreResultAsync(Stream content, string fileName, Uri? sourceUrl, CancellationToken cancellationToken)
    {
        IntakeResult result;
        try
        {
            result = await CheckAndStoreAsync(content, fileName, MediaKind.Unknown, options.Value.MaxResultBytes, sourceUrl, null, cancellationToken).ConfigureAwait(false);
        }
        catch (MediaTooLargeException ex)
        {
            throw new MediaRejectedException($"The provider's result is larger than the {Size(options.Value.MaxResultBytes)} the bot accepts.", ex);
        }

        return result switch
        {
            IntakeResult.Accepted a => a.Media,
            IntakeResult.Rejected r => throw new MediaRejectedException(r.Message),
            _ => throw new InvalidOperationException(),
        };
    }

    private async Task<IntakeResult> CheckAndStoreAsync(Stream source, string fileName, MediaKind expected, long cap, Uri? sourceUrl, StoredMedia? existing, CancellationToken cancellationToken)
    {
        await using var _ = source.ConfigureAwait(false);
        var head = new byte[MediaSniffer.HeaderBytes];
        var filled = 0;
        while (filled < head.Length)
        {
            var n = await source.ReadAsync(head.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            filled += n;
        }

        if (filled > cap)
        {
            throw new MediaTooLargeException(cap);
        }

        var sniff = MediaSniffer.Sniff(head.AsSpan(0, filled));
        if (sniff is null || (expected != MediaKind.Unknown && sniff.Kind != expected))
        {
            var want = expected switch
            {
                MediaKind.Image => "an image (PNG, JPEG, WebP or GIF)",
                MediaKind.Audio => "an audio file (MP3, WAV, M4A, OGG or FLAC)",
                MediaKind.Video => "a video (MP4 or WebM)",
                _ => "an image, video or audio file",
            };
            return new IntakeResult.Rejected($"`{fileName}` is not {want}.");
        }

        if (sniff.Kind == MediaKind.Image)
        {
            if (sniff.Width is null or <= 0 || sniff.Height is null or <= 0)
            {
                return new IntakeResult.Rejected($"`{fileName}` looks like an image, but its size can't be read. It may be damaged.");
            }

            if (sniff.Pixels > options.Value.MaxImagePixels)
            {
                return new IntakeResult.Rejected(
                    $"`{fileName}` is {sniff.Width}×{sniff.Height} ({Megapixels(sniff.Pixels.Value)}); the limit is {Megapixels(options.Value.MaxImagePixels)}.");
            }
        }

        if (existing is not null)
        {
            return existing.Length > cap ? throw new MediaTooLargeException(cap) : new IntakeResult.Accepted(existing);
        }

        var name = Path.ChangeExtension(SafeName(fileName), sniff.Extension);
        using var body = new CappedPrefixStream(head.AsMemory(0, filled), source, cap);
        var stored = await store.SaveAsync(body, sniff.ContentType, name, sniff.Width, sniff.Height, sourceUrl, cancellationToken).ConfigureAwait(false);
        return new IntakeResult.Accepted(stored);
    }

    /// <summary>A platform link anyone can fetch (a CDN's https link); never one that needs the bot's token (Slack's url_private).</summary>
    private static Uri? PublicLink(MediaRef input) =>
        !input.RequiresBotToken && Uri.TryCreate(input.Url, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps ? url : null;

    private static IntakeResult TooLarge(string fileName, long? size, long cap) =>
        new IntakeResult.Rejected(size is { } s
            ? $"`{fileName}` is {Size(s)}; the limit is {Size(cap)}."
            : $"`{fileName}` is larger than the {Size(cap)} limit.");

    internal static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");

    private static string Megapixels(long pixels) => string.Create(CultureInfo.InvariantCulture, $"{pixels / 1_000_000.0:0.#} megapixels");

    private static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName);
        var clean = new string([.. name.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.')]);
        return clean.Length is > 0 and <= 80 ? clean : "file";
    }
}
