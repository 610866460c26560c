using Microsoft.Extensions.Time.Testing;
using System.Text.Json.Nodes;
using ChatBot.Core.Model;
using ChatBot.Core.Credits;
using ChatBot.Core.Providers;
using ChatBot.Emulators.Discord;
using ChatBot.Emulators.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.IntegrationTests.Discord;

public sealed class DiscordBotTests
{
    private static JsonArray Prompt(string prompt) => [new JsonObject { ["name"] = "prompt", ["type"] = 3, ["value"] = prompt }];

    private static bool HasResult(JsonObject? message) =>
        message?["attachments"] is JsonArray { Count: > 0 } && FirstEmbed(message)?["footer"]?["text"]?.GetValue<string>().Contains("credit", StringComparison.Ordinal) == true;

    private static JsonNode? FirstEmbed(JsonNode? message) => message?["embeds"] is JsonArray { Count: > 0 } embeds ? embeds[0] : null;

    private static AccountKey Account(DiscordBotHost host) => new("discord", host.GuildId, host.Member.UserId);

    [Fact]
    public async Task Imagine_FromCommandToPostedImage_CreditsSettled()
    {
        await using var host = await DiscordBotHost.StartAsync();

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Prompt("a fox in snow --n 2"));
        await host.Emulator.WaitUntilAsync(e => HasResult(e.GetOriginal(interaction)));
        await host.Endings.WaitForAsync(1);

        host.Emulator.CallbackTypes(interaction).ShouldBe([5]);
        var original = host.Emulator.GetOriginal(interaction)!;
        original["attachments"]!.AsArray().Count.ShouldBe(3); // the two images and their grid
        var labels = original["components"]!.AsArray().SelectMany(r => r!["components"]!.AsArray()).Select(b => b!["label"]!.GetValue<string>()).ToList();
        labels.ShouldContain("U1");
        labels.ShouldContain("V2");
        var balance = await host.Services.GetRequiredService<ICreditLedger>().GetBalanceAsync(Account(host), CancellationToken.None);
        balance.Available.ShouldBe(48);
        balance.Reserved.ShouldBe(0);
        var upload = host.Emulator.RestCalls.Last(c => c.Is("PATCH", "/messages/@original"));
        upload.IsMultipart.ShouldBeTrue();
        upload.Files.Select(f => f.PartName).ShouldBe(["files[0]", "files[1]", "files[2]"]);
    }

    [Fact]
    public async Task Imagine_FourImages_ANumberedGridIsThePictureAndEachImageStaysAnAttachment()
    {
        await using var host = await DiscordBotHost.StartAsync();

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Prompt("four foxes --n 4"));
        await host.Emulator.WaitUntilAsync(e => HasResult(e.GetOriginal(interaction)));

        var original = host.Emulator.GetOriginal(interaction)!;
        FirstEmbed(original)!["image"]!["url"]!.GetValue<string>().ShouldBe("attachment://grid.png");
        var upload = host.Emulator.RestCalls.Last(c => c.Is("PATCH", "/messages/@original"));
        upload.Files.Select(f => f.FileName[^6..]).ShouldBe(["-1.png", "-2.png", "-3.png", "-4.png", "id.png"]);
        var (width, height) = PngSize(upload.Files[^1].Bytes);
        (width, height).ShouldBe((1304, 1304), "2×2 tiles of 640 px with 8 px gaps");
        var labels = original["components"]!.AsArray().SelectMany(r => r!["components"]!.AsArray()).Select(b => b!["label"]!.GetValue<string>()).ToList();
        labels.Take(8).ShouldBe(["U1", "U2", "U3", "U4", "V1", "V2", "V3", "V4"], "U and V rows first, numbered as the tiles");
    }

    private static (int Width, int Height) PngSize(byte[] png) =>
        (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));

    [Fact]
    public async Task ResultUploadRefused_MemberIsToldAndNothingIsCharged()
    {
        await using var host = await DiscordBotHost.StartAsync();
        host.Emulator.DenyAttachFiles(host.Channel.Id);

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Prompt("a fox behind glass"));
        await host.Endings.WaitForAsync(1);
        await host.Emulator.WaitUntilAsync(e => FirstEmbed(e.GetOriginal(interaction))?["description"]?.GetValue<string>().Contains("No credits were charged", StringComparison.Ordinal) == true);

        var original = host.Emulator.GetOriginal(interaction)!;
        FirstEmbed(original)!["description"]!.GetValue<string>().ShouldContain("couldn't post it here");
        original["components"]!.AsArray().ShouldBeEmpty();
        var balance = await host.Services.GetRequiredService<ICreditLedger>().GetBalanceAsync(Account(host), CancellationToken.None);
        balance.Available.ShouldBe(50);
        balance.Reserved.ShouldBe(0);
    }

    [Fact]
    public async Task Progress_EditsArriveInOrder_AndEndWithTheResult()
    {
        await using var host = await DiscordBotHost.StartAsync();
        host.Provider.Manual = true;

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Prompt("a slow painting"));
        await host.Provider.WaitForTrackingAsync();
        var jobId = host.Provider.Submitted.Single().JobId;
        foreach (var percent in new[] { 10, 40, 70, 95 })
        {
            await host.Provider.PushAsync(jobId, new ProviderUpdate.Running(percent));
            await host.Emulator.WaitUntilAsync(e => Progress(e.GetOriginal(interaction)) >= percent);
        }

        await host.Provider.PushAsync(jobId, ScriptedProvider.Success(1));
        await host.Emulator.WaitUntilAsync(e => HasResult(e.GetOriginal(interaction)));

        var progress = host.Emulator.RestCalls
            .Where(c => c.Is("PATCH", "/messages/@original"))
            .Select(c => ProgressOf(c.Json))
            .Where(p => p is not null)
            .Select(p => p!.Value)
            .ToList();
        progress.ShouldBe(progress.Order().ToList());
        progress.ShouldContain(95);
    }

    [Fact]
    public async Task GatewayDropMidJob_ResumesWithNoEventLostOrRunTwice()
    {
        await using var host = await DiscordBotHost.StartAsync(emulatorOptions: new DiscordEmulatorOptions { ReplayAlreadySeen = 5 });
        host.Provider.Manual = true;
        var first = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Prompt("first"));
        await host.Provider.WaitForTrackingAsync();

        await host.Emulator.DropConnectionAsync();
        var second = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Prompt("second"));
        await host.Emulator.WaitUntilAsync(e => e.ResumeCount == 1);
        await host.Provider.WaitForTrackingAsync();
        foreach (var request in host.Provider.Submitted)
        {
            await host.Provider.PushAsync(request.JobId, ScriptedProvider.Success(1));
        }

        await host.Emulator.WaitUntilAsync(e => HasResult(e.GetOriginal(first)) && HasResult(e.GetOriginal(second)));
        await host.Endings.WaitForAsync(2);
        host.Provider.Submitted.Select(r => r.Options.Prompt).ShouldBe(["first", "second"], ignoreOrder: true);
        host.Emulator.CallbackTypes(first).ShouldBe([5]);
        host.Emulator.CallbackTypes(second).ShouldBe([5]);
        var balance = await host.Services.GetRequiredService<ICreditLedger>().GetBalanceAsync(Account(host), CancellationToken.None);
        balance.Available.ShouldBe(48);
    }

    [Fact]
    public async Task TooManyRequestsStorm_NoEditIsLost()
    {
        await using var host = await DiscordBotHost.StartAsync();
        host.Emulator.Inject429(times: 6, retryAfterSeconds: 0.05, match: r => r.StartsWith("PATCH /webhooks/", StringComparison.Ordinal));

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Prompt("under pressure"));
        await host.Emulator.WaitUntilAsync(e => HasResult(e.GetOriginal(interaction)));

        host.Emulator.TooManyRequestsCount.ShouldBe(6);
        host.Emulator.GetOriginal(interaction)!["attachments"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task HostRestartMidJob_ReplyIsFinishedAfterwards()
    {
        await using var host = await DiscordBotHost.StartAsync();
        host.Provider.Manual = true;
        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Prompt("survives restarts"));
        await host.Provider.WaitForTrackingAsync();
        var jobId = host.Provider.Submitted.Single().JobId;

        await host.RestartAsync();
        await host.Provider.WaitForTrackingAsync();
        await host.Provider.PushAsync(jobId, ScriptedProvider.Success(1));

        await host.Emulator.WaitUntilAsync(e => HasResult(e.GetOriginal(interaction)));
        await host.Endings.WaitForAsync(1);
        var balance = await host.Services.GetRequiredService<ICreditLedger>().GetBalanceAsync(Account(host), CancellationToken.None);
        balance.Available.ShouldBe(49);
        balance.Reserved.ShouldBe(0);
    }

    [Fact]
    public async Task ResultButton_AfterARestart_StillStartsItsJob()
    {
        await using var host = await DiscordBotHost.StartAsync();
        var imagine = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Prompt("two moons --n 2"));
        await host.Emulator.WaitUntilAsync(e => HasResult(e.GetOriginal(imagine)));
        var result = host.Emulator.GetOriginal(imagine)!;
        var u2 = result["components"]!.AsArray().SelectMany(r => r!["components"]!.AsArray()).Single(b => b!["label"]!.GetValue<string>() == "U2")!;
        await host.Endings.WaitForAsync(1);

        await host.RestartAsync();
        var click = await host.Emulator.ClickButtonAsync(host.Channel, host.Member, result["id"]!.GetValue<string>(), u2["custom_id"]!.GetValue<string>());
        try
        {
            await host.Emulator.WaitUntilAsync(e => HasResult(e.GetOriginal(click)), TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(string.Join("\n", host.Emulator.RestCalls.Select(c => $"{c.Method} {c.Path} {c.Status} {c.Json?.ToJsonString()}")));
        }

        var upscale = host.Provider.Submitted.Last();
        upscale.Operation.ShouldBe(ChatBot.Core.Catalog.MediaOperation.Upscale);
        upscale.Inputs.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ContextMenuUpscale_OnABotResult_PostsTheUpscale()
    {
        await using var host = await DiscordBotHost.StartAsync();
        var imagine = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Prompt("a castle"));
        await host.Emulator.WaitUntilAsync(e => HasResult(e.GetOriginal(imagine)));
        var resultId = host.Emulator.GetOriginal(imagine)!["id"]!.GetValue<string>();

        var upscale = await host.Emulator.SendMessageCommandAsync(host.Channel, host.Member, "Upscale", resultId);
        await host.Emulator.WaitUntilAsync(e => HasResult(e.GetOriginal(upscale)));

        host.Provider.Submitted.Last().Operation.ShouldBe(ChatBot.Core.Catalog.MediaOperation.Upscale);
        host.Provider.Submitted.Last().Inputs.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ReactionEdit_OnAMembersImage_UsesItsTextAndPostsTheResult()
    {
        await using var host = await DiscordBotHost.StartAsync(s => s["Discord:ReactionsOnAnyMessage"] = "true");
        var photo = host.Emulator.UploadToCdn(TestMedia.Png(40, 30), "photo.png", "image/png");
        var messageId = await host.Emulator.PostUserMessageAsync(host.Channel, host.Member, "make it night", photo);

        await host.Emulator.AddReactionAsync(host.Channel, host.Member, messageId, "✏️");
        await host.Emulator.WaitUntilAsync(e => e.RestCalls.Any(c => c.Is("PATCH", $"/channels/{host.Channel.Id}/messages/") && c.Files.Count > 0));

        var submitted = host.Provider.Submitted.Single();
        submitted.Operation.ShouldBe(ChatBot.Core.Catalog.MediaOperation.Edit);
        submitted.Options.Prompt.ShouldBe("make it night");
    }

    [Fact]
    public async Task JobOutlivingItsToken_ContinuesByEditingTheChannelMessage()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        await using var host = await DiscordBotHost.StartAsync(time: clock);
        host.Provider.Manual = true;
        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Prompt("a very long job"));
        await host.Provider.WaitForTrackingAsync();
        var jobId = host.Provider.Submitted.Single().JobId;
        await host.Emulator.WaitUntilAsync(e => FirstEmbed(e.GetOriginal(interaction)) is not null);
        var messageId = host.Emulator.GetOriginal(interaction)!["id"]!.GetValue<string>();
        var channelEdit = $"/channels/{host.Channel.Id}/messages/{messageId}";

        clock.Advance(TimeSpan.FromMinutes(14.5));
        await host.Provider.PushAsync(jobId, new ProviderUpdate.Running(60));
        await AdvanceUntilAsync(clock, host, e => e.RestCalls.Any(c => c.Is("PATCH", channelEdit)));
        clock.Advance(TimeSpan.FromMinutes(1));
        await host.Provider.PushAsync(jobId, ScriptedProvider.Success(1));
        await AdvanceUntilAsync(clock, host, e => HasResult(e.GetMessage(messageId)));

        var edits = host.Emulator.RestCalls.Where(c => c.Method == "PATCH").ToList();
        var switched = edits.FindIndex(c => c.Is("PATCH", channelEdit));
        edits.Skip(switched).ShouldAllBe(c => c.Path.StartsWith("/channels/", StringComparison.Ordinal) && c.Authorization == "Bot " + host.Emulator.Token);
        edits.Last().Files.Count.ShouldBe(1);
    }

    /// <summary>Moves the shared clock a second at a time (edit pacing waits on it) until the emulator shows the state.</summary>
    [Fact]
    public async Task SilentProvider_TimerEditsComeAtThePacedIntervalAndStopAtTheEnd()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        await using var host = await DiscordBotHost.StartAsync(s => s["Replies:TickInterval"] = "00:00:07", time: clock);
        host.Provider.Manual = true;
        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Prompt("a provider that says nothing"));
        await host.Provider.WaitForTrackingAsync();
        var jobId = host.Provider.Submitted.Single().JobId;
        List<DiscordRestCall> Edits(DiscordEmulator e) => [.. e.RestCalls.Where(c => c.Is("PATCH", "/messages/@original"))];
        await host.Emulator.WaitUntilAsync(e => Edits(e).Count >= 1);

        // The provider reports nothing: only the timer edits the reply from here on.
        var before = Edits(host.Emulator).Count;
        await AdvanceUntilAsync(clock, host, e => Edits(e).Count >= before + 4);

        var edits = Edits(host.Emulator);
        var ticks = edits.Skip(edits.Count - 3).ToList();
        ticks.Zip(ticks.Skip(1)).ShouldAllBe(p => p.Second.At - p.First.At >= TimeSpan.FromSeconds(7), "at most one timer edit per tick interval");
        var elapsed = ticks.Select(c => c.Json!["embeds"]![0]!["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "Elapsed")!["value"]!.GetValue<string>()).ToList();
        elapsed.Distinct().Count().ShouldBe(3, "the elapsed time keeps moving: " + string.Join(", ", elapsed));

        await host.Provider.PushAsync(jobId, ScriptedProvider.Success(1));
        await AdvanceUntilAsync(clock, host, e => HasResult(e.GetOriginal(interaction)));
        var atEnd = Edits(host.Emulator).Count;
        clock.Advance(TimeSpan.FromSeconds(21));

        // Three tick intervals later nothing has come: the timer stopped with the result.
        await Should.ThrowAsync<TimeoutException>(() => host.Emulator.WaitUntilAsync(e => Edits(e).Count > atEnd, TimeSpan.FromSeconds(1)));
        HasResult(host.Emulator.GetOriginal(interaction)).ShouldBeTrue();
    }

    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, DiscordBotHost host, Func<DiscordEmulator, bool> condition)
    {
        for (var step = 0; step < 60 && !condition(host.Emulator); step++)
        {
            try
            {
                await host.Emulator.WaitUntilAsync(condition, TimeSpan.FromMilliseconds(200));
            }
            catch (TimeoutException)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        condition(host.Emulator).ShouldBeTrue(string.Join("\n", host.Emulator.RestCalls.Select(c => $"{c.Method} {c.Path} {c.Status} {c.At:HH:mm:ss}")));
    }

    [Fact]
    public async Task ForgedHttpInteraction_IsRefused()
    {
        await using var host = await DiscordBotHost.StartAsync(s => s["Discord:Mode"] = "Http");
        var address = host.App.Urls.First();
        using var http = new HttpClient();
        var interaction = host.Emulator.CreateSlashCommand(host.Channel, host.Member, "imagine", Prompt("forged"));

        using var response = await host.Emulator.PostSignedAsync(http, new Uri(new Uri(address), "discord/interactions"), interaction.Payload, forge: true);

        ((int)response.StatusCode).ShouldBe(401);
        host.Provider.Submitted.ShouldBeEmpty();
    }

    private static double? Progress(JsonObject? message) => ProgressOf(message);

    private static double? ProgressOf(JsonNode? message)
    {
        var field = FirstEmbed(message)?["fields"]?.AsArray().FirstOrDefault(f => f?["name"]?.GetValue<string>() == "Progress");
        var text = field?["value"]?.GetValue<string>();
        return text is null ? null : double.Parse(text[(text.LastIndexOf(' ') + 1)..].TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture);
    }
}
