using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Replies;

/// <summary>
/// Posts the replies that wait for their first view (<see cref="SlackReplyAddress.Pending"/>) and remembers their ts.
/// A command the engine refuses never posts one, so its prompt never shows in the channel; a reply posted before a
/// restart is found again by <see cref="SlackReplyFinder"/>.
/// </summary>
internal sealed class SlackReplyPosts(SlackApiClient api, SlackReplyFinder finder, TimeProvider time, ILogger<SlackReplyPosts> logger)
{
    private static readonly TimeSpan RememberCreated = TimeSpan.FromHours(1);

    // Pending replies (see SlackReplyAddress.Pending) that have been posted: handle → the message's ts.
    private readonly ConcurrentDictionary<string, string> _posted = new(StringComparer.Ordinal);

    // Pending replies whose post Slack refused (not_in_channel, is_archived…): handle → Slack's error. Never tried twice.
    private readonly ConcurrentDictionary<string, string> _refused = new(StringComparer.Ordinal);

    // Refused replies whose member the command runner told (see ClaimPostFailure).
    private readonly ConcurrentDictionary<string, byte> _told = new(StringComparer.Ordinal);

    // Pending replies this process created: posted without a search (the others were created before a restart).
    private readonly ConcurrentDictionary<string, DateTimeOffset> _created = new(StringComparer.Ordinal);

    /// <summary>The address of a job's reply, to be posted with the job's first view in <paramref name="channel"/> (and thread).</summary>
    public SlackReplyAddress NewReply(string channel, string? threadTs, string userId)
    {
        var address = SlackReplyAddress.Pending(channel, threadTs, userId);
        var now = time.GetUtcNow();
        _created[address.ToHandle().Value] = now;
        if (_created.Count > 1024)
        {
            // Refused commands never post their reply; forget them after a while.
            foreach (var (key, at) in _created)
            {
                if (now - at > RememberCreated)
                {
                    _created.TryRemove(key, out _);
                }
            }
        }

        return address;
    }

    /// <summary>
    /// Slack's error when the reply at <paramref name="address"/> could not be posted (null when it was, or is still to
    /// be), for the caller that tells the member about it: once claimed, the reply's later failures (the ending of the
    /// cancelled job) tell no one again. A failure nobody claimed is told when the job ends.
    /// </summary>
    public string? ClaimPostFailure(SlackReplyAddress address)
    {
        var error = _refused.GetValueOrDefault(address.ToHandle().Value);
        if (error is not null)
        {
            _told[address.ToHandle().Value] = 0;
        }

        return error;
    }

    /// <summary>The reply's ts when it is known without a call: a posted reply's (null while it waits for its first view).</summary>
    public string? KnownTs(ReplyHandle handle, SlackReplyAddress address) =>
        address.IsPending ? _posted.GetValueOrDefault(handle.Value) : address.Ts;

    /// <summary>Whether the member has been told that this reply could not be posted.</summary>
    public bool MemberTold(ReplyHandle handle) => _told.ContainsKey(handle.Value);

    /// <summary>Forgets a finished reply.</summary>
    public void Forget(string handleValue)
    {
        _posted.TryRemove(handleValue, out _);
        _refused.TryRemove(handleValue, out _);
        _told.TryRemove(handleValue, out _);
        _created.TryRemove(handleValue, out _);
    }

    /// <summary>
    /// The reply's ts. A pending reply is posted here, with its first content (<paramref name="text"/>, <paramref name="blocks"/>):
    /// <c>Posted</c> then says there is nothing left to edit. Caller holds the reply's lock.
    /// </summary>
    public async Task<(string Ts, bool Posted)> ResolveAsync(ReplyHandle handle, SlackReplyAddress address, string text, JsonArray blocks, CancellationToken cancellationToken)
    {
        if (!address.IsPending)
        {
            return (address.Ts, false);
        }

        if (_posted.TryGetValue(handle.Value, out var ts))
        {
            return (ts, false);
        }

        if (_refused.TryGetValue(handle.Value, out var error))
        {
            throw new SlackApiException("chat.postMessage", error);
        }

        if (!_created.ContainsKey(handle.Value) && await finder.FindAsync(address, cancellationToken).ConfigureAwait(false) is { } found)
        {
            _posted[handle.Value] = found; // posted before a restart
            return (found, false);
        }

        var post = new JsonObject
        {
            ["channel"] = address.Channel,
            ["text"] = text,
            ["blocks"] = blocks,
            ["metadata"] = new JsonObject
            {
                ["event_type"] = SlackReplyFinder.MetadataType,
                ["event_payload"] = new JsonObject { ["reply"] = address.Ts },
            },
        };
        if (address.ThreadTs is not null)
        {
            post["thread_ts"] = address.ThreadTs;
        }

        try
        {
            var answer = await api.PostMessageAsync(post, cancellationToken).ConfigureAwait(false);
            ts = answer.GetProperty("ts").GetString()!;
            _posted[handle.Value] = ts;
            _created.TryRemove(handle.Value, out _);
            return (ts, true);
        }
        catch (SlackApiException ex)
        {
            _refused[handle.Value] = ex.Error;
            _created.TryRemove(handle.Value, out _);
            logger.ReplyUpdateFailed(handle.ToString(), ex.Error);
            throw;
        }
    }
}
