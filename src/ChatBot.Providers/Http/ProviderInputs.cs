namespace ChatBot.Providers.Http;

/// <summary>Reads a job's input files for a request body: raw bytes for uploads, data URLs for JSON.</summary>
internal static class ProviderInputs
{
    public static async Task<byte[]> ReadAsync(MediaInput input, CancellationToken cancellationToken)
    {
        var stream = await input.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
    }

    public static async Task<string> DataUrlAsync(MediaInput input, CancellationToken cancellationToken) =>
        $"data:{input.Media.ContentType};base64,{Convert.ToBase64String(await ReadAsync(input, cancellationToken).ConfigureAwait(false))}";

    /// <summary>The data URL of an optional input, or null when the job has none.</summary>
    public static async Task<string?> DataUrlOrNullAsync(MediaInput? input, CancellationToken cancellationToken) =>
        input is null ? null : await DataUrlAsync(input, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The input's public link when the provider can fetch it itself: an https link (a platform's CDN, a provider's
    /// result) or a link on the provider's own host (<paramref name="own"/>); null means: send the bytes.
    /// </summary>
    public static string? PublicUrl(MediaInput? input, Uri? own) =>
        own is not null && input?.Media.SourceUrl is { } url && (url.Scheme == Uri.UriSchemeHttps || url.Authority == own.Authority)
            ? url.ToString()
            : null;
}
