namespace ChatBot.Core.Media;

/// <summary>
/// Replays already-read head bytes, then the rest of the source, and throws
/// <see cref="MediaTooLargeException"/> once more than the cap has been read.
/// </summary>
internal sealed class CappedPrefixStream(ReadOnlyMemory<byte> head, Stream rest, long cap) : Stream
{
    private int _headOffset;
    private long _total;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _total; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int n;
        if (_headOffset < head.Length)
        {
            n = Math.Min(buffer.Length, head.Length - _headOffset);
            head.Span.Slice(_headOffset, n).CopyTo(buffer.Span);
            _headOffset += n;
        }
        else
        {
            n = await rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        _total += n;
        return _total > cap ? throw new MediaTooLargeException(cap) : n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

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
        }

        base.Dispose(disposing);
    }
}
