using ChatBot.Core.Model;
using ChatBot.Core.Tenants;
using ChatBot.Storage.Tenants;
using ChatBot.Storage.Tests.TestSupport;

namespace ChatBot.Storage.Tests.Tenants;

public sealed class SqliteTenantSettingsStoreTests : IDisposable
{
    private static readonly TenantKey Guild = new("discord", "guild-1");

    private readonly StorageFixture _fixture = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task GetAsync_NothingStored_ReturnsDefaults()
    {
        var settings = await CreateSut().GetAsync(Guild, _ct);

        settings.DefaultModel.ShouldBeNull();
        settings.GalleryEnabled.ShouldBeFalse();
        settings.DisabledModels.ShouldBeEmpty();
    }

    [Fact]
    public async Task SetAsync_ThenGet_RoundTripsPerTenant()
    {
        var sut = CreateSut();
        var settings = new TenantSettings { DefaultModel = "local-sketch", GalleryEnabled = true, DisabledModels = ["x", "y"] };

        await sut.SetAsync(Guild, settings, _ct);
        await sut.SetAsync(Guild, settings with { DisabledModels = ["y"] }, _ct);

        var stored = await sut.GetAsync(Guild, _ct);
        stored.DefaultModel.ShouldBe("local-sketch");
        stored.GalleryEnabled.ShouldBeTrue();
        stored.DisabledModels.ShouldBe(["y"]);
        (await sut.GetAsync(new TenantKey("slack", "guild-1"), _ct)).DefaultModel.ShouldBeNull();
    }

    private SqliteTenantSettingsStore CreateSut() => _fixture.CreateTenantSettingsStore();
}
