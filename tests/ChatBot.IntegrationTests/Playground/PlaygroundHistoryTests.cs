using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Playground;

/// <summary>Issue 12, history and info, on the Playground API: <c>/history</c>, <c>/show</c> and the Info button.</summary>
public sealed class PlaygroundHistoryTests
{
    [Fact]
    public async Task History_ShowButton_PostsTheResultAgainWithItsGridAndButtons()
    {
        await using var host = await RunningHost.StartAsync();
        var result = await host.Client.RunAsync("alice", "/imagine a lighthouse --n 2");
        result.Status.ShouldBe("succeeded", result.Text);

        var history = await host.Client.GetAsync(await host.Client.PostAsync("alice", "/history"));
        history.Text.ShouldContain("a lighthouse");
        history.Buttons.Select(b => b.Label).ShouldBe(["Show 1", "Info 1", "Re-roll 1"]);
        var shown = await host.Client.PressToEndAsync(history.ReplyId, history.Buttons[0].Id, "alice");

        shown.Status.ShouldBe("succeeded", shown.Text);
        shown.Media.Count.ShouldBe(2);
        shown.Grid.ShouldNotBeNull("shown again with its numbered grid, as when it was first posted");
        shown.Buttons.Select(b => b.Label).ShouldContain("U2");
        shown.Buttons.Select(b => b.Label).ShouldContain("Info");
        var upscaled = await host.Client.PressToEndAsync(shown.ReplyId, shown.Buttons.First(b => b.Label == "U2").Id, "alice");
        upscaled.Status.ShouldBe("succeeded", upscaled.Text);
    }

    [Fact]
    public async Task Show_AnotherMembersResult_IsRefused_ButAnAdminMayShowIt()
    {
        await using var host = await RunningHost.StartAsync();
        (await host.Client.RunAsync("admin", "/credits")).Status.ShouldBe("succeeded");
        var result = await host.Client.RunAsync("alice", "/imagine a lighthouse");

        var refused = await host.Client.RunAsync("bob", $"/show {result.JobId}");
        var byAdmin = await host.Client.RunAsync("admin", $"/show {result.JobId}");

        refused.Status.ShouldBe("refused");
        refused.Text.ShouldContain("only show your own");
        byAdmin.Status.ShouldBe("succeeded", byAdmin.Text);
        byAdmin.Media.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task InfoButton_AnswersWithModelSeedParametersCostAndDuration()
    {
        await using var host = await RunningHost.StartAsync();
        var result = await host.Client.RunAsync("alice", "/imagine a lighthouse --ar 16:9 --seed 5");

        var info = await host.Client.PressToEndAsync(result.ReplyId, result.Buttons.Single(b => b.Action == "Info").Id, "alice");

        info.Status.ShouldBe("succeeded");
        info.Text.ShouldContain("Model: Local sketch (`local-sketch`)");
        info.Text.ShouldContain("Seed: 5");
        info.Text.ShouldContain("--ar 16:9");
        info.Text.ShouldContain("Cost: 1 credit");
        info.Text.ShouldContain("Duration:");
    }
}
