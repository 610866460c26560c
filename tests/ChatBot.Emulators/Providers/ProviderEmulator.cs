using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Emulators.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Emulators.Providers;

/// <summary>
/// A loopback Kestrel server (127.0.0.1, port 0) speaking one provider's documented wire protocol,
/// with fault switches and a record of what it received.
/// </summary>
public abstract class ProviderEmulator : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string ContentType)> _media = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private readonly SemaphoreSlim _recorded = new(0);
    private int _submits;
    private int _port;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The key the emulator accepts.</summary>
    public string ApiKey { get; init; } = "emulator-key";

    public EmulatorFaults Faults { get; } = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>How many requests that start paid work were accepted (a job was created).</summary>
    public int SubmitCount => Volatile.Read(ref _submits);

    /// <summary>How many status polls answer "still working" before a task finishes.</summary>
    public int PollsBeforeDone { get; set; } = 2;

    public RecordedRequest? LastSubmit { get; private set; }

    protected static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _app = LoopbackApp.CreateBuilder().Build();
        _app.MapGet("/media/{name}", ServeMediaAsync);
        Map(_app);
        BaseUrl = await _app.StartOnLoopbackAsync(cancellationToken).ConfigureAwait(false);
        _port = BaseUrl.Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _recorded.Dispose();

        GC.SuppressFinalize(this);
    }

    /// <summary>Waits (without polling) until at least <paramref name="count"/> recorded requests match.</summary>
    public async Task WaitForRequestsAsync(Func<RecordedRequest, bool> match, int count, CancellationToken cancellationToken)
    {
        while (Requests.Count(match) < count)
        {
            await _recorded.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    protected abstract void Map(WebApplication app);

    /// <summary>
    /// Whether the emulator can fetch <paramref name="url"/>: one of its own published files. It has no internet, so any
    /// other link (a CDN's https link included) cannot be fetched, as when a real provider meets an expired link.
    /// </summary>
    protected bool CanFetch(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Port == _port
        && uri.AbsolutePath.StartsWith("/media/", StringComparison.Ordinal) && _media.ContainsKey(uri.AbsolutePath["/media/".Length..]);

    /// <summary>Publishes bytes at a result URL of this emulator (or of a foreign host when that fault is on).</summary>
    protected string PublishMedia(string name, byte[] bytes, string contentType)
    {
        _media[name] = (bytes, contentType);
        var host = Faults.ForeignResultHost ? "localhost" : "127.0.0.1";
        return $"http://{host}:{_port}/media/{name}";
    }

    /// <summary>The body of the 401 a request without the right key gets.</summary>
    protected virtual object KeyRejection => new { error = "Invalid API key" };

    /// <summary>Whether the request carries <see cref="ApiKey"/> the way this provider expects it (by default a bearer token).</summary>
    protected virtual bool HasValidKey(HttpRequest request) => request.Headers.Authorization == $"Bearer {ApiKey}";

    /// <summary>
    /// Starts answering a request as every provider does: a switched-on fault first, then the key check, then the
    /// request is recorded. Null when the request is already answered.
    /// </summary>
    protected async Task<RecordedRequest?> BeginAsync(HttpContext context, FaultScope scope)
    {
        if (await FaultAsync(context, scope).ConfigureAwait(false))
        {
            return null;
        }

        if (Faults.RejectAuth || !HasValidKey(context.Request))
        {
            await WriteErrorAsync(context, 401, KeyRejection).ConfigureAwait(false);
            return null;
        }

        return await RecordAsync(context).ConfigureAwait(false);
    }

    /// <summary>
    /// Answers a status poll as the asynchronous providers do: <paramref name="notFound"/> (a 404) for an unknown id,
    /// <paramref name="working"/> for the first <see cref="PollsBeforeDone"/> polls, then <paramref name="failed"/> when
    /// that fault is on, else <paramref name="done"/>.
    /// </summary>
    private protected async Task PollAsync<TJob>(
        HttpContext context,
        IReadOnlyDictionary<string, TJob> jobs,
        string id,
        object notFound,
        Func<TJob, int, object> working,
        Func<TJob, object> failed,
        Func<TJob, object> done)
        where TJob : PolledJob
    {
        if (await BeginAsync(context, FaultScope.Status).ConfigureAwait(false) is null)
        {
            return;
        }

        if (!jobs.TryGetValue(id, out var job))
        {
            await WriteErrorAsync(context, 404, notFound).ConfigureAwait(false);
            return;
        }

        var polls = job.Poll();
        var answer = polls <= PollsBeforeDone ? working(job, polls) : Faults.TaskFails ? failed(job) : done(job);
        await WriteJsonAsync(context, answer, FaultScope.Status).ConfigureAwait(false);
    }

    /// <summary>Counts an accepted submit and keeps a copy of it.</summary>
    protected void Accept(RecordedRequest request)
    {
        Interlocked.Increment(ref _submits);
        LastSubmit = request;
    }

    /// <summary>
    /// Applies the switched-on faults for this request. Returns true when the fault already answered it.
    /// </summary>
    protected async Task<bool> FaultAsync(HttpContext context, FaultScope scope)
    {
        if (!Faults.InScope(scope))
        {
            return false;
        }

        if (Faults.Delay > TimeSpan.Zero)
        {
            await Task.Delay(Faults.Delay, context.RequestAborted).ConfigureAwait(false);
        }

        if (Faults.TakeServerError())
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("Internal Server Error", context.RequestAborted).ConfigureAwait(false);
            return true;
        }

        if (Faults.TakeRateLimit())
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = Faults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await context.Response.WriteAsync("{\"error\":\"rate_limited\",\"message\":\"Too many requests\"}", context.RequestAborted).ConfigureAwait(false);
            return true;
        }

        if (Faults.TakeUnavailable())
        {
            context.Response.StatusCode = 503;
            context.Response.Headers.RetryAfter = Faults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await context.Response.WriteAsync("Service Unavailable", context.RequestAborted).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    /// <summary>Writes a JSON answer, or a broken one when that fault is on for the scope.</summary>
    protected async Task WriteJsonAsync(HttpContext context, object body, FaultScope scope, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var text = Faults.MalformedJson && Faults.InScope(scope)
            ? "{\"state\": \"SUCC"
            : JsonSerializer.Serialize(body, JsonOptions);
        await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
    }

    protected static async Task WriteErrorAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Reads and records a request: JSON bodies as objects, multipart forms as fields and files.</summary>
    protected async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        var request = context.Request;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        JsonObject? json = null;
        var form = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var files = new List<RecordedFile>();
        if (request.HasFormContentType)
        {
            var collection = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            foreach (var field in collection)
            {
                form[field.Key] = [.. field.Value.Select(v => v ?? "")];
            }

            foreach (var file in collection.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
                files.Add(new RecordedFile(file.Name, file.FileName, file.ContentType, buffer.ToArray()));
            }
        }
        else if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            try
            {
                json = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                json = null;
            }
        }

        var recorded = new RecordedRequest(request.Method, request.Path.Value ?? "", request.ContentType, headers, json, form, files) { Query = request.QueryString.Value ?? "" };
        Requests.Enqueue(recorded);
        _recorded.Release();
        return recorded;
    }

    private async Task ServeMediaAsync(HttpContext context, string name)
    {
        if (await FaultAsync(context, FaultScope.Result).ConfigureAwait(false))
        {
            return;
        }

        if (Faults.ResultNotFound || !_media.TryGetValue(name, out var media))
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = media.ContentType;
        context.Response.ContentLength = media.Bytes.Length;
        await context.Response.Body.WriteAsync(media.Bytes, context.RequestAborted).ConfigureAwait(false);
    }
}
