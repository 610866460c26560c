namespace ChatBot.Providers.Blackwave;

/// <summary>
/// Blackwave Studio (document 002): txt2img, img2img and inpainting through <c>POST /api/v1/generate</c>
/// with the key as <c>token</c> in the body, always in streaming mode so the reply shows the queue position.
/// The submit reads the stream up to the first line (which carries <c>job_id</c>); tracking keeps reading the
/// same connection.
/// </summary>
internal sealed class BlackwaveProvider(ProviderHttp http, ILogger<BlackwaveProvider> logger) : RemoteProvider(http, logger), IMediaProvider, IDisposable
{
    private const string StreamState = "stream";
    private readonly ConcurrentDictionary<string, LiveStream> _live = new(StringComparer.Ordinal);

    public async Task<Submission> SubmitAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        EnsureConfigured();

        var post = await BlackwaveRequests.GenerateAsync(Http, request, cancellationToken).ConfigureAwait(false);
        var response = await Http.SubmitAsync(post, cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        LiveStream? live = null;
        try
        {
            if (!response.IsSuccessStatusCode)
            {
                var (code, _) = await ProviderErrorText.ReadAsync(response, Http.ApiKey, cancellationToken).ConfigureAwait(false);
                throw BlackwaveErrors.ToException(code, (int)response.StatusCode);
            }

            live = new LiveStream(response, new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)));
            var first = await NextAsync(live, request, cancellationToken).ConfigureAwait(false);
            switch (first)
            {
                case (ProviderUpdate.Failed failed, _):
                    throw new ProviderException(failed.Code, failed.UserMessage, failed.Retryable);
                case (ProviderUpdate.Succeeded done, var jobId):
                    live.Dispose();
                    return new Submission(jobId ?? $"bw-{request.JobId}", null, done);
                case (var update, { } id):
                    live.First = update;
                    _live[id] = live;
                    LogAccepted(request.JobId, id);
                    return new Submission(id, StreamState);
                default:
                    throw new ProviderException("malformed_answer", "Blackwave started the job but gave it no id.");
            }
        }
        catch
        {
            if (live is not null)
            {
                live.Dispose();
            }
            else
            {
                response.Dispose();
            }

            throw;
        }
    }

    /// <summary>Keeps reading the connection the submit opened (the engine itself delivers a submission's immediate result).</summary>
    public async IAsyncEnumerable<ProviderUpdate> TrackAsync(MediaRequest request, Submission submission, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!_live.TryRemove(submission.RemoteId, out var live))
        {
            // The document offers no status endpoint: progress exists only on the connection that started the job.
            yield return new ProviderUpdate.Failed("stream_lost", "Blackwave reports a job only over the connection that started it, and that connection was lost (the bot restarted), so the job was stopped.");
            yield break;
        }

        using (live)
        {
            if (live.First is { } first)
            {
                yield return first;
            }

            while (true)
            {
                var (update, _) = await NextAsync(live, request, cancellationToken).ConfigureAwait(false);
                yield return update;
                if (update is ProviderUpdate.Succeeded or ProviderUpdate.Failed)
                {
                    yield break;
                }
            }
        }
    }

    public void Dispose()
    {
        foreach (var live in _live.Values)
        {
            live.Dispose();
        }

        _live.Clear();
    }

    /// <summary>Reads the next meaningful status line. Lines that are not JSON are skipped, as the document's own client does.</summary>
    private async Task<(ProviderUpdate Update, string? JobId)> NextAsync(LiveStream live, MediaRequest request, CancellationToken cancellationToken)
    {
        while (true)
        {
            string? text;
            try
            {
                using var idle = new CancellationTokenSource(Http.Options.StreamIdleTimeout, Http.Time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
                text = await live.Reader.ReadLineAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (new ProviderUpdate.Failed("stream_stalled", "Blackwave went silent in the middle of the job, so the bot stopped waiting."), null);
            }
            catch (IOException)
            {
                return (new ProviderUpdate.Failed("stream_interrupted", "The connection to Blackwave broke before the image was ready."), null);
            }
            catch (HttpRequestException)
            {
                return (new ProviderUpdate.Failed("stream_interrupted", "The connection to Blackwave broke before the image was ready."), null);
            }

            if (text is null)
            {
                return live.UnreadableLines > 0
                    ? (new ProviderUpdate.Failed("malformed_answer", "Blackwave sent an answer the bot could not read."), null)
                    : (new ProviderUpdate.Failed("stream_interrupted", "Blackwave stopped sending updates before the image was ready."), null);
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            BlackwaveWire.StatusLine? line;
            try
            {
                line = JsonSerializer.Deserialize<BlackwaveWire.StatusLine>(text);
            }
            catch (JsonException)
            {
                live.UnreadableLines++;
                continue;
            }

            if (line is null)
            {
                continue;
            }

            return (BlackwaveStatus.ToUpdate(Http, line, request), line.JobId);
        }
    }

    private sealed class LiveStream(HttpResponseMessage response, StreamReader reader) : IDisposable
    {
        public StreamReader Reader { get; } = reader;
        public ProviderUpdate? First { get; set; }
        public int UnreadableLines { get; set; }

        public void Dispose()
        {
            Reader.Dispose();
            response.Dispose();
        }
    }
}
