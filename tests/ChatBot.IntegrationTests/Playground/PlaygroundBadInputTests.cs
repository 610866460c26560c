using System.Net;
using System.Net.Http.Json;
using System.Text;
using ChatBot.Emulators.Providers;
using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Playground;

/// <summary>Malformed requests to the Playground API: each gets a 4xx with a JSON error a person can read, never a 500.</summary>
public sealed class PlaygroundBadInputTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    private HttpClient Http => _host.Client.Http;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("""{"user":"alice","text":"/upscale","attachments":[null]}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"user":"alice","text":"/help","attachments":[{"fileName":"a.png"},null]}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("user=alice&text=/help", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("null", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"user":"alice","text":"/help"}""", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("user=alice&text=/help", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task PostMessage_MalformedRequest_IsAClientErrorWithAJsonMessage(string body, string contentType, HttpStatusCode expected)
    {
        using var response = await Http.PostAsync("/api/playground/messages", new StringContent(body, Encoding.UTF8, contentType));

        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        (await ErrorOf(response)).ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task PostMessage_NoContentType_IsUnsupportedMediaTypeWithAJsonMessage()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"user":"alice","text":"/help"}"""));

        using var response = await Http.PostAsync("/api/playground/messages", content);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await ErrorOf(response)).ShouldNotBeNull().ShouldContain("application/json");
    }

    [Fact]
    public async Task PressButton_WrongContentType_IsUnsupportedMediaTypeWithAJsonMessage()
    {
        using var response = await Http.PostAsync("/api/playground/replies/r1/buttons/x", new StringContent("user=alice", Encoding.UTF8, "text/plain"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await ErrorOf(response)).ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task PostMessage_AttachmentTheStoreRejects_RefusesTheReplyWithTheReason()
    {
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?> { ["Storage:MaxMediaBytes"] = "32" });

        var reply = await host.Client.GetAsync(await host.Client.PostAsync("alice", "/upscale", ("small.png", TestMedia.Png(8, 8))));

        reply.Status.ShouldBe("refused");
        reply.Text.ShouldContain("larger than");
    }

    [Fact]
    public async Task PostMessage_SavingTheAttachmentFails_TheReplyFailsInsteadOfStayingQueued()
    {
        Directory.Delete(_host.MediaPath, recursive: true);
        await File.WriteAllTextAsync(_host.MediaPath, "not a folder");

        var replyId = await _host.Client.PostAsync("alice", "/upscale", ("small.png", TestMedia.Png(8, 8)));

        var reply = await _host.Client.GetAsync(replyId);
        reply.Status.ShouldBe("failed");
        reply.Text.ShouldContain("nothing was charged");
    }

    private static async Task<string?> ErrorOf(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        var error = await response.Content.ReadFromJsonAsync<ErrorBody>();
        return error?.Error;
    }

    private sealed record ErrorBody(string? Error);
}
