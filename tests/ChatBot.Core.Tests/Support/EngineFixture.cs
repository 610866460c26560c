using System.Collections.Concurrent;
using System.Threading.Channels;
using ChatBot.Core.Catalog;
using ChatBot.Core.Model;
using ChatBot.Core.Jobs;
using ChatBot.Core.Media;
using ChatBot.Core.Platform;
using ChatBot.Core.Providers;
using ChatBot.Core.Replies;
using ChatBot.Core.Tenants;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace ChatBot.Core.Tests.Support;

/// <summary>
/// The real scheduler, runner, reply pacing and intake, over substituted storage and gated fake
/// providers whose jobs finish when a test releases them.
/// </summary>
public sealed class EngineFixture
{
    public static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public EngineFixture(SchedulerOptions? scheduling = null, params GatedProvider[] providers)
    {
        Providers = providers.Length > 0 ? providers : [new GatedProvider("p")];
        Catalog = new ModelCatalog(
            Providers.Select(p => new ModelDefinition
            {
                Id = $"m-{p.Name}",
                Provider = p.Name,
                Operations = [MediaOperation.Imagine, MediaOperation.Upscale, MediaOperation.VideoRemoveBackground, MediaOperation.LipSync],
                Price = new ModelPrice { PerOutput = p.PricePerOutput },
                Limits = new ModelLimits { MaxCount = 4 },
            }),
            Providers.Select(p => new ProviderInfo { Name = p.Name, DisplayName = $"Provider {p.Name}" }));
        Store.TryTransitionAsync(default!, default, default, default).ReturnsForAnyArgs(true);
        Store.MarkSubmittedAsync(default!, default!, default, default).ReturnsForAnyArgs(true);
        Store.MarkDeliveringAsync(default!, default!, default).ReturnsForAnyArgs(true);
        Store.SetProviderAsync(default!, default!, default!, default).ReturnsForAnyArgs(true);
        Store.CompleteAsync(default!, default, default).ReturnsForAnyArgs(true);
        Store.FailAsync(default!, default, default!, default).ReturnsForAnyArgs(true);
        Store.GetRecentDurationsAsync(default!, default, default).ReturnsForAnyArgs(Array.Empty<TimeSpan>());
        Media.SaveAsync(default!, default!, default!, default, default, default(Uri), default).ReturnsForAnyArgs(call =>
        {
            var key = $"k{Interlocked.Increment(ref _keys)}";
            var item = new StoredMedia(key, call.ArgAt<string>(1), call.ArgAt<string>(2), 1, call.ArgAt<int?>(3), call.ArgAt<int?>(4)) { SourceUrl = call.ArgAt<Uri?>(5) };
            _media[key] = item;
            return item;
        });
        Tenants.GetAsync(default, default).ReturnsForAnyArgs(new TenantSettings());
        Media.GetAsync(default!, default).ReturnsForAnyArgs(call => _media.GetValueOrDefault(call.ArgAt<string>(0)));
        Media.OpenReadAsync(default!, default).ReturnsForAnyArgs(_ => new MemoryStream(TinyPng));

        var options = Options.Create(scheduling ?? new SchedulerOptions());
        Router = new ProviderRouter(Catalog, Providers);
        Updater = new ReplyUpdater([Replies], Options.Create(new ReplyOptions { EditInterval = TimeSpan.Zero }), Time, NullLogger<ReplyUpdater>.Instance);
        var intake = new MediaIntake(Media, Array.Empty<IPlatformMedia>(), Options.Create(new MediaOptions()));
        var eta = new EtaEstimator(Store, Options.Create(new ReplyOptions()));
        Runner = new JobRunner(Store, Catalog, Router, Media, intake, Tenants, Updater, eta, options, Time, NullLogger<JobRunner>.Instance);
        Scheduler = new JobScheduler(Runner, options, NullLogger<JobScheduler>.Instance);
    }

    private readonly ConcurrentDictionary<string, StoredMedia> _media = new();
    private int _keys;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    public IJobStore Store { get; } = Substitute.For<IJobStore>();
    public IMediaStore Media { get; } = Substitute.For<IMediaStore>();
    public ITenantSettingsStore Tenants { get; } = Substitute.For<ITenantSettingsStore>();
    public RecordingReplies Replies { get; } = new();
    public GatedProvider[] Providers { get; }
    public ModelCatalog Catalog { get; }
    public ProviderRouter Router { get; }
    public ReplyUpdater Updater { get; }
    public JobRunner Runner { get; }
    public JobScheduler Scheduler { get; }

    public JobRecord Job(string id, string user, string provider = "p") => new()
    {
        Id = id,
        Account = new AccountKey("test", "t1", user),
        State = JobState.Queued,
        Provider = provider,
        ReservedCredits = 2,
        Reply = new ReplyHandle("test", id),
        CreatedAt = Time.GetUtcNow(),
        Spec = new JobSpec
        {
            Kind = CommandKind.Imagine,
            Operation = MediaOperation.Imagine,
            ModelId = $"m-{provider}",
            Options = new CommandOptions { Prompt = $"prompt of {id}" },
            Conversation = new Conversation("c1"),
        },
    };

    public sealed class GatedProvider(string name) : IMediaProvider
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource<ProviderUpdate>> _gates = new();
        private readonly Channel<string> _started = Channel.CreateUnbounded<string>();

        public string Name => name;
        public long PricePerOutput { get; init; } = 2;
        public bool IsAvailable { get; set; } = true;
        public bool ResubmitIsSafe => false;
        public Exception? SubmitError { get; set; }
        public ConcurrentQueue<string> Submitted { get; } = new();

        public Task<Submission> SubmitAsync(MediaRequest request, CancellationToken cancellationToken)
        {
            if (SubmitError is { } error)
            {
                throw error;
            }

            Submitted.Enqueue(request.JobId);
            _started.Writer.TryWrite(request.JobId);
            return Task.FromResult(new Submission($"remote-{request.JobId}"));
        }

        public async IAsyncEnumerable<ProviderUpdate> TrackAsync(MediaRequest request, Submission submission, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            yield return new ProviderUpdate.Running(50, "Half way");
            yield return await Gate(request.JobId).Task.WaitAsync(cancellationToken);
        }

        public async Task<string> NextStartedAsync() => await _started.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        public void Succeed(string jobId, decimal? cost = null) =>
            Gate(jobId).TrySetResult(new ProviderUpdate.Succeeded([MediaOutput.FromBytes("out.png", "image/png", TinyPng)], cost));

        public void Fail(string jobId, string message) => Gate(jobId).TrySetResult(new ProviderUpdate.Failed("boom", message));

        private TaskCompletionSource<ProviderUpdate> Gate(string jobId) =>
            _gates.GetOrAdd(jobId, _ => new TaskCompletionSource<ProviderUpdate>(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    public sealed class RecordingReplies : IChatReplies
    {
        private readonly ConcurrentDictionary<string, Channel<object>> _byReply = new();

        public string Platform => "test";

        public ConcurrentQueue<(string Reply, ReplyView View)> Updates { get; } = new();

        public Task UpdateAsync(ReplyHandle handle, ReplyView view, CancellationToken cancellationToken)
        {
            Updates.Enqueue((handle.Value, view));
            Channel(handle.Value).Writer.TryWrite(view);
            return Task.CompletedTask;
        }

        public Task PostResultAsync(ReplyHandle handle, ResultView view, CancellationToken cancellationToken)
        {
            Channel(handle.Value).Writer.TryWrite(view);
            return Task.CompletedTask;
        }

        /// <summary>Waits for the reply's final state: a result, or a final view.</summary>
        public async Task<object> FinalAsync(string reply)
        {
            var reader = Channel(reply).Reader;
            while (true)
            {
                var item = await reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
                if (item is ResultView || (item is ReplyView v && v.IsFinal))
                {
                    return item;
                }
            }
        }

        private Channel<object> Channel(string reply) => _byReply.GetOrAdd(reply, _ => System.Threading.Channels.Channel.CreateUnbounded<object>());
    }
}
