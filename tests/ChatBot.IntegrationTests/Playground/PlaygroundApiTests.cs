using System.Net;
using System.Net.Http.Json;
using System.Text;
using ChatBot.Core.Catalog;
using ChatBot.Emulators.Providers;
using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Playground;

/// <summary>The whole host over real HTTP: Playground API, engine, SQLite and the local provider.</summary>
public sealed class PlaygroundApiTests : IAsyncLifetime
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private RunningHost _host = null!;

    private PlaygroundClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Imagine_LocalProvider_SucceedsWithPngServedByMediaUrl()
    {
        using var timeout = TestTimeout.Start();
        await using var events = await Client.OpenEventsAsync(timeout.Token);

        var replyId = await Client.PostAsync("alice", "/imagine a lighthouse at dusk");
        var final = await events.WaitForFinalAsync(replyId, timeout.Token);

        final.Status.ShouldBe("succeeded", final.Text);
        final.JobId.ShouldNotBeNullOrEmpty();
        final.Media.ShouldHaveSingleItem();
        using var image = await Client.Http.GetAsync(final.Media[0], timeout.Token);
        image.StatusCode.ShouldBe(HttpStatusCode.OK);
        image.Content.Headers.ContentType?.MediaType.ShouldBe("image/png");
        (await image.Content.ReadAsByteArrayAsync(timeout.Token)).AsSpan(0, 8).SequenceEqual(PngSignature).ShouldBeTrue();
    }

    [Fact]
    public async Task Imagine_FourImages_ReplyCarriesTheGridUrlBesideTheFourImages()
    {
        using var timeout = TestTimeout.Start();

        var final = await Client.RunAsync("alice", "/imagine four foxes at dusk --n 4");

        final.Status.ShouldBe("succeeded", final.Text);
        final.Media.Count.ShouldBe(4);
        final.Grid.ShouldNotBeNull();
        final.Media.ShouldNotContain(final.Grid);
        using var grid = await Client.Http.GetAsync(final.Grid, timeout.Token);
        grid.StatusCode.ShouldBe(HttpStatusCode.OK);
        grid.Content.Headers.ContentType?.MediaType.ShouldBe("image/png");
        final.Buttons.Select(b => b.Label).ShouldContain("U4");
    }

    [Fact]
    public async Task Imagine_BehindAnotherJob_MovesFromQueuedToRunningToSucceeded()
    {
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?>
        {
            ["Scheduler:DefaultProviderConcurrency"] = "1",
            ["Providers:Local:PassDelay"] = "00:00:00.300",
        });
        using var timeout = TestTimeout.Start();
        await using var events = await host.Client.OpenEventsAsync(timeout.Token);

        var first = await host.Client.PostAsync("alice", "/imagine the first lighthouse");
        var second = await host.Client.PostAsync("bob", "/imagine the second lighthouse");
        var queued = await host.Client.GetAsync(second);
        await events.WaitForFinalAsync(first, timeout.Token);
        var final = await events.WaitForFinalAsync(second, timeout.Token);

        queued.Status.ShouldBe("queued");
        queued.QueuePosition.ShouldBe(1);
        final.Status.ShouldBe("succeeded", final.Text);
        var statuses = events.StatusesOf(second).Distinct().ToList();
        statuses.ShouldBe(["queued", "running", "succeeded"]);
    }

    [Fact]
    public async Task Credits_AfterImagine_BalanceIsDownByThePrice()
    {
        using var timeout = TestTimeout.Start();
        await using var events = await Client.OpenEventsAsync(timeout.Token);
        var price = _host.GetService<ModelCatalog>().Find("local-sketch")!.Price.Quote(1, null, null);
        var before = await Client.CreditsAsync("alice");

        var replyId = await Client.PostAsync("alice", "/imagine a fox in snow --model local-sketch");
        (await events.WaitForFinalAsync(replyId, timeout.Token)).Status.ShouldBe("succeeded");

        price.ShouldBeGreaterThan(0);
        (await Client.CreditsAsync("alice")).ShouldBe(before - price);
        var audit = new LedgerAudit(_host.DatabasePath);
        audit.UnbalancedAccounts().ShouldBeEmpty();
        audit.UnsettledJobs().ShouldBeEmpty();
    }

    [Fact]
    public Task Imagine_PromptTooLong_IsRefusedAndCostsNothing() =>
        AssertRefusedForFreeAsync(() => Client.PostAsync("alice", "/imagine " + new string('a', 1501)), naming: "1500");

    [Fact]
    public Task Imagine_UnknownModel_IsRefusedAndCostsNothing() =>
        AssertRefusedForFreeAsync(() => Client.PostAsync("alice", "/imagine a fox --model no-such-model"), naming: "no-such-model");

    [Fact]
    public Task Upscale_TextFileAttached_IsRefusedAndCostsNothing() => AssertRefusedForFreeAsync(
        () => Client.PostAsync("alice", "/upscale --factor 2", ("notes.txt", Encoding.UTF8.GetBytes("just some words, not a picture"))),
        naming: "notes.txt");

    [Fact]
    public async Task Upscale_AttachmentOverTheSizeCap_IsRefusedNamingTheLimit()
    {
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?> { ["Media:MaxInputBytes"] = "2048" });

        var reply = await host.Client.GetAsync(await host.Client.PostAsync("alice", "/upscale", ("big.png", TestMedia.Png(64, 64))));

        reply.Status.ShouldBe("refused");
        reply.Text.ShouldContain("big.png");
        reply.Text.ShouldContain("2 KB");
    }

    [Fact]
    public async Task Upscale_PngAttached_SucceedsWithLargerImage()
    {
        using var timeout = TestTimeout.Start();
        await using var events = await Client.OpenEventsAsync(timeout.Token);

        var replyId = await Client.PostAsync("alice", "/upscale --factor 2", ("small.png", TestMedia.Png(32, 24)));
        var final = await events.WaitForFinalAsync(replyId, timeout.Token);

        final.Status.ShouldBe("succeeded", final.Text);
        var bytes = await Client.Http.GetByteArrayAsync(final.Media.ShouldHaveSingleItem(), timeout.Token);
        System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)).ShouldBe(64);
    }

    [Fact]
    public async Task PressButton_OnResult_CreatesNewReplyThatRunsItsOwnJob()
    {
        using var timeout = TestTimeout.Start();
        await using var events = await Client.OpenEventsAsync(timeout.Token);
        var result = await events.WaitForFinalAsync(await Client.PostAsync("alice", "/imagine a lighthouse at dusk"), timeout.Token);
        var upscale = result.Buttons.First(b => b.Action == "Upscale");

        var pressed = await Client.PressAsync(result.ReplyId, upscale.Id, "alice");
        var final = await events.WaitForFinalAsync(pressed, timeout.Token);

        pressed.ShouldNotBe(result.ReplyId);
        final.Status.ShouldBe("succeeded", final.Text);
        final.JobId.ShouldNotBe(result.JobId);
        final.Media.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task PressButton_MalformedId_IsNotFound()
    {
        using var response = await Client.Http.PostAsJsonAsync("/api/playground/replies/r1/buttons/not-a-button", new { user = "alice" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Events_InfoCommand_AnnouncesTheReplyWithItsText()
    {
        using var timeout = TestTimeout.Start();
        await using var events = await Client.OpenEventsAsync(timeout.Token);

        var replyId = await Client.PostAsync("alice", "/help");
        var announced = await events.WaitForFinalAsync(replyId, timeout.Token);

        announced.Status.ShouldBe("succeeded");
        announced.Text.ShouldContain("/imagine");
        announced.JobId.ShouldBeNull();
    }

    [Fact]
    public async Task Messages_NotACommand_IsRefusedWithAHint()
    {
        var reply = await Client.GetAsync(await Client.PostAsync("alice", "hello bot"));

        reply.Status.ShouldBe("refused");
        reply.Text.ShouldContain("/imagine");
    }

    [Fact]
    public async Task Messages_InvalidUserName_IsBadRequest()
    {
        using var response = await Client.PostRawAsync("not a valid name!", "/help");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CreditsGrant_FirstUserSeenIsAdmin_OthersAreRefused()
    {
        await Client.PostAsync("alice", "/help");
        var carolBefore = await Client.CreditsAsync("carol");

        var grant = await Client.GetAsync(await Client.PostAsync("alice", "/credits grant @carol 7"));
        var refused = await Client.GetAsync(await Client.PostAsync("carol", "/credits grant @carol 7"));

        grant.Status.ShouldBe("succeeded", grant.Text);
        refused.Status.ShouldBe("refused");
        (await Client.CreditsAsync("carol")).ShouldBe(carolBefore + 7);
    }

    [Fact]
    public async Task Healthz_Running_ReportsStorageAndQueueDepth()
    {
        using var response = await Client.Http.GetAsync("/healthz");
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body!["status"].GetString().ShouldBe("ok");
        body["storage"].GetString().ShouldBe("ok");
        body["queued"].GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Page_Root_ServesThePlaygroundHtml()
    {
        var html = await Client.Http.GetStringAsync("/");

        html.ShouldContain("<title>ChatBot Playground</title>");
        (await Client.Http.GetStringAsync("/playground.js")).ShouldContain("/api/playground/events");
    }

    /// <summary>Sends alice's message, then checks the reply is refused naming the reason, started no job and cost nothing.</summary>
    private async Task AssertRefusedForFreeAsync(Func<Task<string>> send, string naming)
    {
        var before = await Client.CreditsAsync("alice");

        var reply = await Client.GetAsync(await send());

        reply.Status.ShouldBe("refused");
        reply.Text.ShouldContain(naming);
        reply.JobId.ShouldBeNull();
        (await Client.CreditsAsync("alice")).ShouldBe(before);
    }
}
