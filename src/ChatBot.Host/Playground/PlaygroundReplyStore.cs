using ChatBot.Core.Replies;

namespace ChatBot.Host.Playground;

/// <summary>
/// The Playground channel's replies, in memory, keyed by reply id, and the feed of their changes.
/// Every change gets a store-wide revision and is announced to every subscriber (the SSE endpoint), and is
/// queued for <see cref="PlaygroundReplyJournal"/>, which writes it to the database so a restart keeps the conversation.
/// </summary>
internal sealed class PlaygroundReplyStore(IOptions<PlaygroundOptions> options, TimeProvider time)
{
    private const int SubscriberBuffer = 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, PlaygroundReply> _replies = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _order = new();
    private readonly List<Channel<PlaygroundReply>> _subscribers = [];

    // The journal's work: the newest state of each changed reply, or null for one trimmed away.
    private readonly Dictionary<string, PlaygroundReply?> _unsaved = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _unsavedSignal = new(0, 1);

    // Revisions start from the clock so they keep growing across restarts: a page left open while the
    // host restarts must not take the recovered replies' edits for stale ones.
    private long _revision = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    public static string NewId() => "r" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>
    /// Adds a new reply for a member's message, before the command is dispatched: received, not yet answered, and
    /// private until the answer says otherwise (a refusal or an info stays private; a job's reply becomes public).
    /// </summary>
    public PlaygroundReply Create(string user, string message) =>
        Change(NewId(), _ => new PlaygroundReply
        {
            Id = "",
            User = user,
            Message = message,
            CreatedAt = time.GetUtcNow(),
            Status = ReplyStatus.Queued,
            Text = "…",
            Ephemeral = true,
        })!;

    public PlaygroundReply? Get(string id)
    {
        lock (_gate)
        {
            return _replies.GetValueOrDefault(id);
        }
    }

    /// <summary>The latest replies that <paramref name="visible"/> lets through, oldest first.</summary>
    public IReadOnlyList<PlaygroundReply> Recent(int count, Func<PlaygroundReply, bool>? visible = null)
    {
        lock (_gate)
        {
            return [.. _order.Reverse().Select(id => _replies[id]).Where(visible ?? (_ => true)).Take(count).Reverse()];
        }
    }

    /// <summary>Whether a reply that <paramref name="visible"/> lets through shows the stored file <paramref name="mediaKey"/>.</summary>
    public bool Shows(string mediaKey, Func<PlaygroundReply, bool> visible)
    {
        lock (_gate)
        {
            return _replies.Values.Any(r => (r.Preview?.Key == mediaKey || r.Grid?.Key == mediaKey || r.Files.Any(f => f.Key == mediaKey)) && visible(r));
        }
    }

    /// <summary>
    /// Applies a change atomically. <paramref name="change"/> receives the current reply (null for an
    /// unknown id, e.g. after a restart) and returns the new one, or the same instance to change nothing.
    /// </summary>
    public PlaygroundReply? Change(string id, Func<PlaygroundReply?, PlaygroundReply?> change)
    {
        lock (_gate)
        {
            var current = _replies.GetValueOrDefault(id);
            var next = change(current);
            if (next is null || ReferenceEquals(next, current))
            {
                return current;
            }

            next = next with { Id = id, Revision = ++_revision, CreatedAt = current?.CreatedAt ?? (next.CreatedAt == default ? time.GetUtcNow() : next.CreatedAt) };
            _replies[id] = next;
            Unsaved(id, next);
            if (current is null)
            {
                // Stored before trimming: a store full of unfinished replies must still take a new one.
                _order.AddLast(id);
                Trim();
            }

            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(next);
            }

            return next;
        }
    }

    /// <summary>
    /// Puts back the replies a previous run kept, oldest first, before those this run has made already (a recovered
    /// job may have written to its reply first: that reply keeps its newer state and gets back who asked and what).
    /// A reply that was still waiting for the engine when the host stopped is ended: its request never reached it.
    /// </summary>
    public void Restore(IReadOnlyList<PlaygroundReply> kept)
    {
        ArgumentNullException.ThrowIfNull(kept);
        lock (_gate)
        {
            var first = _order.First;
            foreach (var reply in kept)
            {
                if (_replies.TryGetValue(reply.Id, out var current))
                {
                    _replies[reply.Id] = current with { User = reply.User, Message = reply.Message, CreatedAt = reply.CreatedAt };
                    Unsaved(reply.Id, _replies[reply.Id]);
                    continue;
                }

                _replies[reply.Id] = reply is { IsFinal: false, JobId: null }
                    ? reply with { Status = ReplyStatus.Failed, Text = "The bot restarted before it took this request; nothing was charged.", Revision = ++_revision }
                    : reply;
                if (first is null)
                {
                    _order.AddLast(reply.Id);
                }
                else
                {
                    _order.AddBefore(first, reply.Id);
                }
            }

            _revision = Math.Max(_revision, _replies.Values.Select(r => r.Revision).DefaultIfEmpty(0).Max());
            Trim();
        }
    }

    /// <summary>Waits until a change is waiting for the journal.</summary>
    public Task WaitForUnsavedAsync(CancellationToken cancellationToken) => _unsavedSignal.WaitAsync(cancellationToken);

    /// <summary>The changes since the last call: each reply's newest state, or null for a reply forgotten since.</summary>
    public IReadOnlyList<KeyValuePair<string, PlaygroundReply?>> TakeUnsaved()
    {
        lock (_gate)
        {
            var taken = _unsaved.ToList();
            _unsaved.Clear();
            return taken;
        }
    }

    /// <summary>Every change from now on, until <paramref name="cancellationToken"/> ends the subscription.</summary>
    public async IAsyncEnumerable<PlaygroundReply> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A slow reader loses the oldest announcements, never the newest: each one carries the reply's whole state.
        var channel = Channel.CreateBounded<PlaygroundReply>(new BoundedChannelOptions(SubscriberBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var reply))
                {
                    yield return reply;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }

    private void Trim()
    {
        var max = options.Value.MaxReplies;
        var node = _order.First;
        while (_order.Count > max && node is not null)
        {
            var next = node.Next;
            if (!_replies.TryGetValue(node.Value, out var reply) || reply.IsFinal)
            {
                _replies.Remove(node.Value);
                _order.Remove(node);
                Unsaved(node.Value, null);
            }

            node = next;
        }
    }

    private void Unsaved(string id, PlaygroundReply? reply)
    {
        _unsaved[id] = reply;
        // Under the gate: only the journal's wait lowers the count meanwhile, so this never overfills.
        if (_unsavedSignal.CurrentCount == 0)
        {
            _unsavedSignal.Release();
        }
    }
}
