using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Playground;

/// <summary>Issue 12, personal defaults: <c>/settings me</c> sets a member's own defaults; flags on a command still win.</summary>
public sealed class PlaygroundMemberDefaultsTests
{
    [Fact]
    public async Task SettingsMe_DefaultsApplyToTheMembersCommands_FlagsWin_AndClearForgetsThem()
    {
        await using var host = await RunningHost.StartAsync();
        (await host.Client.RunAsync("admin", "/credits")).Status.ShouldBe("succeeded");

        var saved = await host.Client.RunAsync("alice", "/settings me model:local-sketch ar:16:9 n:2");
        var defaulted = await host.Client.RunAsync("alice", "/imagine a lighthouse");
        var flagged = await host.Client.RunAsync("alice", "/imagine a lighthouse --n 1");
        var others = await host.Client.RunAsync("bob", "/imagine a lighthouse");
        var overview = await host.Client.RunAsync("alice", "/settings");

        saved.Status.ShouldBe("succeeded", saved.Text);
        saved.Text.ShouldContain("model local-sketch · ar 16:9 · n 2");
        defaulted.Media.Count.ShouldBe(2);
        var info = await host.Client.PressToEndAsync(defaulted.ReplyId, defaulted.Buttons.Single(b => b.Action == "Info").Id, "alice");
        info.Text.ShouldContain("--ar 16:9");
        flagged.Media.ShouldHaveSingleItem();
        others.Media.ShouldHaveSingleItem();
        overview.Text.ShouldContain("Your own defaults: model local-sketch · ar 16:9 · n 2");

        (await host.Client.RunAsync("alice", "/settings me clear")).Text.ShouldContain("Your defaults: none");
        (await host.Client.RunAsync("alice", "/imagine a lighthouse")).Media.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task SettingsMe_UnknownModel_IsRefusedAndNothingIsSaved()
    {
        await using var host = await RunningHost.StartAsync();

        var refused = await host.Client.RunAsync("alice", "/settings me model:nope n:2");

        refused.Status.ShouldBe("refused");
        refused.Text.ShouldContain("I don't know the model `nope`");
        (await host.Client.RunAsync("alice", "/settings me")).Text.ShouldContain("Your defaults: none");
    }
}
