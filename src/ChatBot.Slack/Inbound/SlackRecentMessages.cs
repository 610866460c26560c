using ChatBot.Slack.Inbound.Payloads;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// The recent messages with an image or a job's buttons that the bot saw in message events, so that <c>/edit</c>,
/// <c>/upscale</c> and reactions find "the latest image" without conversations.history, which apps distributed
/// outside the Marketplace may call once a minute. Kept in memory, a bounded number per conversation; a miss falls
/// back to the history call (a message from before the bot started, or one whose event never came).
/// </summary>
internal sealed class SlackRecentMessages
{
    private const int PerConversation = 50;
    private const int MaxConversations = 2048;

    private readonly ConcurrentDictionary<string, LinkedList<SlackMessage>> _byChannel = new(StringComparer.Ordinal);

    /// <summary>Remembers (or forgets) what a message event says about its conversation.</summary>
    public void Observe(MessageEvent message)
    {
        if (message.Channel is not { } channel)
        {
            return;
        }

        if (message.Subtype == "message_deleted")
        {
            Update(channel, list => Remove(list, message.DeletedTs));
            return;
        }

        Remember(channel, message.AsMessage());
    }

    /// <summary>
    /// Remembers a message read back from Slack (conversations.history / replies), so the next look for it or for the
    /// member's latest image does not spend another history call.
    /// </summary>
    public void Remember(string channel, SlackMessage seen)
    {
        if (seen.Ts is null || (seen.FirstImage() is null && seen.Job() is null))
        {
            return;
        }

        if (_byChannel.Count >= MaxConversations && !_byChannel.ContainsKey(channel))
        {
            _byChannel.Clear(); // a crude bound: the history call still answers what is forgotten
        }

        Update(channel, list =>
        {
            Remove(list, seen.Ts);
            list.AddFirst(seen);
            while (list.Count > PerConversation)
            {
                list.RemoveLast();
            }
        });
    }

    /// <summary>The remembered message at <paramref name="ts"/> in <paramref name="channel"/>.</summary>
    public SlackMessage? Find(string channel, string ts) =>
        Read(channel, list => list.FirstOrDefault(m => m.Ts == ts));

    /// <summary>The newest image <paramref name="userId"/> shared in the channel (or in the thread, when given) that the bot saw.</summary>
    public MediaRef? LatestImage(string channel, string userId, string? threadTs) =>
        Read(channel, list => list
            .OrderByDescending(m => m.Ts, StringComparer.Ordinal)
            .Where(m => m.User == userId && (threadTs is null ? m.Thread is null : m.Thread == threadTs || m.Ts == threadTs))
            .Select(m => m.FirstImage())
            .FirstOrDefault(image => image is not null));

    private static void Remove(LinkedList<SlackMessage> list, string? ts)
    {
        for (var node = list.First; node is not null; node = node.Next)
        {
            if (node.Value.Ts == ts)
            {
                list.Remove(node);
                return;
            }
        }
    }

    private void Update(string channel, Action<LinkedList<SlackMessage>> change)
    {
        var list = _byChannel.GetOrAdd(channel, _ => new LinkedList<SlackMessage>());
        lock (list)
        {
            change(list);
        }
    }

    private T? Read<T>(string channel, Func<LinkedList<SlackMessage>, T?> read)
    {
        if (!_byChannel.TryGetValue(channel, out var list))
        {
            return default;
        }

        lock (list)
        {
            return read(list);
        }
    }
}
