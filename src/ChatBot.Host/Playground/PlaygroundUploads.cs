using System.Collections.Concurrent;
using ChatBot.Core.Platform;

namespace ChatBot.Host.Playground;

/// <summary>
/// The Playground's attachments while their command is dispatched (issue 13 point 6). They arrive inline in the
/// request, so they are held in memory and served to the engine like any platform's files: the engine validates
/// the command first and stores only the inputs of a command it accepts, once. Nothing of a refused command, or
/// of one that takes no files (<c>/help</c>), reaches the disk. Each upload is dropped when its dispatch ends.
/// </summary>
internal sealed class PlaygroundUploads : IPlatformMedia
{
    private const string Scheme = "playground-upload:";

    private readonly ConcurrentDictionary<string, ReadOnlyMemory<byte>> _uploads = new(StringComparer.Ordinal);

    public string Platform => PlatformNames.Playground;

    /// <summary>Holds <paramref name="content"/> and returns the reference the engine reads it through.</summary>
    public MediaRef Add(ReadOnlyMemory<byte> content, string fileName, string contentType, MediaRole role)
    {
        var id = RandomNumberGenerator.GetHexString(24, lowercase: true);
        _uploads[id] = content;
        return new MediaRef(Scheme + id, fileName, contentType, content.Length, Role: role);
    }

    public void Remove(IEnumerable<MediaRef> inputs)
    {
        foreach (var input in inputs.Where(i => i.Url.StartsWith(Scheme, StringComparison.Ordinal)))
        {
            _uploads.TryRemove(input.Url[Scheme.Length..], out _);
        }
    }

    public Task<Stream> OpenAsync(MediaRef media, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(media);
        if (!media.Url.StartsWith(Scheme, StringComparison.Ordinal) || !_uploads.TryGetValue(media.Url[Scheme.Length..], out var content))
        {
            throw new MediaRejectedException($"`{media.FileName}` is no longer available. Please attach it again.");
        }

        return Task.FromResult<Stream>(new MemoryStream(content.ToArray(), writable: false));
    }
}
