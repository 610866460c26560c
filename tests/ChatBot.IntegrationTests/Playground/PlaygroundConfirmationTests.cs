using ChatBot.Core.Model;
using ChatBot.Core.Tenants;
using ChatBot.IntegrationTests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.IntegrationTests.Playground;

/// <summary>Issue 12, cost before the run, on the Playground API: <c>awaiting-confirmation</c> and <c>cost</c> on every job reply.</summary>
public sealed class PlaygroundConfirmationTests
{
    internal static Task ConfirmAboveAsync(RunningHost host, long threshold) =>
        host.GetService<ITenantSettingsStore>().SetAsync(new TenantKey("playground", "playground"), new TenantSettings { ConfirmAbove = threshold }, CancellationToken.None);

    [Fact]
    public async Task Imagine_BelowTheThreshold_ShowsTheReservationThenTheCharge()
    {
        await using var host = await RunningHost.StartAsync();

        var final = await host.Client.RunAsync("alice", "/imagine a lighthouse --n 2");

        final.Status.ShouldBe("succeeded", final.Text);
        final.Cost.ShouldBe(new CostState(2, "charged"));
    }

    [Fact]
    public async Task Imagine_AboveTheThreshold_AwaitsConfirmationWithItsQuote_AndConfirmRunsIt()
    {
        await using var host = await RunningHost.StartAsync();
        await ConfirmAboveAsync(host, 1);
        using var timeout = TestTimeout.Start();
        await using var events = await host.Client.OpenEventsAsync(timeout.Token);
        var before = await host.Client.CreditsAsync("alice");

        var job = await host.Client.PostAsync("alice", "/imagine a lighthouse --n 2");
        var waiting = await host.Client.GetAsync(job);

        waiting.Status.ShouldBe("awaiting-confirmation", waiting.Text);
        waiting.Cost.ShouldBe(new CostState(2, "quoted"));
        waiting.Buttons.Select(b => b.Action).ShouldBe(["Confirm", "Cancel"]);
        (await host.Client.CreditsAsync("alice")).ShouldBe(before);

        var refused = await host.Client.GetAsync(await host.Client.PressAsync(job, waiting.Buttons[0].Id, "bob"));
        refused.Status.ShouldBe("refused");
        refused.Text.ShouldContain("can confirm or cancel");

        var confirmed = await host.Client.GetAsync(await host.Client.PressAsync(job, waiting.Buttons[0].Id, "alice"));
        confirmed.Text.ShouldContain("Confirmed: 2 credits reserved");
        var final = await events.WaitForFinalAsync(job, timeout.Token);
        final.Status.ShouldBe("succeeded", final.Text);
        final.Cost.ShouldBe(new CostState(2, "charged"));
        (await host.Client.SettledCreditsAsync("alice", timeout.Token)).ShouldBe(before - 2);
    }

    [Fact]
    public async Task Confirm_WhenTheBalanceNoLongerCoversIt_IsRefusedAndReservesNothing()
    {
        await using var host = await RunningHost.StartAsync();
        await ConfirmAboveAsync(host, 0);
        var before = await host.Client.CreditsAsync("alice");
        var job = await host.Client.PostAsync("alice", "/imagine a lighthouse --n 4");
        var waiting = await host.Client.GetAsync(job);
        waiting.Status.ShouldBe("awaiting-confirmation", waiting.Text);
        await host.GetService<ChatBot.Core.Credits.ICreditLedger>().GrantAsync(new AccountKey("playground", "playground", "alice"), -(before - 3), "test: spent elsewhere", CancellationToken.None);

        var pressed = await host.Client.GetAsync(await host.Client.PressAsync(job, waiting.Buttons[0].Id, "alice"));

        pressed.Status.ShouldBe("refused");
        pressed.Text.ShouldContain("This needs 4 credits; you have 3");
        (await host.Client.GetAsync(job)).Status.ShouldBe("awaiting-confirmation");
        (await host.Client.CreditsAsync("alice")).ShouldBe(3);
    }

    [Fact]
    public async Task AwaitingConfirmation_NobodyConfirms_ExpiresAfterConfirmExpiryWithNothingChargedAndNoButtons()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await RunningHost.StartAsync(
            new Dictionary<string, string?> { ["Credits:ConfirmExpiry"] = "00:10:00" },
            services => services.AddSingleton<TimeProvider>(clock));
        await ConfirmAboveAsync(host, 0);
        using var timeout = TestTimeout.Start();
        await using var events = await host.Client.OpenEventsAsync(timeout.Token);
        var before = await host.Client.CreditsAsync("alice");
        var job = await host.Client.PostAsync("alice", "/imagine a lighthouse");
        (await host.Client.GetAsync(job)).Status.ShouldBe("awaiting-confirmation");

        clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        (await host.Client.GetAsync(job)).Status.ShouldBe("awaiting-confirmation");
        clock.Advance(TimeSpan.FromSeconds(1));

        var final = await events.WaitForFinalAsync(job, timeout.Token);
        final.Status.ShouldBe("cancelled");
        final.Text.ShouldContain("Nobody confirmed it within 10m 00s, so it expired.");
        final.Buttons.ShouldBeEmpty();
        final.Cost.ShouldBe(new CostState(0, "charged"));
        (await host.Client.CreditsAsync("alice")).ShouldBe(before);
    }

    [Fact]
    public async Task Cancel_OnAJobAwaitingConfirmation_CostsNothing()
    {
        await using var host = await RunningHost.StartAsync();
        await ConfirmAboveAsync(host, 0);
        using var timeout = TestTimeout.Start();
        await using var events = await host.Client.OpenEventsAsync(timeout.Token);
        var before = await host.Client.CreditsAsync("alice");
        var job = await host.Client.PostAsync("alice", "/imagine a lighthouse");
        var waiting = await host.Client.GetAsync(job);

        await host.Client.PressAsync(job, waiting.Buttons.Single(b => b.Action == "Cancel").Id, "alice");

        var final = await events.WaitForFinalAsync(job, timeout.Token);
        final.Status.ShouldBe("cancelled");
        final.Cost.ShouldBe(new CostState(0, "charged"));
        (await host.Client.CreditsAsync("alice")).ShouldBe(before);
    }
}
