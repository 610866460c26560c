using System.Net;
using System.Net.Http.Json;
using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Playground.Access;

/// <summary>The Playground behind a login (issue 13 point 1): who may call the API, and how one signs in.</summary>
public sealed class PlaygroundSignInTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("GET", "/api/playground/replies")]
    [InlineData("GET", "/api/playground/replies/r1")]
    [InlineData("GET", "/api/playground/events")]
    [InlineData("GET", "/api/playground/models")]
    [InlineData("GET", "/api/playground/media/ab/cd.png")]
    [InlineData("POST", "/api/playground/messages")]
    [InlineData("POST", "/api/playground/replies/r1/buttons/x")]
    public async Task Api_NoSessionNorToken_Is401(string method, string path)
    {
        using var anonymous = new PlaygroundClient(_host.Address, apiToken: null);
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { user = "alice", text = "/credits" }) : null,
        };

        using var response = await anonymous.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Api_WrongToken_Is401()
    {
        using var stranger = new PlaygroundClient(_host.Address, apiToken: "not-the-playground-api-token");

        using var response = await stranger.PostRawAsync("alice", "/credits");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Api_TokenWhenNoneIsConfigured_Is401()
    {
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?> { ["Playground:ApiToken"] = "" });

        using var response = await host.Client.PostRawAsync("alice", "/credits");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/playground/session")]
    [InlineData("/api/playground/replies")]
    public async Task Request_ForgedHostHeader_IsRefused(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "attacker.example:5080";

        using var response = await _host.Client.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.MisdirectedRequest);
    }

    [Fact]
    public async Task Request_PublicBaseUrlHost_IsServed()
    {
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?> { ["Playground:PublicBaseUrl"] = "https://bot.example.com/" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/playground/replies");
        request.Headers.Host = "bot.example.com";

        using var response = await host.Client.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PostMessage_SessionWithoutCsrfToken_IsRefused()
    {
        using var admin = _host.NewSession();
        await admin.UseLinkAsync(_host.SignInToken!);

        using var without = await admin.SendAsync(HttpMethod.Post, "/api/playground/messages", new { text = "/credits" }, csrf: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/playground/messages") { Content = JsonContent.Create(new { text = "/credits" }) };
        request.Headers.Add("X-CSRF-Token", "forged");
        using var forged = await admin.Http.SendAsync(request);

        without.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsync("/credits")).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task SignIn_WithoutCsrfToken_IsRefused()
    {
        using var client = _host.NewSession();
        await client.SessionAsync();

        using var response = await client.SendAsync(HttpMethod.Post, "/api/playground/session", new { user = "admin", password = "whatever-it-is" }, csrf: false);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task SignInLink_UsedTwice_SignsInOnceAndIssuesTheNext()
    {
        var token = _host.SignInToken!;
        using var first = _host.NewSession();
        using var second = _host.NewSession();

        (await first.UseLinkAsync(token)).ShouldBe(HttpStatusCode.Redirect);
        using var again = await second.Http.GetAsync($"/signin?token={Uri.EscapeDataString(token)}");

        again.Headers.Location!.ToString().ShouldBe("/?link=used");
        (await second.SessionAsync()).ShouldBeNull();
        (await first.SessionAsync()).ShouldBe("admin");
        _host.SignInToken.ShouldNotBe(token);
    }

    [Fact]
    public async Task SignIn_AdminPassword_IsAdminAndNoLinkIsOffered()
    {
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?> { ["Playground:AdminPassword"] = "correct horse battery" });
        using var client = host.NewSession();
        await client.SessionAsync();

        using var wrong = await client.SignInAsync("admin", "wrong horse battery");
        using var right = await client.SignInAsync("Admin", "correct horse battery");

        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        client.IsAdmin.ShouldBeTrue();
        host.SignInToken.ShouldBeNull();
    }

    [Fact]
    public async Task SignIn_Session_CookiesAreHttpOnlyAndSameSiteStrictAndSecureForAnHttpsAddress()
    {
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?> { ["Playground:PublicBaseUrl"] = "https://bot.example.com/" });
        using var client = host.NewSession();

        using var response = await client.Http.GetAsync($"/signin?token={Uri.EscapeDataString(host.SignInToken!)}");

        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("chatbot.session=", StringComparison.Ordinal)).ToLowerInvariant();
        session.ShouldContain("httponly");
        session.ShouldContain("samesite=strict");
        session.ShouldContain("secure");
    }

    [Fact]
    public async Task Register_WithInvite_SignsInWithThePasswordWhichIsStoredHashed()
    {
        using var admin = _host.NewSession();
        await admin.UseLinkAsync(_host.SignInToken!);
        var invite = await admin.InviteAsync();
        using var bob = _host.NewSession();
        await bob.SessionAsync();
        await bob.RegisterAsync("bob", "bob's long password", invite);

        using var later = _host.NewSession();
        await later.SessionAsync();
        using var signedIn = await later.SignInAsync("bob", "bob's long password");
        using var reused = _host.NewSession();
        await reused.SessionAsync();
        using var again = await reused.SendAsync(HttpMethod.Post, "/api/playground/members", new { user = "mallory", password = "mallory's password", invite });

        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await later.SessionAsync()).ShouldBe("bob");
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var accounts = await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(_host.DatabasePath)!, "playground-accounts.json"));
        accounts.ShouldContain("bob");
        accounts.ShouldNotContain("long password");
    }

    [Fact]
    public async Task Register_WithoutInvite_IsRefusedUnlessRegistrationIsAllowed()
    {
        await using var open = await RunningHost.StartAsync(new Dictionary<string, string?> { ["Playground:AllowRegistration"] = "true" });
        using var closedClient = _host.NewSession();
        using var openClient = open.NewSession();
        await closedClient.SessionAsync();
        await openClient.SessionAsync();

        using var refused = await closedClient.SendAsync(HttpMethod.Post, "/api/playground/members", new { user = "carol", password = "carol's password" });
        await openClient.RegisterAsync("carol", "carol's password", invite: null);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await openClient.SessionAsync()).ShouldBe("carol");
    }
}
