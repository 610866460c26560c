using System.Text.Json;

namespace ChatBot.IntegrationTests.TestSupport;

/// <summary>
/// Reads the Playground's server-sent events. Opened before a command is posted, it misses nothing:
/// the server announces <c>ready</c> only once the subscription exists.
/// </summary>
internal sealed class EventStream : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    /// <summary>Every reply event read so far, in order.</summary>
    public List<ReplyState> Seen { get; } = [];

    public static async Task<EventStream> OpenAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/playground/events");
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/event-stream");
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var stream = new EventStream(response, reader);
        var (name, _) = await stream.ReadEventAsync(cancellationToken);
        name.ShouldBe("ready");
        return stream;
    }

    /// <summary>Reads events until one for <paramref name="replyId"/> satisfies <paramref name="until"/>.</summary>
    public async Task<ReplyState> WaitForAsync(string replyId, Func<ReplyState, bool> until, CancellationToken cancellationToken)
    {
        if (Seen.LastOrDefault(r => r.ReplyId == replyId) is { } last && until(last))
        {
            return last;
        }

        while (true)
        {
            var (name, data) = await ReadEventAsync(cancellationToken);
            if (name != "reply")
            {
                continue;
            }

            var reply = JsonSerializer.Deserialize<ReplyState>(data, Json)!;
            Seen.Add(reply);
            if (reply.ReplyId == replyId && until(reply))
            {
                return reply;
            }
        }
    }

    /// <summary>The final state of a reply, from the events already read or those still to come.</summary>
    public Task<ReplyState> WaitForFinalAsync(string replyId, CancellationToken cancellationToken) =>
        WaitForAsync(replyId, r => r.IsFinal, cancellationToken);

    public IReadOnlyList<string> StatusesOf(string replyId) =>
        [.. Seen.Where(r => r.ReplyId == replyId).Select(r => r.Status)];

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        await Task.CompletedTask;
    }

    private async Task<(string Name, string Data)> ReadEventAsync(CancellationToken cancellationToken)
    {
        var name = "message";
        var data = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken)
                ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    return (name, string.Join('\n', data));
                }

                continue;
            }

            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Add(line["data:".Length..].TrimStart());
            }
        }
    }
}
