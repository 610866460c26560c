using System.Collections.Concurrent;
using System.Threading.Channels;
using ChatBot.Core.Catalog;
using ChatBot.Core.Jobs;
using ChatBot.Core.Media;
using ChatBot.Core.Platform;
using ChatBot.Core.Providers;
using ChatBot.Core.Replies;
using ChatBot.Core.Tenants;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Support;

/// <summary>
/// The real scheduler, runner, reply pacing and intake, over substituted storage and gated fake
/// providers whose jobs finish when a test releases them.
/// </summary>
internal sealed class EngineFixture
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
                Parameters = new Dictionary<string, ModelParameter>(StringComparer.OrdinalIgnoreCase)
                {
                    ["ar"] = new() { Values = ["1:1", "16:9"] },
                    ["cfg"] = new() { Min = 0, Max = 1, Operations = [MediaOperation.Upscale] },
                },
            }),
            Providers.Select(p => new ProviderInfo { Name = p.Name, DisplayName = $"Provider {p.Name}" }));
        Store.TryTransitionAsync(default!, default, default, default).ReturnsForAnyArgs(true);
        Store.ClaimAsync(default!, default!, default, default).ReturnsForAnyArgs(true);
        Store.RenewLeasesAsync(default!, default, default).ReturnsForAnyArgs(_ => Leases!.HeldIds.ToArray()); // One worker: it holds whatever it runs.
        Store.TakeOverAsync(default!, default, default, default).ReturnsForAnyArgs(Array.Empty<JobRecord>());
        Store.MarkSubmittedAsync(default!, default!, default, default).ReturnsForAnyArgs(true);
        Store.MarkDeliveringAsync(default!, default!, default).ReturnsForAnyArgs(true);
        Store.SetProviderAsync(default!, default!, default!, default).ReturnsForAnyArgs(true);
        Store.CompleteAsync(default!, default, default).ReturnsForAnyArgs(call =>
        {
            Settled(call.ArgAt<string>(0)).TrySetResult();
            return true;
        });
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

        _options = Options.Create(scheduling ?? new SchedulerOptions());
        Router = new ProviderRouter(Catalog, Providers);
        Updater = new ReplyUpdater([Replies], Options.Create(new ReplyOptions { EditInterval = TimeSpan.Zero }), Time, NullLogger<ReplyUpdater>.Instance);
        Views = CreateViews(Catalog);
        Ender = new JobEnder(Store, Updater, Views, NullLogger<JobEnder>.Instance, unwritten: Unwritten);
        Leases = new JobLeases(Store, _options, Time, NullLogger<JobLeases>.Instance);
        Runner = CreateRunner();
        Scheduler = new JobScheduler(Runner, Ender, Updater, Views, _options, NullLogger<JobScheduler>.Instance, Leases);
    }

    private readonly IOptions<SchedulerOptions> _options;

    private readonly ConcurrentDictionary<string, StoredMedia> _media = new();
    private int _keys;
    private EtaEstimator? _eta;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _settled = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    public IJobStore Store { get; } = Substitute.For<IJobStore>();
    public IMediaStore Media { get; } = Substitute.For<IMediaStore>();
    public ITenantSettingsStore Tenants { get; } = Substitute.For<ITenantSettingsStore>();
    public RecordingReplies Replies { get; } = new();
    public GatedProvider[] Providers { get; }
    public ModelCatalog Catalog { get; }
    public ProviderRouter Router { get; }
    public ReplyUpdater Updater { get; }
    public JobReplyViews Views { get; }
    public UnwrittenEndings Unwritten { get; } = new();

    public JobEnder Ender { get; }
    public JobLeases Leases { get; }
    public JobRunner Runner { get; }
    public JobScheduler Scheduler { get; }

    /// <summary>A runner over this fixture's store, providers and replies; <paramref name="catalog"/> replaces the fixture's.</summary>
    public JobRunner CreateRunner(ModelCatalog? catalog = null)
    {
        catalog ??= Catalog;
        var intake = new MediaIntake(Media, Array.Empty<IPlatformMedia>(), Options.Create(new MediaOptions()));
        var views = catalog == Catalog ? Views : CreateViews(catalog);
        return new JobRunner(Store, catalog, Router, Media, intake, Tenants, Updater, views, Ender, Leases, Eta, _options, Time, NullLogger<JobRunner>.Instance);
    }

    private EtaEstimator Eta => _eta ??= new EtaEstimator(Options.Create(new ReplyOptions()));

    private JobReplyViews CreateViews(ModelCatalog catalog) => new(catalog, Router, Eta, Time);

    /// <summary>Completes when the job was settled in the store (after its result was posted).</summary>
    public Task SettledAsync(string jobId) => Settled(jobId).Task.WaitAsync(TimeSpan.FromSeconds(10));

    private TaskCompletionSource Settled(string jobId) =>
        _settled.GetOrAdd(jobId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

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
            var immediate = AnswersAtOnce ? new ProviderUpdate.Succeeded([MediaOutput.FromBytes("out.png", "image/png", TinyPng)]) : null;
            return Task.FromResult(new Submission($"remote-{request.JobId}", null, immediate));
        }

        /// <summary>When set, the result comes with the submission (a synchronous provider).</summary>
        public bool AnswersAtOnce { get; init; }

        /// <summary>How many times a job was tracked.</summary>
        public int Tracked => Volatile.Read(ref _tracked);

        private int _tracked;

        public async IAsyncEnumerable<ProviderUpdate> TrackAsync(MediaRequest request, Submission submission, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _tracked);
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

        /// <summary>When set, every edit fails as a platform that lost the reply would.</summary>
        public bool FailUpdates { get; set; }

        public Task UpdateAsync(ReplyHandle handle, ReplyView view, CancellationToken cancellationToken)
        {
            if (FailUpdates)
            {
                throw new InvalidOperationException("platform said no");
            }

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
