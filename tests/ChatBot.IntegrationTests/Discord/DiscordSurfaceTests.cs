using ChatBot.Core.Catalog;
using ChatBot.Emulators.Discord;
using ChatBot.Emulators.Providers;
using static ChatBot.IntegrationTests.Discord.DiscordSurface;

namespace ChatBot.IntegrationTests.Discord;

/// <summary>Issue 11 on Discord: every input role from attachment options, and the commands that take no job.</summary>
public sealed class DiscordSurfaceTests
{
    [Theory]
    [InlineData("edit", "prompt=a red sofa", "image:room.png mask:mask.png", MediaOperation.Inpaint, "Image,Mask")]
    [InlineData("video", "mode=lipsync", "image:face.png audio:voice.mp3", MediaOperation.LipSync, "Image,Audio")]
    [InlineData("video", "prompt=the sun sets", "image:first.png end_frame:last.png", MediaOperation.Video, "Image,LastFrame")]
    [InlineData("edit", "prompt=me in this hat, in this style", "image:me.png reference:style.png reference2:hat.png", MediaOperation.Edit, "Image,Reference,Reference")]
    public async Task AttachmentOptions_EachRole_ReachesTheProvider(string command, string text, string files, MediaOperation operation, string roles)
    {
        await using var host = await DiscordBotHost.StartAsync();
        var (name, value) = (text.Split('=')[0], text.Split('=')[1]);
        var attachments = files.Split(' ').Select((f, i) => (Option: f.Split(':')[0], File: Upload(host, f.Split(':')[1], (byte)i))).ToList();

        await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, command, Options([Text(name, value), .. attachments.Select(a => File(a.Option, a.File))]), [.. attachments.Select(a => a.File)]);
        await host.Endings.WaitForAsync(1);

        var job = host.Provider.Submitted.Single();
        job.Operation.ShouldBe(operation);
        job.Inputs.Select(i => i.Role.ToString()).Order().ShouldBe(roles.Split(',').Order());
    }

    private static EmulatorAttachment Upload(DiscordBotHost host, string name, byte seed) => name.EndsWith(".mp3", StringComparison.Ordinal)
        ? host.Emulator.UploadToCdn(TestMedia.Mp3(), name, "audio/mpeg")
        : host.Emulator.UploadToCdn(TestMedia.Png(32, 32, seed), name, "image/png");

    [Fact]
    public async Task Edit_WithAnEndFrame_IsRefusedAtNoCost()
    {
        await using var host = await DiscordBotHost.StartAsync();
        var image = host.Emulator.UploadToCdn(TestMedia.Png(32, 32), "small.png", "image/png");
        var last = host.Emulator.UploadToCdn(TestMedia.Png(32, 32), "last.png", "image/png");

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "edit", Options(File("image", image), Text("prompt", "brighter"), File("end_frame", last)), image, last);

        (await WaitForTextAsync(host, interaction, "is not used for")).ShouldContain("end frame");
        host.Provider.Submitted.ShouldBeEmpty();
        (await BalanceAsync(host)).Available.ShouldBe(50);
    }

    [Theory]
    [InlineData("a fox --bogus 3", "`--bogus`", null)]
    [InlineData("a fox --sed 5", "`--sed`", "Did you mean `--seed`?")]
    public async Task Imagine_UnknownFlag_IsRefusedAtNoCost(string prompt, string named, string? suggestion)
    {
        await using var host = await DiscordBotHost.StartAsync();

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Options(Text("prompt", prompt)));

        var refusal = await WaitForTextAsync(host, interaction, named);
        if (suggestion is not null)
        {
            refusal.ShouldContain(suggestion);
        }

        host.Provider.Submitted.ShouldBeEmpty();
        var balance = await BalanceAsync(host);
        (balance.Available, balance.Reserved).ShouldBe((50, 0));
    }

    [Fact]
    public async Task Help_Imagine_ListsItsFlagsAndAllowedValues()
    {
        await using var host = await DiscordBotHost.StartAsync();

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "help", Options(Text("command", "imagine")));

        var text = await WaitForTextAsync(host, interaction, "--ar");
        text.ShouldContain("1:1");
        text.ShouldContain("16:9");
        text.ShouldContain("--seed");
        host.Emulator.RegisteredCommands.Values.SelectMany(v => v!.AsArray()).ShouldContain(c => c!["name"]!.GetValue<string>() == "help");
    }

    [Fact]
    public async Task Models_LongList_IsPagedWithNextAndEveryModelIsReachable()
    {
        var many = string.Join(",", Enumerable.Range(1, 40).Select(i => $$"""
            { "id": "filler-{{i:00}}", "provider": "scripted", "displayName": "Filler {{i}}", "description": "A model that only enhances, listed to make the list long enough to page.", "operations": [ "enhance" ], "price": { "perOutput": 9 } }
            """));
        await using var host = await DiscordBotHost.StartAsync(moreModels: many);

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "models");
        await WaitForTextAsync(host, interaction, "Page 1 of");
        var seen = new List<string>();
        for (var page = 0; page < 10; page++)
        {
            var message = host.Emulator.GetOriginal(interaction)!;
            seen.Add(message["content"]!.GetValue<string>());
            var next = message["components"]!.AsArray().SelectMany(r => r!["components"]!.AsArray()).Single(b => b!["label"]!.GetValue<string>().StartsWith("Next", StringComparison.Ordinal))!;
            if (next["disabled"]?.GetValue<bool>() == true)
            {
                break;
            }

            var before = seen[^1];
            await host.Emulator.ClickButtonAsync(host.Channel, host.Member, message["id"]!.GetValue<string>(), next["custom_id"]!.GetValue<string>());
            await host.Emulator.WaitUntilAsync(e => e.GetOriginal(interaction)?["content"]?.GetValue<string>() != before);
        }

        seen.Count.ShouldBeGreaterThan(1);
        seen.ShouldAllBe(page => page.Length <= 2000);
        var all = string.Join("\n", seen);
        Enumerable.Range(1, 40).ShouldAllBe(i => all.Contains($"`filler-{i:00}`", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Models_OperationFilter_ListsOnlyThoseModels()
    {
        await using var host = await DiscordBotHost.StartAsync();

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "models", Options(Text("operation", "lip-sync")));

        var text = await WaitForTextAsync(host, interaction, "**Models for lip sync**");
        text.ShouldContain("`scripted-motion`");
        text.ShouldNotContain("`scripted-image`");
    }

    [Fact]
    public async Task Credits_UserOption_AsAdmin_ShowsThatMembersBalance()
    {
        await using var host = await DiscordBotHost.StartAsync();
        var admin = DiscordEmulator.CreateMember("boss", permissions: 32);
        var spend = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Options(Text("prompt", "a fox --n 3")));
        await host.Endings.WaitForAsync(1);

        var asAdmin = await host.Emulator.SendSlashCommandAsync(host.Channel, admin, "credits", Options(User("user", host.Member.UserId)));
        var asMember = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "credits", Options(User("user", admin.UserId)));

        (await WaitForTextAsync(host, asAdmin, "**Credits of")).ShouldContain("47 available");
        (await WaitForTextAsync(host, asMember, "Only admins")).ShouldNotContain("available");
        spend.ShouldNotBeNull();
    }

    [Fact]
    public async Task Jobs_ShowsTheRunningJobWithACancelButtonAndTheFinishedOne()
    {
        await using var host = await DiscordBotHost.StartAsync();
        await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Options(Text("prompt", "done already")));
        await host.Endings.WaitForAsync(1);
        host.Provider.Manual = true;
        await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Options(Text("prompt", "still going")));
        await host.Provider.WaitForTrackingAsync();
        await host.Provider.WaitForTrackingAsync();
        var running = host.Provider.Submitted.Last().JobId;

        var jobs = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "jobs");

        var text = await WaitForTextAsync(host, jobs, "**Finished**");
        text.ShouldContain($"`{host.Provider.Submitted.First().JobId}`");
        text.ShouldContain($"`{running}`");
        var message = host.Emulator.GetOriginal(jobs)!;
        var cancel = message["components"]!.AsArray().SelectMany(r => r!["components"]!.AsArray()).Single()!;
        cancel["label"]!.GetValue<string>().ShouldStartWith("Cancel ");
        cancel["label"]!.GetValue<string>().ShouldContain("still going");

        await host.Emulator.ClickButtonAsync(host.Channel, host.Member, message["id"]!.GetValue<string>(), cancel["custom_id"]!.GetValue<string>());
        await host.Endings.WaitForAsync(2);
        (await BalanceAsync(host)).Reserved.ShouldBe(0);
    }

    [Fact]
    public async Task ContextMenu_OnAMessageWithSeveralImages_OffersAChoiceAndUsesThePickedOne()
    {
        await using var host = await DiscordBotHost.StartAsync();
        var first = host.Emulator.UploadToCdn(TestMedia.Png(32, 32), "first.png", "image/png");
        var second = host.Emulator.UploadToCdn(TestMedia.Png(40, 30, seed: 7), "second.png", "image/png");
        var messageId = await host.Emulator.PostUserMessageAsync(host.Channel, host.Member, "two photos", first, second);

        var menu = await host.Emulator.SendMessageCommandAsync(host.Channel, host.Member, "Upscale", messageId);
        await host.Emulator.WaitUntilAsync(e => e.GetOriginal(menu)?["components"] is System.Text.Json.Nodes.JsonArray { Count: > 0 });
        var offer = host.Emulator.GetOriginal(menu)!;
        var buttons = offer["components"]!.AsArray().SelectMany(r => r!["components"]!.AsArray()).ToList();
        buttons.Select(b => b!["label"]!.GetValue<string>()).ShouldBe(["1. first.png", "2. second.png"]);
        host.Provider.Submitted.ShouldBeEmpty();

        await host.Emulator.ClickButtonAsync(host.Channel, host.Member, offer["id"]!.GetValue<string>(), buttons[1]!["custom_id"]!.GetValue<string>());
        await host.Endings.WaitForAsync(1);

        var job = host.Provider.Submitted.Single();
        job.Operation.ShouldBe(MediaOperation.Upscale);
        job.Inputs.Single().Media.FileName.ShouldBe("second.png");
    }
}
