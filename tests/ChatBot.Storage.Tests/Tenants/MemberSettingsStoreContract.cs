using ChatBot.Core.Model;
using ChatBot.Core.Tenants;
using ChatBot.Storage.Tests.TestSupport;

namespace ChatBot.Storage.Tests.Tenants;

/// <summary>Issue 12, personal defaults: one document per member (migration 6, <c>member_settings</c>).</summary>
public abstract class MemberSettingsStoreContract() : StoreContractTest(defaultAllowance: 50)
{
    private static readonly AccountKey Ada = new("discord", "guild-1", "ada");

    [Fact]
    public async Task GetAsync_NothingStored_ReturnsEmptyDefaults()
    {
        (await CreateSut().GetAsync(Ada, Ct)).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task SetAsync_ThenGet_RoundTripsPerMember()
    {
        var sut = CreateSut();

        await sut.SetAsync(Ada, new MemberDefaults { Model = "local-sketch", AspectRatio = "16:9", Count = 2 }, Ct);
        await sut.SetAsync(Ada, new MemberDefaults { Model = "local-sketch", Count = 3 }, Ct);

        (await sut.GetAsync(Ada, Ct)).ShouldBe(new MemberDefaults { Model = "local-sketch", Count = 3 });
        (await sut.GetAsync(Ada with { UserId = "grace" }, Ct)).IsEmpty.ShouldBeTrue();
        (await sut.GetAsync(Ada with { Platform = "slack" }, Ct)).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task SetAsync_EmptyDefaults_RemovesTheRow()
    {
        var sut = CreateSut();
        await sut.SetAsync(Ada, new MemberDefaults { Count = 2 }, Ct);

        await sut.SetAsync(Ada, new MemberDefaults(), Ct);

        (await sut.GetAsync(Ada, Ct)).IsEmpty.ShouldBeTrue();
        Fixture.Scalar("SELECT COUNT(*) FROM member_settings").ShouldBe(0);
    }

    private IMemberSettingsStore CreateSut() => Fixture.MemberSettings();
}
