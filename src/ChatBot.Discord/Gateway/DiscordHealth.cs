using ChatBot.Core.Platform;

namespace ChatBot.Discord.Gateway;

/// <summary>
/// The Discord adapter's state for <c>/healthz</c>: the gateway connection and the command registration.
/// Also tells tests when the gateway waits on the clock (its back-off or the identify budget).
/// </summary>
internal sealed class DiscordHealth : IPlatformHealth
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string _gateway = "off";
    private string? _gatewayDetail;
    private string? _commandsDetail;

    public string Platform => PlatformNames.Discord;

    public string State
    {
        get
        {
            lock (_gate)
            {
                return _gateway != "stopped" && _commandsDetail is not null ? "retrying" : _gateway;
            }
        }
    }

    public string? Detail
    {
        get
        {
            lock (_gate)
            {
                return _gatewayDetail ?? _commandsDetail;
            }
        }
    }

    /// <summary>Until when the gateway waits before its next connection attempt, or null when it does not wait.</summary>
    public DateTimeOffset? WaitingUntil { get; private set; }

    /// <summary>Completes at the next change.</summary>
    public Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    public void SetGateway(string state, string? detail = null, DateTimeOffset? waitingUntil = null)
    {
        lock (_gate)
        {
            _gateway = state;
            _gatewayDetail = detail;
            WaitingUntil = waitingUntil;
        }

        Signal();
    }

    /// <summary>Null when the commands are registered (or need not be); else why they are not yet.</summary>
    public void SetCommands(string? problem)
    {
        lock (_gate)
        {
            _commandsDetail = problem;
        }

        Signal();
    }

    private void Signal()
    {
        TaskCompletionSource old;
        lock (_gate)
        {
            old = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        old.TrySetResult();
    }
}
