namespace ChatBot.Discord.Tests.Inbound;

public sealed class ReactionHandlerTests
{
    /// <summary>The member reacts with <paramref name="emoji"/> to a result the bot posted; returns that result and the request it made.</summary>
    private static async Task<(string Result, CommandRequest Request)> ReactToBotResultAsync(DiscordTestHost host, string jobId, string emoji)
    {
        var result = await host.PostBotResultAsync(jobId);
        await host.Emulator.AddReactionAsync(host.Channel, host.Member, result, emoji);
        return (result, await host.Dispatcher.NextAsync());
    }

    [Fact]
    public async Task Reaction_MagnifierOnOwnResult_UpscalesIntoAReplyMessage()
    {
        await using var host = await DiscordTestHost.StartAsync();

        var (result, request) = await ReactToBotResultAsync(host, "job9", "🔍");
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
        var (_, messageId) = await host.PostMemberPhotoAsync("", nsfw);

        await host.Emulator.AddReactionAsync(nsfw, host.Member, messageId, "🎬");
        var request = await host.Dispatcher.NextAsync();

        request.Kind.ShouldBe(CommandKind.Animate);
        request.Conversation.IsNsfw.ShouldBeTrue();
    }

    [Fact]
    public async Task Reaction_InDirectMessage_ArrivesThroughDirectMessageReactionsIntent()
    {
        await using var host = await DiscordTestHost.StartAsync(s => s["Discord:ReactionsOnAnyMessage"] = "true");
        var dm = host.Emulator.CreateDirectChannel(host.Member);
        var (_, messageId) = await host.PostMemberPhotoAsync("", dm);

        await host.Emulator.AddReactionAsync(dm, host.Member, messageId, "🎬");
        var request = await host.Dispatcher.NextAsync();

        request.Kind.ShouldBe(CommandKind.Animate);
        request.Conversation.IsDirectMessage.ShouldBeTrue();
    }

    [Fact]
    public async Task Reaction_PencilOnOwnResult_AsksForThePromptWithAModalButton()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var result = await host.PostBotResultAsync("job13");

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

        var (_, request) = await ReactToBotResultAsync(host, "job11", "🔁");

        request.Kind.ShouldBe(CommandKind.Reroll);
        request.SourceJobId.ShouldBe("job11");
    }

    [Fact]
    public async Task Reaction_OnMemberMessage_IgnoredUnlessEnabled()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var (_, messageId) = await host.PostMemberPhotoAsync("look");
        var result = await host.PostBotResultAsync("job12");

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
        var (photo, messageId) = await host.PostMemberPhotoAsync("make it night");

        await host.Emulator.AddReactionAsync(host.Channel, host.Member, messageId, "✏️");
        var request = await host.Dispatcher.NextAsync();

        request.Kind.ShouldBe(CommandKind.Edit);
        request.Options.Prompt.ShouldBe("make it night");
        request.Inputs.ShouldHaveSingleItem().Url.ShouldBe(photo.Url.ToString());
    }
}
