using System.Text.Json;
using ChatBot.Slack.Inbound.Payloads;

namespace ChatBot.Slack.Tests.Inbound.Payloads;

/// <summary>Slack's payloads, as the emulator builds them from Slack's documentation, read into the typed records.</summary>
public sealed class SlackJsonContextTests : IAsyncLifetime
{
    private SlackEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await SlackEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private static SlackInteraction? Interaction(JsonNode json) =>
        JsonSerializer.Deserialize(json.ToJsonString(), SlackJsonContext.Default.SlackInteraction);

    [Fact]
    public void Interaction_BlockAction_ReadsClickedButtonAndWhere()
    {
        var payload = Interaction(_emulator.BlockAction("U1", "C1", "1700000000.000001", "cb:Upscale:job42:1"));

        var clicks = payload.ShouldBeOfType<BlockActionsPayload>();
        clicks.User!.Id.ShouldBe("U1");
        clicks.Channel!.Id.ShouldBe("C1");
        clicks.Container!.ChannelId.ShouldBe("C1");
        clicks.TriggerId.ShouldNotBeNullOrEmpty();
        clicks.Actions.ShouldHaveSingleItem().ActionId.ShouldBe("cb:Upscale:job42:1");
    }

    [Fact]
    public void Interaction_TypeAfterOtherFields_IsStillRecognised()
    {
        var json = new JsonObject { ["callback_id"] = "upscale", ["channel"] = new JsonObject { ["id"] = "C1" }, ["type"] = "message_action" };

        Interaction(json).ShouldBeOfType<MessageShortcutPayload>().CallbackId.ShouldBe("upscale");
    }

    [Fact]
    public void Interaction_UnhandledType_ReadsAsBaseRecord()
    {
        var json = new JsonObject { ["type"] = "block_suggestion", ["user"] = new JsonObject { ["id"] = "U1" } };

        var payload = Interaction(json).ShouldNotBeNull();

        payload.GetType().ShouldBe(typeof(SlackInteraction));
        payload.User!.Id.ShouldBe("U1");
    }

    [Fact]
    public void EventCallback_ReactionAdded_ReadsReactionAndItem()
    {
        var json = _emulator.EventCallback(SlackEmulator.ReactionAdded("U1", "mag", "C1", "1700000000.000002"), "Ev1");

        var callback = JsonSerializer.Deserialize(json.ToJsonString(), SlackJsonContext.Default.SlackEventCallback).ShouldNotBeNull();

        callback.TeamId.ShouldBe(_emulator.TeamId);
        var reaction = callback.Event.ShouldBeOfType<ReactionAddedEvent>();
        reaction.Reaction.ShouldBe("mag");
        reaction.Item.ShouldBe(new SlackReactionItem("message", "C1", "1700000000.000002"));
    }

    [Fact]
    public void EditModalMetadata_WithoutImage_WritesOnlyWhatIsSet()
    {
        var metadata = new EditModalMetadata { Button = "cb:Edit:j1:0", Channel = "C1" };

        var json = JsonSerializer.Serialize(metadata, SlackJsonContext.Default.EditModalMetadata);

        json.ShouldBe("""{"b":"cb:Edit:j1:0","c":"C1"}""");
        JsonSerializer.Deserialize(json, SlackJsonContext.Default.EditModalMetadata).ShouldBe(metadata);
    }
}
