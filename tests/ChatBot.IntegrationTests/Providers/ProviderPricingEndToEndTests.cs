using ChatBot.Emulators.Providers;
using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Providers;

/// <summary>
/// Issue 10: the catalog's AetherWave video prices follow <c>GET /api/video/pricing</c>, read when the bot starts; when
/// the call fails the catalog's prices stay, and the member never pays more than the quote.
/// </summary>
public sealed class ProviderPricingEndToEndTests : IAsyncLifetime
{
    private readonly AetherWaveEmulator _aetherWave = new();
    private RunningHost _host = null!;

    public static TheoryData<string, int, bool, long> Cases => new()
    {
        // AetherWave's price now, the pricing call fails, charged for 5 s (a failed call: the catalog's 3/s is quoted, and the quote caps the charge)
        { "raised", 4, false, 20 },
        { "lowered", 2, false, 10 },
        { "fails", 4, true, 15 },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Video_PriceListAtStart_IsWhatTheMemberIsQuotedAndCharged(string user, int livePerSecond, bool pricingFails, long charged)
    {
        using var timeout = TestTimeout.Start();
        _aetherWave.PriceChanges["seedance-lite-t2v"] = livePerSecond;
        _aetherWave.PricingFails = pricingFails;
        _host = await RunningHost.StartAgainstAsync(
            new Dictionary<string, ProviderEmulator> { ["AetherWave"] = _aetherWave },
            new(StringComparer.OrdinalIgnoreCase) { ["Credits:DefaultDailyAllowance"] = "1000" });
        _aetherWave.Requests.ShouldContain(r => r.Path == "/api/video/pricing");
        var model = await _host.Client.GetAsync(await _host.Client.PostAsync(user, "/models seedance-lite-t2v"));
        var before = await _host.Client.CreditsAsync(user);
        await using var events = await _host.Client.OpenEventsAsync(timeout.Token);

        var final = await events.WaitForFinalAsync(await _host.Client.PostAsync(user, "/video waves at dusk --model seedance-lite-t2v --duration 5 --res 720p"), timeout.Token);

        model.Text.ShouldContain($"{(pricingFails ? 3 : livePerSecond)} per second");
        final.Status.ShouldBe("succeeded", final.Text);
        (before - await _host.Client.SettledCreditsAsync(user, timeout.Token)).ShouldBe(charged, final.Text);
    }
}
