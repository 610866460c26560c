using ChatBot.Core.Model;
using ChatBot.Core.Tenants;
using ChatBot.Storage.Tests.TestSupport;

namespace ChatBot.Storage.Tests.Tenants;

public abstract class TenantSettingsStoreContract() : StoreContractTest(defaultAllowance: 50)
{
    private static readonly TenantKey Guild = new("discord", "guild-1");

    [Fact]
    public async Task GetAsync_NothingStored_ReturnsDefaults()
    {
        var settings = await CreateSut().GetAsync(Guild, Ct);

        settings.DefaultModel.ShouldBeNull();
        settings.GalleryEnabled.ShouldBeFalse();
        settings.DisabledModels.ShouldBeEmpty();
    }

    [Fact]
    public async Task SetAsync_ThenGet_RoundTripsPerTenant()
    {
        var sut = CreateSut();
        var settings = new TenantSettings { DefaultModel = "local-sketch", GalleryEnabled = true, DisabledModels = ["x", "y"] };

        await sut.SetAsync(Guild, settings, Ct);
        await sut.SetAsync(Guild, settings with { DisabledModels = ["y"] }, Ct);

        var stored = await sut.GetAsync(Guild, Ct);
        stored.DefaultModel.ShouldBe("local-sketch");
        stored.GalleryEnabled.ShouldBeTrue();
        stored.DisabledModels.ShouldBe(["y"]);
        (await sut.GetAsync(new TenantKey("slack", "guild-1"), Ct)).DefaultModel.ShouldBeNull();
    }

    private ITenantSettingsStore CreateSut() => Fixture.TenantSettings();
}
