namespace ChatBot.Emulators.Discord;

/// <summary>
/// Discord's global rate limit: <see cref="DiscordEmulatorOptions.GlobalLimit"/> requests per second per bot token,
/// however many processes send them. Interaction callbacks and interaction webhooks are not counted.
/// </summary>
public sealed partial class DiscordEmulator
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _globalWindows = new(StringComparer.Ordinal);

    /// <summary>How many 429s the global limit answered (all tokens, all processes).</summary>
    public int GlobalTooManyRequestsCount { get; private set; }

    /// <summary>The most bot-token requests any one second held, per token (the global limit's own figure).</summary>
    public int PeakRequestsPerSecond { get; private set; }

    /// <summary>Counts a bot-token request; the seconds to wait when it is over the token's global limit, else null. Called under the gate.</summary>
    private double? TakeGlobal(string token, DateTimeOffset now)
    {
        if (!_globalWindows.TryGetValue(token, out var window))
        {
            window = new Queue<DateTimeOffset>();
            _globalWindows[token] = window;
        }

        while (window.Count > 0 && now - window.Peek() >= TimeSpan.FromSeconds(1))
        {
            window.Dequeue();
        }

        if (window.Count >= Options.GlobalLimit)
        {
            GlobalTooManyRequestsCount++;
            return Math.Max(0.001, (window.Peek() + TimeSpan.FromSeconds(1) - now).TotalSeconds);
        }

        window.Enqueue(now);
        PeakRequestsPerSecond = Math.Max(PeakRequestsPerSecond, window.Count);
        return null;
    }
}
