using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Operations;

/// <summary>The health endpoints of the whole host: liveness, readiness, and each provider's state in the body.</summary>
public sealed class HealthTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Live_Running_Answers200()
    {
        using var response = await _host.Client.Http.GetAsync("/healthz/live");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_StorageAnswers_200WithEachProvidersState()
    {
        using var response = await _host.Client.Http.GetAsync("/healthz/ready");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("storage").GetString().ShouldBe("ok");
        var providers = body.GetProperty("providers");
        providers.GetProperty("local").GetProperty("state").GetString().ShouldBe("ok");
        var aetherWave = providers.GetProperty("aetherwave");
        aetherWave.GetProperty("state").GetString().ShouldBe("off");
        aetherWave.GetProperty("detail").GetString().ShouldBe("no key (Providers:AetherWave:ApiKey)");
    }

    [Fact]
    public async Task Healthz_StillAnswers_WithTheSameReport()
    {
        using var response = await _host.Client.Http.GetAsync("/healthz");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("status").GetString().ShouldBe("ok");
        body.GetProperty("providers").EnumerateObject().ShouldNotBeEmpty();
    }
}
