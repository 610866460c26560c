using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ChatBot.Core.Providers;
using ChatBot.Emulators.Providers;

namespace ChatBot.IntegrationTests.Discord;

/// <summary>
/// A provider the test drives: by default every job runs at once (50 %, then one PNG per output); with
/// <see cref="Manual"/> each job waits for the updates the test pushes.
/// </summary>
internal sealed class ScriptedProvider : IMediaProvider
{
    private readonly ConcurrentDictionary<string, Channel<ProviderUpdate>> _scripts = new();
    private readonly SemaphoreSlim _started = new(0);

    public string Name => "scripted";
    public bool IsAvailable => true;
    public bool ResubmitIsSafe => true;
    public bool Manual { get; set; }
    public ConcurrentQueue<MediaRequest> Submitted { get; } = new();

    public Task<Submission> SubmitAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        Submitted.Enqueue(request);
        return Task.FromResult(new Submission("remote-" + request.JobId));
    }

    public async IAsyncEnumerable<ProviderUpdate> TrackAsync(MediaRequest request, Submission submission, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _started.Release();
        if (!Manual)
        {
            yield return new ProviderUpdate.Running(50);
            yield return Success(request.Options.Count ?? 1);
            yield break;
        }

        var script = Script(request.JobId);
        await foreach (var update in script.Reader.ReadAllAsync(cancellationToken))
        {
            yield return update;
            if (update is ProviderUpdate.Succeeded or ProviderUpdate.Failed)
            {
                yield break;
            }
        }
    }

    /// <summary>Waits until a job is being tracked.</summary>
    public async Task WaitForTrackingAsync()
    {
        if (!await _started.WaitAsync(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("No job reached the provider.");
        }
    }

    public ValueTask PushAsync(string jobId, ProviderUpdate update) => Script(jobId).Writer.WriteAsync(update);

    public static ProviderUpdate.Succeeded Success(int outputs) =>
        new([.. Enumerable.Range(0, outputs).Select(i => MediaOutput.FromBytes($"out{i}.png", "image/png", TestMedia.Png(32 + i, 32)))]);

    private Channel<ProviderUpdate> Script(string jobId) => _scripts.GetOrAdd(jobId, _ => Channel.CreateUnbounded<ProviderUpdate>());
}
