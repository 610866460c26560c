using ChatBot.Discord.Inbound;

namespace ChatBot.Discord.Tests.Inbound;

public sealed class InteractionHandlerTests
{
    [Fact]
    public async Task Ack_EveryEventSlotBusy_NextCommandIsAcknowledgedAtOnceAndToldItsPlace()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Dispatcher.Hold = _ => release.Task;
        for (var i = 0; i < DiscordEventProcessor.MaxConcurrent; i++)
        {
            await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", SlashOptions.Prompt($"busy {i}"));
        }

        await host.Dispatcher.WaitForRequestAsync(DiscordEventProcessor.MaxConcurrent);

        var waiting = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", SlashOptions.Prompt("the one that waits"));
        await host.Emulator.WaitUntilAsync(e => e.CallbackTypes(waiting).Count == 1, TimeSpan.FromSeconds(5));
        await host.Emulator.WaitUntilAsync(e => e.GetOriginal(waiting)?["content"]?.GetValue<string>() is { } text && text.Contains("queued at position 1", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        host.Dispatcher.Requests.Count.ShouldBe(DiscordEventProcessor.MaxConcurrent);

        release.SetResult();
        (await host.Dispatcher.WaitForRequestAsync(DiscordEventProcessor.MaxConcurrent + 1)).Options.Prompt.ShouldBe("the one that waits");
        host.Emulator.CallbackTypes(waiting).ShouldBe([5]);
    }

    [Fact]
    public async Task Ack_SameInteractionDeliveredAgainAfterItsAck_RunsOnceAndIsAcknowledgedOnce()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", SlashOptions.Prompt("only once"));
        await host.Emulator.WaitUntilAsync(e => e.CallbackTypes(interaction).Count == 1, TimeSpan.FromSeconds(5));

        await host.Emulator.DeliverAsync(interaction);
        await host.Dispatcher.NextAsync();
        await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", SlashOptions.Prompt("the next one"));

        (await host.Dispatcher.NextAsync()).Options.Prompt.ShouldBe("the next one");
        host.Dispatcher.Requests.Select(r => r.Options.Prompt).ShouldBe(["only once", "the next one"]);
        host.Emulator.CallbackTypes(interaction).ShouldBe([5]);
        host.Emulator.RestCalls.Count(c => c.Path.Contains(interaction.Id, StringComparison.Ordinal) && c.Path.StartsWith("/interactions/", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Imagine_DefersPubliclyBeforeDispatch_ThenShowsQueuedEmbed()
    {
        await using var host = await DiscordTestHost.StartAsync();

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", SlashOptions.Prompt("a lighthouse"));
        var request = await host.Dispatcher.NextAsync();
        await host.Emulator.WaitForCallAsync(c => c.Is("PATCH", "/messages/@original"));

        host.Emulator.CallbackTypes(interaction).ShouldBe([5]);
        var callback = host.Emulator.RestCalls.First(c => c.Path.StartsWith("/interactions/", StringComparison.Ordinal));
        callback.Json!["data"].ShouldBeNull();
        request.Kind.ShouldBe(CommandKind.Imagine);
        request.Options.Prompt.ShouldBe("a lighthouse");
        request.Reply.Platform.ShouldBe(PlatformNames.Discord);
        var original = host.Emulator.GetOriginal(interaction)!;
        original["embeds"]![0]!["title"]!.GetValue<string>().ShouldBe("🎨 a lighthouse");
        original["embeds"]![0]!["description"]!.GetValue<string>().ShouldStartWith("Queued");
    }

    [Fact]
    public async Task Imagine_InlineFlagsInPrompt_OverrideOptionFields()
    {
        await using var host = await DiscordTestHost.StartAsync();

        await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", SlashOptions.Prompt("a fox --ar 16:9 --seed 7", ("aspect", 3, "1:1")));
        var request = await host.Dispatcher.NextAsync();

        request.Options.Prompt.ShouldBe("a fox");
        request.Options.AspectRatio.ShouldBe("16:9");
        request.Options.Seed.ShouldBe(7);
    }

    [Fact]
    public async Task Imagine_Refused_ReplacesPublicReplyWithEphemeralMessage()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Dispatcher.Answer = _ => new CommandOutcome.Refused("You need 4 credits; you have 1.");

        await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", SlashOptions.Prompt("a fox"));

        var followup = await host.Emulator.WaitForCallAsync(c => c.Method == "POST" && c.Path.StartsWith("/webhooks/", StringComparison.Ordinal));
        followup.Json!["flags"]!.GetValue<int>().ShouldBe(64);
        followup.Json["content"]!.GetValue<string>().ShouldBe("You need 4 credits; you have 1.");
        host.Emulator.RestCalls.ShouldContain(c => c.Is("DELETE", "/messages/@original"));
    }

    [Fact]
    public async Task Credits_DefersEphemerally_AndAnswersInPlace()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Dispatcher.Answer = _ => new CommandOutcome.Info("You have 42 credits.");

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "credits");
        var edit = await host.Emulator.WaitForCallAsync(c => c.Is("PATCH", "/messages/@original"));

        edit.Json!["content"]!.GetValue<string>().ShouldBe("You have 42 credits.");
        var callback = host.Emulator.RestCalls.First(c => c.Path.StartsWith("/interactions/", StringComparison.Ordinal));
        callback.Json!["type"]!.GetValue<int>().ShouldBe(5);
        callback.Json["data"]!["flags"]!.GetValue<int>().ShouldBe(64);
        ((host.Emulator.GetOriginal(interaction)!["flags"]!.GetValue<int>()) & 64).ShouldBe(64);
    }

    [Fact]
    public async Task Credits_GrantByAdmin_BecomesGrantCreditsWithAdminActor()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var admin = DiscordEmulator.CreateMember("boss", EmulatorMember.ManageGuild);

        await host.Emulator.SendSlashCommandAsync(host.Channel, admin, "credits",
            [new JsonObject { ["name"] = "user", ["type"] = 6, ["value"] = "555" }, new JsonObject { ["name"] = "grant", ["type"] = 4, ["value"] = 100 }]);
        var request = await host.Dispatcher.NextAsync();

        request.Kind.ShouldBe(CommandKind.GrantCredits);
        request.Options.TargetUserId.ShouldBe("555");
        request.Options.Amount.ShouldBe(100);
        request.Actor.IsAdmin.ShouldBeTrue();
        request.Actor.TenantId.ShouldBe(host.GuildId);
    }

    [Fact]
    public async Task Command_MemberWithoutAdminBits_IsNotAdmin_AndNsfwAndDmFollowTheChannel()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var nsfw = host.Emulator.CreateGuildChannel(host.GuildId, "after-dark", nsfw: true);
        var dm = host.Emulator.CreateDirectChannel(host.Member);

        await host.Emulator.SendSlashCommandAsync(nsfw, host.Member, "imagine", SlashOptions.Prompt("x"));
        var inNsfw = await host.Dispatcher.NextAsync();
        await host.Emulator.SendSlashCommandAsync(dm, host.Member, "imagine", SlashOptions.Prompt("y"));
        var inDm = await host.Dispatcher.NextAsync();

        inNsfw.Actor.IsAdmin.ShouldBeFalse();
        inNsfw.Conversation.IsNsfw.ShouldBeTrue();
        inDm.Conversation.IsDirectMessage.ShouldBeTrue();
        inDm.Actor.TenantId.ShouldBe("dm");
        inDm.Actor.UserId.ShouldBe(host.Member.UserId);
    }

    [Fact]
    public async Task Edit_AttachmentOnCdn_BecomesMediaRefThatPlatformMediaReads()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var png = TestMedia.Png();
        var attachment = host.Emulator.UploadToCdn(png, "cat.png", "image/png");

        await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "edit",
            [new JsonObject { ["name"] = "image", ["type"] = 11, ["value"] = attachment.Id }, new JsonObject { ["name"] = "prompt", ["type"] = 3, ["value"] = "add a hat" }],
            attachment);
        var request = await host.Dispatcher.NextAsync();

        var input = request.Inputs.ShouldHaveSingleItem();
        input.Url.ShouldBe(attachment.Url.ToString());
        input.DeclaredContentType.ShouldBe("image/png");
        input.DeclaredSize.ShouldBe(png.Length);
        var media = host.Services.GetRequiredService<IPlatformMedia>();
        media.Platform.ShouldBe(PlatformNames.Discord);
        await using var stream = await media.OpenAsync(input, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        copy.ToArray().ShouldBe(png);
    }

    [Theory]
    [InlineData("notes.txt", "text/plain", 100, "not an image")]
    [InlineData("huge.png", "image/png", 5000, "the limit is")]
    public async Task Edit_BadAttachment_RefusedEphemerallyWithoutDispatch(string name, string type, int size, string expected)
    {
        await using var host = await DiscordTestHost.StartAsync(s => s["Discord:MaxInputBytes"] = "1000");
        var attachment = host.Emulator.UploadToCdn(new byte[size], name, type);

        await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "edit",
            [new JsonObject { ["name"] = "image", ["type"] = 11, ["value"] = attachment.Id }], attachment);

        var followup = await host.Emulator.WaitForCallAsync(c => c.Method == "POST" && c.Path.StartsWith("/webhooks/", StringComparison.Ordinal));
        followup.Json!["flags"]!.GetValue<int>().ShouldBe(64);
        followup.Json["content"]!.GetValue<string>().ShouldContain(expected);
        host.Dispatcher.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Button_U2_DispatchesUpscaleOfThatOutput()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var result = await host.PostBotResultAsync("job42");

        await host.Emulator.ClickButtonAsync(host.Channel, host.Member, result, ButtonId.Encode(ButtonAction.Upscale, "job42", 1));
        var request = await host.Dispatcher.NextAsync();

        (request.Kind, request.SourceJobId, request.SourceOutputIndex).ShouldBe((CommandKind.Upscale, "job42", 1));
    }

    [Fact]
    public async Task Button_Edit_OpensModal_AndSubmitDispatchesEditWithPrompt()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var result = await host.PostBotResultAsync("job7");
        var customId = ButtonId.Encode(ButtonAction.Edit, "job7", 0);

        var click = await host.Emulator.ClickButtonAsync(host.Channel, host.Member, result, customId);
        var modal = await host.Emulator.WaitForCallAsync(c => c.Path.Contains(click.Id, StringComparison.Ordinal));
        modal.Json!["type"]!.GetValue<int>().ShouldBe(9);
        modal.Json["data"]!["custom_id"]!.GetValue<string>().ShouldBe(customId);
        await host.Emulator.SubmitModalAsync(host.Channel, host.Member, customId, new Dictionary<string, string> { ["prompt"] = "make it snowy" });
        var request = await host.Dispatcher.NextAsync();

        request.Kind.ShouldBe(CommandKind.Edit);
        request.Options.Prompt.ShouldBe("make it snowy");
        request.SourceJobId.ShouldBe("job7");
        request.SourceOutputIndex.ShouldBe(0);
    }

    [Fact]
    public async Task MessageMenu_Upscale_UsesTheMessagesImage()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var (photo, messageId) = await host.PostMemberPhotoAsync("look");

        await host.Emulator.SendMessageCommandAsync(host.Channel, host.Member, "Upscale", messageId);
        var request = await host.Dispatcher.NextAsync();

        request.Kind.ShouldBe(CommandKind.Upscale);
        request.Inputs.ShouldHaveSingleItem().Url.ShouldBe(photo.Url.ToString());
    }

    [Fact]
    public async Task MessageMenu_EditImage_AsksForPromptThenFetchesTheMessage()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var (photo, messageId) = await host.PostMemberPhotoAsync("look");

        var menu = await host.Emulator.SendMessageCommandAsync(host.Channel, host.Member, "Edit image", messageId);
        var modal = await host.Emulator.WaitForCallAsync(c => c.Path.Contains(menu.Id, StringComparison.Ordinal));
        var customId = modal.Json!["data"]!["custom_id"]!.GetValue<string>();
        await host.Emulator.SubmitModalAsync(host.Channel, host.Member, customId, new Dictionary<string, string> { ["prompt"] = "add a moon" });
        var request = await host.Dispatcher.NextAsync();

        modal.Json["type"]!.GetValue<int>().ShouldBe(9);
        request.Kind.ShouldBe(CommandKind.Edit);
        request.Options.Prompt.ShouldBe("add a moon");
        request.Inputs.ShouldHaveSingleItem().Url.ShouldBe(photo.Url.ToString());
        host.Emulator.RestCalls.ShouldContain(c => c.Is("GET", $"/channels/{host.Channel.Id}/messages/{messageId}"));
    }

    [Fact]
    public async Task Autocomplete_Model_OffersCatalogModelsForTheOperation()
    {
        await using var host = await DiscordTestHost.StartAsync();

        await host.Emulator.DeliverAsync(host.Emulator.CreateAutocomplete(host.Channel, host.Member, "imagine", "model", "sk"));
        var answer = await host.Emulator.WaitForCallAsync(c => c.Path.EndsWith("/callback", StringComparison.Ordinal));

        answer.Json!["type"]!.GetValue<int>().ShouldBe(8);
        answer.Json["data"]!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).ShouldBe(["local-sketch", "sky-pro"]);
    }

    [Fact]
    public async Task Interaction_DeliveredTwice_RunsOnce()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var interaction = host.Emulator.CreateSlashCommand(host.Channel, host.Member, "imagine", SlashOptions.Prompt("once"));

        await host.Emulator.DeliverAsync(interaction);
        await host.Emulator.DeliverAsync(interaction);
        await host.Dispatcher.NextAsync();
        await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", SlashOptions.Prompt("next"));
        await host.Dispatcher.NextAsync();

        host.Dispatcher.Requests.Select(r => r.Options.Prompt).ShouldBe(["once", "next"]);
        host.Emulator.CallbackTypes(interaction).ShouldBe([5]);
    }
}
