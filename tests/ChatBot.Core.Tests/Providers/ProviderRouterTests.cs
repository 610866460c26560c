using ChatBot.Core.Catalog;
using ChatBot.Core.Providers;

namespace ChatBot.Core.Tests.Providers;

public sealed class ProviderRouterTests
{
    private readonly IMediaProvider _cheap = Provider("cheap");
    private readonly IMediaProvider _pricey = Provider("pricey");

    [Fact]
    public void Route_Auto_PicksCheapestAvailable()
    {
        var routed = CreateSut().Route(MediaOperation.Imagine, "auto").ShouldBeOfType<RouteResult.Routed>();

        routed.Model.Id.ShouldBe("cheap-img");
    }

    [Fact]
    public void Route_Auto_OfflineProviderOnlyWhenNoAiProviderCan()
    {
        var local = Provider("local");
        var catalog = new ModelCatalog(
            [
                new ModelDefinition { Id = "sketch", Provider = "local", Operations = [MediaOperation.Imagine], Price = new ModelPrice { PerOutput = 1 } },
                new ModelDefinition { Id = "ai", Provider = "cheap", Operations = [MediaOperation.Imagine], Price = new ModelPrice { PerOutput = 5 } },
            ],
            [new ProviderInfo { Name = "local", LastResort = true }, new ProviderInfo { Name = "cheap", Priority = 50 }]);
        var sut = new ProviderRouter(catalog, [local, _cheap]);

        sut.Route(MediaOperation.Imagine, null).ShouldBeOfType<RouteResult.Routed>().Model.Id.ShouldBe("ai");
        _cheap.IsAvailable.Returns(false);
        sut.Route(MediaOperation.Imagine, null).ShouldBeOfType<RouteResult.Routed>().Model.Id.ShouldBe("sketch");
    }

    [Fact]
    public void Route_AutoWithCheapestDown_PicksNextAvailable()
    {
        _cheap.IsAvailable.Returns(false);

        CreateSut().Route(MediaOperation.Imagine, null).ShouldBeOfType<RouteResult.Routed>().Model.Id.ShouldBe("pricey-img");
    }

    [Fact]
    public void Route_NamedModelOnDownProvider_FallsBackAndExplains()
    {
        _pricey.IsAvailable.Returns(false);

        var routed = CreateSut().Route(MediaOperation.Imagine, "pricey-img").ShouldBeOfType<RouteResult.Routed>();

        routed.Provider.ShouldBe(_cheap);
        routed.Note.ShouldNotBeNull().ShouldContain("Pricey Inc is unavailable right now");
    }

    [Fact]
    public void Route_UnknownModel_RefusesAndPointsToModels() =>
        CreateSut().Route(MediaOperation.Imagine, "gpt-17").ShouldBeOfType<RouteResult.Unroutable>().Message.ShouldContain("/models");

    [Fact]
    public void Route_ModelWithoutOperation_NamesModelsThatCan() =>
        CreateSut().Route(MediaOperation.Upscale, "cheap-img").ShouldBeOfType<RouteResult.Unroutable>().Message.ShouldContain("`pricey-up`");

    [Fact]
    public void Route_DisabledModel_IsTreatedAsUnknown() =>
        CreateSut().Route(MediaOperation.Imagine, "cheap-img", disabledModels: ["cheap-img"]).ShouldBeOfType<RouteResult.Unroutable>();

    [Fact]
    public void Route_TenantDefault_WinsOverPrice() =>
        CreateSut().Route(MediaOperation.Imagine, null, tenantDefault: "pricey-img").ShouldBeOfType<RouteResult.Routed>().Model.Id.ShouldBe("pricey-img");

    private ProviderRouter CreateSut() => new(
        new ModelCatalog(
            [
                new ModelDefinition { Id = "cheap-img", Provider = "cheap", Operations = [MediaOperation.Imagine], Price = new ModelPrice { PerOutput = 1 } },
                new ModelDefinition { Id = "pricey-img", Provider = "pricey", Operations = [MediaOperation.Imagine], Price = new ModelPrice { PerOutput = 9 } },
                new ModelDefinition { Id = "pricey-up", Provider = "pricey", Operations = [MediaOperation.Upscale], Price = new ModelPrice { PerOutput = 9 } },
            ],
            [new ProviderInfo { Name = "pricey", DisplayName = "Pricey Inc" }]),
        [_cheap, _pricey]);

    private static IMediaProvider Provider(string name)
    {
        var provider = Substitute.For<IMediaProvider>();
        provider.Name.Returns(name);
        provider.IsAvailable.Returns(true);
        return provider;
    }
}
