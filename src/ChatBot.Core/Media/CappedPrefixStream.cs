namespace ChatBot.Core.Media;

/// <summary>
/// A read-only stream over a download whose head was already read (and sniffed): first those head bytes, then
/// the rest of the source, failing once more than the cap has been read. Media intake and the providers' result
/// downloads both read through it, so a peer that lies about its size is stopped at the same place.
/// </summary>
/// <remarks>
/// Past the cap it throws what <paramref name="tooLarge"/> makes of the cap (a <see cref="MediaTooLargeException"/>
/// when none is given). Disposing it disposes the source and <paramref name="owner"/> (the HTTP response, say).
/// </remarks>
public sealed class CappedPrefixStream(ReadOnlyMemory<byte> head, Stream rest, long cap, Func<long, Exception>? tooLarge = null, IDisposable? owner = null) : Stream
{
    private int _headOffset;
    private long _total;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <summary>The number of bytes read so far; setting it is not supported.</summary>
    public override long Position { get => _total; set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) =>
        TryReadHead(buffer, out var n) ? Count(n) : Count(rest.Read(buffer));

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        TryReadHead(buffer.Span, out var n) ? Count(n) : Count(await rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
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
        if (_headOffset >= head.Length || buffer.IsEmpty)
        {
            return false;
        }

        read = Math.Min(buffer.Length, head.Length - _headOffset);
        head.Span.Slice(_headOffset, read).CopyTo(buffer);
        _headOffset += read;
        return true;
    }

    private int Count(int read)
    {
        _total += read;
        if (_total > cap)
        {
            throw tooLarge?.Invoke(cap) ?? new MediaTooLargeException(cap);
        }

        return read;
    }
}
