using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ChatBot.IntegrationTests.TestSupport;

/// <summary>
/// The Playground API as the page uses it: a cookie session (no API token), the CSRF token from
/// <c>GET /api/playground/session</c> sent on every change.
/// </summary>
internal sealed class PlaygroundSessionClient : IDisposable
{
    private readonly HttpClientHandler _handler = new() { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };

    public PlaygroundSessionClient(Uri address)
    {
        Http = new HttpClient(_handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Http { get; }

    /// <summary>The CSRF token of the last session answer.</summary>
    public string CsrfToken { get; private set; } = "";

    /// <summary>Whether the last session answer said the account is the admin.</summary>
    public bool IsAdmin { get; private set; }

    /// <summary>Reads the session (and its CSRF token); the user name, or null when nobody is signed in.</summary>
    public async Task<string?> SessionAsync()
    {
        using var response = await Http.GetAsync("/api/playground/session");
        return await ReadSessionAsync(response);
    }

    /// <summary>Follows the host's one-time sign-in link; the answer is the redirect.</summary>
    public async Task<HttpStatusCode> UseLinkAsync(string token)
    {
        using var response = await Http.GetAsync($"/signin?token={Uri.EscapeDataString(token)}");
        (await SessionAsync()).ShouldNotBeNull("the link did not sign in");
        return response.StatusCode;
    }

    public Task<HttpResponseMessage> SignInAsync(string user, string password) =>
        SendAsync(HttpMethod.Post, "/api/playground/session", new { user, password });

    /// <summary>Creates an account (from an invite, or by self-registration) and is signed in to it.</summary>
    public async Task RegisterAsync(string user, string password, string? invite)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/playground/members", new { user, password, invite });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await ReadSessionAsync(response);
    }

    /// <summary>An invite code (the <c>invite</c> of the link's query) from <c>POST /api/playground/invites</c>.</summary>
    public async Task<string> InviteAsync()
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/playground/invites", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var url = new Uri((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!);
        return Uri.UnescapeDataString(url.Query["?invite=".Length..]);
    }

    /// <summary>Types a message as the signed-in member; the reply id.</summary>
    public async Task<string> PostAsync(string text)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/playground/messages", new { text });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replyId").GetString()!;
    }

    /// <summary>Sends JSON (or nothing) with the CSRF token unless <paramref name="csrf"/> is false.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, bool csrf = true)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (csrf)
        {
            request.Headers.Add("X-CSRF-Token", CsrfToken);
        }

        var response = await Http.SendAsync(request);
        if (response.IsSuccessStatusCode && path == "/api/playground/session")
        {
            await ReadSessionAsync(response);
        }

        return response;
    }

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }

    private async Task<string?> ReadSessionAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var session = await response.Content.ReadFromJsonAsync<JsonElement>();
        CsrfToken = session.GetProperty("csrfToken").GetString() ?? "";
        IsAdmin = session.GetProperty("isAdmin").GetBoolean();
        return session.GetProperty("user").GetString();
    }
}
