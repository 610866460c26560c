using System.Runtime.CompilerServices;
using ChatBot.Core.Providers;

namespace ChatBot.IntegrationTests.Slack;

/// <summary>
/// A provider the Slack tests steer: queued → running 25/50 % → (optionally held) → 90 % → a PNG.
/// It resumes by remote id, so a job survives a host restart.
/// </summary>
internal sealed class ScriptedProvider : IMediaProvider
{
    public const string ProviderName = "scripted";

    private readonly Lock _gate = new();
    private readonly List<string> _submitted = [];
    private readonly List<MediaRequest> _requests = [];
    private TaskCompletionSource? _hold;
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => ProviderName;
    public bool IsAvailable => true;
    public bool ResubmitIsSafe => true;

    public IReadOnlyList<string> Submitted
    {
        get
        {
            lock (_gate)
            {
                return [.. _submitted];
            }
        }
    }

    /// <summary>The requests submitted, with their options and inputs.</summary>
    public IReadOnlyList<MediaRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>From now on, jobs stop at 50 % until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            _hold?.TrySetResult();
            _hold = null;
        }
    }

    /// <summary>Completes when a job reaches the hold.</summary>
    public Task WaitUntilHeldAsync() => _held.Task.WaitAsync(TimeSpan.FromSeconds(20));

    public Task<Submission> SubmitAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _submitted.Add(request.JobId + ":" + request.Operation);
            _requests.Add(request);
        }

        return Task.FromResult(new Submission("remote-" + request.JobId));
    }

    public async IAsyncEnumerable<ProviderUpdate> TrackAsync(MediaRequest request, Submission submission, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new ProviderUpdate.Queued(1, 1);
        yield return new ProviderUpdate.Running(25);
        yield return new ProviderUpdate.Running(50);
        Task? hold;
        lock (_gate)
        {
            hold = _hold?.Task;
        }

        if (hold is not null)
        {
            _held.TrySetResult();
            await hold.WaitAsync(cancellationToken);
        }

        yield return new ProviderUpdate.Running(90);
        var outputs = Enumerable.Range(1, Math.Max(1, request.Options.Count ?? 1))
            .Select(i => MediaOutput.FromBytes($"result-{i}.png", "image/png", Png))
            .ToList();
        yield return new ProviderUpdate.Succeeded(outputs);
    }

    /// <summary>A valid 2×2 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==");
}
