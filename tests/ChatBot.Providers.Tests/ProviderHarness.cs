using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Providers.Tests;

/// <summary>The real provider registrations, pointed at an emulator, with short intervals.</summary>
internal sealed class ProviderHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ProviderHarness(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;

    public static ProviderHarness Create(string section, Uri? baseUrl, string? apiKey, Action<Dictionary<string, string?>>? configure = null, ILoggerProvider? logs = null, TimeProvider? time = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"Providers:{section}:BaseUrl"] = baseUrl?.ToString(),
            [$"Providers:{section}:ApiKey"] = apiKey,
            [$"Providers:{section}:PollInterval"] = "00:00:00.010",
            [$"Providers:{section}:RetryDelay"] = "00:00:00.010",
            // Generous for a loaded CI machine; the tests of the timeouts set their own.
            [$"Providers:{section}:AttemptTimeout"] = "00:00:30",
            [$"Providers:{section}:SubmitTimeout"] = "00:00:30",
            [$"Providers:{section}:StreamIdleTimeout"] = "00:00:30",
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddLogging(l =>
        {
            l.SetMinimumLevel(logs is null ? LogLevel.Warning : LogLevel.Trace);
            if (logs is not null)
            {
                l.AddProvider(logs);
            }
        });
        services.AddMediaProviders();
        return new ProviderHarness(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
    }

    public IMediaProvider Provider(string name) => _services.GetServices<IMediaProvider>().Single(p => p.Name == name);

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// <summary>config/models.json, whose parameters decide which fields a request carries.</summary>
    public static ModelCatalog Catalog { get; } = ModelCatalog.Load(ModelCatalogFileTests.CatalogPath());

    /// <summary>A request for the catalog's model of that provider and wire name (an uncatalogued one takes no parameters).</summary>
    public static MediaRequest Request(MediaOperation operation, string provider, string wireModel, CommandOptions options, params MediaInput[] inputs) =>
        new(
            "job-1",
            operation,
            Catalog.Models.FirstOrDefault(m => m.Provider == provider && m.WireModel == wireModel && m.Supports(operation))
                ?? new ModelDefinition { Id = provider + "-" + wireModel, Provider = provider, ProviderModel = wireModel, Operations = [operation] },
            options,
            inputs,
            AllowNsfw: false);

    public static MediaInput Input(MediaRole role, byte[] bytes, string contentType = "image/png", string fileName = "input.png", int? width = null, int? height = null) =>
        new(role, new StoredMedia("key-" + fileName, contentType, fileName, bytes.Length, width, height), _ => Task.FromResult<Stream>(new MemoryStream(bytes)));

    /// <summary>
    /// Submits and follows a job to its end as the engine's JobRunner does: an immediate result is the whole
    /// story, anything else is tracked. The token only guards against a hang.
    /// </summary>
    public static async Task<List<ProviderUpdate>> RunAsync(IMediaProvider provider, MediaRequest request)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var submission = await provider.SubmitAsync(request, guard.Token);
        return await FollowAsync(provider, request, submission, guard.Token);
    }

    /// <summary>What the engine's JobRunner sees after a submit: the immediate result alone, else the tracked updates.</summary>
    public static async Task<List<ProviderUpdate>> FollowAsync(IMediaProvider provider, MediaRequest request, Submission submission, CancellationToken cancellationToken = default) =>
        submission.ImmediateResult is { } immediate ? [immediate] : await TrackAsync(provider, request, submission, cancellationToken);

    public static async Task<List<ProviderUpdate>> TrackAsync(IMediaProvider provider, MediaRequest request, Submission submission, CancellationToken cancellationToken = default)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(60));
        var updates = new List<ProviderUpdate>();
        await foreach (var update in provider.TrackAsync(request, submission, guard.Token))
        {
            updates.Add(update);
        }

        return updates;
    }

    public static async Task<byte[]> ReadAsync(MediaOutput output)
    {
        await using var stream = await output.OpenAsync(CancellationToken.None);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
