using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace ChatBot.IntegrationTests.TestSupport;

/// <summary>
/// Drives the Playground HTTP API over real loopback HTTP, as scripts do: every request carries the test hosts'
/// <see cref="HostSettings.ApiToken"/> (null: none), so it may act as the user its body names.
/// </summary>
internal sealed partial class PlaygroundClient(Uri address, string? apiToken = HostSettings.ApiToken) : IDisposable
{
    public HttpClient Http { get; } = new()
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(60),
        DefaultRequestHeaders = { Authorization = apiToken is null ? null : new AuthenticationHeaderValue("Bearer", apiToken) },
    };

    public async Task<string> PostAsync(string user, string text, params (string FileName, byte[] Data)[] attachments)
    {
        using var response = await PostRawAsync(user, text, attachments);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<Created>();
        return created!.ReplyId;
    }

    public Task<HttpResponseMessage> PostRawAsync(string user, string text, params (string FileName, byte[] Data)[] attachments) =>
        Http.PostAsJsonAsync("/api/playground/messages", new
        {
            user,
            text,
            attachments = attachments.Select(a => new { fileName = a.FileName, dataBase64 = Convert.ToBase64String(a.Data) }),
        });

    /// <summary>Posts a message whose attachments carry a role (mask, reference, last-frame, …), as the page does once a chip is marked.</summary>
    public async Task<string> PostWithRolesAsync(string user, string text, params (string FileName, byte[] Data, string? Role)[] attachments)
    {
        using var response = await Http.PostAsJsonAsync("/api/playground/messages", new
        {
            user,
            text,
            attachments = attachments.Select(a => new { fileName = a.FileName, dataBase64 = Convert.ToBase64String(a.Data), role = a.Role }),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Created>())!.ReplyId;
    }

    /// <summary>Posts a command (attachments with a role, or null: read from the bytes) and returns its final state.</summary>
    public Task<ReplyState> RunAsync(string user, string command, params (string FileName, byte[] Data, string? Role)[] attachments) =>
        FinalAsync(() => PostWithRolesAsync(user, command, attachments));

    /// <summary>Presses a button and returns the final state of the reply it starts.</summary>
    public Task<ReplyState> PressToEndAsync(string replyId, string buttonId, string user) =>
        FinalAsync(() => PressAsync(replyId, buttonId, user));

    public async Task<ReplyState> GetAsync(string replyId) =>
        (await Http.GetFromJsonAsync<ReplyState>($"/api/playground/replies/{Uri.EscapeDataString(replyId)}"))!;

    public async Task<string> PressAsync(string replyId, string buttonId, string user, string? prompt = null)
    {
        using var response = await Http.PostAsJsonAsync(
            $"/api/playground/replies/{Uri.EscapeDataString(replyId)}/buttons/{Uri.EscapeDataString(buttonId)}",
            new { user, prompt });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Created>())!.ReplyId;
    }

    /// <summary>Runs /credits and reads the available balance from its answer.</summary>
    public async Task<long> CreditsAsync(string user)
    {
        var reply = await GetAsync(await PostAsync(user, "/credits"));
        reply.Status.ShouldBe("succeeded", reply.Text);
        return ParseAvailable(reply.Text);
    }

    /// <summary>
    /// The balance once the job's money has moved: the result is posted before the charge is written,
    /// so a balance read at once can still show the reservation.
    /// </summary>
    public async Task<long> SettledCreditsAsync(string user, CancellationToken cancellationToken)
    {
        while (true)
        {
            var reply = await GetAsync(await PostAsync(user, "/credits"));
            if (!reply.Text.Contains("held for running jobs", StringComparison.Ordinal)) // the /credits line while a reservation is open
            {
                return ParseAvailable(reply.Text);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    /// <summary>The label of the model (and provider) that answered the reply.</summary>
    public async Task<string> ModelLabelAsync(string replyId)
    {
        var reply = await Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/playground/replies/{Uri.EscapeDataString(replyId)}");
        return reply.GetProperty("modelLabel").GetString() ?? "";
    }

    public static long ParseAvailable(string creditsText)
    {
        var match = AvailablePattern().Match(creditsText);
        match.Success.ShouldBeTrue($"No balance in: {creditsText}");
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private async Task<ReplyState> FinalAsync(Func<Task<string>> start)
    {
        using var timeout = TestTimeout.Start();
        await using var events = await OpenEventsAsync(timeout.Token);
        var replyId = await start();
        var reply = await GetAsync(replyId);
        return reply.IsFinal ? reply : await events.WaitForFinalAsync(replyId, timeout.Token);
    }

    public async Task<EventStream> OpenEventsAsync(CancellationToken cancellationToken) =>
        await EventStream.OpenAsync(Http, cancellationToken);

    public void Dispose() => Http.Dispose();

    [GeneratedRegex(@"Credits:\W*(\d+) available")]
    private static partial Regex AvailablePattern();

    private sealed record Created(string ReplyId);
}
