using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatBot.Emulators.Discord;

public sealed partial class DiscordEmulator
{
    /// <summary>Builds a slash command (type 2, CHAT_INPUT). Attachments are put in <c>resolved.attachments</c>.</summary>
    public EmulatorInteraction CreateSlashCommand(EmulatorChannel channel, EmulatorMember member, string name, JsonArray? options = null, params EmulatorAttachment[] attachments)
    {
        var data = new JsonObject { ["id"] = Snowflake(name), ["name"] = name, ["type"] = 1, ["options"] = options ?? [] };
        if (attachments.Length > 0)
        {
            var resolved = new JsonObject();
            foreach (var attachment in attachments)
            {
                resolved[attachment.Id] = AttachmentJson(attachment);
            }

            data["resolved"] = new JsonObject { ["attachments"] = resolved };
        }

        return CreateInteraction(2, channel, member, data, sourceMessageId: null);
    }

    /// <summary>Builds an autocomplete request (type 4) for the focused option.</summary>
    public EmulatorInteraction CreateAutocomplete(EmulatorChannel channel, EmulatorMember member, string name, string focusedOption, string typed)
    {
        var options = new JsonArray { new JsonObject { ["name"] = focusedOption, ["type"] = 3, ["value"] = typed, ["focused"] = true } };
        var data = new JsonObject { ["id"] = Snowflake(name), ["name"] = name, ["type"] = 1, ["options"] = options };
        return CreateInteraction(4, channel, member, data, sourceMessageId: null);
    }

    /// <summary>Builds a message context-menu command (type 2, command type 3) on a message.</summary>
    public EmulatorInteraction CreateMessageCommand(EmulatorChannel channel, EmulatorMember member, string name, string targetMessageId)
    {
        var target = GetMessage(targetMessageId) ?? throw new InvalidOperationException("Unknown target message.");
        var data = new JsonObject
        {
            ["id"] = Snowflake(name),
            ["name"] = name,
            ["type"] = 3,
            ["target_id"] = targetMessageId,
            ["resolved"] = new JsonObject { ["messages"] = new JsonObject { [targetMessageId] = target } },
        };
        return CreateInteraction(2, channel, member, data, sourceMessageId: null);
    }

    /// <summary>Builds a button click (type 3) on a message.</summary>
    public EmulatorInteraction CreateButtonClick(EmulatorChannel channel, EmulatorMember member, string messageId, string customId)
    {
        var data = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        return CreateInteraction(3, channel, member, data, sourceMessageId: messageId);
    }

    /// <summary>Builds a modal submit (type 5): each value sits in a Label holding a Text Input.</summary>
    public EmulatorInteraction CreateModalSubmit(EmulatorChannel channel, EmulatorMember member, string customId, IReadOnlyDictionary<string, string> values, string? messageId = null)
    {
        var components = new JsonArray();
        foreach (var (id, value) in values)
        {
            components.Add(new JsonObject
            {
                ["type"] = 18,
                ["component"] = new JsonObject { ["type"] = 4, ["custom_id"] = id, ["value"] = value },
            });
        }

        var data = new JsonObject { ["custom_id"] = customId, ["components"] = components };
        return CreateInteraction(5, channel, member, data, messageId);
    }

    /// <summary>Delivers an interaction over the gateway as INTERACTION_CREATE.</summary>
    public async Task<EmulatorInteraction> DeliverAsync(EmulatorInteraction interaction)
    {
        await DispatchAsync("INTERACTION_CREATE", interaction.Payload, interaction.Channel.GuildId);
        return interaction;
    }

    /// <summary>
    /// Delivers an interaction to the bot's HTTP endpoint, signed like Discord signs it. <paramref name="forge"/> signs
    /// with a key that is not the application's; <paramref name="timestamp"/> overrides the signed time.
    /// </summary>
    public Task<HttpResponseMessage> PostSignedAsync(HttpClient client, Uri endpoint, JsonObject payload, bool forge = false, DateTimeOffset? timestamp = null, CancellationToken cancellationToken = default) =>
        PostSignedAsync(client, endpoint, payload, (timestamp ?? Options.TimeProvider.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), forge, cancellationToken);

    /// <summary>Posts a request correctly signed over <paramref name="timestamp"/> exactly as given (Discord sends epoch seconds).</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(HttpClient client, Uri endpoint, JsonObject payload, string timestamp, bool forge = false, CancellationToken cancellationToken = default)
    {
        var body = payload.ToJsonString();
        var time = timestamp;
        var signer = forge ? new DiscordEmulatorSigner() : Signer;
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("X-Signature-Ed25519", signer.Sign(time, body));
        request.Headers.Add("X-Signature-Timestamp", time);
        return await client.SendAsync(request, cancellationToken);
    }

    /// <summary>A PING interaction (type 1), as Discord sends when the endpoint URL is saved.</summary>
    public JsonObject CreatePing() => new()
    {
        ["id"] = NextId(),
        ["application_id"] = Options.ApplicationId,
        ["type"] = 1,
        ["token"] = "ping-" + NextId(),
        ["version"] = 1,
    };

    public Task<EmulatorInteraction> SendSlashCommandAsync(EmulatorChannel channel, EmulatorMember member, string name, JsonArray? options = null, params EmulatorAttachment[] attachments) =>
        DeliverAsync(CreateSlashCommand(channel, member, name, options, attachments));

    public Task<EmulatorInteraction> ClickButtonAsync(EmulatorChannel channel, EmulatorMember member, string messageId, string customId) =>
        DeliverAsync(CreateButtonClick(channel, member, messageId, customId));

    public Task<EmulatorInteraction> SubmitModalAsync(EmulatorChannel channel, EmulatorMember member, string customId, IReadOnlyDictionary<string, string> values) =>
        DeliverAsync(CreateModalSubmit(channel, member, customId, values));

    public Task<EmulatorInteraction> SendMessageCommandAsync(EmulatorChannel channel, EmulatorMember member, string name, string targetMessageId) =>
        DeliverAsync(CreateMessageCommand(channel, member, name, targetMessageId));

    /// <summary>A member posts a message (with attachments) in a channel; dispatched as MESSAGE_CREATE.</summary>
    public async Task<string> PostUserMessageAsync(EmulatorChannel channel, EmulatorMember member, string content, params EmulatorAttachment[] attachments)
    {
        JsonObject message;
        lock (_gate)
        {
            message = NewMessage(channel.Id, interactionId: null);
            message["author"] = new JsonObject { ["id"] = member.UserId, ["username"] = member.UserName };
            message["content"] = content;
            message["attachments"] = new JsonArray([.. attachments.Select(a => (JsonNode)AttachmentJson(a))]);
            message = (JsonObject)message.DeepClone();
        }

        await DispatchAsync("MESSAGE_CREATE", message, channel.GuildId);
        return message["id"]!.GetValue<string>();
    }

    /// <summary>A member reacts to a message; dispatched as MESSAGE_REACTION_ADD.</summary>
    public async Task AddReactionAsync(EmulatorChannel channel, EmulatorMember member, string messageId, string emoji)
    {
        var author = GetMessage(messageId)?["author"]?["id"]?.GetValue<string>();
        var data = new JsonObject
        {
            ["user_id"] = member.UserId,
            ["channel_id"] = channel.Id,
            ["message_id"] = messageId,
            ["emoji"] = new JsonObject { ["id"] = null, ["name"] = emoji },
            ["burst"] = false,
            ["type"] = 0,
        };
        if (author is not null)
        {
            data["message_author_id"] = author;
        }

        if (channel.GuildId is not null)
        {
            data["guild_id"] = channel.GuildId;
            data["member"] = MemberJson(member);
        }

        await DispatchAsync("MESSAGE_REACTION_ADD", data, channel.GuildId);
    }

    private EmulatorInteraction CreateInteraction(int type, EmulatorChannel channel, EmulatorMember member, JsonObject data, string? sourceMessageId)
    {
        var id = NextId();
        var token = "itok-" + Guid.NewGuid().ToString("N");
        var payload = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = Options.ApplicationId,
            ["type"] = type,
            ["data"] = data,
            ["channel_id"] = channel.Id,
            ["channel"] = new JsonObject { ["id"] = channel.Id, ["type"] = channel.IsDirectMessage ? 1 : 0, ["nsfw"] = channel.Nsfw, ["name"] = channel.Name },
            ["token"] = token,
            ["version"] = 1,
            ["app_permissions"] = "2248473465835073",
            ["locale"] = "en-US",
            ["attachment_size_limit"] = 10 * 1024 * 1024,
        };
        if (channel.GuildId is not null)
        {
            payload["guild_id"] = channel.GuildId;
            payload["member"] = MemberJson(member);
        }
        else
        {
            payload["user"] = UserJson(member);
        }

        if (sourceMessageId is not null && GetMessage(sourceMessageId) is { } message)
        {
            payload["message"] = message;
        }

        lock (_gate)
        {
            _interactions[token] = new InteractionState(id, token, channel.Id, Options.TimeProvider.GetUtcNow()) { SourceMessageId = sourceMessageId };
        }

        return new EmulatorInteraction(id, token, channel, payload);
    }

    private static JsonObject UserJson(EmulatorMember member) =>
        new() { ["id"] = member.UserId, ["username"] = member.UserName, ["global_name"] = member.UserName };

    private static JsonObject MemberJson(EmulatorMember member) => new()
    {
        ["user"] = UserJson(member),
        ["roles"] = new JsonArray([.. (member.Roles ?? []).Select(r => (JsonNode)JsonValue.Create(r))]),
        ["permissions"] = member.Permissions.ToString(CultureInfo.InvariantCulture),
    };

    private static JsonObject AttachmentJson(EmulatorAttachment attachment) => new()
    {
        ["id"] = attachment.Id,
        ["filename"] = attachment.FileName,
        ["size"] = attachment.Bytes.Length,
        ["content_type"] = attachment.ContentType,
        ["url"] = attachment.Url.ToString(),
        ["proxy_url"] = attachment.Url.ToString(),
    };
}
