namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>
/// The wire shapes Slack sends us, read with generated (reflection-free) serializers. Slack names fields in
/// snake_case and does not promise the order of <c>type</c>, hence out-of-order discriminators.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(SlashCommandPayload))]
[JsonSerializable(typeof(SlackInteraction))]
[JsonSerializable(typeof(SlackEventCallback))]
[JsonSerializable(typeof(SlackEventsRequest))]
[JsonSerializable(typeof(SlackMessageList))]
[JsonSerializable(typeof(EditModalMetadata))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
