using ChatBot.Emulators.Time;

namespace ChatBot.Discord.Tests.Gateway;

public sealed class DiscordGatewayServiceTests
{
    [Fact]
    public async Task Start_FetchesGatewayAndIdentifies_WithDefaultIntentsAndShard()
    {
        await using var host = await DiscordTestHost.StartAsync();

        var calls = host.Emulator.RestCalls;
        calls.ShouldContain(c => c.Is("GET", "/gateway/bot"));
        host.Emulator.ConnectUrls[0].ShouldBe("/gateway?v=10&encoding=json");
        var identify = host.Emulator.GatewayFrames.Single(f => f["op"]!.GetValue<int>() == 2)["d"]!;
        identify["token"]!.GetValue<string>().ShouldBe(host.Emulator.Token);
        identify["intents"]!.GetValue<long>().ShouldBe(1 | (1 << 10) | (1 << 13));
        identify["shard"]!.AsArray().Select(n => n!.GetValue<int>()).ShouldBe([0, 1]);
    }

    [Fact]
    public async Task Start_ReactionsOnAnyMessage_AddsMessageContentIntent()
    {
        await using var host = await DiscordTestHost.StartAsync(s => s["Discord:ReactionsOnAnyMessage"] = "true");

        var identify = host.Emulator.GatewayFrames.Single(f => f["op"]!.GetValue<int>() == 2)["d"]!;
        identify["intents"]!.GetValue<long>().ShouldBe(1 | (1 << 10) | (1 << 13) | (1 << 15));
    }

    [Fact]
    public async Task Start_Sharded_IdentifiesWithShardPair()
    {
        // Two identifies per 5 s: shard 1 has a bucket of its own and need not wait for shard 0's window.
        await using var host = await DiscordTestHost.StartAsync(
            s =>
            {
                s["Discord:ShardId"] = "1";
                s["Discord:ShardCount"] = "2";
            },
            emulatorOptions: new DiscordEmulatorOptions { MaxConcurrency = 2 });

        var identify = host.Emulator.GatewayFrames.Single(f => f["op"]!.GetValue<int>() == 2)["d"]!;
        identify["shard"]!.AsArray().Select(n => n!.GetValue<int>()).ShouldBe([1, 2]);
    }

    [Fact]
    public async Task Sharding_TwoProcesses_EachGetsOnlyItsGuildsEvents()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new DiscordEmulatorOptions { MaxConcurrency = 2 });
        await using var shard0 = await DiscordTestHost.StartAsync(s => { s["Discord:ShardId"] = "0"; s["Discord:ShardCount"] = "2"; }, sharedEmulator: emulator, waitForReady: false);
        await using var shard1 = await DiscordTestHost.StartAsync(s => { s["Discord:ShardId"] = "1"; s["Discord:ShardCount"] = "2"; }, sharedEmulator: emulator, waitForReady: false);
        await emulator.WaitUntilAsync(e => e.LiveSessionCount == 2);
        var evenGuild = emulator.CreateGuildChannel((2L << 22).ToString(System.Globalization.CultureInfo.InvariantCulture), "even");
        var oddGuild = emulator.CreateGuildChannel((3L << 22).ToString(System.Globalization.CultureInfo.InvariantCulture), "odd");

        await emulator.SendSlashCommandAsync(evenGuild, shard0.Member, "imagine", SlashOptions.Prompt("even"));
        await emulator.SendSlashCommandAsync(oddGuild, shard1.Member, "imagine", SlashOptions.Prompt("odd"));

        (await shard0.Dispatcher.NextAsync()).Options.Prompt.ShouldBe("even");
        (await shard1.Dispatcher.NextAsync()).Options.Prompt.ShouldBe("odd");
        shard0.Dispatcher.Requests.Count.ShouldBe(1);
        shard1.Dispatcher.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Start_TwoShardsInOneProcessOneBucket_IdentifiesThemAWindowApart()
    {
        var clock = new TimerAwareFakeTimeProvider();
        await using var host = await DiscordTestHost.StartAsync(
            s =>
            {
                s["Discord:Shards"] = "0-1";
                s["Discord:ShardCount"] = "2";
            },
            time: clock,
            waitForReady: false);

        await GatewayClock.AdvanceUntilAsync(clock, host, e => e.LiveSessionCount == 2, TimeSpan.FromSeconds(1));

        var shards = host.Emulator.GatewayFrames.Where(f => f["op"]!.GetValue<int>() == 2).Select(f => f["d"]!["shard"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray()).ToList();
        shards.Select(s => s[0]).Order().ToArray().ShouldBe([0, 1], string.Join(", ", host.Emulator.IdentifyTimes.Select(t => (t - clock.Start).TotalSeconds)) + " " + string.Join(",", shards.Select(s => s[0])));
        shards.ShouldAllBe(s => s[1] == 2);
        var times = host.Emulator.IdentifyTimes;
        (times.Max() - times.Min()).ShouldBe(ChatBot.Discord.Gateway.GatewayReconnectPolicy.IdentifyWindow);
        host.Emulator.IdentifiesTooFast.ShouldBe(0);
    }

    [Fact]
    public async Task Start_TwoShardsInOneProcessMaxConcurrencyTwo_IdentifiesBothAtOnce()
    {
        var clock = new TimerAwareFakeTimeProvider();
        await using var host = await DiscordTestHost.StartAsync(
            s =>
            {
                s["Discord:Shards"] = "0,1";
                s["Discord:ShardCount"] = "2";
            },
            emulatorOptions: new DiscordEmulatorOptions { MaxConcurrency = 2 },
            time: clock,
            waitForReady: false);

        await GatewayClock.AdvanceUntilAsync(clock, host, e => e.LiveSessionCount == 2, TimeSpan.FromSeconds(1));

        host.Emulator.IdentifyTimes.ShouldAllBe(t => t == clock.Start);
        host.Emulator.IdentifiesTooFast.ShouldBe(0);
    }

    [Fact]
    public async Task Sharding_OneProcessRunningBothShards_GetsEveryGuildsEventOnce()
    {
        await using var host = await DiscordTestHost.StartAsync(
            s =>
            {
                s["Discord:Shards"] = "0-1";
                s["Discord:ShardCount"] = "2";
            },
            emulatorOptions: new DiscordEmulatorOptions { MaxConcurrency = 2 },
            waitForReady: false);
        await host.Emulator.WaitUntilAsync(e => e.LiveSessionCount == 2);
        var evenGuild = host.Emulator.CreateGuildChannel((2L << 22).ToString(System.Globalization.CultureInfo.InvariantCulture), "even");
        var oddGuild = host.Emulator.CreateGuildChannel((3L << 22).ToString(System.Globalization.CultureInfo.InvariantCulture), "odd");

        await host.Emulator.SendSlashCommandAsync(evenGuild, host.Member, "imagine", SlashOptions.Prompt("even"));
        await host.Emulator.SendSlashCommandAsync(oddGuild, host.Member, "imagine", SlashOptions.Prompt("odd"));

        var prompts = new[] { (await host.Dispatcher.NextAsync()).Options.Prompt, (await host.Dispatcher.NextAsync()).Options.Prompt };
        prompts.Order().ShouldBe(["even", "odd"]);
        host.Dispatcher.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Start_SecondShardOfOneBucket_IdentifiesAWindowAfterTheFirst()
    {
        var clock = new TimerAwareFakeTimeProvider();
        await using var host = await DiscordTestHost.StartAsync(
            s =>
            {
                s["Discord:ShardId"] = "1";
                s["Discord:ShardCount"] = "2";
            },
            time: clock,
            waitForReady: false);

        await GatewayClock.AdvanceUntilAsync(clock, host, e => e.IsConnected, TimeSpan.FromSeconds(1));

        (host.Emulator.IdentifyTimes.Single() - clock.Start).ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Start_GatewayBotTimesOut_RetriesWithBackoffAndHostStaysUp()
    {
        var clock = new TimerAwareFakeTimeProvider();
        await using var host = await DiscordTestHost.StartAsync(
            s =>
            {
                s["Discord:RequestTimeout"] = "00:00:00.5";
                s["Discord:RegisterCommands"] = "false";
            },
            time: clock,
            waitForReady: false,
            configureEmulator: e => e.Hold(r => r.StartsWith("GET /gateway/bot", StringComparison.Ordinal)));

        await GatewayClock.WaitForHealthAsync(host, h => h.State == "retrying" && h.WaitingUntil is not null);
        host.App.Lifetime.ApplicationStopping.IsCancellationRequested.ShouldBeFalse();
        host.Emulator.ReleaseHeld();
        await GatewayClock.AdvanceUntilAsync(clock, host, e => e.IsConnected, TimeSpan.FromSeconds(1));

        await GatewayClock.WaitForHealthAsync(host, h => h.State == "ok");
        // On a loaded machine the first request may time out before it even reaches the emulator to be held.
        host.Emulator.HeldCount.ShouldBeLessThanOrEqualTo(1);
        host.App.Lifetime.ApplicationStopping.IsCancellationRequested.ShouldBeFalse();
    }

    [Fact]
    public async Task Stop_HostShutsDown_ClosesTheGatewayWith1000()
    {
        await using var host = await DiscordTestHost.StartAsync();

        await host.App.StopAsync();

        await host.Emulator.WaitUntilAsync(e => e.OpenConnectionCount == 0);
        host.Emulator.ClientCloses.ShouldBe([1000]);
    }

    [Fact]
    public async Task Connect_NoHello_GivesUpAfterTimeoutAndConnectsAgain()
    {
        var clock = new TimerAwareFakeTimeProvider();
        await using var host = await DiscordTestHost.StartAsync(time: clock, emulatorOptions: new DiscordEmulatorOptions { SendHello = false }, waitForReady: false);
        await host.Emulator.WaitUntilAsync(e => e.ConnectUrls.Count == 1);
        host.Emulator.Options.SendHello = true;

        await clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(30));
        await GatewayClock.AdvanceUntilAsync(clock, host, e => e.IsConnected, TimeSpan.FromSeconds(1));

        host.Emulator.ConnectUrls.Count.ShouldBe(2);
        host.Emulator.CountFrames(2).ShouldBe(1);
    }

    [Fact]
    public async Task Receive_MalformedFrames_AreSkippedWithoutReconnecting()
    {
        await using var host = await DiscordTestHost.StartAsync();

        await host.Emulator.SendRawAsync("{not json");
        await host.Emulator.SendRawAsync("""{"op":0}""");
        await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", SlashOptions.Prompt("after garbage"));

        (await host.Dispatcher.NextAsync()).Options.Prompt.ShouldBe("after garbage");
        host.Emulator.ConnectUrls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Heartbeat_AfterInterval_SendsLastSequence()
    {
        var clock = new TimerAwareFakeTimeProvider();
        await using var host = await DiscordTestHost.StartAsync(time: clock);

        // The heartbeat timer starts at Hello, before READY: first make sure the client has read a
        // dispatch after READY, so the sequence it must report is known (READY is 1, this is 2).
        await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", SlashOptions.Prompt("tick"));
        await host.Dispatcher.NextAsync();
        await clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(45));

        await host.Emulator.WaitUntilAsync(e => e.CountFrames(1) == 1);
        var heartbeat = host.Emulator.GatewayFrames.Single(f => f["op"]!.GetValue<int>() == 1);
        heartbeat["d"].ShouldNotBeNull().GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public async Task Heartbeat_ServerAsksWithOp1_HeartbeatsAtOnce()
    {
        var clock = new TimerAwareFakeTimeProvider();
        await using var host = await DiscordTestHost.StartAsync(time: clock);

        await host.Emulator.RequestHeartbeatAsync();

        await host.Emulator.WaitUntilAsync(e => e.CountFrames(1) == 1);
    }

    [Fact]
    public async Task Heartbeat_MissedAck_ClosesZombieAndResumes()
    {
        var clock = new TimerAwareFakeTimeProvider();
        await using var host = await DiscordTestHost.StartAsync(time: clock, emulatorOptions: new DiscordEmulatorOptions { AcknowledgeHeartbeats = false });

        await clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(45));
        await host.Emulator.WaitUntilAsync(e => e.CountFrames(1) == 1);
        await clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(45));

        // The session may count as short (READY read after the first tick): then a back-off comes before the resume.
        await GatewayClock.AdvanceUntilAsync(clock, host, e => e.ResumeCount == 1, TimeSpan.FromSeconds(1));
        host.Emulator.ClientCloses.ShouldContain(code => code != 1000 && code != 1001);
        host.Emulator.ConnectUrls[^1].ShouldStartWith(DiscordEmulator.ResumePath);
        host.Emulator.CountFrames(2).ShouldBe(1);
    }

    [Fact]
    public async Task Reconnect_Op7_ResumesOnResumeUrlWithSequence()
    {
        await using var host = await DiscordTestHost.StartAsync();

        await host.Emulator.SendReconnectAsync();

        await host.Emulator.WaitUntilAsync(e => e.ResumeCount == 1 && e.IsConnected);
        var resume = host.Emulator.GatewayFrames.Single(f => f["op"]!.GetValue<int>() == 6)["d"]!;
        resume["seq"]!.GetValue<long>().ShouldBe(1);
        resume["session_id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        host.Emulator.ConnectUrls[^1].ShouldBe(DiscordEmulator.ResumePath + "?v=10&encoding=json");
        host.Emulator.CountFrames(2).ShouldBe(1);
    }

    [Fact]
    public async Task InvalidSession_Resumable_Resumes()
    {
        await using var host = await DiscordTestHost.StartAsync();

        await host.Emulator.SendInvalidSessionAsync(resumable: true);

        await host.Emulator.WaitUntilAsync(e => e.ResumeCount == 1 && e.IsConnected);
        host.Emulator.CountFrames(2).ShouldBe(1);
    }

    [Fact]
    public async Task InvalidSession_NotResumable_IdentifiesAgainAfterWait()
    {
        var clock = new TimerAwareFakeTimeProvider();
        await using var host = await DiscordTestHost.StartAsync(time: clock);

        await host.Emulator.SendInvalidSessionAsync(resumable: false);

        await GatewayClock.AdvanceUntilAsync(clock, host, e => e.CountFrames(2) == 2 && e.IsConnected, TimeSpan.FromSeconds(1));
        host.Emulator.ResumeCount.ShouldBe(0);
        host.Emulator.ConnectUrls[^1].ShouldStartWith("/gateway?");
        var gap = GatewayClock.Gaps(host.Emulator.IdentifyTimes).Single();
        gap.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        host.Emulator.IdentifiesTooFast.ShouldBe(0);
    }

    [Fact]
    public async Task Close_4009SessionTimedOut_IdentifiesNewSession()
    {
        var clock = new TimerAwareFakeTimeProvider();
        await using var host = await DiscordTestHost.StartAsync(time: clock);

        await host.Emulator.DropConnectionAsync(4009);

        await GatewayClock.AdvanceUntilAsync(clock, host, e => e.CountFrames(2) == 2 && e.IsConnected, TimeSpan.FromSeconds(1));
        host.Emulator.ResumeCount.ShouldBe(0);
        host.Emulator.IdentifiesTooFast.ShouldBe(0);
    }

    [Fact]
    public async Task Identify_SessionsInvalidatedRightAfterReady_BackoffKeepsGrowing()
    {
        var clock = new TimerAwareFakeTimeProvider();
        var flapping = new DiscordEmulatorOptions { InvalidateSessionsAfterReady = true, HeartbeatInterval = TimeSpan.FromHours(1) };
        await using var host = await DiscordTestHost.StartAsync(time: clock, emulatorOptions: flapping, waitForReady: false);

        await GatewayClock.AdvanceUntilAsync(clock, host, e => e.IdentifyTimes.Count >= 8, TimeSpan.FromSeconds(1));

        var gaps = GatewayClock.Gaps(host.Emulator.IdentifyTimes);
        gaps.ShouldAllBe(gap => gap >= TimeSpan.FromSeconds(5));
        gaps[^1].ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        host.Emulator.IdentifiesTooFast.ShouldBe(0);
    }

    [Fact]
    public async Task Identify_BudgetSpent_WaitsForResetAfter()
    {
        var clock = new TimerAwareFakeTimeProvider();
        var spent = new DiscordEmulatorOptions { SessionStartRemaining = 0, SessionStartResetAfter = TimeSpan.FromMinutes(10) };
        await using var host = await DiscordTestHost.StartAsync(time: clock, emulatorOptions: spent, waitForReady: false);

        await host.Emulator.WaitForCallAsync(c => c.Is("GET", "/gateway/bot"));
        await clock.AdvanceWhenWaitingAsync(TimeSpan.FromMinutes(9));
        await clock.WaitForTimersAsync();
        host.Emulator.ConnectUrls.ShouldBeEmpty();
        clock.Advance(TimeSpan.FromMinutes(1));

        await host.Emulator.WaitUntilAsync(e => e.IsConnected);
        host.Emulator.IdentifiesOverBudget.ShouldBe(0);
    }

    [Fact]
    public async Task Resume_ConnectionsDropRightAfterResumed_BackoffGrows()
    {
        var clock = new TimerAwareFakeTimeProvider();
        var looping = new DiscordEmulatorOptions { DropConnectionsAfterResumed = true, HeartbeatInterval = TimeSpan.FromHours(1) };
        await using var host = await DiscordTestHost.StartAsync(time: clock, emulatorOptions: looping);

        await host.Emulator.DropConnectionAsync();
        await GatewayClock.AdvanceUntilAsync(clock, host, e => e.ResumeCount >= 5, TimeSpan.FromSeconds(1));

        var gaps = GatewayClock.Gaps(host.Emulator.ResumeTimes);
        gaps[^1].ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(4));
        host.Emulator.CountFrames(2).ShouldBe(1);
    }

    [Fact]
    public async Task Close_4004AuthenticationFailed_StopsWithoutReconnecting()
    {
        await using var host = await DiscordTestHost.StartAsync();

        await host.Emulator.DropConnectionAsync(4004);

        await host.GatewayStopped.WaitAsync(TimeSpan.FromSeconds(20));
        host.Emulator.ConnectUrls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Identify_PrivilegedIntentNotEnabled_StopsOn4014()
    {
        await using var host = await DiscordTestHost.StartAsync(
            s => s["Discord:ReactionsOnAnyMessage"] = "true",
            emulatorOptions: null,
            waitForReady: false,
            configureEmulator: e => e.AllowMessageContentIntent = false);

        await host.GatewayStopped.WaitAsync(TimeSpan.FromSeconds(20));

        host.Emulator.ConnectUrls.Count.ShouldBe(1);
        host.Emulator.IsConnected.ShouldBeFalse();
    }

    [Fact]
    public async Task Drop_EventsDuringOutage_AreReplayedAndNoneRunsTwice()
    {
        await using var host = await DiscordTestHost.StartAsync(emulatorOptions: new DiscordEmulatorOptions { ReplayAlreadySeen = 3 });
        var emulator = host.Emulator;
        await emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", SlashOptions.Prompt("before"));
        await host.Dispatcher.NextAsync();

        await emulator.DropConnectionAsync();
        await emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", SlashOptions.Prompt("during"));

        (await host.Dispatcher.NextAsync()).Options.Prompt.ShouldBe("during");
        await emulator.WaitUntilAsync(e => e.ResumeCount == 1);
        await emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", SlashOptions.Prompt("after"));
        (await host.Dispatcher.NextAsync()).Options.Prompt.ShouldBe("after");
        host.Dispatcher.Requests.Select(r => r.Options.Prompt).ShouldBe(["before", "during", "after"]);
    }
}
