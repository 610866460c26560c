namespace ChatBot.Core.Providers;

/// <summary>
/// One output of a provider. The bytes are read through <see cref="OpenAsync"/>, which the provider
/// implements with its own host allowlist; the job engine caps and sniffs what it reads.
/// </summary>
public sealed record MediaOutput(string FileName, string? ContentType, Func<CancellationToken, Task<Stream>> OpenAsync)
{
    /// <summary>A link to show when the file itself cannot be uploaded (optional).</summary>
    public Uri? PublicUrl { get; init; }

    public static MediaOutput FromBytes(string fileName, string contentType, ReadOnlyMemory<byte> bytes) =>
        new(fileName, contentType, _ => Task.FromResult<Stream>(new MemoryStream(bytes.ToArray(), writable: false)));
}
