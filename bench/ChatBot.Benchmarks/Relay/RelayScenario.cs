using System.Diagnostics;
using System.Net.Http.Headers;
using ChatBot.Benchmarks.Bot;
using ChatBot.Benchmarks.Harness;
using ChatBot.Core.Media;
using ChatBot.Core.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatBot.Benchmarks.Relay;

/// <summary>
/// A 100 MB video result relayed the way the engine does it: read from the provider's host over HTTP
/// (loopback stand-in), through <see cref="MediaIntake.StoreResultAsync"/> (cap + sniff) into the media store,
/// then uploaded from the store as a multipart platform upload. Resident memory is sampled every 5 ms;
/// the figure is the peak above the reading taken (after a full GC) just before the relay.
/// </summary>
internal sealed class RelayScenario : IScenario
{
    private const long Size = 100L * 1024 * 1024;

    public string Name => "relay";

    public string Description => "100 MB video: provider HTTP → MediaIntake → media store → multipart upload; peak resident growth";

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var folder = context.NewFolder("relay");
        await using var services = StorageServices.Create(folder);
        var store = services.GetRequiredService<IMediaStore>();
        var intake = new MediaIntake(store, Array.Empty<IPlatformMedia>(), Options.Create(new MediaOptions()));
        await using var provider = await VideoServer.StartAsync(Size, cancellationToken).ConfigureAwait(false);
        await using var platform = await UploadSink.StartAsync(cancellationToken).ConfigureAwait(false);
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromMinutes(5) };

        // Warm-up: JIT, connections, the store's folders.
        await RelayAsync(http, intake, store, new Uri(provider.Address, VideoServer.Path), new Uri(platform.Address, UploadSink.Path), cancellationToken).ConfigureAwait(false);
        ClearMedia(Path.Combine(folder, "media"));

        var growth = new List<double>();
        var seconds = new List<double>();
        for (var rep = 0; rep < BenchContext.Repetitions; rep++)
        {
            ProcessSnapshot.Settle();
            var watch = Stopwatch.StartNew();
            long uploaded;
            long peak, baseline;
            var sampler = new PeakSampler(TimeSpan.FromMilliseconds(5));
            await using (sampler.ConfigureAwait(false))
            {
                uploaded = await RelayAsync(http, intake, store, new Uri(provider.Address, VideoServer.Path), new Uri(platform.Address, UploadSink.Path), cancellationToken).ConfigureAwait(false);
                baseline = sampler.Baseline;
            }

            peak = sampler.Peak;
            var mb = (peak - baseline) / (1024.0 * 1024);
            growth.Add(mb);
            seconds.Add(watch.Elapsed.TotalSeconds);
            ClearMedia(Path.Combine(folder, "media"));
            BenchContext.Log($"rep {rep + 1}: {uploaded / (1024 * 1024)} MB relayed in {watch.Elapsed.TotalSeconds:0.0} s, resident {baseline / (1024 * 1024)} → peak {peak / (1024 * 1024)} MB (+{mb:0.0} MB, {sampler.Samples} samples)");
        }

        return
        [
            new Measurement(Name, "peak resident growth, 100 MB relay", "MB", growth,
                "provider server and upload sink run in the same process, so their buffers count too; target < 32 MB"),
            new Measurement(Name, "relay time, 100 MB (download+store+upload)", "s", seconds),
        ];
    }

    private static void ClearMedia(string media)
    {
        foreach (var file in Directory.EnumerateFiles(media, "*.mp4", SearchOption.AllDirectories))
        {
            File.Delete(file);
        }
    }

    private static async Task<long> RelayAsync(HttpClient http, MediaIntake intake, IMediaStore store, Uri source, Uri upload, CancellationToken cancellationToken)
    {
        // Provider → store, as JobRunner does with a MediaOutput's OpenAsync.
        using var response = await http.GetAsync(source, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var stored = await intake.StoreResultAsync(body, "result.mp4", source, cancellationToken).ConfigureAwait(false);

        // Store → platform, as an adapter's upload does with a ReplyFile's OpenAsync.
        var file = await store.OpenReadAsync(stored.Key, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The stored result vanished.");
        await using (file.ConfigureAwait(false))
        {
            using var form = new MultipartFormDataContent();
            using var payload = new StringContent("""{"content":"","attachments":[{"id":0,"filename":"result.mp4"}]}""");
            payload.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(payload, "payload_json");
            using var part = new StreamContent(file, 64 * 1024);
            part.Headers.ContentType = new MediaTypeHeaderValue(stored.ContentType);
            form.Add(part, "files[0]", stored.FileName);
            using var posted = await http.PostAsync(upload, form, cancellationToken).ConfigureAwait(false);
            posted.EnsureSuccessStatusCode();
        }

        return stored.Length;
    }
}
