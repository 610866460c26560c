using System.Text.Json.Nodes;
using ChatBot.Core.Model;
using ChatBot.Core.Platform;
using ChatBot.Core.Replies;
using ChatBot.Discord.Rest;
using ChatBot.Discord.Tests.TestSupport;
using ChatBot.Emulators.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Discord.Tests.Interactions;

public sealed class InteractionHandlerTests
{
    private static JsonArray Prompt(string prompt, params (string Name, int Type, JsonNode Value)[] more)
    {
        var options = new JsonArray { new JsonObject { ["name"] = "prompt", ["type"] = 3, ["value"] = prompt } };
        foreach (var (name, type, value) in more)
        {
            options.Add(new JsonObject { ["name"] = name, ["type"] = type, ["value"] = value });
        }

        return options;
    }

    [Fact]
    public async Task Imagine_DefersPubliclyBeforeDispatch_ThenShowsQueuedEmbed()
    {
        await using var host = await DiscordTestHost.StartAsync();

        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Prompt("a lighthouse"));
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
        original["embeds"]![0]!["fields"]!.AsArray().ShouldContain(f => f!["name"]!.GetValue<string>() == "Position");
    }

    [Fact]
    public async Task Imagine_InlineFlagsInPrompt_OverrideOptionFields()
    {
        await using var host = await DiscordTestHost.StartAsync();

        await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Prompt("a fox --ar 16:9 --seed 7", ("aspect", 3, "1:1")));
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

        await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Prompt("a fox"));

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

        await host.Emulator.SendSlashCommandAsync(nsfw, host.Member, "imagine", Prompt("x"));
        var inNsfw = await host.Dispatcher.NextAsync();
        await host.Emulator.SendSlashCommandAsync(dm, host.Member, "imagine", Prompt("y"));
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
        var png = TestImages.Png();
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

    [Fact]
    public async Task PlatformMedia_HostOutsideCdnList_IsRejected()
    {
        await using var host = await DiscordTestHost.StartAsync(waitForReady: false);
        var media = host.Services.GetRequiredService<IPlatformMedia>();

        await Should.ThrowAsync<MediaRejectedException>(() => media.OpenAsync(new MediaRef("https://evil.example/cat.png", "cat.png"), CancellationToken.None));
        await Should.ThrowAsync<MediaRejectedException>(() => media.OpenAsync(new MediaRef("http://localhost:1/cat.png", "cat.png"), CancellationToken.None));
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
        var result = await PostBotResultAsync(host, "job42");

        await host.Emulator.ClickButtonAsync(host.Channel, host.Member, result, ButtonId.Encode(ButtonAction.Upscale, "job42", 1));
        var request = await host.Dispatcher.NextAsync();

        request.Kind.ShouldBe(CommandKind.Upscale);
        request.SourceJobId.ShouldBe("job42");
        request.SourceOutputIndex.ShouldBe(1);
    }

    [Fact]
    public async Task Button_Edit_OpensModal_AndSubmitDispatchesEditWithPrompt()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var result = await PostBotResultAsync(host, "job7");
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
        var photo = host.Emulator.UploadToCdn(TestImages.Png(), "photo.png", "image/png");
        var messageId = await host.Emulator.PostUserMessageAsync(host.Channel, host.Member, "look", photo);

        await host.Emulator.SendMessageCommandAsync(host.Channel, host.Member, "Upscale", messageId);
        var request = await host.Dispatcher.NextAsync();

        request.Kind.ShouldBe(CommandKind.Upscale);
        request.Inputs.ShouldHaveSingleItem().Url.ShouldBe(photo.Url.ToString());
    }

    [Fact]
    public async Task MessageMenu_EditImage_AsksForPromptThenFetchesTheMessage()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var photo = host.Emulator.UploadToCdn(TestImages.Png(), "photo.png", "image/png");
        var messageId = await host.Emulator.PostUserMessageAsync(host.Channel, host.Member, "look", photo);

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
    public async Task Reaction_MagnifierOnOwnResult_UpscalesIntoAReplyMessage()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var result = await PostBotResultAsync(host, "job9");

        await host.Emulator.AddReactionAsync(host.Channel, host.Member, result, "🔍");
        var request = await host.Dispatcher.NextAsync();
        await host.Emulator.WaitForCallAsync(c => c.Method == "PATCH" && c.Path.StartsWith($"/channels/{host.Channel.Id}/messages/", StringComparison.Ordinal));

        request.Kind.ShouldBe(CommandKind.Upscale);
        request.Inputs.ShouldHaveSingleItem().FileName.ShouldBe("job9-1.png");
        var placeholder = host.Emulator.RestCalls.Last(c => c.Is("POST", $"/channels/{host.Channel.Id}/messages"));
        placeholder.Json!["message_reference"]!["message_id"]!.GetValue<string>().ShouldBe(result);
    }

    [Fact]
    public async Task Reaction_InNsfwChannel_CarriesTheChannelsFlag()
    {
        await using var host = await DiscordTestHost.StartAsync(s => s["Discord:ReactionsOnAnyMessage"] = "true");
        var nsfw = host.Emulator.CreateGuildChannel(host.GuildId, "after-dark", nsfw: true);
        var photo = host.Emulator.UploadToCdn(TestImages.Png(), "photo.png", "image/png");
        var messageId = await host.Emulator.PostUserMessageAsync(nsfw, host.Member, "", photo);

        await host.Emulator.AddReactionAsync(nsfw, host.Member, messageId, "🎬");
        var request = await host.Dispatcher.NextAsync();

        request.Kind.ShouldBe(CommandKind.Animate);
        request.Conversation.IsNsfw.ShouldBeTrue();
    }

    [Fact]
    public async Task Reaction_PencilOnOwnResult_AsksForThePromptWithAModalButton()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var result = await PostBotResultAsync(host, "job13");

        await host.Emulator.AddReactionAsync(host.Channel, host.Member, result, "✏️");
        var ask = await host.Emulator.WaitForCallAsync(c => c.Is("POST", $"/channels/{host.Channel.Id}/messages") && c.Json is JsonObject { } body && body["content"]?.GetValue<string>().Contains("what should change", StringComparison.Ordinal) == true);
        var customId = ask.Json!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();
        customId.ShouldStartWith("dx:edit:");
        await host.Emulator.ClickButtonAsync(host.Channel, host.Member, result, customId);
        var modal = await host.Emulator.WaitForCallAsync(c => c.Json is JsonObject body && body["type"]?.GetValue<int>() == 9);
        await host.Emulator.SubmitModalAsync(host.Channel, host.Member, modal.Json!["data"]!["custom_id"]!.GetValue<string>(), new Dictionary<string, string> { ["prompt"] = "add rain" });
        var request = await host.Dispatcher.NextAsync();

        request.Kind.ShouldBe(CommandKind.Edit);
        request.Options.Prompt.ShouldBe("add rain");
        request.Inputs.ShouldHaveSingleItem().FileName.ShouldBe("job13-1.png");
    }

    [Fact]
    public async Task Reaction_RerollOnOwnResult_UsesTheSourceJob()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var result = await PostBotResultAsync(host, "job11");

        await host.Emulator.AddReactionAsync(host.Channel, host.Member, result, "🔁");
        var request = await host.Dispatcher.NextAsync();

        request.Kind.ShouldBe(CommandKind.Reroll);
        request.SourceJobId.ShouldBe("job11");
    }

    [Fact]
    public async Task Reaction_OnMemberMessage_IgnoredUnlessEnabled()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var photo = host.Emulator.UploadToCdn(TestImages.Png(), "photo.png", "image/png");
        var messageId = await host.Emulator.PostUserMessageAsync(host.Channel, host.Member, "look", photo);
        var result = await PostBotResultAsync(host, "job12");

        await host.Emulator.AddReactionAsync(host.Channel, host.Member, messageId, "🔍");
        await host.Emulator.AddReactionAsync(host.Channel, host.Member, result, "🔍");
        var request = await host.Dispatcher.NextAsync();

        request.Inputs.ShouldHaveSingleItem().FileName.ShouldBe("job12-1.png");
        host.Dispatcher.Requests.Count.ShouldBe(1);
        host.Emulator.RestCalls.ShouldNotContain(c => c.Path.EndsWith("/messages/" + messageId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reaction_PencilOnMemberMessage_EditsWithItsTextAsPrompt()
    {
        await using var host = await DiscordTestHost.StartAsync(s => s["Discord:ReactionsOnAnyMessage"] = "true");
        var photo = host.Emulator.UploadToCdn(TestImages.Png(), "photo.png", "image/png");
        var messageId = await host.Emulator.PostUserMessageAsync(host.Channel, host.Member, "make it night", photo);

        await host.Emulator.AddReactionAsync(host.Channel, host.Member, messageId, "✏️");
        var request = await host.Dispatcher.NextAsync();

        request.Kind.ShouldBe(CommandKind.Edit);
        request.Options.Prompt.ShouldBe("make it night");
        request.Inputs.ShouldHaveSingleItem().Url.ShouldBe(photo.Url.ToString());
    }

    [Fact]
    public async Task Interaction_DeliveredTwice_RunsOnce()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var interaction = host.Emulator.CreateSlashCommand(host.Channel, host.Member, "imagine", Prompt("once"));

        await host.Emulator.DeliverAsync(interaction);
        await host.Emulator.DeliverAsync(interaction);
        await host.Dispatcher.NextAsync();
        await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Prompt("next"));
        await host.Dispatcher.NextAsync();

        host.Dispatcher.Requests.Select(r => r.Options.Prompt).ShouldBe(["once", "next"]);
        host.Emulator.CallbackTypes(interaction).ShouldBe([5]);
    }

    /// <summary>Posts a bot result (one image, U1/V1 buttons) as the bot would, and returns its message id.</summary>
    internal static async Task<string> PostBotResultAsync(DiscordTestHost host, string jobId)
    {
        var rest = host.Services.GetRequiredService<DiscordRestClient>();
        var payload = new MessagePayload
        {
            Components =
            [
                new Component(Component.ActionRowType)
                {
                    Components =
                    [
                        new Component(Component.ButtonType) { Style = 2, Label = "U1", CustomId = ButtonId.Encode(ButtonAction.Upscale, jobId, 0) },
                        new Component(Component.ButtonType) { Style = 2, Label = "V1", CustomId = ButtonId.Encode(ButtonAction.Vary, jobId, 0) },
                    ],
                },
            ],
            Attachments = [new AttachmentRef("0", $"{jobId}-1.png")],
        };
        var message = await rest.CreateChannelMessageAsync(host.Channel.Id, payload, [new OutgoingFile($"{jobId}-1.png", "image/png", TestImages.Png())], CancellationToken.None);
        return message.Id;
    }
}
