using ChatBot.Core.Providers;

namespace ChatBot.Providers.Http;

/// <summary>
/// A read-only stream over a download: first the already-read (and sniffed) head, then the rest of the body,
/// failing once more than the cap has been read. Disposes the HTTP response with itself.
/// </summary>
internal sealed class CappedStream(byte[] head, Stream rest, long cap, string providerName, IDisposable? owner) : Stream
{
    private int _headPosition;
    private long _total = head.Length;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (TryReadHead(buffer, out var n))
        {
            return n;
        }

        return Count(rest.Read(buffer));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (TryReadHead(buffer.Span, out var n))
        {
            return n;
        }

        return Count(await rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            rest.Dispose();
            owner?.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool TryReadHead(Span<byte> buffer, out int read)
    {
        read = 0;
        if (_headPosition >= head.Length || buffer.IsEmpty)
        {
            return false;
        }

        read = Math.Min(buffer.Length, head.Length - _headPosition);
        head.AsSpan(_headPosition, read).CopyTo(buffer);
        _headPosition += read;
        return true;
    }

    private int Count(int read)
    {
        _total += read;
        if (_total > cap)
        {
            throw new ProviderException("result_too_large", $"The result from {providerName} is larger than the bot accepts ({cap / (1024 * 1024)} MB).");
        }

        return read;
    }
}
