using ChatBot.Core.Commands.Handlers;
using ChatBot.Core.Credits;
using ChatBot.Core.Tenants;

namespace ChatBot.Core.Tests.Commands.Handlers;

public sealed class SettingsCommandHandlerTests
{
    private readonly EngineFixture _engine = new();
    private readonly ICreditLedger _ledger = Substitute.For<ICreditLedger>();
    private readonly Actor _admin = HandlerRequests.Alice with { IsAdmin = true };

    public SettingsCommandHandlerTests()
    {
        _ledger.GetAllowanceAsync(default, default).ReturnsForAnyArgs(50);
        _engine.Tenants.GetAsync(default, default).ReturnsForAnyArgs(new TenantSettings { DefaultModel = "m-p" });
    }

    [Fact]
    public async Task Handle_NoSetting_ShowsThemToAnyone()
    {
        var outcome = await CreateSut().HandleAsync(Request(null, null, _admin with { IsAdmin = false }), default);

        outcome.ShouldBeOfType<CommandOutcome.Info>().Text.ShouldStartWith("**Settings**\nDefault model: m-p\nDaily allowance: 50\nSave to gallery button: off\nDisabled models: none\n");
    }

    [Fact]
    public async Task Handle_ChangeByNonAdmin_IsRefused()
    {
        var outcome = await CreateSut().HandleAsync(Request("gallery", "on", _admin with { IsAdmin = false }), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldBe("Only admins can change settings.");
        await _engine.Tenants.DidNotReceiveWithAnyArgs().SetAsync(default, default!, default);
    }

    [Fact]
    public async Task Handle_UnknownDefaultModel_IsRefused()
    {
        var outcome = await CreateSut().HandleAsync(Request("default-model", "nope"), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldBe("I don't know the model `nope`. `/models` lists them.");
    }

    [Fact]
    public async Task Handle_DefaultModelAuto_ClearsTheDefault()
    {
        var outcome = await CreateSut().HandleAsync(Request("default-model", " AUTO "), default);

        outcome.ShouldBeOfType<CommandOutcome.Info>().Text.ShouldBe("Saved: default-model AUTO.");
        await _engine.Tenants.Received(1).SetAsync(new TenantKey("test", "t1"), Arg.Is<TenantSettings>(s => s.DefaultModel == null), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_DisableModel_StoresTheCatalogsId()
    {
        await CreateSut().HandleAsync(Request("disable-model", "M-P"), default);

        await _engine.Tenants.Received(1).SetAsync(Arg.Any<TenantKey>(), Arg.Is<TenantSettings>(s => s.DisabledModels.SequenceEqual(new[] { "m-p" })), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("<@&111> 200")]
    [InlineData("111 200")]
    public async Task Handle_RoleAllowance_StoresItByRoleId(string value)
    {
        var outcome = await CreateSut().HandleAsync(Request("role-allowance", value), default);

        outcome.ShouldBeOfType<CommandOutcome.Info>();
        await _engine.Tenants.Received(1).SetAsync(Arg.Any<TenantKey>(), Arg.Is<TenantSettings>(s => s.RoleAllowances.Count == 1 && s.RoleAllowances["111"] == 200), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("<@&111>")]
    [InlineData("<@&111> lots")]
    [InlineData("<@&111> 2000000000000")]
    public async Task Handle_RoleAllowanceWithoutAWholeAmount_ShowsUsage(string value)
    {
        var outcome = await CreateSut().HandleAsync(Request("role-allowance", value), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldContain("/settings role-allowance <@role> <credits>");
        await _engine.Tenants.DidNotReceiveWithAnyArgs().SetAsync(default, default!, default);
    }

    [Fact]
    public async Task Handle_ClearRoleAllowance_RemovesOnlyThatRole()
    {
        _engine.Tenants.GetAsync(default, default).ReturnsForAnyArgs(new TenantSettings { RoleAllowances = new Dictionary<string, long> { ["111"] = 200, ["222"] = 80 } });

        await CreateSut().HandleAsync(Request("clear-role-allowance", "<@&111>"), default);

        await _engine.Tenants.Received(1).SetAsync(Arg.Any<TenantKey>(), Arg.Is<TenantSettings>(s => s.RoleAllowances.Count == 1 && s.RoleAllowances["222"] == 80), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_NoSetting_ListsRoleAllowancesHighestFirst()
    {
        _engine.Tenants.GetAsync(default, default).ReturnsForAnyArgs(new TenantSettings { RoleAllowances = new Dictionary<string, long> { ["222"] = 80, ["111"] = 200 } });

        var outcome = await CreateSut().HandleAsync(Request(null, null), default);

        outcome.ShouldBeOfType<CommandOutcome.Info>().Text.ShouldContain("Role allowances: <@&111> 200, <@&222> 80\n");
    }

    [Fact]
    public async Task Handle_UnknownSetting_ShowsUsage()
    {
        var outcome = await CreateSut().HandleAsync(Request("gallery", "maybe"), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldStartWith("Use `/settings default-model <id|auto>`");
    }

    private CommandRequest Request(string? setting, string? value, Actor? actor = null)
    {
        var extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (setting is not null)
        {
            extra["setting"] = setting;
        }

        if (value is not null)
        {
            extra["value"] = value;
        }

        return HandlerRequests.For(CommandKind.Settings, new CommandOptions { Extra = extra }, actor ?? _admin);
    }

    private SettingsCommandHandler CreateSut() => new(_engine.Catalog, _ledger, _engine.Tenants, new MemberSettings(_engine.Catalog));
}
