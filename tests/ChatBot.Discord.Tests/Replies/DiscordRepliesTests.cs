using ChatBot.Emulators.Time;
using ChatBot.Core.Media;

namespace ChatBot.Discord.Tests.Replies;

public sealed class DiscordRepliesTests
{
    private static async Task<(EmulatorInteraction Interaction, CommandRequest Request)> StartJobAsync(DiscordTestHost host)
    {
        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine",
            SlashOptions.Prompt("a fox"));
        var request = await host.Dispatcher.NextAsync();
        await host.Emulator.WaitForCallAsync(c => c.Is("PATCH", "/messages/@original"));
        return (interaction, request);
    }

    private static IChatReplies CreateSut(DiscordTestHost host) =>
        host.Services.GetServices<IChatReplies>().Single(r => r.Platform == "discord");

    private static ReplyFile File(byte[] bytes, string name = "out.png", Uri? link = null) =>
        new(new StoredMedia("k-" + name, "image/png", name, bytes.Length), _ => Task.FromResult<Stream>(new MemoryStream(bytes))) { PublicUrl = link };

    private static ReplyView Running(string title, long revision) =>
        new() { JobId = "job1", Status = ReplyStatus.Running, Title = title, Revision = revision };

    private static ReplyButton Button(ButtonAction action, string label, int? index = null) =>
        new(ButtonId.Encode(action, "job1", index), label, action, "job1", index);

    [Fact]
    public async Task Update_Running_RendersProgressElapsedEtaAndPreviewFile()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var (interaction, request) = await StartJobAsync(host);
        var view = Running("🎨 a fox", revision: 5) with
        {
            StatusText = "Painting",
            Progress = 40,
            Elapsed = TimeSpan.FromSeconds(75),
            Eta = TimeSpan.FromSeconds(30),
            ModelLabel = "Local sketch · local",
            Preview = File(TestMedia.Png(), "p.png"),
        };

        await CreateSut(host).UpdateAsync(request.Reply, view, CancellationToken.None);

        var edit = host.Emulator.RestCalls.Last(c => c.Is("PATCH", "/messages/@original"));
        edit.IsMultipart.ShouldBeTrue();
        edit.Files.ShouldHaveSingleItem().PartName.ShouldBe("files[0]");
        var embed = edit.Json!["embeds"]![0]!;
        embed["description"]!.GetValue<string>().ShouldBe("Painting");
        embed["image"]!["url"]!.GetValue<string>().ShouldBe("attachment://preview.png");
        var fields = embed["fields"]!.AsArray().ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>());
        fields["Progress"].ShouldBe("▰▰▰▰▱▱▱▱▱▱ 40%");
        fields["Elapsed"].ShouldBe("1m 15s");
        fields["ETA"].ShouldBe("~30s");
        host.Emulator.GetOriginal(interaction)!["attachments"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Update_OlderRevisionAfterNewer_IsDropped()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var (_, request) = await StartJobAsync(host);
        var sut = CreateSut(host);
        var before = host.Emulator.RestCalls.Count;

        await sut.UpdateAsync(request.Reply, Running("t", revision: 9), CancellationToken.None);
        await sut.UpdateAsync(request.Reply, Running("t", revision: 8) with { Status = ReplyStatus.Queued }, CancellationToken.None);

        host.Emulator.RestCalls.Count.ShouldBe(before + 1);
    }

    [Fact]
    public async Task PostResult_SeveralImages_OneMultipartMessageWithPerImageButtons()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var (interaction, request) = await StartJobAsync(host);
        var result = new ResultView
        {
            JobId = "job1",
            Title = "🎨 a fox",
            Details = "seed 42",
            CreditsCharged = 2,
            Elapsed = TimeSpan.FromSeconds(12),
            Files = [File(TestMedia.Png(), "a.png"), File(TestMedia.Png(), "b.png")],
            Buttons =
            [
                Button(ButtonAction.Upscale, "Upscale", 0),
                Button(ButtonAction.Upscale, "Upscale", 1),
                Button(ButtonAction.Vary, "Vary", 0),
                Button(ButtonAction.Vary, "Vary", 1),
                Button(ButtonAction.Reroll, "Re-roll"),
                Button(ButtonAction.Edit, "Edit", 0),
            ],
        };

        await CreateSut(host).PostResultAsync(request.Reply, result, CancellationToken.None);

        var edit = host.Emulator.RestCalls.Last(c => c.Is("PATCH", "/messages/@original"));
        edit.Files.Select(f => f.PartName).ShouldBe(["files[0]", "files[1]"]);
        edit.Json!["attachments"]!.AsArray().Select(a => a!["filename"]!.GetValue<string>()).ShouldBe(["job1-1.png", "job1-2.png"]);
        var rows = edit.Json["components"]!.AsArray().Select(r => r!["components"]!.AsArray().Select(b => b!["label"]!.GetValue<string>()).ToList()).ToList();
        rows.Count.ShouldBe(3);
        rows[0].ShouldBe(["U1", "U2"]);
        rows[1].ShouldBe(["V1", "V2"]);
        rows[2].ShouldBe(["Re-roll", "Edit…"]);
        host.Emulator.GetOriginal(interaction)!["attachments"]!.AsArray().Count.ShouldBe(2);
        edit.Json["embeds"]![0]!["footer"]!["text"]!.GetValue<string>().ShouldContain("2 credits");
    }

    [Fact]
    public async Task PostResult_FileOverAttachmentLimit_PostedAsLink()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var (_, request) = await StartJobAsync(host);
        var handle = ChatBot.Discord.Replies.DiscordReplyHandle.Parse(request.Reply) with { AttachmentSizeLimit = 100 };
        var result = new ResultView { JobId = "job1", Title = "t", Files = [File(new byte[500], "big.mp4", new Uri("https://cdn.provider.example/big.mp4"))] };

        await CreateSut(host).PostResultAsync(handle.ToReplyHandle(), result, CancellationToken.None);

        var edit = host.Emulator.RestCalls.Last(c => c.Is("PATCH", "/messages/@original"));
        edit.IsMultipart.ShouldBeFalse();
        edit.Json!["embeds"]![0]!["description"]!.GetValue<string>().ShouldContain("(https://cdn.provider.example/big.mp4)");
    }

    [Fact]
    public async Task PostResult_AttachFilesDenied_FallsBackToLinks()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var (interaction, request) = await StartJobAsync(host);
        host.Emulator.DenyAttachFiles(host.Channel.Id);
        var result = new ResultView { JobId = "job1", Title = "t", Files = [File(TestMedia.Png(), "fox.png", new Uri("https://cdn.provider.example/fox.png"))] };

        await CreateSut(host).PostResultAsync(request.Reply, result, CancellationToken.None);

        var edits = host.Emulator.RestCalls.Where(c => c.Is("PATCH", "/messages/@original")).TakeLast(2).ToList();
        edits[0].Status.ShouldBe(403);
        edits[1].IsMultipart.ShouldBeFalse();
        FirstEmbed(host.Emulator.GetOriginal(interaction))["description"]!.GetValue<string>().ShouldContain("(https://cdn.provider.example/fox.png)");
    }

    [Fact]
    public async Task PostResult_AttachFilesDeniedAndNoLink_Throws()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var (_, request) = await StartJobAsync(host);
        host.Emulator.DenyAttachFiles(host.Channel.Id);
        var result = new ResultView { JobId = "job1", Title = "t", Files = [File(TestMedia.Png(), "fox.png")] };

        var refused = await Should.ThrowAsync<DiscordApiException>(() => CreateSut(host).PostResultAsync(request.Reply, result, CancellationToken.None));

        refused.Code.ShouldBe(50013);
    }

    [Fact]
    public async Task Update_ChannelMessageAnswers403_IsNotEditedAgain()
    {
        var clock = new TimerAwareFakeTimeProvider();
        await using var host = await DiscordTestHost.StartAsync(time: clock);
        var (_, request) = await StartJobAsync(host);
        var sut = CreateSut(host);
        clock.Advance(TimeSpan.FromMinutes(14.5));
        host.Emulator.DenyAccess(host.Channel.Id);

        for (var revision = 2; revision <= 4; revision++)
        {
            try
            {
                await sut.UpdateAsync(request.Reply, Running("🎬 long video", revision) with { Progress = revision * 10 }, CancellationToken.None);
            }
            catch (DiscordApiException)
            {
                // Today's code throws on each 403; the engine logs it and tries again at the next tick.
            }
        }

        host.Emulator.RestCalls.Count(c => c.Status == 403).ShouldBe(1);
        host.Emulator.InvalidRequestCount.ShouldBe(1);
    }

    [Fact]
    public async Task Update_FinalStateAfterTheReplyWasDeleted_TellsTheMemberPrivately()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var (interaction, request) = await StartJobAsync(host);
        host.Emulator.DeleteMessage(host.Emulator.GetOriginal(interaction)!["id"]!.GetValue<string>());
        var sut = CreateSut(host);

        await sut.UpdateAsync(request.Reply, Running("🎨 a fox", revision: 3), CancellationToken.None);
        var ended = new ReplyView { JobId = "job1", Status = ReplyStatus.Failed, Title = "🎨 a fox", StatusText = "It failed. No credits were charged.", Revision = 4 };
        await sut.UpdateAsync(request.Reply, ended, CancellationToken.None);

        host.Emulator.RestCalls.Count(c => c.Is("PATCH", "/messages/@original") && c.Status == 404).ShouldBe(1);
        var followup = host.Emulator.RestCalls.Single(c => c.Is("POST", $"/webhooks/{host.Emulator.ApplicationId}/{interaction.Token}"));
        followup.Json!["flags"]!.GetValue<int>().ShouldBe(64);
        followup.Json["embeds"]![0]!["description"]!.GetValue<string>().ShouldContain("No credits were charged");
    }

    private static JsonNode FirstEmbed(JsonObject? message) => message!["embeds"]![0]!;

    [Fact]
    public async Task Update_AfterFifteenMinutes_EditsChannelMessageWithBotToken()
    {
        var clock = new TimerAwareFakeTimeProvider();
        await using var host = await DiscordTestHost.StartAsync(time: clock, emulatorOptions: new DiscordEmulatorOptions { TimeProvider = clock });
        var (interaction, request) = await StartJobAsync(host);
        var messageId = host.Emulator.GetOriginal(interaction)!["id"]!.GetValue<string>();
        var sut = CreateSut(host);
        await sut.UpdateAsync(request.Reply, Running("🎬 long video", revision: 2) with { Progress = 10 }, CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(14.5));
        await sut.UpdateAsync(request.Reply, Running("🎬 long video", revision: 20) with { Progress = 90 }, CancellationToken.None);

        var edit = host.Emulator.RestCalls.Last(c => c.Method == "PATCH");
        edit.Is("PATCH", $"/channels/{host.Channel.Id}/messages/{messageId}").ShouldBeTrue(string.Join("\n", host.Emulator.RestCalls.Select(c => $"{c.Method} {c.Path} {c.Status}")));
        edit.Authorization.ShouldBe("Bot " + host.Emulator.Token);
        edit.Status.ShouldBe(200);
        host.Emulator.GetMessage(messageId)!["embeds"]![0]!["title"]!.GetValue<string>().ShouldBe("🎬 long video");
    }

    [Fact]
    public async Task Update_TokenRefusedEarly_FallsBackToChannelEdit()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var (interaction, request) = await StartJobAsync(host);
        var sut = CreateSut(host);
        await sut.UpdateAsync(request.Reply, Running("going", revision: 2), CancellationToken.None);
        host.Emulator.ExpireToken(interaction.Token);

        await sut.UpdateAsync(request.Reply, Running("still going", revision: 3), CancellationToken.None);

        var calls = host.Emulator.RestCalls.Where(c => c.Method == "PATCH").ToList();
        calls[^2].Status.ShouldBe(401);
        calls[^1].Is("PATCH", $"/channels/{host.Channel.Id}/messages/").ShouldBeTrue();
        calls[^1].Status.ShouldBe(200);
    }
}
